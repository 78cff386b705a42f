import type { Catalogue } from '../catalogue/catalogue';
import type { OutcomeDocument } from '../document/model';
import { parseForIndex } from '../lint';
import { entryFromDocument, type DocumentEntry } from './documentEntry';
import { IndexedDocuments, type IndexedFile } from './documents';
import { Lookups } from './lookups';
import { EntryUnpacker, MalformedEntry, packEntry, StringTable } from './packedEntry';
import { IndexQueries } from './queries';
import { Slices } from './slices';
import { catalogueFingerprint, entrySeal, SNAPSHOT_VERSION, type IndexSnapshot, type SavedIndex, type SnapshotFile } from './snapshot';
import type { FileStat, Workspace } from './workspace';

/** The saved index's files by URI. */
type SavedFiles = Pick<Map<string, SavedFile>, 'get'>;

/** A file of the saved index; its entry is unpacked only when the file is unchanged. */
interface SavedFile {
  size: number;
  mtime: number;
  entry(): DocumentEntry | undefined;
}

export interface BuildOptions {
  /** A saved index: files whose size and mtime are unchanged are not read again. */
  snapshot?: IndexSnapshot;
  /** The same, read back already (checked, for this version and catalogue), or being read while the files are listed. */
  saved?: SavedIndex | Promise<SavedIndex | undefined>;
  /** Called after each batch: "Indexing 1,234 / 10,000". */
  onProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
  /** Files read concurrently per batch. */
  batchSize?: number;
  /** Reads and indexes files away from this thread (worker threads); without it, files are parsed here. */
  readEntries?: EntryReader;
  /** Batches given to `readEntries` at once (default 6). */
  concurrency?: number;
}

/** A file as its reader found it: size and modification time of what it read, and the entry (null: not an outcome document, or not text). */
export interface ReadFile extends FileStat {
  entry: DocumentEntry | null;
}

/**
 * Reads and indexes files elsewhere: per URI, in order, what was read, or null for a file that
 * is gone. A rejected promise makes the build read that batch itself.
 */
export type EntryReader = (uris: string[]) => Promise<(ReadFile | null)[]>;

export interface BuildReport {
  files: number;
  documents: number;
  /** Files read and parsed. */
  read: number;
  /** Files taken from the snapshot. */
  reused: number;
  cancelled: boolean;
}

/**
 * The workspace index, put together from its parts: the documents and their versions
 * (`IndexedDocuments`), the lookups built from them (`Lookups`), the queries over both
 * (`IndexQueries`), the saved index (snapshot.ts, packedEntry.ts). This class reads files:
 * it builds the documents' set from a workspace in batches, then brings one file at a time up
 * to date. No text and no tree is kept.
 */
export class WorkspaceIndex {
  readonly lookups: Lookups;
  readonly documents: IndexedDocuments;
  readonly queries: IndexQueries;
  private readonly catalogueKey: string;

  constructor(
    private readonly workspace: Workspace,
    private readonly catalogue: Catalogue,
  ) {
    this.catalogueKey = catalogueFingerprint(catalogue);
    this.lookups = new Lookups();
    this.documents = new IndexedDocuments(this.lookups.all());
    this.queries = new IndexQueries(this.documents, this.lookups, catalogue, workspace);
  }

  entry(uri: string): DocumentEntry | undefined {
    return this.documents.entry(uri);
  }

  /** Every outcome document. */
  entries(): Iterable<DocumentEntry> {
    return this.documents.entries();
  }

  // ---------------------------------------------------------------- building and updating

  /** Indexes every listed file, reusing snapshot entries whose file is unchanged; drops files no longer listed. */
  async build(options: BuildOptions = {}): Promise<BuildReport> {
    const uris = await this.workspace.listFiles();
    const savedIndex = await options.saved;
    const saved = savedIndex ? this.savedEntries(savedIndex) : this.savedFiles(options.snapshot);
    const listed = new Set(uris);
    for (const uri of this.documents.uris()) if (!listed.has(uri)) this.remove(uri);

    const report: BuildReport = { files: uris.length, documents: 0, read: 0, reused: 0, cancelled: false };
    const batch = options.batchSize ?? 64;
    // With readers elsewhere, a few batches are under way at once so that every reader stays busy.
    const window = options.readEntries ? Math.max(1, options.concurrency ?? 6) : 1;
    const inFlight: Promise<IndexedFile[]>[] = [];
    let done = 0;
    const settle = async () => {
      // Batches are taken in order, whichever finishes first: the index lists files in the same order every time.
      const files = await inFlight.shift()!;
      for (const f of files) this.documents.put(f);
      done = Math.min(done + batch, uris.length);
      options.onProgress?.(done, uris.length);
      // Let the server answer requests between batches.
      await new Promise((resolve) => setImmediate(resolve));
    };
    for (let i = 0; i < uris.length; i += batch) {
      if (options.isCancelled?.()) {
        report.cancelled = true;
        break;
      }
      inFlight.push(this.indexBatch(uris.slice(i, i + batch), saved, report, options.readEntries));
      if (inFlight.length >= window) await settle();
    }
    while (inFlight.length > 0) await settle();
    report.documents = this.documents.documentCount;
    return report;
  }

  /** A saved index read back, its files looked up as the build meets them (at 100,000 documents, a copy of its map held the thread). */
  private savedEntries(saved: SavedIndex): SavedFiles {
    return {
      get: (uri) => {
        const f = saved.files.get(uri);
        return f && { size: f.size, mtime: f.mtime, entry: () => f.entry };
      },
    };
  }

  /** The snapshot's files by URI, each able to unpack its entry; none for another version or catalogue. */
  private savedFiles(snapshot: IndexSnapshot | undefined): Map<string, SavedFile> {
    const saved = new Map<string, SavedFile>();
    if (snapshot?.version !== SNAPSHOT_VERSION || snapshot.catalogue !== this.catalogueKey) return saved;
    const unpacker = new EntryUnpacker(snapshot.strings);
    for (const f of snapshot.files) {
      const packed = f.entry;
      saved.set(f.uri, { size: f.size, mtime: f.mtime, entry: () => packed && unpacker.unpack(f.uri, packed) });
    }
    return saved;
  }

  /**
   * Stats the files known before, reuses those unchanged and reads the rest: the files to put,
   * in order. A file new to the index is not stat'ed here: its reader opens it anyway and takes
   * size and time from there (on a cold start, ten thousand system calls fewer on this thread).
   */
  private async indexBatch(uris: string[], saved: SavedFiles, report: BuildReport, readEntries?: EntryReader): Promise<IndexedFile[]> {
    const out: IndexedFile[] = [];
    const toRead: Mutable<IndexedFile>[] = [];
    for (const uri of uris) {
      const fromSnapshot = saved.get(uri);
      const old = fromSnapshot ?? this.documents.get(uri);
      const stat = old && (await this.workspace.stat(uri));
      if (old && !stat) continue;
      if (old && stat && old.size === stat.size && old.mtime === stat.mtime) {
        let entry: DocumentEntry | undefined;
        try {
          entry = fromSnapshot ? fromSnapshot.entry() : (old as IndexedFile).entry;
        } catch (e) {
          // A snapshot not checked by `checkSnapshot`: a malformed entry is read again from its file.
          if (!(e instanceof MalformedEntry)) throw e;
          const file: Mutable<IndexedFile> = { uri, size: -1, mtime: -1 };
          out.push(file);
          toRead.push(file);
          continue;
        }
        out.push({ uri, size: stat.size, mtime: stat.mtime, entry });
        report.reused++;
      } else {
        const file: Mutable<IndexedFile> = { uri, size: -1, mtime: -1 };
        out.push(file);
        toRead.push(file);
      }
    }
    if (toRead.length === 0) return out;
    let read: (ReadFile | null)[] | undefined;
    if (readEntries) {
      try {
        read = await readEntries(toRead.map((f) => f.uri));
      } catch {
        // The readers failed (a worker died): this batch is read here.
      }
    }
    read ??= await Promise.all(toRead.map(({ uri }) => this.readHere(uri)));
    const gone = new Set<IndexedFile>();
    toRead.forEach((file, k) => {
      const r = read[k];
      if (!r) gone.add(file);
      else Object.assign(file, { size: r.size, mtime: r.mtime, entry: r.entry ?? undefined });
    });
    report.read += toRead.length - gone.size;
    return gone.size === 0 ? out : out.filter((f) => !gone.has(f));
  }

  /** One file read and indexed on this thread; null when it is gone. */
  private async readHere(uri: string): Promise<ReadFile | null> {
    const stat = await this.workspace.stat(uri);
    if (!stat) return null;
    const text = await this.workspace.readFile(uri);
    return { size: stat.size, mtime: stat.mtime, entry: (text !== undefined && this.entryFromText(uri, text)) || null };
  }

  /** Re-reads one file (created or changed on disk). Returns the other documents whose cross-document findings may change. */
  async refresh(uri: string): Promise<string[]> {
    const read = await this.readHere(uri);
    if (!read) return this.remove(uri);
    return this.replace({ uri, size: read.size, mtime: read.mtime, entry: read.entry ?? undefined });
  }

  /**
   * Takes an open document's tree (never re-parsing what the editor already parsed). Without a
   * stat the entry stands for unsaved text, so a warm start reads the file again.
   */
  setDocument(uri: string, doc: OutcomeDocument, stat?: FileStat): string[] {
    return this.replace({ uri, size: stat?.size ?? -1, mtime: stat?.mtime ?? -1, entry: entryFromDocument(uri, doc, this.catalogue) });
  }

  /** Drops a deleted file. Returns the documents whose cross-document findings may change. */
  remove(uri: string): string[] {
    const old = this.documents.get(uri);
    if (!old) return [];
    const affected = this.dependents(old.entry);
    this.documents.delete(uri);
    return affected.filter((u) => u !== uri);
  }

  /** A rename is a delete and an add. */
  async rename(from: string, to: string): Promise<string[]> {
    const affected = new Set(this.remove(from));
    for (const u of await this.refresh(to)) affected.add(u);
    return [...affected];
  }

  private replace(file: IndexedFile): string[] {
    const affected = new Set(this.dependents(this.documents.entry(file.uri)));
    this.documents.put(file);
    for (const u of this.dependents(file.entry)) affected.add(u);
    affected.delete(file.uri);
    return [...affected];
  }

  private entryFromText(uri: string, text: string): DocumentEntry | undefined {
    return entryFromDocument(uri, parseForIndex(text, this.catalogue), this.catalogue);
  }

  /** Documents whose cross-document findings depend on `e`: those referring to its number, and those carrying the same number. */
  private dependents(e: DocumentEntry | undefined): string[] {
    if (!e?.number) return [];
    const out = new Set(this.lookups.referrers.get(e.number.base));
    for (const d of this.lookups.numbers.get(e.number.base)) out.add(d.uri);
    out.delete(e.uri);
    return [...out];
  }

  /**
   * Builds the symbols' word index after indexing, in slices of a few milliseconds (`Slices`,
   * while the editor is idle), so that the first symbol query is as fast as the next; the other
   * lookups are kept as documents arrive. A symbol query that comes first builds it itself.
   */
  async prepareQueries(): Promise<void> {
    const slices = new Slices(() => new Promise((resolve) => setImmediate(resolve)));
    await this.lookups.symbols.prepare(this.documents.entries(), () => slices.pause());
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): IndexSnapshot {
    const table = new StringTable();
    return { version: SNAPSHOT_VERSION, catalogue: this.catalogueKey, files: [...this.snapshotFiles(table, this.documents.all())], strings: table.strings };
  }

  /**
   * The snapshot as JSON text, given to `write` a piece of about `pieceLength` characters at a
   * time: the text of 10,000 documents (10 MB) and the objects it is made from are never held at
   * once, so saving does not grow the server's heap for good (measured: 28 MB less resident).
   * The string table comes last, once every entry has been packed against it.
   */
  writeSnapshot(write: (piece: string) => void, pieceLength = 1 << 20): void {
    for (const piece of this.snapshotPieces(pieceLength)) write(piece);
  }

  /**
   * `writeSnapshot`'s pieces, one at a time: the server writes one and lets requests in before
   * asking for the next. The index as it stood at the first piece: documents that come and go
   * meanwhile are in the next save.
   */
  *snapshotPieces(pieceLength = 1 << 20): Generator<string, void, undefined> {
    const table = new StringTable();
    let piece = `{"version":${SNAPSHOT_VERSION},"catalogue":${JSON.stringify(this.catalogueKey)},"files":[`;
    let first = true;
    for (const f of this.snapshotFiles(table, [...this.documents.all()])) {
      piece += (first ? '' : ',') + JSON.stringify(f);
      first = false;
      if (piece.length >= pieceLength) {
        yield piece;
        piece = '';
      }
    }
    // The string table last, once every entry has been packed against it, in pieces too (at 100,000 documents it is tens of MB).
    piece += '],"strings":[';
    for (let k = 0; k < table.strings.length; k++) {
      piece += (k === 0 ? '' : ',') + JSON.stringify(table.strings[k]);
      if (piece.length >= pieceLength) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}]}`;
  }

  /** Every file as the snapshot keeps it, its entry packed against `table` (unsaved buffers left out). */
  private *snapshotFiles(table: StringTable, files: Iterable<IndexedFile>): Iterable<SnapshotFile> {
    for (const f of files) {
      if (f.size < 0) continue;
      if (!f.entry) yield { uri: f.uri, size: f.size, mtime: f.mtime };
      else {
        const entry = packEntry(f.entry, table);
        yield { uri: f.uri, size: f.size, mtime: f.mtime, entry, seal: entrySeal(f.uri, JSON.stringify(entry)) };
      }
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
