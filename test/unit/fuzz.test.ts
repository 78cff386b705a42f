import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { fuzz } from '../fuzz/fuzz';

/** CI's share of `npm run fuzz`: the same checks on fewer documents, with a fixed seed. */
describe('fuzz (5,000 mutated corpus documents, seed 1)', () => {
  it('throws nothing, keeps every range inside its document, and every quick fix only fixes', function () {
    this.timeout(240_000);
    const report = fuzz({ count: 5000, seed: 1, catalogue: loadBuiltInCatalogue() });
    const found = [...report.byKind].map(([kind, cases]) => `${kind}: ${cases.length} (first: #${cases[0].index} ${cases[0].applied.join(', ')}: ${cases[0].detail.split('\n')[0]})`);
    assert.deepEqual(found, []);
    assert.ok(report.fixesApplied > 1000, `only ${report.fixesApplied} quick fixes were tried`);
  });
});
