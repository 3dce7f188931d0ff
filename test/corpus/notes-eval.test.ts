import assert from 'node:assert/strict';
import fs from 'node:fs';
import { evalIndex, loadNotesEval, runNotesEval, SHARED_NOTES, type NotesEvalReport } from '../helpers/notesEval';

/**
 * Notes retrieval on ../shared/notes plus the project's notes in other styles: top-1, recall,
 * precision and the share of absent terms that still showed a passage, on the tune half and on
 * the held-out half (which nothing was tuned on). Targets apply to the held-out half.
 */
describe('notes retrieval evaluation (tune / held-out)', () => {
  it('reaches top-1 >= 90% and shows a passage for at most 1 in 10 absent terms (held-out)', function () {
    if (!fs.existsSync(SHARED_NOTES)) this.skip();
    const cases = loadNotesEval();
    const index = evalIndex();
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const show = (name: string, r: NotesEvalReport) => {
      console.log(`      ${name}: ${r.present} present, ${r.absent} absent · top-1 ${pct(r.top1)} · recall ${pct(r.recall)} · precision ${pct(r.precision)} · absent shown ${pct(r.falseShow)}`);
      for (const w of r.wrong) console.log(`        wrong: ${w}`);
    };
    show('tune', runNotesEval(cases.filter((c) => c.split === 'tune'), index));
    const held = runNotesEval(cases.filter((c) => c.split === 'heldout'), index);
    show('held-out', held);
    assert.ok(held.top1 >= 0.9, `held-out top-1 ${pct(held.top1)}`);
    assert.ok(held.falseShow <= 0.1, `held-out absent terms shown ${pct(held.falseShow)}`);
  });
});
