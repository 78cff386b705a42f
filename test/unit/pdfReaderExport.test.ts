// The PDF reader on the real documents as the Council lays them out: the corpus outcomes and the
// project's examples exported to Word (the export's own layout: header and addressing tables,
// automatic numbering, page footers) and converted to PDF by LibreOffice, read back whole.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { parseWith } from '../../server/src/core/lint';
import { findLibreOffice } from '../../server/src/node/export/libreOffice';
import { readPdf } from '../../server/src/readers/pdf/index';
import { documentFacts } from './documentFacts';
import { DRAFTS, exportedDrafts } from './exportedDrafts';

const catalogue = loadBuiltInCatalogue();

describe('PDF reader: real documents exported to PDF', function () {
  this.timeout(180_000);
  const pdfs = new Map<string, Uint8Array>();

  before(async function () {
    const soffice = findLibreOffice();
    if (!soffice.ok) {
      console.log(`    skipped: ${soffice.reason}`);
      return this.skip();
    }
    for (const [draft, { pdf }] of await exportedDrafts(soffice.program)) pdfs.set(draft, new Uint8Array(pdf));
  });

  it('reads each back as the same document: header facts and codes, addressing, sections and items, mentions; no footer left in', async () => {
    for (const draft of DRAFTS) {
      const read = await readPdf(pdfs.get(draft)!);
      assert.ok(read.ok, `${path.basename(draft)}: ${!read.ok ? read.reason : ''}`);
      const original = documentFacts(parseWith(fs.readFileSync(draft, 'utf8'), catalogue), catalogue);
      const doc = parseWith(read.text, catalogue);
      assert.deepEqual(documentFacts(doc, catalogue), original, path.basename(draft));
      assert.deepEqual(doc.footers, [], path.basename(draft));
      assert.ok(!read.text.includes('PC/pf'), path.basename(draft));
    }
  });
});
