import assert from 'node:assert/strict';
import fc from 'fast-check';
import path from 'node:path';
import { charsOf, hostileText } from '../helpers/hostile';
import { regexLiterals, tsFilesUnder } from '../helpers/regexLiterals';

const SRC = path.join(__dirname, '..', '..', 'server', 'src');
/** The notes helpers' patterns are audited with the notes code. */
const OWNED_ELSEWHERE = [path.join('core', 'notes') + path.sep];
const BUDGET_MS = 1000;

describe('every regex literal in server/src against backtracking-hostile text', () => {
  it('no pattern takes more than 1 s on 100,000 characters built from its own characters', () => {
    const literals = tsFilesUnder(SRC)
      .filter((f) => !OWNED_ELSEWHERE.some((o) => f.includes(o)))
      .flatMap(regexLiterals);
    assert.ok(literals.length > 100, `found ${literals.length} regex literals`);
    const slow: string[] = [];
    let worst = { ms: 0, at: '' };
    for (const [i, r] of literals.entries()) {
      const where = `${path.relative(SRC, r.file)}:${r.line} /${r.source}/${r.flags}`;
      const seed = 9000 + i;
      const once = new RegExp(r.source, r.flags.replace(/[gy]/g, ''));
      fc.assert(
        fc.property(hostileText(charsOf(r.source), 100_000), (t) => {
          const t0 = performance.now();
          once.exec(t);
          if (r.flags.includes('g')) t.replace(new RegExp(r.source, r.flags), '');
          const ms = performance.now() - t0;
          if (ms > worst.ms) worst = { ms, at: where };
          if (ms > BUDGET_MS) slow.push(`${where}: ${ms.toFixed(0)} ms (seed ${seed}) on ${JSON.stringify(t.slice(0, 30))}… ${t.length} chars`);
        }),
        { numRuns: 8, seed },
      );
    }
    console.log(`      ${literals.length} regex literals × 8 hostile inputs; slowest ${worst.ms.toFixed(1)} ms (${worst.at})`);
    assert.deepEqual(slow, []);
  });
});
