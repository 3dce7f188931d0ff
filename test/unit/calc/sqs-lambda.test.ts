import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalcError, lambdaConcurrency, parseDurationSeconds, sqsFifoThroughput } from '../../../server/src/core/calc';

describe('calc/sqs and calc/lambda', () => {
  describe('sqsFifoThroughput', () => {
    it('300 messages/s unbatched fits; 301 does not', () => {
      const ok = sqsFifoThroughput({ messagesPerSecond: 300 });
      assert.equal(ok.withinLimit, true);
      assert.equal(ok.apiCallsPerSecond, 300);
      assert.equal(ok.maxMessagesPerSecond, 300);
      const over = sqsFifoThroughput({ messagesPerSecond: 301 });
      assert.equal(over.withinLimit, false);
      assert.equal(over.minBatchSize, 2);
      assert.ok(over.warnings[0].includes('batch at least 2'));
    });

    it('batches of 10 reach 3,000 messages/s', () => {
      const r = sqsFifoThroughput({ messagesPerSecond: 3000, batchSize: 10 });
      assert.equal(r.apiCallsPerSecond, 300);
      assert.equal(r.maxMessagesPerSecond, 3000);
      assert.equal(r.withinLimit, true);
      assert.ok(r.steps.some((s) => s.includes('300 × 10 = 3,000')));
    });

    it('beyond 3,000 messages/s points at high-throughput mode', () => {
      const r = sqsFifoThroughput({ messagesPerSecond: 3001, batchSize: 10 });
      assert.equal(r.withinLimit, false);
      assert.equal(r.minBatchSize, null);
      assert.ok(r.warnings[0].includes('high-throughput'));
    });

    it('rejects batch sizes outside 1–10', () => {
      assert.throws(() => sqsFifoThroughput({ messagesPerSecond: 10, batchSize: 11 }), /at most 10/);
      assert.throws(() => sqsFifoThroughput({ messagesPerSecond: 10, batchSize: 0 }), CalcError);
      assert.throws(() => sqsFifoThroughput({ messagesPerSecond: 10, batchSize: 2.5 }), CalcError);
    });

    it('property: fits exactly when messages ≤ 300 × batch', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10 }), (m, b) => {
          const r = sqsFifoThroughput({ messagesPerSecond: m, batchSize: b });
          assert.equal(r.withinLimit, m <= 300 * b);
          if (r.minBatchSize !== null) assert.ok(sqsFifoThroughput({ messagesPerSecond: m, batchSize: r.minBatchSize }).withinLimit);
        }),
      );
    });
  });

  describe('lambdaConcurrency', () => {
    it('100 requests/s × 200 ms → 20 concurrent executions', () => {
      const r = lambdaConcurrency({ requestsPerSecond: 100, averageDurationSeconds: parseDurationSeconds('200ms') });
      assert.equal(r.concurrency, 20);
      assert.equal(r.exceedsDefaultQuota, false);
      assert.ok(r.steps.some((s) => s.includes('100 × 0.2 s = 20')));
    });

    it('rounds up and flags the default 1,000 quota', () => {
      assert.equal(lambdaConcurrency({ requestsPerSecond: 7, averageDurationSeconds: 0.25 }).concurrency, 2);
      const big = lambdaConcurrency({ requestsPerSecond: 1500, averageDurationSeconds: 1 });
      assert.equal(big.concurrency, 1500);
      assert.equal(big.exceedsDefaultQuota, true);
      assert.equal(big.warnings.length, 1);
    });

    it('parses durations', () => {
      assert.equal(parseDurationSeconds('200ms'), 0.2);
      assert.equal(parseDurationSeconds('1.5s'), 1.5);
      assert.equal(parseDurationSeconds('2m'), 120);
      assert.equal(parseDurationSeconds('3'), 3);
      assert.equal(parseDurationSeconds(4), 4);
      assert.throws(() => parseDurationSeconds('soon'), CalcError);
    });

    it('rejects durations beyond the 15-minute maximum or zero', () => {
      assert.throws(() => lambdaConcurrency({ requestsPerSecond: 1, averageDurationSeconds: 901 }), /900 s/);
      assert.throws(() => lambdaConcurrency({ requestsPerSecond: 1, averageDurationSeconds: 0 }), CalcError);
    });

    it('property: concurrency is requests × duration rounded up', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 900_000 }), (rps, ms) => {
          const r = lambdaConcurrency({ requestsPerSecond: rps, averageDurationSeconds: ms / 1000 });
          const exact = (rps * ms) / 1000;
          assert.ok(r.concurrency >= exact - 1e-6);
          assert.ok(r.concurrency < exact + 1);
          assert.equal(r.exceedsDefaultQuota, r.concurrency > 1000);
        }),
      );
    });
  });
});
