import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { parseWith } from '../../server/src/core/lint';
import { layoutOfDraft } from '../../server/src/node/export/exportDraft';
import { wordDocument } from '../../server/src/node/export/wordDocument';
import { readDocx } from '../../server/src/readers/docx';
import { CORPUS, OUTCOME_FILES } from './corpus';
import { documentFacts } from './documentFacts';

const catalogue = loadBuiltInCatalogue();
const ROOT = path.resolve(__dirname, '../../..');
export const EXPORTED_DRAFTS = [
  ...OUTCOME_FILES.map((f) => path.join(CORPUS, f)),
  ...['10107-23.outcome.md', 'draft-15020-23.outcome.md'].map((f) => path.join(ROOT, 'example', f)),
  ...['10512-22.outcome.md', '12001-22.outcome.md', '14105-22.outcome.md'].map((f) => path.join(ROOT, 'test', 'e2e', 'workspace', f)),
];

describe('export: round trip through the project\'s Word reader', () => {
  for (const draft of EXPORTED_DRAFTS) {
    it(`${path.basename(draft)}: the same header facts, codes, addressing, numbered sections and items, mentions`, async () => {
      const text = fs.readFileSync(draft, 'utf8');
      const layout = layoutOfDraft(text, catalogue);
      assert.ok(layout.ok);
      const read = readDocx(await wordDocument(layout.layout, { initials: 'PC/pf', directorate: 'JAI.1' }));
      assert.ok(read.ok, !read.ok ? read.reason : '');
      assert.deepEqual(documentFacts(parseWith(read.text, catalogue), catalogue), documentFacts(parseWith(text, catalogue), catalogue));
    });
  }
});
