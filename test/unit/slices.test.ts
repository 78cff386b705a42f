import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Slices, sortInSlices } from '../../server/src/core/workspace/slices';

describe('work in slices', () => {
  it('sorts as Array.prototype.sort sorts (stable), giving way between slices', async () => {
    let turns = 0;
    // A budget of 0: every pause gives way.
    const slices = new Slices(async () => turns++, 0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat()), { maxLength: 9000 }), async (list) => {
        const byFirst = (a: [number, number], b: [number, number]) => a[0] - b[0];
        assert.deepEqual(await sortInSlices(list, byFirst, slices), [...list].sort(byFirst));
      }),
      { numRuns: 30 },
    );
    assert.ok(turns > 0);
  });

  it('gives way only once a slice has run its time', async () => {
    let turns = 0;
    const slices = new Slices(async () => turns++, 60_000);
    for (let i = 0; i < 1000; i++) await slices.pause();
    assert.equal(turns, 0);
  });
});
