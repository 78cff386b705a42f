import { loadCatalogue } from './core/catalogue/load';
import { defaultTarget, exportLayout, layoutOfDraft, type ExportFormat } from './node/export/exportDraft';
import { readDocumentFile } from './node/documentFiles';

export const EXPORT_USAGE = 'outcome-lint export [--format docx|pdf] [--out FILE] [--force] [--initials TEXT] [--directorate TEXT] [--libreoffice PROGRAM] PATH';

/**
 * `outcome-lint export`: one draft to Word or PDF. Exit status 0 when written, 1 when the draft
 * has errors (nothing written unless --force), 2 on a usage, read, write or conversion failure.
 */
export async function exportMain(args: string[]): Promise<number> {
  const fail = (message: string, usage = false) => {
    process.stderr.write(`outcome-lint export: ${message}\n${usage ? `usage: ${EXPORT_USAGE}\n` : ''}`);
    return 2;
  };
  let format: ExportFormat = 'docx';
  let out: string | undefined;
  let force = false;
  const footer: { initials?: string; directorate?: string } = {};
  let libreOffice: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      if (name === '--format') {
        const f = value();
        if (f !== 'docx' && f !== 'pdf') return fail(`--format must be docx or pdf, not "${f}"`, true);
        format = f;
      } else if (name === '--out' || name === '-o') out = value();
      else if (name === '--force') force = true;
      else if (name === '--help' || name === '-h') {
        process.stdout.write(`usage: ${EXPORT_USAGE}\n`);
        return 0;
      }
      else if (name === '--initials') footer.initials = value();
      else if (name === '--directorate') footer.directorate = value();
      else if (name === '--libreoffice') libreOffice = value();
      else if (a.startsWith('-') && a !== '-') return fail(`unknown option ${a}`, true);
      else paths.push(a);
    } catch (e) {
      return fail((e as Error).message, true);
    }
  }
  if (paths.length !== 1) return fail(paths.length === 0 ? 'no PATH given' : 'export takes one PATH', true);
  const draft = paths[0];
  const read = readDocumentFile(draft);
  if (!read.ok) return fail(`${draft}: ${read.reason}`);
  const { catalogue } = loadCatalogue([]);
  const draftLayout = layoutOfDraft(read.text, catalogue);
  if (!draftLayout.ok) return fail(`${draft}: ${draftLayout.reason}`);
  const errors = draftLayout.errors.length;
  if (errors > 0 && !force) {
    for (const f of draftLayout.errors) process.stderr.write(`${draft}:${f.range.start.line + 1}:${f.range.start.character + 1}: error ${f.code}: ${f.message}\n`);
    process.stderr.write(`outcome-lint export: ${draft}: ${errors} error${errors === 1 ? '' : 's'}: not exported (--force exports anyway)\n`);
    return 1;
  }
  const target = out ?? defaultTarget(draft, format);
  const written = await exportLayout(draftLayout.layout, { format, target, footer, libreOffice });
  if (!written.ok) return fail(written.reason);
  process.stdout.write(`${target}: written${errors > 0 ? ` (the draft has ${errors} error${errors === 1 ? '' : 's'})` : ''}\n`);
  return 0;
}
