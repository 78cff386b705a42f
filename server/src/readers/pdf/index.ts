/**
 * The PDF reader: a register PDF's text layer, read with pdf.js, as the text the parser reads
 * (see paragraphs.ts for its shape). Never throws: a PDF that cannot be read gets one line that
 * says why (encrypted, damaged, too large, an image without a text layer).
 */
import type { ArchiveRead, ReadOptions } from '../archive';
import { joinLines, type TextPiece } from './lines';
import type { PageLines } from './pageLayout';
import { textOfPages } from './paragraphs';
import { pdfjs, withoutDecompressionStream } from './pdfjs';
import { withoutStamps } from './stamps';

/** Larger files are not read: no Council document comes near it, and pdf.js holds the whole file in memory. */
export const PDF_MAX_BYTES = 50 * 1024 * 1024;
/** Pages read at most; the rest of a longer file is left out, with a note. */
export const PDF_MAX_PAGES = 500;
/** The time a file may take to read; a file that takes longer is read up to the page reached, with a note. */
const TIME_BUDGET_MS = 20_000;

/** The reason given for a PDF with no text at all (a scan). */
export const NO_TEXT_LAYER = 'no text layer: this PDF is an image';

export async function readPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<ArchiveRead> {
  if (bytes.length > PDF_MAX_BYTES) return fail(`too large to read: ${Math.round(bytes.length / 1024 / 1024)} MB (at most ${PDF_MAX_BYTES / 1024 / 1024} MB)`);
  if (!startsLikePdf(bytes)) return fail('not a PDF: the file does not start with %PDF');
  let lib: PdfJs;
  try {
    lib = await pdfjs();
  } catch (err) {
    return fail(`the PDF reader could not be loaded: ${messageOf(err)}`);
  }
  return withoutDecompressionStream(() => readWith(lib, bytes, options));
}

type PdfJs = Awaited<ReturnType<typeof pdfjs>>;

async function readWith(lib: PdfJs, bytes: Uint8Array, options: ReadOptions): Promise<ArchiveRead> {
  const started = Date.now();
  const task = lib.getDocument({
    // pdf.js takes the buffer over (it is emptied): the caller's bytes stay the caller's.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    // No URL for the standard fonts, CMaps, colour profiles or decoders: nothing is fetched.
    // Text reading needs none of them for the Latin text of Council documents.
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const pages: PageLines[] = [];
    const notes: string[] = [];
    const imagePages: number[] = [];
    const last = Math.min(doc.numPages, PDF_MAX_PAGES);
    for (let n = 1; n <= last; n++) {
      if (Date.now() - started > TIME_BUDGET_MS) {
        notes.push(`read the first ${n - 1} of ${doc.numPages} pages: the file took too long to read`);
        break;
      }
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        // Where the item stands on the page as shown (a page may be rotated), y upwards.
        const [a, b, c, d, e, f] = lib.Util.transform(viewport.transform, item.transform) as number[];
        // Text set at an angle (a stamp up the margin) is no line of the document.
        if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
        pieces.push({ text: item.str, x: e, y: viewport.height - f, width: item.width, size: Math.abs(d) });
      }
      if (pieces.length === 0) imagePages.push(n);
      pages.push({ lines: joinLines(withoutStamps(pieces)), height: viewport.height });
      page.cleanup();
      if (n === 1 && last > 1 && options.wanted && pieces.length > 0) {
        const first = textOfPages(pages);
        if (!options.wanted(first)) return { ok: true, format: 'pdf', text: first, notes: [`read the first of ${doc.numPages} pages only: no Council document`], firstPageOnly: true };
      }
    }
    if (doc.numPages > PDF_MAX_PAGES) notes.push(`read the first ${PDF_MAX_PAGES} of ${doc.numPages} pages`);
    if (pages.every((p) => p.lines.length === 0)) return fail(NO_TEXT_LAYER);
    if (imagePages.length > 0) notes.push(`${imagePages.length === 1 ? 'page' : 'pages'} ${imagePages.join(', ')}: no text layer (an image)`);
    return { ok: true, format: 'pdf', text: textOfPages(pages), notes };
  } catch (err) {
    return fail(reasonOf(err));
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

const fail = (reason: string): ArchiveRead => ({ ok: false, format: 'pdf', reason });

/** "%PDF-" within the first kilobyte, where readers look for it (some files carry bytes before it). */
function startsLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

function reasonOf(err: unknown): string {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') return 'encrypted: this PDF opens only with a password';
  if (name === 'InvalidPDFException') return `damaged: not a readable PDF (${messageOf(err)})`;
  return `the PDF could not be read: ${messageOf(err)}`;
}

function messageOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].slice(0, 200);
}
