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
