import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NotesIndex } from '../../server/src/core/notes';
import { describeFailures, loadEvalSet, runEval } from '../helpers/explainEval';

/**
 * The hover evaluation set, run against our own small notes excerpts (test/fixtures/notes).
 * The same set runs against the real sample notes in `npm run test:corpus`.
 */
describe('explain evaluation set (fixture notes)', () => {
  const hovers = loadEvalSet();

  it('has at least 60 hovers of every kind a student would do', () => {
    assert.ok(hovers.length >= 60, `${hovers.length} hovers`);
    const kinds = new Set(hovers.map((h) => h.kind));
    for (const k of ['resource-type', 'property', 'intrinsic', 'appspec-hook', 'buildspec-phase', 'acronym', 'section'])
      assert.ok(kinds.has(k), `no ${k} hovers`);
    for (const h of hovers) {
      assert.ok(h.facts.length >= 1 && h.facts.length <= 3, `${h.term}: 1–3 facts`);
      for (const f of h.facts) assert.ok(f.length <= 40, `${h.term}: facts are short key phrases`);
    }
  });

  it('passes at least 90% with notes indexed (and reports the knowledge base alone)', function () {
    const dir = path.join(__dirname, '..', 'fixtures', 'notes');
    const notes = new NotesIndex();
    for (const f of fs.readdirSync(dir)) notes.addFile(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
    const alone = runEval(hovers);
    const withNotes = runEval(hovers, notes);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `      explain eval (fixture notes): ${withNotes.passed}/${withNotes.total} = ${pct(withNotes.share)} with notes, ` +
        `${alone.passed}/${alone.total} = ${pct(alone.share)} knowledge base alone`,
    );
    assert.ok(withNotes.share >= 0.9, `with notes ${pct(withNotes.share)}:\n${describeFailures(withNotes)}`);
    assert.ok(withNotes.passed >= alone.passed, 'notes never make a hover worse');
    assert.ok(alone.share >= 0.8, `knowledge base alone ${pct(alone.share)}:\n${describeFailures(alone)}`);
  });
});
