import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TermIndex } from '../../server/src/core/notes/termIndex';

describe('notes term index (issue 14)', () => {
  const doc = (heading: string, text: string) => ({ heading: heading.split(' ').filter(Boolean), text: text.split(' ').filter(Boolean) });

  it('scores BM25+ per field, the heading above the body, times the number of query terms matched', () => {
    const index = new TermIndex();
    index.add(1, doc('', 'lambda timeout is fifteen minutes'));
    index.add(2, doc('timeout', 'lambda function setting'));
    index.add(3, doc('', 'sqs queue retention'));
    const hits = index.search(['timeout', 'lambda']);
    assert.deepEqual(
      hits.map((h) => h.id),
      [2, 1],
    );
    assert.deepEqual(hits[0].inHeading, ['timeout']);
    assert.deepEqual(hits[0].terms, ['timeout', 'lambda']);
    // One term in one field: idf × (d + tf(k+1) / (tf + k(1 − b + b·len/avg))), len = unique terms.
    const one = index.search(['retention']);
    const avg = (5 + 3 + 3) / 3;
    const expected = Math.log(1 + (3 - 1 + 0.5) / 1.5) * (0.5 + 2.2 / (1 + 1.2 * (1 - 0.7 + (0.7 * 3) / avg)));
    assert.ok(Math.abs(one[0].score - expected) < 1e-9, `${one[0].score} vs ${expected}`);
  });

  it('lets only the open terms bring in documents; the rest only re-rank', () => {
    const index = new TermIndex();
    index.add(1, doc('', 'timeout lambda'));
    index.add(2, doc('', 'lambda memory'));
    const all = index.search(['timeout', 'lambda']);
    const open = index.search(['timeout', 'lambda'], { open: 1 });
    assert.deepEqual(
      all.map((h) => h.id),
      [1, 2],
    );
    assert.deepEqual(
      open.map((h) => h.id),
      [1],
    );
    assert.equal(open[0].score, all[0].score);
  });

  it('forgets removed documents, also after compaction', () => {
    const index = new TermIndex();
    for (let id = 1; id <= 2500; id++) index.add(id, doc('', id % 2 ? 'odd shard' : 'even shard'));
    for (let id = 1; id <= 2500; id += 2) index.remove(id);
    assert.equal(index.documentCount, 1250);
    assert.deepEqual(index.search(['odd']), []);
    assert.equal(index.search(['shard']).length, 1250);
    for (let id = 2; id <= 2500; id += 2) index.remove(id);
    assert.deepEqual(index.search(['shard']), []);
    index.add(2501, doc('', 'shard'));
    assert.deepEqual(
      index.search(['shard']).map((h) => h.id),
      [2501],
    );
  });

  it('finds the same documents with the same scores once postings move into the shared pool', () => {
    const index = new TermIndex();
    const words = ['shard', 'stream', 'queue', 'retention', 'timeout', 'lambda'];
    // Enough postings that adding alone merges them into the pool a few times, then more after.
    for (let id = 1; id <= 40_000; id++) index.add(id, doc(id % 7 ? '' : 'kinesis', `${words[id % 6]} ${words[(id * 7) % 6]} w${id % 500}`));
    for (let id = 3; id <= 40_000; id += 9) index.remove(id);
    const queries = [['shard', 'kinesis'], ['w42', 'timeout'], ['retention']];
    const before = queries.map((q) => index.search(q));
    index.settle();
    const after = queries.map((q) => index.search(q));
    assert.deepEqual(after, before);
    assert.ok(before[0].length > 1000 && !before[0].some((h) => h.id % 9 === 3));
    index.add(40_001, doc('kinesis', 'shard'));
    assert.ok(index.search(['shard', 'kinesis']).some((h) => h.id === 40_001), 'a document added after the pool is found');
  });

  /** The reference: settled every 200 documents, its chains stay short and in one or two segments. */
  const settledEvery200 = (docs: Map<number, { heading: string[]; text: string[] }>) => {
    const index = new TermIndex();
    let n = 0;
    for (const [k, d] of docs) {
      index.add(k, d);
      if (++n % 200 === 0) index.settle();
    }
    return index;
  };

  it('keeps every chain intact while log segments fill, empty and are reused during a long build', () => {
    // Hot terms fill the first bucket, which folds its chains several times; 3,000 rarer terms keep
    // theirs, so chains run across many segments, some of them emptied and reused.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const docs = new Map<number, { heading: string[]; text: string[] }>();
    const index = new TermIndex();
    for (let id = 1; id <= 20_000; id++) {
      // Documents 5,001 to 15,000 have hot terms only: the segments they fill empty out entirely.
      const hotOnly = id > 5000 && id <= 15_000;
      const d = { heading: [], text: Array.from({ length: 1 + rnd(40) }, () => (hotOnly || rnd(5) < 4 ? `hot${rnd(8)}` : `w${rnd(3000)}`)) };
      index.add(id, d);
      docs.set(id, d);
      if (id % 7 === 0) {
        index.remove(id - 3);
        docs.delete(id - 3);
      }
    }
    const fresh = settledEvery200(docs);
    const same = (w: number) => assert.deepEqual(index.search([`w${w}`, 'hot3']), fresh.search([`w${w}`, 'hot3']), `w${w}`);
    for (let w = 0; w < 3000; w++) same(w);
    index.settle();
    for (let w = 0; w < 3000; w += 3) same(w);
  });

  it('answers like an index built afresh from the live documents, whatever mix of adds, removes and settles came before', () => {
    // Eight hot terms (in the first bucket, which folds its chains often) and 3,000 rarer ones
    // whose chains wait: searches read chains and pools mixed, with removed documents in both.
    const word = fc.oneof({ weight: 4, arbitrary: fc.nat(7).map((n) => `hot${n}`) }, { weight: 1, arbitrary: fc.nat(3000).map((n) => `w${n}`) });
    const op = fc.oneof(
      { weight: 200, arbitrary: fc.record({ kind: fc.constant('add' as const), words: fc.array(word, { minLength: 1, maxLength: 40 }), heading: fc.nat(40) }) },
      { weight: 20, arbitrary: fc.record({ kind: fc.constant('remove' as const), back: fc.nat(400) }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 2000, maxLength: 4000 }), fc.array(word, { minLength: 1, maxLength: 4 }), (ops, query) => {
        const index = new TermIndex();
        const docs = new Map<number, { heading: string[]; text: string[] }>();
        let id = 0;
        for (const o of ops) {
          if (o.kind === 'add') {
            const d = { heading: o.heading < 8 ? [`hot${o.heading}`] : [], text: o.words };
            index.add(++id, d);
            docs.set(id, d);
          } else if (o.kind === 'remove') {
            index.remove(id - o.back);
            docs.delete(id - o.back);
          } else index.settle();
        }
        const fresh = settledEvery200(docs);
        const q = [...query, 'hot1'];
        assert.deepEqual(index.search(q), fresh.search(q));
        assert.deepEqual(index.search(q, { open: 1 }), fresh.search(q, { open: 1 }));
      }),
      { numRuns: 15, seed: 14 },
    );
  });
});
