import assert from 'node:assert/strict';
import { applyFirstFix, lint } from './helpers';

const body = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
const found = (text: string) => {
  const { doc, findings } = lint(text, { kind: 'cfn' });
  return findings.filter((f) => f.code === 'CFN4101').map((f) => doc.text.slice(f.start, f.end));
};

describe('transform names (CFN4101)', () => {
  it('accepts AWS transforms in every form, and macros the account defines', () => {
    assert.deepEqual(found(`Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31, MyOrgMacro]\n${body}`), []);
    assert.deepEqual(found(`Transform: {Name: AWS::Include, Parameters: {Location: s3://b/k}}\n${body}`), []);
    assert.deepEqual(found(`${body}    Properties:\n      Fn::Transform: {Name: MyMacro}\n`), []);
  });

  it('reports an unknown AWS:: transform in the section and in Fn::Transform, with did-you-mean', () => {
    const text = `Transform: AWS::Serverless-2016-10-13\n${body}`;
    assert.deepEqual(found(text), ['AWS::Serverless-2016-10-13']);
    assert.match(applyFirstFix(text, 'CFN4101'), /^Transform: AWS::Serverless-2016-10-31\n/);
    assert.deepEqual(found(`${body}    Properties:\n      Fn::Transform: {Name: AWS::Inclde, Parameters: {Location: s3://b/k}}\n`), ['AWS::Inclde']);
  });
});

describe('LanguageExtensions functions without the transform (CFN5203)', () => {
  const loop = 'Resources:\n  Fn::ForEach::Queues:\n    - Name\n    - [A, B]\n    - Queue${Name}:\n        Type: AWS::SQS::Queue\nOutputs:\n  N:\n    Value: !Length [a, b]\n';
  const codes5203 = (text: string) => {
    const { doc, findings } = lint(text, { kind: 'cfn' });
    return findings.filter((f) => f.code === 'CFN5203').map((f) => doc.text.slice(f.start, f.end));
  };

  it('reports each loop key and extension function, and the fix adds the transform', () => {
    assert.deepEqual(codes5203(loop), ['Fn::ForEach::Queues', '!Length']);
    const fixed = applyFirstFix(loop, 'CFN5203', 0, { kind: 'cfn' });
    assert.match(fixed, /^Transform: AWS::LanguageExtensions\nResources:/);
    assert.deepEqual(codes5203(fixed), []);
  });

  it('is silent with the transform, or with a macro that may expand them', () => {
    assert.deepEqual(codes5203(`Transform: AWS::LanguageExtensions\n${loop}`), []);
    assert.deepEqual(codes5203(`Transform: MyMacro\n${loop}`), []);
  });
});

describe('Transform section shape (CFN1003)', () => {
  const shape = (text: string) => {
    const { doc, findings } = lint(text, { kind: 'cfn' });
    return findings.filter((f) => f.code === 'CFN1003').map((f) => doc.text.slice(f.start, f.end));
  };
  it('reports an empty Transform, a mapping without Name, and keys other than Name and Parameters', () => {
    assert.deepEqual(shape(`Transform:\n${body}`), ['Transform']);
    assert.deepEqual(shape(`Transform:\n  Nme: AWS::Include\n${body}`), ['Transform', 'Nme']);
    assert.match(applyFirstFix(`Transform:\n  Name: AWS::Include\n  Parameter: { Location: s3://b/k }\n${body}`, 'CFN1003', 0, { kind: 'cfn' }), /  Parameters: \{/);
    assert.deepEqual(shape(`Transform: [AWS::Serverless-2016-10-31, { Name: AWS::Include, Parameters: { Location: s3://b/k } }]\n${body}`), []);
  });
});
