import type { Catalogue } from '../catalogue/catalogue';
import type { PackedEntry } from './packedEntry';

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
}

/** Bump when `DocumentEntry` or what the parser extracts changes (6: items lettered "a.", titles wrapped onto a second line). */
export const SNAPSHOT_VERSION = 6;

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

/** The snapshot in `text`, or undefined when it is unreadable, from another version or another catalogue. */
export function parseSnapshot(text: string, catalogueKey: string): IndexSnapshot | undefined {
  try {
    const s = JSON.parse(text) as IndexSnapshot;
    if (s?.version !== SNAPSHOT_VERSION || s.catalogue !== catalogueKey || !Array.isArray(s.strings) || !Array.isArray(s.files)) return undefined;
    return s;
  } catch {
    return undefined;
  }
}
