import assert from 'node:assert/strict';
import { applyFirstFix, lint, tpl } from './helpers';

const found = (text: string) => lint(text).findings.filter((f) => f.code === 'CFN5206');

describe('CFN5206 module resources', () => {
  it('reports CreationPolicy, UpdatePolicy, Tags and the reserved Metadata key on a module, with a remove fix', () => {
    const text = tpl('  M:\n    Type: My::Org::Thing::MODULE\n    CreationPolicy:\n      ResourceSignal: { Count: 1 }\n    UpdatePolicy:\n      AutoScalingRollingUpdate: { MaxBatchSize: 1 }\n    Metadata:\n      AWS::CloudFormation::Module: {}\n    Properties:\n      Name: x\n      Tags: [{ Key: a, Value: b }]\n');
    assert.deepEqual(found(text).map((f) => text.slice(f.start, f.end)), ['CreationPolicy', 'UpdatePolicy', 'AWS::CloudFormation::Module', 'Tags']);
    assert.doesNotMatch(applyFirstFix(text, 'CFN5206'), /CreationPolicy/);
  });

  it('leaves the same keys alone on resources that are not modules', () => {
    assert.deepEqual(found(tpl('  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: [{ Key: a, Value: b }]\n')), []);
  });
});
