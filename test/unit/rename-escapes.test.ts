import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { renameAt } from '../../server/src/core/editing/references';
import { applyEdits } from '../../server/src/core/fixes';

describe('rename: names written with escapes', () => {
  const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\nOutputs:\n  N:\n    Value: !GetAtt "\\x51.QueueName"\n  R:\n    Value: !Ref "\\x51"\n  A:\n    Value: !GetAtt Q.Arn\n';

  it('never edits the attribute of "\\x51.QueueName"; a Ref spelled "\\x51" is replaced whole', () => {
    const doc = parseTemplate('file:///t.yaml', 1, text);
    const r = renameAt(doc, text.indexOf('Q:'), 'Jobs');
    assert.ok(r && 'edits' in r, JSON.stringify(r));
    const out = applyEdits(text, r.edits);
    assert.ok(out.includes('.QueueName"'), out);
    assert.ok(!out.includes('JobsueueName'), out);
    assert.match(out, /!Ref "Jobs"/);
    assert.match(out, /!GetAtt Jobs\.Arn/);
    assert.match(out, /^ {2}Jobs:$/m);
  });
});
