import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { lintDocument } from '../../server/src/core/lint';
import type { Rule } from '../../server/src/core/rules/types';
import { cfnRules } from '../../server/src/core/rules/cfn';
import { exercise, mutationArb, type FuzzStats } from '../fuzz';

const fixtureFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('fuzzing (fixed seed, bounded budget)', () => {
  const files = fixtureFiles(path.join(__dirname, '..', 'fixtures')).filter((f) => !f.includes(`${path.sep}other${path.sep}`));
  const stats: FuzzStats = { inputs: 0, slowestMs: 0, slowestInput: '' };
  after(() => console.log(`      fuzz: ${stats.inputs} inputs from ${files.length} fixtures, slowest ${stats.slowestMs} ms`));

  it('no mutation of our fixtures makes parsing, a rule, a hover or a fix throw', () => {
    for (const [i, f] of files.entries()) {
      const base = fs.readFileSync(f, 'utf8');
      fc.assert(fc.property(mutationArb(base), (text) => exercise(text, stats, f)), { numRuns: 25, seed: 1000 + i });
    }
  });

  it('arbitrary text never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (t) => exercise(t, stats)), { numRuns: 300, seed: 7 });
  });
});

describe('hostile input', () => {
  const lint = (text: string, maxBytes?: number) => lintDocument(parseTemplate('file:///h.yaml', 1, text, { maxBytes }), { fileName: 'file:///h.yaml', kind: 'cfn' });

  it('a rule that throws becomes one internal-error finding and the other rules still run', () => {
    const bad: Rule = { code: 'TEST9999', kinds: ['cfn'], severity: 'error', title: 'throws', check: () => { throw new Error('boom'); } };
    const errors: string[] = [];
    const doc = parseTemplate('file:///h.yaml', 1, 'Resources:\n  Q:\n    Type: AWS::SQS::Queu\n');
    const r = lintDocument(doc, { kind: 'cfn', rules: [bad, ...cfnRules], onRuleError: (rule) => errors.push(rule.code) });
    assert.ok(r.findings.some((f) => f.code === 'INTERNAL' && /TEST9999/.test(f.message)));
    assert.ok(r.findings.some((f) => f.code === 'CFN3002'));
    assert.deepEqual(errors, ['TEST9999']);
  });

  it('10 MB files get one information diagnostic and no work', () => {
    const big = 'Resources:\n' + '  # padding line for a very large file\n'.repeat(270_000);
    const r = lint(big, 5 * 1048576);
    assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [['DOC1007', 'info']]);
  });

  it('10,000-deep nesting does not overflow the stack', () => {
    for (const text of ['A: ' + '['.repeat(10_000) + ']'.repeat(10_000), 'A:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 1) + '- ').join('\n') + 'x']) {
      const r = lint(text);
      assert.ok(Array.isArray(r.findings));
    }
  });

  it('binary and invalid UTF-8 are ignored with a clear reason', () => {
    assert.match(lint('\u0000\u0001\u0002binary').findings[0].message, /binary/i);
    assert.match(lint(Buffer.from([0xff, 0xfe, 0xfd, 0x41, 0xc3]).toString('utf8').repeat(50)).findings[0].message, /UTF-8/);
  });

  it('very long lines and CRLF keep positions right', () => {
    const long = 'Resources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n      QueueName: ' + 'x'.repeat(200_000) + '\r\n      Bad: 1\r\n';
    const doc = parseTemplate('file:///h.yaml', 1, long);
    const r = lintDocument(doc, { kind: 'cfn' });
    const f = r.findings.find((x) => x.code === 'CFN3003')!;
    assert.deepEqual(doc.lines.positionAt(f.start), { line: 5, character: 6 });
  });
});
