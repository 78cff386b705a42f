import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ArchiveRead, ReadOptions } from '../readers/archive';
import { readDocx } from '../readers/docx';
import { PDF_MAX_BYTES, readPdf } from '../readers/pdf';

/**
 * Reading the files the user points at: every one a regular file (a FIFO would block the read, a
 * device such as /dev/zero never ends), under a size bound per format, opened once.
 */
export type DocumentFormat = 'text' | 'docx' | 'pdf';

/**
 * Larger files are not read. Outcome documents as text are tens of KB; a Word file of the
 * register a few hundred KB, a PDF a few MB (scans with images more).
 */
export const MAX_BYTES: Readonly<Record<DocumentFormat, number>> = { text: 16 * 1024 * 1024, docx: 32 * 1024 * 1024, pdf: PDF_MAX_BYTES };
/** The bound for text documents (also what the server takes from an open buffer). */
export const MAX_DOCUMENT_BYTES = MAX_BYTES.text;
const OUTCOME_NAME = /\.outcome\.(?:md|txt)$/i;
const TEXT_NAME = /\.(?:md|txt)$/i;
const ARCHIVE_NAME = /\.(docx|pdf)$/i;
const TITLE_IN_HEAD = /OUTCOME\s+OF\s+(?:THE\s+)?PROCEEDINGS/i;
/** Opening a FIFO for reading waits for a writer; with O_NONBLOCK it returns at once, and fstat tells what it is. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** How a file is read, by its name: Word and PDF by their readers, anything else as text. */
export function formatOf(file: string): DocumentFormat {
  const archive = ARCHIVE_NAME.exec(file);
  return archive ? (archive[1].toLowerCase() as DocumentFormat) : 'text';
}

/** A Word or PDF file: read by a reader, off the server thread. */
export function isArchiveFile(file: string): boolean {
  return ARCHIVE_NAME.test(file);
}

function tooLarge(bytes: number, format: DocumentFormat = 'text'): string {
  const what = format === 'text' ? 'an outcome document' : format === 'pdf' ? 'read as a PDF document' : 'read as a Word document';
  return `too large to be ${what} (${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES[format] / 1048576} MB)`;
}

/** Why a file of this kind is not read: only regular files are. */
function notRegular(s: fs.Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a named pipe (FIFO), not a file';
  if (s.isSocket()) return 'a socket, not a file';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device, not a file';
  return 'not a regular file';
}

export type ReadResult = { ok: true; text: string; warning?: string } | { ok: false; reason: string };

/** A read file, with the size and modification time of what was read; `firstPageOnly`: a Word or PDF file read no further than its first page (see `ReadOptions.wanted`). */
export type FileRead = ReadResult & { stat?: { size: number; mtime: number }; firstPageOnly?: true };

/** One decoder for every file (each `decode` call is complete on its own): making one per file cost more than decoding. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as a document: refuses binary data, replaces invalid UTF-8 and says so. */
export function decodeDocument(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_BYTES.text) return { ok: false, reason: tooLarge(bytes.length) };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'a binary file, not a text document' };
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), warning: 'not valid UTF-8: the invalid bytes are read as U+FFFD' };
  }
}

/** Opens a file for reading without waiting on it; says why not when it is no regular file. */
function openRegular(file: string): { fd: number; stat: fs.Stats } | { reason: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { reason: openFailure(e) };
  }
  try {
    const stat = fs.fstatSync(fd);
    const reason = notRegular(stat);
    if (reason === undefined) return { fd, stat };
    fs.closeSync(fd);
    return { reason };
  } catch (e) {
    fs.closeSync(fd);
    return { reason: String((e as Error).message) };
  }
}

function openFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : String((e as Error).message);
}

/**
 * Reads a text document: open, fstat, read, close. A separate stat before reading would be one
 * more system call per file, and the workspace index reads ten thousand of them.
 */
export function readDocumentFile(file: string): FileRead {
  const bytes = readFileBytes(file, 'text');
  return bytes.ok ? { ...decodeDocument(bytes.bytes), stat: bytes.stat } : bytes;
}

/** A file's bytes, when it is a regular file within the format's bound; valid until the next call. */
export function readFileBytes(file: string, format: DocumentFormat, own = false): { ok: true; bytes: Uint8Array; stat: { size: number; mtime: number } } | { ok: false; reason: string; stat?: { size: number; mtime: number } } {
  const opened = openRegular(file);
  if ('reason' in opened) return { ok: false, reason: opened.reason };
  const { fd, stat: s } = opened;
  try {
    if (s.size > MAX_BYTES[format]) return { ok: false, reason: tooLarge(s.size, format), stat: { size: s.size, mtime: s.mtimeMs } };
    const bytes = readAll(fd, s.size, own);
    // The size of what was read: a file that changed while being read differs next time and is read again.
    return { ok: true, bytes, stat: { size: bytes.length, mtime: s.mtimeMs } };
  } catch (e) {
    return { ok: false, reason: String((e as Error).message) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a document of any format: text as it is, Word and PDF files through their readers (the
 * text they read, their notes as the warning). The one place that tells formats apart: the CLI,
 * the indexing workers and the server's reader worker all read through here. A file that cannot
 * be read keeps its size and time, so that an unchanged one is not tried again. `options.wanted`
 * decides from a Word or PDF file's first page whether it is read whole.
 */
export async function readDocument(file: string, options: ReadOptions = {}): Promise<FileRead & { format: DocumentFormat }> {
  const format = formatOf(file);
  if (format === 'text') return { ...readDocumentFile(file), format };
  // Bytes of their own: the PDF reader works on them across awaits, while other files are read.
  const bytes = readFileBytes(file, format, true);
  if (!bytes.ok) return { ...bytes, format };
  let read: ArchiveRead;
  try {
    read = format === 'docx' ? readDocx(bytes.bytes, options) : await readPdf(bytes.bytes, options);
  } catch (e) {
    // The readers say why in their result; anything they let through is still one line.
    read = { ok: false, format, reason: `could not be read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  if (!read.ok) return { ok: false, reason: read.reason, stat: bytes.stat, format };
  const out: FileRead & { format: DocumentFormat } = read.notes.length > 0 ? { ok: true, text: read.text, warning: read.notes.join('; '), stat: bytes.stat, format } : { ok: true, text: read.text, stat: bytes.stat, format };
  if (read.firstPageOnly) out.firstPageOnly = true;
  return out;
}

/** `readDocumentFile` without blocking this thread on the disk (for the server's own reads). */
export async function readDocumentFileAsync(file: string): Promise<FileRead> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (e) {
    return { ok: false, reason: openFailure(e) };
  }
  try {
    const s = await handle.stat();
    const reason = notRegular(s);
    if (reason !== undefined) return { ok: false, reason };
    const stat = { size: s.size, mtime: s.mtimeMs };
    if (s.size > MAX_BYTES.text) return { ok: false, reason: tooLarge(s.size), stat };
    const buffer = Buffer.allocUnsafe(s.size);
    let length = 0;
    while (length < s.size) {
      const { bytesRead } = await handle.read(buffer, length, s.size - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { ...decodeDocument(buffer.subarray(0, length)), stat: { size: length, mtime: s.mtimeMs } };
  } catch (e) {
    return { ok: false, reason: String((e as Error).message) };
  } finally {
    await handle.close();
  }
}

/**
 * Where files are read into: the bytes are decoded into a string before the next read. A new
 * buffer per file cost a quarter of the read (fresh memory, page faults). Grown up to 1 MB; a
 * larger file gets a buffer of its own, so one big file does not stay in memory.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);
const READ_BUFFER_MAX = 1024 * 1024;

/** The file's first `size` bytes (its size when opened): what it held then, in as few reads as the system allows. Valid until the next call, unless `own`. */
function readAll(fd: number, size: number, own = false): Uint8Array {
  if (own) {
    // A plain Uint8Array: pdf.js refuses a Buffer (whose slice() is no copy).
    const bytes = new Uint8Array(size);
    return bytes.subarray(0, fill(fd, bytes, size));
  }
  if (size > readBuffer.length && size <= READ_BUFFER_MAX) readBuffer = Buffer.allocUnsafe(Math.min(READ_BUFFER_MAX, Math.max(size, 2 * readBuffer.length)));
  const buffer = size <= readBuffer.length ? readBuffer : Buffer.allocUnsafe(size);
  return buffer.subarray(0, fill(fd, buffer, size));
}

function fill(fd: number, buffer: Uint8Array, size: number): number {
  let length = 0;
  while (length < size) {
    const n = fs.readSync(fd, buffer, length, size - length, null);
    if (n === 0) break;
    length += n;
  }
  return length;
}

/**
 * Outcome documents under a folder: `*.outcome.md`, `*.outcome.txt`, any other `.md`/`.txt`
 * whose first lines carry the title, and every Word and PDF file (their readers tell what they
 * are). Hidden folders and node_modules are skipped, and so are links: what lies in the folder
 * is what is searched.
 */
export function findDocumentFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(full);
      } else if (e.isFile() && (OUTCOME_NAME.test(e.name) || ARCHIVE_NAME.test(e.name) || (TEXT_NAME.test(e.name) && headSaysOutcome(full)))) found.push(full);
    }
  };
  walk(dir);
  return found;
}

function headSaysOutcome(file: string): boolean {
  const opened = openRegular(file);
  if ('reason' in opened) return false;
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(opened.fd, buf, 0, buf.length, 0);
    return TITLE_IN_HEAD.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    fs.closeSync(opened.fd);
  }
}
