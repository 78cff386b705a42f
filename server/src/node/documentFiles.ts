import * as fs from 'node:fs';
import * as path from 'node:path';

/** Larger files are not outcome documents (the biggest real ones are tens of KB). */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
const OUTCOME_NAME = /\.outcome\.(?:md|txt)$/i;
const TEXT_NAME = /\.(?:md|txt)$/i;
const TITLE_IN_HEAD = /OUTCOME\s+OF\s+(?:THE\s+)?PROCEEDINGS/i;

function tooLarge(bytes: number): string {
  return `too large to be an outcome document (${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB)`;
}

export type ReadResult = { ok: true; text: string; warning?: string } | { ok: false; reason: string };

/** A read file, with the size and modification time of what was read. */
export type FileRead = ReadResult & { stat?: { size: number; mtime: number } };

/** One decoder for every file (each `decode` call is complete on its own): making one per file cost more than decoding. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as a document: refuses binary data, replaces invalid UTF-8 and says so. */
export function decodeDocument(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'a binary file, not a text document' };
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), warning: 'not valid UTF-8: the invalid bytes are read as U+FFFD' };
  }
}

/**
 * Reads a document: open, fstat, read, close. A separate stat before reading would be one more
 * system call per file, and the workspace index reads ten thousand of them.
 */
export function readDocumentFile(file: string): FileRead {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((e as Error).message) };
  }
  try {
    const s = fs.fstatSync(fd);
    if (s.isDirectory()) return { ok: false, reason: 'a directory' };
    if (s.size > MAX_DOCUMENT_BYTES) return { ok: false, reason: tooLarge(s.size), stat: { size: s.size, mtime: s.mtimeMs } };
    const bytes = readAll(fd, s.size);
    // The size of what was read: a file that changed while being read differs next time and is read again.
    return { ...decodeDocument(bytes), stat: { size: bytes.length, mtime: s.mtimeMs } };
  } catch (e) {
    return { ok: false, reason: String((e as Error).message) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where files are read into: the bytes are decoded into a string before the next read. A new
 * buffer per file cost a quarter of the read (fresh memory, page faults). Grown up to 1 MB; a
 * larger file gets a buffer of its own, so one big file does not stay in memory.
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);
const READ_BUFFER_MAX = 1024 * 1024;

/** The file's first `size` bytes (its size when opened): what it held then, in as few reads as the system allows. Valid until the next call. */
function readAll(fd: number, size: number): Buffer {
  if (size > readBuffer.length && size <= READ_BUFFER_MAX) readBuffer = Buffer.allocUnsafe(Math.min(READ_BUFFER_MAX, Math.max(size, 2 * readBuffer.length)));
  const buffer = size <= readBuffer.length ? readBuffer : Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const n = fs.readSync(fd, buffer, length, size - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

/**
 * Outcome documents under a folder: `*.outcome.md`, `*.outcome.txt`, and any other `.md`/`.txt`
 * whose first lines carry the title. Hidden folders and node_modules are skipped.
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
      } else if (e.isFile() && (OUTCOME_NAME.test(e.name) || (TEXT_NAME.test(e.name) && headSaysOutcome(full)))) found.push(full);
    }
  };
  walk(dir);
  return found;
}

function headSaysOutcome(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return TITLE_IN_HEAD.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
