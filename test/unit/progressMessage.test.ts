import assert from 'node:assert/strict';
import { withThousands } from '../../server/src/features/workspaceIndex';

describe('the indexing progress message', () => {
  it('writes counts with thousands separated by commas, as "Indexing 1,234 / 10,000"', () => {
    const cases: [number, string][] = [[0, '0'], [7, '7'], [999, '999'], [1000, '1,000'], [1234, '1,234'], [10000, '10,000'], [999999, '999,999'], [1234567, '1,234,567']];
    for (const [n, text] of cases) assert.equal(withThousands(n), text);
    for (let n = 0; n < 3_000_000; n += 7919) assert.equal(withThousands(n), n.toLocaleString('en-US'));
  });
});
