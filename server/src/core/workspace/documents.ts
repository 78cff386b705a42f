import type { DocumentEntry } from './documentEntry';
import type { Lookup } from './lookups';

/** A file of the workspace as the index last read it. */
export interface IndexedFile {
  readonly uri: string;
  /** -1 when the entry comes from an unsaved editor buffer: the file must be read again next time. */
  readonly size: number;
  readonly mtime: number;
  /** Absent for a file that is not an outcome document. */
  readonly entry?: DocumentEntry;
}

/**
 * The workspace's files and the version of each the index holds (size and modification time of
 * what was read, or -1 for an editor's buffer), with their entries. The one place where
 * documents come and go: each lookup is told of every entry added and every entry dropped.
 */
export class IndexedDocuments {
  private readonly files = new Map<string, IndexedFile>();

  constructor(private readonly lookups: readonly Lookup[]) {}

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  entry(uri: string): DocumentEntry | undefined {
    return this.files.get(uri)?.entry;
  }

  /** Every outcome document, in the order the files were first listed. */
  *entries(): Iterable<DocumentEntry> {
    for (const f of this.files.values()) if (f.entry) yield f.entry;
  }

  /** Every file, outcome document or not. */
  all(): Iterable<IndexedFile> {
    return this.files.values();
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  get documentCount(): number {
    let n = 0;
    for (const f of this.files.values()) if (f.entry) n++;
    return n;
  }

  /** Puts a file's new version in place of the one held (if any). */
  put(file: IndexedFile): void {
    const prior = this.files.get(file.uri);
    if (prior?.entry) for (const l of this.lookups) l.delete(prior.entry);
    this.files.set(file.uri, file);
    if (file.entry) for (const l of this.lookups) l.add(file.entry, !prior);
  }

  /** Drops a file; returns what was held. */
  delete(uri: string): IndexedFile | undefined {
    const prior = this.files.get(uri);
    if (!prior) return undefined;
    if (prior.entry) for (const l of this.lookups) l.delete(prior.entry);
    this.files.delete(uri);
    return prior;
  }
}
