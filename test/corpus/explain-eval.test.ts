import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { findNotesFiles, NotesIndex } from '../../server/src/core/notes';
import { describeFailures, loadEvalSet, runEval } from '../helpers/explainEval';

/**
 * The hover evaluation set against the five real sample notes in ../shared/notes (not part of
 * this repository, so the suite skips when they are absent). Prints the pass share with the
 * notes indexed and with the knowledge base alone.
 */
describe('explain evaluation set (../shared/notes)', () => {
  const repoRoot = path.join(__dirname, '..', '..');
  const notesDir = path.join(repoRoot, '..', 'shared', 'notes');

  it('passes at least 90% of the hovers with the sample notes indexed', async function () {
    if (!fs.existsSync(notesDir)) this.skip();
    const files = await findNotesFiles(repoRoot, ['../shared/notes/*.txt']);
    assert.equal(files.length, 5, `expected the five sample notes, found ${files.length}`);
    const started = process.hrtime.bigint();
    const notes = new NotesIndex();
    for (const f of files) notes.addFile(f, fs.readFileSync(f, 'utf8'));
    const buildMs = Number(process.hrtime.bigint() - started) / 1e6;

    const hovers = loadEvalSet();
    const alone = runEval(hovers);
    const withNotes = runEval(hovers, notes);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`      indexed ${files.length} files (${notes.size} passages) in ${buildMs.toFixed(0)} ms`);
    console.log(`      with notes: ${withNotes.passed}/${withNotes.total} = ${pct(withNotes.share)}`);
    if (withNotes.passed < withNotes.total) console.log(describeFailures(withNotes));
    console.log(`      knowledge base alone: ${alone.passed}/${alone.total} = ${pct(alone.share)}`);
    if (alone.passed < alone.total) console.log(describeFailures(alone));
    const quoted = runEval(hovers, notes, { passagesOnly: true });
    console.log(`      quoted notes passages alone (retrieval quality): ${quoted.passed}/${quoted.total} = ${pct(quoted.share)}`);

    assert.ok(withNotes.share >= 0.9, `with notes ${pct(withNotes.share)}:\n${describeFailures(withNotes)}`);
  });
});
