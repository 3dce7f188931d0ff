import assert from 'node:assert/strict';
import { lint } from './helpers';

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
});
