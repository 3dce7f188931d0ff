import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';

const role = (trust: string, inline: string) =>
  tpl(
    [
      '  R:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      ...trust.split('\n').map((l) => `        ${l}`),
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument:',
      ...inline.split('\n').map((l) => `            ${l}`),
      '',
    ].join('\n'),
  );
const goodTrust = ['Version: "2012-10-17"', 'Statement:', '  - Effect: Allow', '    Principal: {Service: lambda.amazonaws.com}', '    Action: sts:AssumeRole'].join('\n');
const statement = (...lines: string[]) => ['Version: "2012-10-17"', 'Statement:', ...lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`))].join('\n');
const goodInline = statement('Effect: Allow', 'Action: [s3:GetObject, "s3:List*", "*"]', 'Resource: arn:aws:s3:::b/*');

const iam = (text: string) => {
  const { doc, findings } = lint(text);
  return findings.filter((f) => f.code.startsWith('IAM')).map((f) => `${f.code} ${doc.text.slice(f.start, f.end)}`);
};

describe('IAM policy documents (IAM1001-IAM1003)', () => {
  it('accepts well-formed trust and identity policies, wildcards that match, and intrinsics', () => {
    assert.deepEqual(iam(role(goodTrust, goodInline)), []);
    const withIf = statement('Effect: Allow', 'Action: !If [C, s3:GetObject, !Ref AWS::NoValue]', 'Resource: !Sub "arn:${AWS::Partition}:s3:::b"');
    assert.deepEqual(iam(role(goodTrust, withIf)), []);
  });

  it('IAM1001: Version, Effect, Action/NotAction, Resource, Principal per policy kind, Sid, Statement shape', () => {
    const text = role(
      ['Version: "2012-10-17"', 'Statement:', '  - Effect: Allow', '    Action: sts:AssumeRole', '    Resource: "*"'].join('\n'),
      ['Version: "2012-10-18"', 'Statement:', '  - Sid: not ok', '    Effect: allow', '    Principal: "*"', '    Action: s3:GetObject', '    NotAction: s3:PutObject', '    Resource: bucket'].join('\n'),
    );
    // The trust statement lacks a Principal (reported on its first key, Effect) and has a Resource.
    // Action and NotAction together: both keys are marked, and the fix on NotAction removes it.
    assert.deepEqual(iam(text).sort(), ['IAM1001 "2012-10-18"', 'IAM1001 Action', 'IAM1001 Effect', 'IAM1001 NotAction', 'IAM1001 Principal', 'IAM1001 Resource', 'IAM1001 allow', 'IAM1001 bucket', 'IAM1001 not ok'].sort());
    const both = role(goodTrust, statement('Effect: Allow', 'Action: s3:GetObject', 'NotAction: s3:PutObject', 'Resource: "*"'));
    assert.deepEqual(iam(both), ['IAM1001 Action', 'IAM1001 NotAction']);
    const { doc, findings } = lint(both);
    const onNot = findings.find((f) => f.code === 'IAM1001' && both.slice(f.start, f.end) === 'NotAction')!;
    assert.doesNotMatch(applyEdits(both, fixesFor(doc, onNot)[0].edits), /NotAction/);
    const version = role(goodTrust, statement('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"').replace('2012-10-17', '2012-10-18'));
    assert.deepEqual(iam(version), ['IAM1001 "2012-10-18"']);
    assert.match(applyFirstFix(version, 'IAM1001'), /Version: "2012-10-17"\n {12}Statement/);
  });

  it('IAM1001: missing Statement, Statement that is text, a list instead of a document, unknown elements', () => {
    const bucketPolicy = (doc: string) => tpl(`  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n${doc}`);
    assert.deepEqual(iam(bucketPolicy('        Version: "2012-10-17"\n')), ['IAM1001 Version']);
    assert.deepEqual(iam(bucketPolicy('        Statement: Test\n')), ['IAM1001 Test']);
    assert.deepEqual(iam(bucketPolicy('        - Statement: []\n')), ['IAM1001 -']);
    const extra = bucketPolicy('        Statment: []\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: s3:*\n            Resource: arn:aws:s3:::b/*\n            Conditon: {}\n');
    assert.deepEqual(iam(extra), ['IAM1001 Statment', 'IAM1001 Conditon']);
    // Renaming 'Statment' to 'Statement' would make a duplicate key (the earlier value silently lost): no such fix.
    assert.throws(() => applyFirstFix(extra, 'IAM1001'), /no fix #0/);
    // A principal written as a plain value can only be '*'.
    const principal = bucketPolicy('        Statement:\n          - Effect: Deny\n            Principal: arn:aws:iam::123456789012:root\n            Action: s3:*\n            Resource: "*"\n');
    assert.deepEqual(iam(principal), ['IAM1001 arn:aws:iam::123456789012:root']);
    assert.deepEqual(iam(principal.replace('Principal: arn:aws:iam::123456789012:root', 'Principal: { AWS: arn:aws:iam::123456789012:root }')), []);
    // Properties chosen by Fn::If: each branch's document is checked.
    const branch = tpl('  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      Fn::If:\n        - C\n        - PolicyName: p\n          Roles: [r]\n          PolicyDocument: {}\n        - !Ref AWS::NoValue\n', 'Conditions:\n  C: !Equals [a, b]\n');
    assert.deepEqual(iam(branch), ['IAM1001 {']);
    // An ECR repository policy applies to its repository: its statements name no Resource.
    const ecr = tpl('  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: NotAllow\n            Principal: { AWS: arn:aws:iam::123456789012:root }\n            Action: ecr:BatchGetImage\n');
    assert.deepEqual(iam(ecr), ['IAM1001 NotAllow']);
    // A resource policy needs a Principal.
    assert.deepEqual(iam(bucketPolicy('        Statement:\n          - Effect: Deny\n            Action: s3:*\n            Resource: "*"\n')), ['IAM1001 Effect']);
  });

  it('IAM1002: unknown condition operators, with prefixes and IfExists kept in the fix', () => {
    const text = role(goodTrust, statement('Effect: Allow', 'Action: s3:GetObject', 'Resource: "*"', 'Condition:', '  StringEqualsIfExists: {aws:RequestedRegion: eu-west-1}', '  ForAnyValue:StringLke: {aws:TagKeys: [a]}', '  Bool: {aws:SecureTransport: "true"}'));
    assert.deepEqual(iam(text), ['IAM1002 ForAnyValue:StringLke']);
    assert.match(applyFirstFix(text, 'IAM1002'), /ForAnyValue:StringLike:/);
  });

  it('IAM1003: actions unknown to their service, unknown services and wildcards that match nothing, with did-you-mean', () => {
    const text = role(goodTrust, statement('Effect: Allow', 'Action: [s3:GetObjekt, s4:GetObject, "s3:Frob*", ec2:DescribeInstances, GetObject]', 'Resource: "*"'));
    const { findings } = lint(text);
    const f = findings.filter((x) => x.code === 'IAM1003');
    assert.deepEqual(f.map((x) => x.severity), ['warning', 'warning', 'warning', 'warning']);
    assert.deepEqual(iam(text), ['IAM1003 s3:GetObjekt', 'IAM1003 s4:GetObject', 'IAM1003 "s3:Frob*"', 'IAM1003 GetObject']);
    assert.match(f[0].message, /Did you mean 's3:GetObject'/);
    assert.match(applyFirstFix(text, 'IAM1003'), /Action: \[s3:GetObject, s4:GetObject/);
  });

  it('checks SAM policy documents and leaves policy templates and managed policy names alone', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  F:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      Runtime: python3.13',
      '      Policies:',
      '        - AWSLambdaBasicExecutionRole',
      '        - S3ReadPolicy: {BucketName: b}',
      '        - Statement:',
      '            - Effect: Allow',
      '              Action: dynamodb:GetItm',
      '              Resource: "*"',
      '',
    ].join('\n');
    assert.deepEqual(iam(text), ['IAM1003 dynamodb:GetItm']);
  });
});
