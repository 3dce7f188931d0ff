import assert from 'node:assert/strict';
import fc from 'fast-check';
import path from 'node:path';
import { parseTemplate } from '../../server/src/core/document';
import { readText } from '../../server/src/core/files';
import { applyEdits, fixesFor } from '../../server/src/core/fixes';
import { lintDocument } from '../../server/src/core/lint';
import { exercise, mutationArb, type FuzzStats } from '../fuzz';
import { CORPUS, filesUnder, hasCorpus } from './shared';

const corpusFiles = () =>
  ['cfn', 'sam', 'appspec', 'buildspec', 'broken', 'cfn-lint/templates'].flatMap((d) => filesUnder(path.join(CORPUS, d))).filter((f) => /\.(ya?ml|json|template)$/.test(f));

describe('corpus: every quick fix round-trips', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('applying each fix where it triggers leaves a document that parses and no longer has that finding', () => {
    let applied = 0;
    const failures: string[] = [];
    const byCode: Record<string, number> = {};
    for (const file of corpusFiles()) {
      const text = readText(file);
      const doc = parseTemplate(file, 1, text);
      const { kind, findings } = lintDocument(doc, { fileName: file });
      if (!kind) continue;
      const hadSyntaxError = findings.some((f) => f.code === 'DOC1001');
      for (const f of findings) {
        for (const fix of fixesFor(doc, f)) {
          const next = applyEdits(text, fix.edits);
          const nextDoc = parseTemplate(file, 2, next);
          const after = lintDocument(nextDoc, { fileName: file, kind }).findings;
          applied++;
          byCode[f.code] = (byCode[f.code] ?? 0) + 1;
          const rel = path.relative(CORPUS, file);
          if (!hadSyntaxError && after.some((x) => x.code === 'DOC1001')) failures.push(`${rel}: ${f.code} "${fix.title}" broke the syntax`);
          const line = doc.lines.positionAt(f.start).line;
          const firstEdit = Math.min(...fix.edits.map((e) => e.start));
          // The same finding on the same line (edits before it move it down; compare by message).
          const shift = next.slice(0, Math.max(firstEdit, 0)).split('\n').length - text.slice(0, Math.max(firstEdit, 0)).split('\n').length;
          if (after.some((x) => x.code === f.code && x.message === f.message && nextDoc.lines.positionAt(x.start).line === line + shift)) {
            failures.push(`${rel}:${line + 1}: ${f.code} "${fix.title}" did not remove the finding`);
          }
        }
      }
    }
    console.log(`      ${applied} fixes applied: ${Object.entries(byCode).map(([c, n]) => `${c}×${n}`).join(', ')}`);
    assert.deepEqual(failures, []);
  });
});

describe('corpus: longer fuzz over mutated real files', function () {
  before(function () {
    if (!hasCorpus) this.skip();
  });

  it('no mutation makes parsing, a rule, a hover or a fix throw', () => {
    const stats: FuzzStats = { inputs: 0, slowestMs: 0, slowestInput: '' };
    const files = corpusFiles().filter((_, i) => i % 3 === 0);
    for (const [i, f] of files.entries()) {
      const base = readText(f);
      if (base.length > 200_000) continue;
      fc.assert(fc.property(mutationArb(base), (text) => exercise(text, stats, f)), { numRuns: 12, seed: 2000 + i });
    }
    console.log(`      fuzz: ${stats.inputs} inputs from ${files.length} corpus files, slowest ${stats.slowestMs} ms (${JSON.stringify(stats.slowestInput.slice(0, 60))}…)`);
  });
});
