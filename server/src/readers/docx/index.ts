import type { ArchiveRead, ReadOptions } from '../archive';
import { readDocument, readNotes } from './document';
import { Numbering } from './numbering';
import { openPackage } from './package';
import { Styles } from './styles';
import { ReadFailure } from './zip';

/**
 * Reads a Word document (.docx) as the text a drafter sees in Word: paragraphs and tables in
 * order, automatic numbers rebuilt, tracked changes accepted, footnotes and endnotes placed
 * after what refers to them, page headers and footers left out. Never throws: a file that cannot be read gives its reason in one line.
 */
export function readDocx(bytes: Uint8Array, options: ReadOptions = {}): ArchiveRead {
  try {
    const pkg = openPackage(bytes);
    const styles = Styles.read(pkg.styles, 'word/styles.xml');
    const numbering = Numbering.read(pkg.numbering, 'word/numbering.xml', styles);
    const footnotes = pkg.footnotes && readNotes(pkg.footnotes.bytes, pkg.footnotes.name, styles, numbering);
    const endnotes = pkg.endnotes && readNotes(pkg.endnotes.bytes, pkg.endnotes.name, styles, numbering);
    const read = readDocument(pkg.document, pkg.documentName, styles, numbering, { footnotes: footnotes?.notes, endnotes: endnotes?.notes }, options.wanted);
    if (read.firstPageOnly) return { ok: true, format: 'docx', text: read.text, notes: ['read the start of the body only: no Council document'], firstPageOnly: true };
    const trackedChanges = read.trackedChanges || footnotes?.trackedChanges || endnotes?.trackedChanges;
    const text = read.text;
    const notes = trackedChanges ? ['tracked changes: read as accepted (deleted text left out)'] : [];
    return { ok: true, format: 'docx', text, notes };
  } catch (e) {
    if (e instanceof ReadFailure) return { ok: false, format: 'docx', reason: e.message };
    if (e instanceof RangeError) return { ok: false, format: 'docx', reason: 'the document is too large or too deeply nested to read' };
    return { ok: false, format: 'docx', reason: `unreadable Word document: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}
