import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import type { Catalogue } from '../core/catalogue/catalogue';
import { catalogueFingerprint, checkSnapshot, type IndexSnapshot } from '../core/workspace/snapshot';
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
  const checked = checkSnapshot(body.toString('utf8'), catalogueFingerprint(catalogue));
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

/**
 * Saves the index to `file`, written beside it a piece at a time and then renamed: a crash
 * mid-write leaves the previous snapshot whole, and a write that fails (a full disk) leaves no
 * half-written file behind. Returns the bytes written; throws when the index could not be saved.
 */
export function saveSnapshot(index: WorkspaceIndex, file: string): number {
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
      index.writeSnapshot((piece) => {
        if (pending !== undefined) put(pending);
        pending = piece;
      });
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
