import assert from 'node:assert/strict';
import { applyFirstFix, lint } from './helpers';

const errors = (text: string) =>
  lint(text)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => [f.code, text.slice(0, f.start).split('\n').length]);

describe('one root cause, one error', () => {
  it('a misspelled section is read as the section it should be: only the misspelling is reported', () => {
    const text = "AWSTemplateFormatVersion: '2010-09-09'\nResource:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nme\nOutput:\n  O:\n    Value: !GetAtt Q.Arn\n  P:\n    Value: !Ref Q\n";
    // 'Nme' really is dangling; Q (under the misspelled Resources) is not.
    assert.deepEqual(errors(text), [
      ['CFN1001', 2],
      ['CFN4001', 6],
      ['CFN1001', 7],
    ]);
  });

  it('an ambiguous or already-present section name is not guessed', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\nResource:\n  T:\n    Type: AWS::SNS::Topic\nOutputs:\n  O:\n    Value: !Ref T\n';
    const out = errors(text).map(([c]) => c);
    assert.ok(out.includes('CFN1001'));
    assert.ok(out.includes('CFN4001'), 'T is not a resource: the real Resources section is there');
  });

  it('an unknown resource type gets one error, no property errors', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queu\n    Properties:\n      VisibilityTimeout: 30\n      Nonsense: 1\nOutputs:\n  O:\n    Value: !GetAtt Q.Arn\n';
    assert.deepEqual(errors(text), [['CFN3002', 3]]);
  });

  it('Type:AWS::EC2::Instance above a Properties block: one syntax error with the insert-a-space fix, and the resource is checked as meant', () => {
    const text = 'Resources:\n  I:\n    Type:AWS::EC2::Instance\n    Properties:\n      ImageIdd: ami-123\nOutputs:\n  O:\n    Value: !GetAtt I.PublicIp\n';
    const { findings } = lint(text);
    assert.deepEqual(errors(text), [['DOC1001', 3], ['CFN3003', 5]]);
    assert.match(findings[0].message, /No space after 'Type:'/);
    const fixed = applyFirstFix(text, 'DOC1001');
    assert.equal(fixed, text.replace('Type:AWS', 'Type: AWS'));
    assert.deepEqual(errors(fixed), [['CFN3003', 5]]);
  });

  it('a quote never closed: one error at the opening quote with a fix, and the rest of the file is still checked', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "orders\n  C:\n    Type: AWS::SNS::Topik\nOutputs:\n  OA:\n    Value: !Ref A\n  OC:\n    Value: !Ref C\n';
    const { findings } = lint(text);
    assert.deepEqual(errors(text), [['DOC1001', 5], ['CFN3002', 7]]);
    assert.equal(findings[0].start, text.indexOf('"orders'));
    assert.equal(applyFirstFix(text, 'DOC1001'), text.replace('"orders', '"orders"'));
  });

  it('a syntax error gives one error, not a cascade of structure and reference errors', () => {
    const indent = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n     QueueName: x\n      DelaySeconds: 5\n  C:\n    Type: AWS::SNS::Topic\nOutputs:\n  OC:\n    Value: !Ref C\n';
    assert.deepEqual(errors(indent), [['DOC1001', 7]]);
    const tab = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n\tType: AWS::SQS::Queue\n  C:\n    Type: AWS::SNS::Topic\nOutputs:\n  OA:\n    Value: !Ref A\n  OC:\n    Value: !Ref C\n';
    assert.deepEqual(errors(tab), [['DOC1001', 5]]);
  });

  it('away from a syntax error, rules still report', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 5\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: [a, b\n';
    const out = errors(text);
    assert.ok(out.some(([c, l]) => c === 'CFN3003' && l === 5), JSON.stringify(out));
    assert.ok(out.some(([c]) => c === 'DOC1001'));
  });

  it('a JSON syntax error: the first error only, no misplaced sections after it', () => {
    const text = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Metadata": {\n    "Stack" {\n      "Value": "2"\n    },\n    "VersionDate": {\n      "Value": "1"\n    }\n  },\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue"}\n  }\n}\n';
    const found = lint(text, { name: 'file:///t.json' }).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(found.map((f) => [f.code, text.slice(0, f.start).split('\n').length]), [['DOC1001', 4]]);
  });
});
