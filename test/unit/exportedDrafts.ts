// The real documents and the project's examples exported to Word and converted by LibreOffice to
// text and PDF: done once for every test file that reads them (LibreOffice takes seconds).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { layoutOfDraft } from '../../server/src/node/export/exportDraft';
import { convertWithLibreOffice } from '../../server/src/node/export/libreOffice';
import { wordDocument } from '../../server/src/node/export/wordDocument';
import { CORPUS, OUTCOME_FILES } from './corpus';

const ROOT = path.resolve(__dirname, '../../..');
export const DRAFTS = [
  ...OUTCOME_FILES.map((f) => path.join(CORPUS, f)),
  ...['10107-23.outcome.md', 'draft-15020-23.outcome.md'].map((f) => path.join(ROOT, 'example', f)),
  ...['10512-22.outcome.md', '12001-22.outcome.md', '14105-22.outcome.md'].map((f) => path.join(ROOT, 'test', 'e2e', 'workspace', f)),
];
export const FOOTER = { initials: 'PC/pf', directorate: 'JAI.1' };

export interface ExportedDraft {
  /** LibreOffice's text output of the exported Word file. */
  text: string;
  /** LibreOffice's PDF of it. */
  pdf: Buffer;
}

let exported: Promise<Map<string, ExportedDraft>> | undefined;

/** Each of `DRAFTS` by its path, exported and converted by the LibreOffice program `soffice`. */
export function exportedDrafts(soffice: string): Promise<Map<string, ExportedDraft>> {
  exported ??= (async () => {
    const catalogue = loadBuiltInCatalogue();
    const inputs = await Promise.all(
      DRAFTS.map(async (draft) => {
        const l = layoutOfDraft(fs.readFileSync(draft, 'utf8'), catalogue);
        assert.ok(l.ok, draft);
        return { name: path.basename(draft).replace(/\.md$/, '.docx'), bytes: await wordDocument(l.layout, FOOTER) };
      }),
    );
    const txt = await convertWithLibreOffice(soffice, inputs, 'txt');
    const pdf = await convertWithLibreOffice(soffice, inputs, 'pdf');
    assert.ok(txt.ok, !txt.ok ? txt.reason : '');
    assert.ok(pdf.ok, !pdf.ok ? pdf.reason : '');
    return new Map(DRAFTS.map((d, i) => [d, { text: txt.outputs[i].toString('utf8').replace(/^\ufeff/, ''), pdf: pdf.outputs[i] }]));
  })();
  return exported;
}
