import { inflateRawSync } from 'node:zlib';

/**
 * The zip container of a Word package, read from its central directory. Parts are inflated by
 * Node's zlib with a bound on the output, counted as it comes (`maxOutputLength`), so a part
 * that inflates far beyond its declared size (a zip bomb) is stopped at the bound, not after.
 */

/** A reason a file cannot be read, one line for the drafter; thrown inside the reader, returned by it. */
export class ReadFailure extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** Inflated bytes allowed for all parts read from one file together. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/**
 * A part this small (compressed) is held to its declared size. Deflate writes at most 1032 bytes
 * per byte read, so a lying header costs at most this much work before it is found out; a larger
 * part is held to what is left of the bound for the whole file.
 */
const ONE_CALL = 64 * 1024;

/** Entry names are UTF-8 (or plain ASCII, as in every Word package). */
const NAMES = new TextDecoder();
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** End-of-directory record (22 bytes) plus the longest comment. */
const EOCD_SEARCH = 22 + 0xffff;

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfDirectory(bytes, view);
    if (eocd < 0) throw new ReadFailure('corrupt zip: no central directory (the file is cut short or not a zip)');
    const count = view.getUint16(eocd + 10, true);
    const dirOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ReadFailure('a ZIP64 package, which no Word document needs');
    let at = dirOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ReadFailure('corrupt zip: a broken central directory');
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      if (at + 46 + nameLength > bytes.length) throw new ReadFailure('corrupt zip: a broken central directory');
      const entry: ZipEntry = {
        name: NAMES.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localHeader: view.getUint32(at + 42, true),
      };
      // Part names are case-insensitive in a package (OPC).
      this.entries.set(entry.name.toLowerCase(), entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The part's bytes, or undefined when there is no such part. */
  read(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return undefined;
    if (entry.flags & 1) throw new ReadFailure('an encrypted zip: the package cannot be read without its password');
    const budget = MAX_INFLATED_BYTES - this.inflated;
    if (entry.size > budget) throw tooLarge(entry.name);
    const data = this.compressedData(entry);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) out = data.length <= ONE_CALL ? inflateDeclared(data, entry) : inflateBounded(data, budget, entry.name);
    else throw new ReadFailure(`${entry.name} is compressed by a method Word does not use (${entry.method})`);
    this.inflated += out.length;
    return out;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const { bytes } = this;
    const at = entry.localHeader;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ReadFailure(`corrupt zip: ${entry.name} is not where the directory says`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new ReadFailure(`corrupt zip: ${entry.name} is cut short`);
    return bytes.subarray(start, end);
  }
}

function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - EOCD_SEARCH; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function tooLarge(name: string): ReadFailure {
  return new ReadFailure(`${name} inflates to more than ${MAX_INFLATED_BYTES / (1024 * 1024)} MB (a zip bomb or not a document)`);
}

/** Inflates at most one byte more than declared: output that reaches that byte shows the declared size is false. */
function inflateDeclared(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = inflateAtMost(data, entry.size + 1, entry.name, () => larger(entry.name));
  if (out.length > entry.size) throw larger(entry.name);
  return out;
}

function larger(name: string): ReadFailure {
  return new ReadFailure(`corrupt zip: ${name} inflates to more than the zip says (a zip bomb or a damaged file)`);
}

function inflateBounded(data: Uint8Array, budget: number, name: string): Uint8Array {
  return inflateAtMost(data, budget, name, () => tooLarge(name));
}

/** The raw deflate stream inflated, stopped with `beyond()` once it would write more than `limit` bytes. */
function inflateAtMost(data: Uint8Array, limit: number, name: string, beyond: () => ReadFailure): Uint8Array {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw beyond();
    if (code === 'Z_BUF_ERROR') throw new ReadFailure(`corrupt zip: ${name} is cut short`);
    throw new ReadFailure(`corrupt zip: ${name} does not inflate (${e instanceof Error ? e.message : String(e)})`);
  }
}
