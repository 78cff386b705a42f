import type { Catalogue } from '../catalogue/catalogue';
import type { DocumentEntry } from './documentEntry';
import { MalformedEntry, PackedEntryCheck, type PackedEntry } from './packedEntry';

/**
 * The index as saved between sessions: per file its size, mtime and index entry (never the
 * text), so a restart re-reads only the files that changed since. Entries are packed (see
 * `PackedEntry`) against one table of the strings they hold.
 */
export interface IndexSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Entries hold catalogue mentions: another catalogue makes them stale. */
  catalogue: string;
  strings: string[];
  files: SnapshotFile[];
}

export interface SnapshotFile {
  uri: string;
  size: number;
  mtime: number;
  /** Absent for a file that is not an outcome document (kept so it is not read again). */
  entry?: PackedEntry;
  /** With an entry: `entrySeal(uri, JSON of entry)`. */
  seal?: number;
}

/**
 * A saved index once read back and checked: per file its size, mtime and entry as the index
 * holds it (packed: `PackedDocumentEntry`). What the server's loader hands over from its worker.
 */
export interface SavedIndex {
  files: ReadonlyMap<string, SavedFile>;
}

export interface SavedFile {
  size: number;
  mtime: number;
  entry?: DocumentEntry;
}

/** Bump when `DocumentEntry` or what the parser extracts changes (7: each entry sealed with its file's URI). */
export const SNAPSHOT_VERSION = 7;

/** A short fingerprint of the catalogue's names: mentions are only as good as the names they were found with. */
export function catalogueFingerprint(catalogue: Catalogue): string {
  let h = 0x811c9dc5;
  for (const e of [...catalogue.instruments, ...catalogue.topics, ...catalogue.bodies]) {
    for (const name of [e.id, e.name, ...e.aliases, ...e.abbreviations, '\u0000']) {
      for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    }
  }
  return (h >>> 0).toString(16);
}

/** A file's seal: its URI and its entry's packed form hashed together (FNV-1a), so that an entry given to another file is not trusted. */
export function entrySeal(uri: string, entryJson: string): number {
  let h = 0x811c9dc5;
  const text = `${uri}\u0000${entryJson}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The snapshot in `text`, or undefined when it is unreadable, from another version or another catalogue, or not of the right shape. */
export function parseSnapshot(text: string, catalogueKey: string): IndexSnapshot | undefined {
  const checked = checkSnapshot(text, catalogueKey);
  return 'snapshot' in checked ? checked.snapshot : undefined;
}

/**
 * The snapshot in `text` once every part of it is checked: the version and the catalogue, the
 * shape of every file and of every entry (see `PackedEntryCheck`), each entry's seal.
 * Else why it is not to be trusted.
 */
export function checkSnapshot(text: string, catalogueKey: string): { snapshot: IndexSnapshot } | { problem: string } {
  let s: Partial<IndexSnapshot> | null;
  try {
    s = JSON.parse(text) as Partial<IndexSnapshot> | null;
  } catch {
    return { problem: 'it is not JSON' };
  }
  if (typeof s !== 'object' || s === null) return { problem: 'it is not a saved index' };
  if (s.version !== SNAPSHOT_VERSION) return { problem: `it was saved by another version (${String(s.version)}, this one reads ${SNAPSHOT_VERSION})` };
  if (s.catalogue !== catalogueKey) return { problem: 'it was made with another catalogue' };
  if (!Array.isArray(s.strings) || !s.strings.every((x) => typeof x === 'string')) return { problem: 'its string table is not a list of strings' };
  if (!Array.isArray(s.files)) return { problem: 'its files are not a list' };
  const checker: PackedEntryCheck = new PackedEntryCheck(s.strings);
  const seen = new Set<string>();
  for (const f of s.files as unknown[]) {
    const file = f as Partial<SnapshotFile> | null;
    if (typeof file !== 'object' || file === null || typeof file.uri !== 'string' || !isCount(file.size) || !Number.isFinite(file.mtime)) return { problem: 'a file of the wrong shape' };
    if (seen.has(file.uri)) return { problem: `${file.uri} is listed twice` };
    seen.add(file.uri);
    if (file.entry === undefined) continue;
    try {
      checker.check(file.uri, file.entry);
    } catch (e) {
      return { problem: `the entry of ${file.uri} is of the wrong shape${e instanceof MalformedEntry ? ` (${e.message})` : ''}` };
    }
    if (file.seal !== entrySeal(file.uri, JSON.stringify(file.entry))) return { problem: `the entry of ${file.uri} is not the one saved for it` };
  }
  return { snapshot: s as IndexSnapshot };
}

function isCount(n: unknown): boolean {
  return Number.isInteger(n) && (n as number) >= 0;
}
