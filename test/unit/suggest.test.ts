import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, compareNames, distance } from '../../server/src/core/suggest';

/** The textbook optimal-string-alignment distance, written plainly, to hold the fast one to. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('did-you-mean (suggest.ts)', () => {
  it('distance is the optimal string alignment distance, exact below `cap` (property test)', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'Q', 'é', '😀'), { maxLength: 12 }).map((x) => x.join(''));
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 6 }), (a, b, cap) => {
        const exact = reference(a, b);
        assert.equal(distance(a, b), exact);
        const capped = distance(a, b, cap);
        if (exact < cap) assert.equal(capped, exact);
        else assert.ok(capped >= cap); // only "not below cap" is promised
      }),
      { numRuns: 3000, seed: 5 },
    );
    // Longer than the reused rows, then short again.
    const long = 'x'.repeat(5000);
    assert.equal(distance(long, `${long}y`), 1);
    assert.equal(distance('SQS', 'SSQ'), 1);
  });

  it('ranks the same candidates from a long list as from a short one (lower-cased once per list)', () => {
    const names = Array.from({ length: 200 }, (_, i) => `AWS::Service${i}::Thing`).concat(['AWS::SQS::Queue', 'AWS::PCS::Queue']);
    assert.deepEqual(closest('AWS::SQS::Queu', names, 2), ['AWS::SQS::Queue', 'AWS::PCS::Queue']);
    assert.deepEqual(closest('AWS::SQS::Queu', names, 2), closest('AWS::SQS::Queu', new Set(names), 2));
  });

  it('the character masks that skip most of a long list never change the answer (property test)', () => {
    const word = fc.array(fc.constantFrom('a', 'b', 'c', 'q', 'Q', 's', ':', '1', 'é'), { minLength: 1, maxLength: 10 }).map((x) => x.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 64, maxLength: 120 }), word, fc.integer({ min: 1, max: 4 }), (list, w, max) => {
        // An array of 64 or more is prepared (lower-cased, masked); a Set of the same names is not.
        assert.deepEqual(closest(w, list, max), closest(w, new Set(list), max));
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  it('orders candidates at the same distance as the locale does (case ignored, then lower case first), without localeCompare', () => {
    assert.deepEqual(closest('Bxx', ['bxa', 'Bxb', 'bxb', 'axx'], 4), ['axx', 'bxa', 'bxb', 'Bxb']);
    const name = fc.stringMatching(/^[A-Za-z0-9]{0,6}$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        assert.equal(Math.sign(compareNames(a, b)), Math.sign(a.localeCompare(b, 'en')), `${a} vs ${b}`);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

