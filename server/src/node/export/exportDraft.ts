import * as path from 'node:path';
import type { Catalogue } from '../../core/catalogue/catalogue';
import { buildLayout, type PageLayout } from '../../core/layout';
import { lintText } from '../../core/lint';
import type { RuleCode, SeveritySetting } from '../../core/rules/codes';
import type { Finding } from '../../core/rules/finding';
import { convertWithLibreOffice, findLibreOffice } from './libreOffice';
import { wordDocument, type FooterSettings } from './wordDocument';
import { writeBeside } from './writeBeside';

export type ExportFormat = 'docx' | 'pdf';

export type DraftLayout = { ok: true; layout: PageLayout; errors: Finding[] } | { ok: false; reason: string };

/** The layout of a draft and its error-level findings; a text that is no outcome of proceedings is refused. */
export function layoutOfDraft(text: string, catalogue: Catalogue, severities: Partial<Record<RuleCode, SeveritySetting>> = {}): DraftLayout {
  const { document, findings } = lintText(text, catalogue, { severities });
  if (document.kind !== 'outcome') return { ok: false, reason: 'not an outcome of proceedings document (no "OUTCOME OF PROCEEDINGS" title or header): nothing exported' };
  return { ok: true, layout: buildLayout(document, text, catalogue), errors: findings.filter((f) => f.severity === 'error') };
}

export interface ExportTarget {
  format: ExportFormat;
  /** The file to write; replaced only once the new one is complete. */
  target: string;
  footer: FooterSettings;
  /** The soffice program, when set; else looked for on PATH. */
  libreOffice?: string;
}

/** Renders a layout to Word (and through LibreOffice to PDF) and writes it to the target. */
export async function exportLayout(layout: PageLayout, to: ExportTarget): Promise<{ ok: true } | { ok: false; reason: string }> {
  const soffice = to.format === 'pdf' ? findLibreOffice(to.libreOffice) : undefined;
  if (soffice && !soffice.ok) return soffice;
  const word = await wordDocument(layout, to.footer);
  if (!soffice) return writeBeside(to.target, word);
  const pdf = await convertWithLibreOffice(soffice.program, [{ name: `${path.parse(to.target).name}.docx`, bytes: word }], 'pdf');
  return pdf.ok ? writeBeside(to.target, pdf.outputs[0]) : pdf;
}

/** Where an export goes by default: beside the draft, "draft-15020-23.outcome.md" -> "draft-15020-23.docx". */
export function defaultTarget(draft: string, format: ExportFormat): string {
  const base = path.basename(draft).replace(/(?:\.outcome)?\.(?:md|txt|markdown)$/i, '');
  return path.join(path.dirname(draft), `${base}.${format}`);
}
