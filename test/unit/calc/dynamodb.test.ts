import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalcError, dynamoDbCapacity, dynamoDbUnitsBuy, type ReadConsistency } from '../../../server/src/core/calc';

describe('calc/dynamodb', () => {
  describe('dynamoDbCapacity', () => {
    it('6 KB, 100 strongly consistent reads/s → 200 RCU', () => {
      const r = dynamoDbCapacity({ itemSize: '6KB', reads: 100, consistency: 'strong' });
      assert.equal(r.readUnitsPerItem, 2);
      assert.equal(r.rcu, 200);
      assert.equal(r.wcu, 0);
      assert.ok(r.steps.some((s) => s.includes('6 KB ÷ 4') && s.includes('2 units')));
    });

    it('6 KB, 100 eventually consistent reads/s → 100 RCU (eventual is the default)', () => {
      assert.equal(dynamoDbCapacity({ itemSize: 6, reads: 100, consistency: 'eventual' }).rcu, 100);
      assert.equal(dynamoDbCapacity({ itemSize: 6, reads: 100 }).consistency, 'eventual');
      assert.equal(dynamoDbCapacity({ itemSize: 6, reads: 100 }).rcu, 100);
    });

    it('transactional reads cost 2× strong', () => {
      assert.equal(dynamoDbCapacity({ itemSize: '6 KB', reads: 100, consistency: 'transactional' }).rcu, 400);
    });

    it('eventual rounds up at the end, not per read', () => {
      // 3 reads/s × 1 unit ÷ 2 = 1.5 → 2 (not 3 × ceil(0.5) = 3)
      assert.equal(dynamoDbCapacity({ itemSize: 1, reads: 3 }).rcu, 2);
    });

    it('2.5 KB, 10 writes/s → 30 WCU; transactional 60', () => {
      const r = dynamoDbCapacity({ itemSize: '2.5KB', writes: 10 });
      assert.equal(r.writeUnitsPerItem, 3);
      assert.equal(r.wcu, 30);
      assert.equal(dynamoDbCapacity({ itemSize: '2.5KB', writes: 10, writeMode: 'transactional' }).wcu, 60);
    });

    it('rounds item sizes up to whole 4 KB / 1 KB units', () => {
      assert.equal(dynamoDbCapacity({ itemSize: 4, reads: 1 }).readUnitsPerItem, 1);
      assert.equal(dynamoDbCapacity({ itemSize: 4.1, reads: 1 }).readUnitsPerItem, 2);
      assert.equal(dynamoDbCapacity({ itemSize: '4096B', reads: 1 }).readUnitsPerItem, 1);
      assert.equal(dynamoDbCapacity({ itemSize: '4097B', reads: 1 }).readUnitsPerItem, 2);
      const small = dynamoDbCapacity({ itemSize: '512B', reads: 1, writes: 1 });
      assert.equal(small.readUnitsPerItem, 1);
      assert.equal(small.writeUnitsPerItem, 1);
      assert.equal(dynamoDbCapacity({ itemSize: '1 KB', writes: 1 }).writeUnitsPerItem, 1);
    });

    it('converts per-minute rates', () => {
      const r = dynamoDbCapacity({ itemSize: 4, reads: 120, writes: 90, per: 'minute', consistency: 'strong' });
      assert.equal(r.readsPerSecond, 2);
      assert.equal(r.rcu, 2);
      assert.equal(r.writesPerSecond, 1.5);
      assert.equal(r.wcu, 6); // 1.5 writes/s × 4 write units (4 KB)
    });

    it('gives on-demand request units for the same load', () => {
      const r = dynamoDbCapacity({ itemSize: 6, reads: 100, writes: 10 });
      assert.equal(r.onDemand.readRequestUnitsPerSecond, 100);
      assert.equal(r.onDemand.writeRequestUnitsPerSecond, 60);
      assert.equal(r.onDemand.readRequestUnitsPerMonth, 100 * 2_592_000);
    });

    it('estimates partitions from throughput and storage', () => {
      assert.equal(dynamoDbCapacity({ itemSize: 1, reads: 6000, consistency: 'strong' }).partitions.count, 2);
      assert.equal(dynamoDbCapacity({ itemSize: 1, reads: 3000, writes: 1000, consistency: 'strong' }).partitions.count, 2);
      const r = dynamoDbCapacity({ itemSize: 1, reads: 1, storageGB: 25 });
      assert.equal(r.partitions.forStorage, 2.5);
      assert.equal(r.partitions.count, 3);
      assert.equal(dynamoDbCapacity({ itemSize: 1, reads: 0 }).partitions.count, 1);
    });

    it('errors on items over 400 KB and on nonsense input', () => {
      assert.doesNotThrow(() => dynamoDbCapacity({ itemSize: '400KB', reads: 1 }));
      assert.throws(() => dynamoDbCapacity({ itemSize: '401KB', reads: 1 }), /400 KB item limit/);
      assert.throws(() => dynamoDbCapacity({ itemSize: '1MB', reads: 1 }), CalcError);
      assert.throws(() => dynamoDbCapacity({ itemSize: 0, reads: 1 }), CalcError);
      assert.throws(() => dynamoDbCapacity({ itemSize: 'big', reads: 1 }), /size like/);
      assert.throws(() => dynamoDbCapacity({ itemSize: 1, reads: -1 }), CalcError);
      assert.throws(() => dynamoDbCapacity({ itemSize: 1, reads: 1, consistency: 'strongish' as ReadConsistency }), /eventual, strong, transactional/);
    });

    it('property: RCU never decreases as item size or read rate grows', () => {
      const consistency = fc.constantFrom<ReadConsistency>('eventual', 'strong', 'transactional');
      fc.assert(
        fc.property(
          fc.double({ min: 0.01, max: 400, noNaN: true }),
          fc.double({ min: 0.01, max: 400, noNaN: true }),
          fc.integer({ min: 0, max: 100_000 }),
          fc.integer({ min: 0, max: 100_000 }),
          consistency,
          (s1, s2, r1, r2, c) => {
            const [small, big] = s1 <= s2 ? [s1, s2] : [s2, s1];
            const [slow, fast] = r1 <= r2 ? [r1, r2] : [r2, r1];
            const rcu = (size: number, reads: number) => dynamoDbCapacity({ itemSize: size, reads, consistency: c }).rcu;
            assert.ok(rcu(small, slow) <= rcu(big, slow));
            assert.ok(rcu(small, slow) <= rcu(small, fast));
          },
        ),
      );
    });

    it('property: eventual ≤ strong ≤ transactional, and eventual = ceil(strong ÷ 2) for whole rates', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 50_000 }), (kb, reads) => {
          const e = dynamoDbCapacity({ itemSize: kb, reads, consistency: 'eventual' }).rcu;
          const s = dynamoDbCapacity({ itemSize: kb, reads, consistency: 'strong' }).rcu;
          const t = dynamoDbCapacity({ itemSize: kb, reads, consistency: 'transactional' }).rcu;
          assert.equal(s, reads * Math.ceil(kb / 4));
          assert.equal(e, Math.ceil(s / 2));
          assert.equal(t, 2 * s);
        }),
      );
    });

    it('property: WCU = writes × ceil(KB) for whole rates and sizes', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 50_000 }), (kb, writes) => {
          assert.equal(dynamoDbCapacity({ itemSize: kb, writes }).wcu, writes * kb);
          assert.equal(dynamoDbCapacity({ itemSize: kb - 0.5, writes }).wcu, writes * kb);
        }),
      );
    });
  });

  describe('dynamoDbUnitsBuy', () => {
    it('10 RCU = 10 strong or 20 eventual reads/s of up to 4 KB', () => {
      const r = dynamoDbUnitsBuy({ rcu: 10, wcu: 5 });
      assert.equal(r.strongReadsPerSecond, 10);
      assert.equal(r.eventualReadsPerSecond, 20);
      assert.equal(r.transactionalReadsPerSecond, 5);
      assert.equal(r.standardWritesPerSecond, 5);
      assert.equal(r.transactionalWritesPerSecond, 2.5);
      assert.ok(r.steps[0].startsWith('10 RCU = 10 strongly consistent or 20 eventually consistent'));
      assert.ok(r.steps[0].includes('up to 4 KB'));
    });

    it('accounts for a given item size', () => {
      const r = dynamoDbUnitsBuy({ rcu: 10, wcu: 12, itemSize: '6KB' });
      assert.equal(r.readUnitsPerItem, 2);
      assert.equal(r.strongReadsPerSecond, 5);
      assert.equal(r.eventualReadsPerSecond, 10);
      assert.equal(r.standardWritesPerSecond, 2);
    });

    it('is the inverse of dynamoDbCapacity for whole numbers', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 10_000 }), (kb, reads) => {
          const { rcu } = dynamoDbCapacity({ itemSize: kb, reads, consistency: 'strong' });
          assert.equal(dynamoDbUnitsBuy({ rcu, itemSize: kb }).strongReadsPerSecond, reads);
        }),
      );
    });
  });
});
