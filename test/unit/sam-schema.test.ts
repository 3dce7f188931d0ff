import assert from 'node:assert/strict';
import { applyFirstFix, lint } from './helpers';

describe('SAM1006 serverless types without the transform', () => {
  const text = 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { CodeUri: s, Handler: a.b, Runtime: python3.12 }\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: { StageName: p }\n';

  it('reports each serverless resource on its Type, with one fix that adds the transform', () => {
    const { doc, findings } = lint(text, { kind: 'sam' });
    const f = findings.filter((x) => x.code === 'SAM1006');
    assert.deepEqual(f.map((x) => doc.lines.positionAt(x.start).line), [2, 5]);
    assert.equal(f.filter((x) => x.data).length, 1);
    const fixed = applyFirstFix(text, 'SAM1006', 0, { kind: 'sam' });
    assert.match(fixed, /^Transform: AWS::Serverless-2016-10-31\nResources:/);
    assert.ok(!lint(fixed).findings.some((x) => x.code === 'SAM1006'));
  });
});

const sam = (props: string, extra = '') => `Transform: AWS::Serverless-2016-10-31\n${extra}Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n      Runtime: python3.12\n${props}`;
const of = (text: string, code: string) => lint(text).findings.filter((f) => f.code === code);

describe('SAM at every depth, from SAM\'s own schema', () => {
  it('a clean function with events, policies and Globals has no findings', () => {
    const text = sam('      MemorySize: 512\n      Events:\n        Q:\n          Type: SQS\n          Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:q, BatchSize: 10 }\n      DeploymentPreference:\n        Type: AllAtOnce\n', 'Globals:\n  Function:\n    Timeout: 30\n    MemorySize: 256\n');
    assert.deepEqual(lint(text).findings.map((f) => `${f.code} ${f.message}`), []);
  });

  it('pass-through properties are checked against the Lambda schema (range, with the clamp fix)', () => {
    const text = sam('      MemorySize: 40000\n');
    const f = of(text, 'CFN3101');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /at most 32768/);
    assert.match(applyFirstFix(text, 'CFN3101'), /MemorySize: 32768\n/);
    assert.equal(of(sam('      MemorySize: 128\n'), 'CFN3101').length, 0);
  });

  it('nested SAM objects: unknown keys (SAM1002) and value types below the top level', () => {
    const text = sam('      DeploymentPreference:\n        Type: AllAtOnce\n        Hookz: {}\n');
    const f = of(text, 'SAM1002');
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].path?.slice(3), ['DeploymentPreference', 'Hookz']);
    assert.match(f[0].message, /Did you mean 'Hooks'/);
  });

  it('SAM1101 Globals keys per resource type, with did-you-mean', () => {
    const text = sam('', 'Globals:\n  Function:\n    Timeout: 30\n    FunctionName: shared\n    MemorySise: 128\n');
    const f = of(text, 'SAM1101');
    assert.deepEqual(f.map((x) => x.path?.[2]), ['FunctionName', 'MemorySise']);
    assert.match(f[0].message, /SAM does not take it from Globals\.Function/);
    assert.doesNotMatch(applyFirstFix(text, 'SAM1101'), /FunctionName/); // nothing close: the fix removes it
    assert.deepEqual(f[1].data, { fix: 'replace', start: f[1].start, end: f[1].end, candidates: ['MemorySize'] });
  });
});

describe('SAM policy templates and managed policy names', () => {
  const fn = (policies: string) => sam(`      Policies:\n${policies}`);

  it('accepts templates with their parameters, managed names, ARNs, documents and intrinsics', () => {
    const ok = fn('        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n        - AWSLambdaBasicExecutionRole\n        - arn:aws:iam::aws:policy/ReadOnlyAccess\n        - CloudWatchPutMetricPolicy: {}\n        - Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: "*"\n        - !Ref PolicyArn\n');
    assert.deepEqual(lint(ok).findings.filter((f) => /^SAM110/.test(f.code)).map((f) => f.message), []);
  });

  it('SAM1102 an unknown template with did-you-mean, a missing parameter with an add fix, an extra one as a warning', () => {
    const typo = fn('        - DynamoDBCrudPolicyy:\n            TableName: t\n');
    assert.match(of(typo, 'SAM1102')[0].message, /Did you mean 'DynamoDBCrudPolicy'/);
    assert.match(applyFirstFix(typo, 'SAM1102'), /- DynamoDBCrudPolicy:\n/);
    const missing = fn('        - S3ReadPolicy:\n            BuckteName: b\n');
    const f = of(missing, 'SAM1102');
    assert.equal(f.length, 1); // BuckteName → BucketName (warning); BucketName is not also reported missing
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /Did you mean 'BucketName'/);
    const none = fn('        - SQSPollerPolicy:\n            Other: x\n');
    const g = of(none, 'SAM1102');
    const need = g.find((x) => x.severity === 'error');
    assert.match(need?.message ?? '', /SQSPollerPolicy needs 'QueueName'/);
    assert.deepEqual(need?.data && need.data.fix === 'addKeys' && need.data.keys, ['QueueName']);
  });

  it('SAM1103 an unknown managed policy name (warning) with the closest names', () => {
    const text = fn('        - AmazonS3ReadOnlyAcess\n');
    const f = of(text, 'SAM1103');
    assert.equal(f[0].severity, 'warning');
    assert.match(applyFirstFix(text, 'SAM1103'), /- AmazonS3ReadOnlyAccess\n/);
  });
});
