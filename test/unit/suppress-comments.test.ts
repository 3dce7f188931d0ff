import assert from 'node:assert/strict';
import { codes } from './helpers';

const QUEUE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimout: 30\n';

describe('suppression comments: only real comments count', () => {
  it('a disable comment inside a string does not silence the file', () => {
    assert.deepEqual(codes(QUEUE + 'Outputs:\n  O:\n    Value: "# aws-notes-disable"\n'), ['CFN3003']);
    assert.deepEqual(codes(QUEUE.replace('Resources:', "Description: 'see # aws-notes-disable CFN3003'\nResources:")), ['CFN3003']);
  });

  it('a disable comment inside a buildspec command does not silence the file', () => {
    const buildspec = (cmd: string) => `version: 0.2\nphases:\n  build:\n    runtime-versions:\n      python: 3.12\n    commands:\n${cmd}`;
    const before = codes(buildspec('      - echo ok\n'), { name: 'file:///w/buildspec.yml' });
    assert.ok(before.length > 0);
    assert.deepEqual(codes(buildspec("      - echo '# aws-notes-disable'\n"), { name: 'file:///w/buildspec.yml' }), before);
    assert.deepEqual(codes(buildspec('      - |\n        echo hi\n        # aws-notes-disable\n'), { name: 'file:///w/buildspec.yml' }), before);
    assert.deepEqual(codes(buildspec('      - echo hi#aws-notes-disable\n'), { name: 'file:///w/buildspec.yml' }), before);
    // A real YAML comment after a command still counts.
    assert.deepEqual(codes(buildspec('      - echo hi # aws-notes-disable\n'), { name: 'file:///w/buildspec.yml' }), []);
  });

  it('real comments still work, with CR-only line breaks too, and JSON takes // comments', () => {
    assert.deepEqual(codes('# aws-notes-disable CFN3003\n' + QUEUE), []);
    assert.deepEqual(codes(QUEUE.replace('VisibilityTimout: 30', 'VisibilityTimout: 30 # aws-notes-disable-line').replace(/\n/g, '\r')), []);
    const json = '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", "Properties": { "VisibilityTimout": 5 } }\n  }\n}\n';
    assert.deepEqual(codes(json, { name: 'file:///w/t.json' }), ['CFN3003']);
    assert.deepEqual(codes('// aws-notes-disable CFN3003\n' + json, { name: 'file:///w/t.json' }), []);
    assert.deepEqual(codes(json.replace('"Q"', '"# aws-notes-disable"'), { name: 'file:///w/t.json' }).includes('CFN3003'), true);
  });
});
