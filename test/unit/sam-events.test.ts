import assert from 'node:assert/strict';
import { applyFirstFix, codes, lint } from './helpers';

const sam = (events: string, type = 'AWS::Serverless::Function', props = '      CodeUri: src/\n      Handler: app.handler\n      Runtime: python3.12\n') =>
  `AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: ${type}\n    Properties:\n${props}      Events:\n${events}`;

const machine = (events: string) => sam(events, 'AWS::Serverless::StateMachine', '      DefinitionUri: sm.asl.json\n');

const sam1007 = (text: string) => lint(text).findings.filter((f) => f.code === 'SAM1007');

describe('SAM1007 event source properties', () => {
  it('accepts valid events of several types', () => {
    const text = sam([
      '        Queue:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Q.Arn\n            BatchSize: 10\n            FunctionResponseTypes: [ReportBatchItemFailures]\n            ScalingConfig:\n              MaximumConcurrency: 5\n',
      '        Get:\n          Type: Api\n          Properties:\n            Path: /items\n            Method: get\n',
      '        Http:\n          Type: HttpApi\n',
      '        Nightly:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 day)\n            Input: "{}"\n',
      '        Stream:\n          Type: Kinesis\n          Properties:\n            Stream: !GetAtt S.Arn\n            StartingPosition: LATEST\n            ParallelizationFactor: 2\n',
      '        Upload:\n          Type: S3\n          Properties:\n            Bucket: !Ref B\n            Events: s3:ObjectCreated:*\n            Filter:\n              S3Key:\n                Rules: [{ Name: suffix, Value: .jpg }]\n',
      '        Rule:\n          Type: EventBridgeRule\n          Properties:\n            Pattern:\n              source: [aws.ec2]\n',
      '        Alexa:\n          Type: AlexaSkill\n',
    ].join(''));
    assert.deepEqual(sam1007(text), []);
  });

  it('accepts a state machine Api event with its own properties', () => {
    const text = machine('        Get:\n          Type: Api\n          Properties:\n            Path: /start\n            Method: post\n            UnescapeMappingTemplate: true\n');
    assert.deepEqual(sam1007(text), []);
    const fn = sam('        Get:\n          Type: Api\n          Properties:\n            Path: /start\n            Method: post\n            UnescapeMappingTemplate: true\n');
    assert.equal(sam1007(fn).length, 1);
  });

  it('reports a misspelt SQS property with a did-you-mean fix', () => {
    const text = sam('        Queue:\n          Type: SQS\n          Properties:\n            Queu: !GetAtt Q.Arn\n');
    const found = sam1007(text);
    assert.equal(found.length, 1); // the typo only: Queue is not also reported missing
    assert.match(found[0].message, /'Queu' is not a property of a SQS event.*Did you mean 'Queue'/);
    const fixed = applyFirstFix(text, 'SAM1007');
    assert.match(fixed, /\n {12}Queue: !GetAtt Q\.Arn\n/);
    assert.deepEqual(sam1007(fixed), []);
  });

  it('reports a misspelt Api property with a did-you-mean fix', () => {
    const text = sam('        Get:\n          Type: Api\n          Properties:\n            Path: /items\n            Methd: get\n');
    const found = sam1007(text);
    assert.match(found[0].message, /'Methd'.*Did you mean 'Method'/);
    const fixed = applyFirstFix(text, 'SAM1007');
    assert.match(fixed, /\n {12}Method: get\n/);
    assert.deepEqual(sam1007(fixed), []);
  });

  it('offers to delete a property with no close match', () => {
    const text = sam('        Get:\n          Type: Api\n          Properties:\n            Path: /items\n            Method: get\n            Zebra: 1\n');
    const fixed = applyFirstFix(text, 'SAM1007');
    assert.doesNotMatch(fixed, /Zebra/);
    assert.deepEqual(sam1007(fixed), []);
  });

  it('reports a missing required property and the fix adds it', () => {
    const text = sam('        Get:\n          Type: Api\n          Properties:\n            Path: /items\n');
    const found = sam1007(text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /missing required property 'Method'/);
    const fixed = applyFirstFix(text, 'SAM1007');
    assert.match(fixed, /\n {12}Path: \/items\n {12}Method:/);
    assert.ok(!sam1007(fixed).some((f) => /missing/.test(f.message)));
  });

  it('reports several missing properties at once', () => {
    const text = sam('        Logs:\n          Type: CloudWatchLogs\n          Properties:\n            LogGroupName: /aws/x\n');
    assert.match(sam1007(text)[0].message, /'FilterPattern'/);
    const kin = sam('        S:\n          Type: DynamoDB\n          Properties:\n            BatchSize: 5\n');
    assert.match(sam1007(kin)[0].message, /'Stream', 'StartingPosition'/);
  });

  it('skips intrinsic Properties and unknown event types', () => {
    const intrinsic = sam('        Q:\n          Type: SQS\n          Properties: !If [C, { Queue: a }, { Queue: b }]\n');
    assert.deepEqual(sam1007(intrinsic), []);
    const unknown = sam('        Q:\n          Type: SQSS\n          Properties:\n            Queu: a\n');
    assert.deepEqual(sam1007(unknown), []);
    assert.ok(codes(unknown).includes('SAM1004'));
  });
});
