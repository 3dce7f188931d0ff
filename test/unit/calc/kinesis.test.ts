import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalcError, kinesisShards, type FanOut } from '../../../server/src/core/calc';

describe('calc/kinesis', () => {
  it('2,000 × 3 KB records/s with 3 shared consumers → 9 shards (egress binds)', () => {
    const r = kinesisShards({ recordsPerSecond: 2000, recordSize: '3KB', consumers: 3 });
    assert.equal(r.ingestKBPerSecond, 6000);
    assert.equal(r.shardsForIngestBytes, 6); // 6,000 ÷ 1,024 = 5.86 → 6
    assert.equal(r.shardsForIngestRecords, 2);
    assert.equal(r.shardsForIngest, 6);
    assert.equal(r.egressKBPerSecond, 18000);
    assert.equal(r.shardsForEgress, 9); // 18,000 ÷ 2,048 = 8.79 → 9
    assert.equal(r.shards, 9);
    assert.equal(r.limitedBy, 'egress');
    assert.ok(r.steps.some((s) => s.includes('6,000 ÷ 1,024')));
  });

  it('enhanced fan-out: consumers add no shards', () => {
    const r = kinesisShards({ recordsPerSecond: 2000, recordSize: 3, consumers: 3, fanOut: 'enhanced' });
    assert.equal(r.shards, 6);
    assert.equal(r.limitedBy, 'ingest-bytes');
    assert.equal(kinesisShards({ recordsPerSecond: 2000, recordSize: 3, consumers: 15, fanOut: 'enhanced' }).shards, 6);
  });

  it('small records: the 1,000 records/s limit binds', () => {
    const r = kinesisShards({ recordsPerSecond: 5000, recordSize: '100B' });
    assert.equal(r.shardsForIngestBytes, 1);
    assert.equal(r.shardsForIngestRecords, 5);
    assert.equal(r.shards, 5);
    assert.equal(r.limitedBy, 'ingest-records');
  });

  it('one shared consumer never needs more shards than ingest', () => {
    const r = kinesisShards({ recordsPerSecond: 1000, recordSize: 1 });
    assert.equal(r.shards, 1);
    assert.equal(r.shardsForEgress, 1);
  });

  it('needs at least one shard', () => {
    assert.equal(kinesisShards({ recordsPerSecond: 0, recordSize: 1 }).shards, 1);
  });

  it('warns about shared GetRecords contention and the enhanced consumer cap', () => {
    assert.ok(kinesisShards({ recordsPerSecond: 10, recordSize: 1, consumers: 6 }).warnings.some((w) => w.includes('GetRecords')));
    assert.deepEqual(kinesisShards({ recordsPerSecond: 10, recordSize: 1, consumers: 5 }).warnings, []);
    assert.ok(
      kinesisShards({ recordsPerSecond: 10, recordSize: 1, consumers: 21, fanOut: 'enhanced' }).warnings.some((w) => w.includes('20')),
    );
  });

  it('rejects bad input', () => {
    assert.throws(() => kinesisShards({ recordsPerSecond: 10, recordSize: '2MB' }), /1 MB/);
    assert.throws(() => kinesisShards({ recordsPerSecond: 10, recordSize: 0 }), CalcError);
    assert.throws(() => kinesisShards({ recordsPerSecond: -1, recordSize: 1 }), CalcError);
    assert.throws(() => kinesisShards({ recordsPerSecond: 10, recordSize: 1, consumers: 0 }), CalcError);
    assert.throws(() => kinesisShards({ recordsPerSecond: 10, recordSize: 1, consumers: 1.5 }), /whole number/);
    assert.throws(() => kinesisShards({ recordsPerSecond: 10, recordSize: 1, fanOut: 'fast' as FanOut }), /shared, enhanced/);
  });

  it('property: shards = max(ingest, egress) and grow with load and shared consumers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.double({ min: 0.01, max: 1024, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (records, kb, consumers) => {
          const shared = kinesisShards({ recordsPerSecond: records, recordSize: kb, consumers });
          const more = kinesisShards({ recordsPerSecond: records, recordSize: kb, consumers: consumers + 1 });
          const enhanced = kinesisShards({ recordsPerSecond: records, recordSize: kb, consumers, fanOut: 'enhanced' });
          assert.equal(shared.shards, Math.max(1, shared.shardsForIngest, shared.shardsForEgress));
          assert.ok(shared.shards >= shared.shardsForIngest);
          assert.ok(more.shards >= shared.shards);
          assert.equal(enhanced.shards, Math.max(1, enhanced.shardsForIngest));
          assert.ok(enhanced.shards <= shared.shards);
          // Enough shards really carry the load.
          assert.ok(shared.shards * 1024 >= records * kb - 1e-6);
          assert.ok(shared.shards * 1000 >= records);
          assert.ok(shared.shards * 2048 >= records * kb * consumers - 1e-6);
        },
      ),
    );
  });
});
