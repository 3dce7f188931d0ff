import assert from 'node:assert/strict';
import { termAt } from '../../server/src/core/termAt';

/** termAt with the cursor on the first occurrence of `marker` in `text` (plus `delta`). */
const at = (text: string, marker: string, delta = 0) => termAt(text, text.indexOf(marker) + delta);

describe('termAt', () => {
  it('finds resource types, keys and intrinsics in YAML', () => {
    const yaml = [
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      VisibilityTimeout: 60',
      '      RedrivePolicy: !GetAtt Dlq.Arn',
      '      QueueName: !Sub "${AWS::StackName}-q"',
      '      DelaySeconds: !Ref Delay',
    ].join('\n');
    assert.equal(at(yaml, 'SQS'), 'AWS::SQS::Queue');
    assert.equal(at(yaml, 'Queue\n'), 'AWS::SQS::Queue');
    assert.equal(at(yaml, 'Type'), 'Type');
    assert.equal(at(yaml, 'Visibility'), 'VisibilityTimeout');
    assert.equal(at(yaml, 'Timeout:', 7), 'VisibilityTimeout', 'on the colon still means the key');
    assert.equal(at(yaml, 'GetAtt'), 'Fn::GetAtt');
    assert.equal(at(yaml, '!GetAtt'), 'Fn::GetAtt');
    assert.equal(at(yaml, 'Dlq.Arn', 4), 'Dlq.Arn');
    assert.equal(at(yaml, 'StackName'), 'AWS::StackName');
    assert.equal(at(yaml, '!Ref'), 'Ref');
    assert.equal(at(yaml, 'Resources'), 'Resources');
  });

  it('finds long-form intrinsics and keys in JSON', () => {
    const json = '{ "Fn::Join": ["", [{ "Ref": "AWS::Region" }]], "Timeout": 3 }';
    assert.equal(at(json, 'Join'), 'Fn::Join');
    assert.equal(at(json, 'Ref'), 'Ref');
    assert.equal(at(json, 'Region'), 'AWS::Region');
    assert.equal(at(json, 'Timeout'), 'Timeout');
  });

  it('finds hooks, phases and words in appspec, buildspec and notes', () => {
    assert.equal(at('hooks:\n  BeforeInstall:\n    - location: x.sh', 'Before'), 'BeforeInstall');
    assert.equal(at('phases:\n  pre_build:\n    commands:', 'pre_'), 'pre_build');
    assert.equal(at('The RCU maths, again.', 'RCU'), 'RCU');
    assert.equal(at('Type:AWS::EC2::Instance', 'EC2'), 'AWS::EC2::Instance');
    assert.equal(at('Type:AWS::EC2::Instance', 'Ty'), 'Type');
    assert.equal(at('Version: $LATEST', 'LATEST'), '$LATEST');
    assert.equal(at('Type: List<AWS::EC2::Subnet::Id>', 'Subnet'), 'List<AWS::EC2::Subnet::Id>');
  });

  it('accepts the offset right after a word and rejects whitespace and punctuation', () => {
    assert.equal(termAt('SQS queue', 3), 'SQS');
    assert.equal(termAt('a  b', 2), undefined);
    assert.equal(termAt('  - : ,', 3), undefined);
    assert.equal(termAt('', 0), undefined);
    assert.equal(termAt('word', -5), 'word');
    assert.equal(termAt('word', 1e9), 'word');
    assert.equal(termAt('x', Number.NaN), undefined);
    assert.equal(termAt(undefined as unknown as string, 0), undefined);
  });
});
