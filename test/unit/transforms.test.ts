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
