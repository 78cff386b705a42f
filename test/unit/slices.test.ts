import assert from 'node:assert/strict';
import { Slices } from '../../server/src/core/workspace/slices';

describe('work in slices', () => {
  it('gives way at every pause once the slice has no time left', async () => {
    let turns = 0;
    // A budget of 0: every pause gives way.
    const slices = new Slices(async () => turns++, 0);
    for (let i = 0; i < 10; i++) await slices.pause();
    assert.equal(turns, 10);
  });

  it('gives way only once a slice has run its time', async () => {
    let turns = 0;
    const slices = new Slices(async () => turns++, 60_000);
    for (let i = 0; i < 1000; i++) await slices.pause();
    assert.equal(turns, 0);
  });
});
