import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '../core/catalogue/catalogue';
import { entryView, flatEntry, PackedStrings } from '../core/workspace/packedEntry';
import { catalogueFingerprint, checkSnapshot, type IndexSnapshot, type SavedFile, type SavedIndex } from '../core/workspace/snapshot';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';

/**
 * The saved index on disk: the snapshot's JSON with a last property, `seal`, that holds the
 * SHA-256 of every byte before it (the text up to `,"seal":`) and their count. A file whose seal
 * does not match (a flipped bit, a write cut short, an edit) is not read further. The file stays
 * JSON: `seal` is one more property, which the checks inside leave aside.
 */
interface Seal {
  sha256: string;
  bytes: number;
}

const SEAL = Buffer.from(',"seal":');

/** Larger than any index this project writes for the archives it is meant for (the whole register: a few hundred MB). */
const MAX_SNAPSHOT_BYTES = 2 ** 31 - 1;

/**
 * The index saved in `file`, if it is there, whole, and made with this catalogue by this
 * version. Anything else is not used, with the reason told to `problem` (a missing file is no
 * problem): the index is then built from the files, and saved again.
 */
export function loadSnapshot(file: string, catalogue: Catalogue, problem: (why: string) => void = () => undefined): IndexSnapshot | undefined {
  return readSnapshot(file, catalogueFingerprint(catalogue), problem);
}

/** `loadSnapshot`, given the catalogue's fingerprint (what the loading worker is given). */
function readSnapshot(file: string, catalogueKey: string, problem: (why: string) => void): IndexSnapshot | undefined {
  let bytes: Buffer;
  try {
    const read = readRegularFile(file);
    if (!read) return undefined;
    if (typeof read === 'string') {
      problem(read);
      return undefined;
    }
    bytes = read;
  } catch (e) {
    problem(`it cannot be read (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  }
  const body = unsealed(bytes);
  if (typeof body === 'string') {
    problem(body);
    return undefined;
  }
  const checked = checkSnapshot(body.toString('utf8'), catalogueKey);
  if ('problem' in checked) {
    problem(checked.problem);
    return undefined;
  }
  return checked.snapshot;
}

/** The file's bytes; undefined when there is none; a reason when it is no regular file or too large. */
function readRegularFile(file: string): Buffer | string | undefined {
  let fd: number;
  try {
    // Non-blocking: a FIFO put in its place must not hold the server's start until a writer comes.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return 'it is not a regular file';
    if (stat.size > MAX_SNAPSHOT_BYTES) return `it is too large (${stat.size} bytes)`;
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of a sealed file, or why it is not whole. */
function unsealed(bytes: Buffer): Buffer | string {
  const at = bytes.lastIndexOf(SEAL);
  const end = bytes.lastIndexOf(0x7d);
  if (at < 0 || end < at) return 'it has no seal (it was written by an older version, or cut short)';
  let seal: Partial<Seal>;
  try {
    seal = JSON.parse(bytes.subarray(at + SEAL.length, end).toString('utf8')) as Partial<Seal>;
  } catch {
    return 'its seal is unreadable';
  }
  if (seal.bytes !== at || seal.sha256 !== sha256(bytes.subarray(0, at))) return 'its checksum does not match its bytes';
  return bytes;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A snapshot's JSON text (an object) sealed as `saveSnapshot` seals it. */
export function sealedText(json: string): string {
  const body = Buffer.from(json.slice(0, json.lastIndexOf('}')), 'utf8');
  return `${body.toString('utf8')},"seal":${JSON.stringify({ sha256: sha256(body), bytes: body.length } satisfies Seal)}}`;
}

/** Pieces of the saved index made between two turns of the event loop: each is made and written in a few milliseconds. */
const SAVE_PIECE_LENGTH = 1 << 18;

/**
 * Saves the index to `file`, written beside it a piece at a time and then renamed: a crash
 * mid-write leaves the previous snapshot whole, and a write that fails (a full disk) leaves no
 * half-written file behind. Between pieces, `between` lets the server answer (by default the
 * next turn of the event loop). Returns the bytes written; rejects when the index could not be saved.
 */
export async function saveSnapshot(index: WorkspaceIndex, file: string, between: () => Promise<void> = nextTurn): Promise<number> {
  const partial = `${file}.tmp`;
  try {
    const fd = fs.openSync(partial, 'w');
    let bytes = 0;
    try {
      const hash = createHash('sha256');
      let body = 0;
      const put = (text: string) => {
        const b = Buffer.from(text, 'utf8');
        hash.update(b);
        body += b.length;
        bytes += fs.writeSync(fd, b);
      };
      // The last piece closes the object: the seal goes in before its brace.
      let pending: string | undefined;
      for (const piece of index.snapshotPieces(SAVE_PIECE_LENGTH)) {
        if (pending !== undefined) put(pending);
        pending = piece;
        await between();
      }
      put(pending!.slice(0, pending!.lastIndexOf('}')));
      bytes += fs.writeSync(fd, `,"seal":${JSON.stringify({ sha256: hash.digest('hex'), bytes: body } satisfies Seal)}}`);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    return bytes;
  } catch (e) {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Not ours to remove (a folder of that name): left as it is.
    }
    throw e;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * What the loading worker (snapshotWorker.ts) sends, in this order: the string table in parts,
 * then the files in parts (entries laid flat, `flatEntry`, in one Int32Array per part, handed
 * over without a copy), then the end; or, alone, why the saved index is not used.
 */
export type SnapshotMessage =
  | { strings: string[] }
  | { uris: string[]; sizes: number[]; mtimes: number[]; starts: Int32Array; data: Int32Array }
  | { end: true }
  | { problem: string }
  | { missing: true };

/** Strings and files per message: each is taken in by this thread in a few milliseconds. */
const STRINGS_PER_MESSAGE = 20_000;
const FILES_PER_MESSAGE = 2_000;

/** The loading worker's side: reads and checks the saved index, then sends it to `post` in parts. */
export function sendSnapshot(file: string, catalogueKey: string, post: (message: SnapshotMessage, transfer?: ArrayBuffer[]) => void): void {
  let problem: string | undefined;
  const snapshot = readSnapshot(file, catalogueKey, (why) => (problem = why));
  if (!snapshot) return post(problem === undefined ? { missing: true } : { problem });
  for (let i = 0; i < snapshot.strings.length; i += STRINGS_PER_MESSAGE) post({ strings: snapshot.strings.slice(i, i + STRINGS_PER_MESSAGE) });
  for (let i = 0; i < snapshot.files.length; i += FILES_PER_MESSAGE) {
    const files = snapshot.files.slice(i, i + FILES_PER_MESSAGE);
    const flat = files.map((f) => f.entry && flatEntry(f.entry));
    const starts = new Int32Array(files.length + 1);
    flat.forEach((e, k) => (starts[k + 1] = starts[k] + (e?.length ?? 0)));
    const data = new Int32Array(starts[files.length]);
    flat.forEach((e, k) => e && data.set(e, starts[k]));
    post({ uris: files.map((f) => f.uri), sizes: files.map((f) => f.size), mtimes: files.map((f) => f.mtime), starts, data }, [starts.buffer, data.buffer]);
  }
  post({ end: true });
}

/** The loading worker beside this module (dist/snapshotWorker.js in the bundle, out/…/snapshotWorker.js under tsc). */
const SNAPSHOT_WORKER = path.join(__dirname, 'snapshotWorker.js');

/**
 * The index saved in `file`, read and checked on a worker thread (as `loadSnapshot` does):
 * this thread only takes in its parts, one message at a time, and keeps answering meanwhile.
 * Without the worker's script, it is read here.
 */
export function loadSavedIndex(file: string, catalogue: Catalogue, problem: (why: string) => void = () => undefined, workerFile = SNAPSHOT_WORKER): Promise<SavedIndex | undefined> {
  const catalogueKey = catalogueFingerprint(catalogue);
  // No saved index (a first start): no worker. Anything else in its place is for the reader to refuse.
  if (!fs.existsSync(workerFile) || !exists(file)) return Promise.resolve(savedIndexOf(readSnapshot(file, catalogueKey, problem)));
  return new Promise((resolve) => {
    const strings: string[] = [];
    const table = new PackedStrings(strings);
    const files = new Map<string, SavedFile>();
    let settled = false;
    const settle = (saved: SavedIndex | undefined, why?: string) => {
      if (settled) return;
      settled = true;
      if (why !== undefined) problem(why);
      resolve(saved);
    };
    const worker = new Worker(workerFile, { workerData: { file, catalogueKey } });
    worker.on('message', (m: SnapshotMessage) => {
      if ('strings' in m) for (const x of m.strings) strings.push(x);
      else if ('uris' in m) {
        m.uris.forEach((uri, k) => {
          const [start, end] = [m.starts[k], m.starts[k + 1]];
          files.set(uri, { size: m.sizes[k], mtime: m.mtimes[k], entry: end > start ? entryView(uri, table, m.data.subarray(start, end)) : undefined });
        });
      } else if ('end' in m) settle({ files });
      else if ('problem' in m) settle(undefined, m.problem);
      else settle(undefined);
    });
    worker.on('error', (e) => settle(undefined, `it cannot be read (${e.message})`));
    worker.on('exit', (code) => settle(undefined, `it cannot be read (the reader stopped: ${code})`));
  });
}

/** A snapshot as the index takes it in (`SavedIndex`). */
function savedIndexOf(snapshot: IndexSnapshot | undefined): SavedIndex | undefined {
  if (!snapshot) return undefined;
  const table = new PackedStrings(snapshot.strings);
  return { files: new Map(snapshot.files.map((f) => [f.uri, { size: f.size, mtime: f.mtime, entry: f.entry && entryView(f.uri, table, flatEntry(f.entry)) }])) };
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
