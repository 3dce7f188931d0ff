import assert from 'node:assert/strict';
import { parseTemplate } from '../../server/src/core/document';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { runtimeLifecycle } from '../../server/src/core/facts';
import { lintDocument } from '../../server/src/core/lint';

const lintOn = (text: string, today: string) => {
  const doc = parseTemplate('file:///t.yaml', 1, text);
  return { doc, findings: lintDocument(doc, { fileName: 'file:///t.yaml', today: new Date(`${today}T12:00:00Z`) }).findings.filter((f) => f.code.startsWith('LAMBDA')) };
};
const fn = (runtime: string) => `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ${runtime}\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code:\n        ZipFile: x\n`;

describe('Lambda runtime lifecycle (LAMBDA1001, LAMBDA1002)', () => {
  const py = runtimeLifecycle('python3.9')!;

  it('reads the committed lifecycle table', () => {
    assert.ok(py.deprecated < py.createBlock, 'python3.9 is deprecated before creation is blocked');
    assert.ok(py.successor, 'python3.9 has a successor');
    assert.equal(runtimeLifecycle('toString'), undefined);
  });

  it('is silent before the deprecation date and on runtimes without an end of life', () => {
    assert.deepEqual(lintOn(fn('python3.9'), '2020-01-01').findings, []);
    assert.deepEqual(lintOn(fn('python3.99'), '2030-01-01').findings, []);
  });

  it('warns between deprecation and the creation block, and offers the successor', () => {
    const { doc, findings } = lintOn(fn('python3.9'), py.deprecated);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['LAMBDA1001', 'warning']]);
    assert.equal(doc.text.slice(findings[0].start, findings[0].end), 'python3.9');
    const fix = fixesFor(doc, findings[0])[0];
    assert.ok(fix.preferred);
    assert.match(applyEdits(doc.text, fix.edits), new RegExp(`Runtime: ${py.successor!.replace('.', '\\.')}\\n`));
  });

  it('is an error once creation is blocked, and after updates are blocked too', () => {
    for (const day of [py.createBlock, '2035-01-01']) {
      const { findings } = lintOn(fn('python3.9'), day);
      assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['LAMBDA1002', 'error']], day);
    }
    assert.match(lintOn(fn('python3.9'), '2035-01-01').findings[0].message, /updating them since/);
  });

  it('checks SAM functions, Globals and each branch of Fn::If', () => {
    const sam = [
      'Transform: AWS::Serverless-2016-10-31',
      'Conditions:',
      '  Old: !Equals [a, b]',
      'Globals:',
      '  Function:',
      '    Runtime: nodejs12.x',
      'Resources:',
      '  F:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: index.handler',
      '      Runtime: !If [Old, python2.7, python3.12]',
      '',
    ].join('\n');
    const { doc, findings } = lintOn(sam, '2025-01-01');
    assert.deepEqual(findings.map((f) => doc.text.slice(f.start, f.end)), ['nodejs12.x', 'python2.7']);
    assert.ok(findings.every((f) => f.code === 'LAMBDA1002'));
  });
});
