import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDay } from '../../server/src/core/day';

describe('isoDay (core/day.ts)', () => {
  it("is the UTC day of toISOString, for every date from year 0 to 9999 (property test)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        assert.equal(isoDay(d), d.toISOString().slice(0, 10));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('takes the UTC day, not the local one, at the edges of a day', () => {
    assert.equal(isoDay(new Date('2026-12-04T23:59:59.999Z')), '2026-12-04');
    assert.equal(isoDay(new Date('2026-12-05T00:00:00.000Z')), '2026-12-05');
    assert.equal(isoDay(new Date('0042-03-09T12:00:00Z')), '0042-03-09');
  });
});
