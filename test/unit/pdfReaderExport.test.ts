// The PDF reader on the real documents as the Council lays them out: the corpus outcomes and the
// project's examples exported to Word (the export's own layout: header and addressing tables,
// automatic numbering, page footers) and converted to PDF by LibreOffice, read back whole.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { parseWith } from '../../server/src/core/lint';
import { layoutOfDraft } from '../../server/src/node/export/exportDraft';
import { convertWithLibreOffice, findLibreOffice } from '../../server/src/node/export/libreOffice';
import { wordDocument } from '../../server/src/node/export/wordDocument';
import { readPdf } from '../../server/src/readers/pdf/index';
import { CORPUS, OUTCOME_FILES } from './corpus';
import { documentFacts } from './documentFacts';

const catalogue = loadBuiltInCatalogue();
const ROOT = path.resolve(__dirname, '../../..');
const DRAFTS = [
  ...OUTCOME_FILES.map((f) => path.join(CORPUS, f)),
  ...['10107-23.outcome.md', 'draft-15020-23.outcome.md'].map((f) => path.join(ROOT, 'example', f)),
  ...['10512-22.outcome.md', '12001-22.outcome.md', '14105-22.outcome.md'].map((f) => path.join(ROOT, 'test', 'e2e', 'workspace', f)),
];

describe('PDF reader: real documents exported to PDF', function () {
  this.timeout(180_000);
  const pdfs = new Map<string, Uint8Array>();

  before(async function () {
    const soffice = findLibreOffice();
    if (!soffice.ok) {
      console.log(`    skipped: ${soffice.reason}`);
      return this.skip();
    }
    const inputs = await Promise.all(
      DRAFTS.map(async (draft) => {
        const l = layoutOfDraft(fs.readFileSync(draft, 'utf8'), catalogue);
        assert.ok(l.ok, draft);
        return { name: path.basename(draft).replace(/\.md$/, '.docx'), bytes: await wordDocument(l.layout, { initials: 'PC/pf', directorate: 'JAI.1' }) };
      }),
    );
    const pdf = await convertWithLibreOffice(soffice.program, inputs, 'pdf');
    assert.ok(pdf.ok, !pdf.ok ? pdf.reason : '');
    DRAFTS.forEach((d, i) => pdfs.set(d, new Uint8Array(pdf.outputs[i])));
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
