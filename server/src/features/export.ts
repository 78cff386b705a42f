import type { Catalogue } from '../core/catalogue/catalogue';
import { buildLayout } from '../core/layout';
import { exportLayout } from '../node/export/exportDraft';
import type { Analysis } from './analysis';
import type { ExportParams, ExportResult } from '../../../shared/protocol';

/** Writes the open document's current text (not the file on disk) as Word or PDF. */
export async function exportDocument(analysis: Analysis, text: string, catalogue: Catalogue, params: ExportParams): Promise<ExportResult> {
  const doc = analysis.lint?.document;
  if (!doc || doc.kind !== 'outcome') return { ok: false, reason: 'this is not an outcome of proceedings document: nothing exported' };
  return exportLayout(buildLayout(doc, text, catalogue), {
    format: params.format,
    target: params.target,
    footer: { initials: params.initials, directorate: params.directorate },
    libreOffice: params.libreOffice || undefined,
  });
}
