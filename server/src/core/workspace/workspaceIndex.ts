import type { Catalogue } from '../catalogue/catalogue';
import type { OutcomeDocument } from '../document/model';
import { parseForIndex } from '../lint';
import type { Finding } from '../rules/finding';
import { splitLines } from '../text/lines';
import type { Range } from '../text/range';
import { findTopicMentions, resolveTopic, sentenceAround, type Topic } from '../topics';
import { byMeetingDate, entryFromDocument, headingsAt, meetingDate, spanRange, type DocumentEntry, type HeadingEntry, type Span } from './documentEntry';
import { meetingLabel } from './meetingLabel';
import { MentionList, type MentionLocation } from './mentionList';
import type { MeetingDescription } from './meetingRef';
import { meetingKey, resolveMeetingRef, seriesKey } from './meetings';
import { DocumentLookup } from './documentLookup';
import { EntryUnpacker, mentionIdsOf, mentionSpansOf, packEntry, readField, StringTable } from './packedEntry';
import { SortedPostings } from './postings';
import { crossDocumentFindings, type NumberLookup, type Severities } from './references';
import { catalogueFingerprint, SNAPSHOT_VERSION, type IndexSnapshot, type SnapshotFile } from './snapshot';
import { SymbolTable, type HeadingSymbol } from './symbols';
import type { FileStat, Workspace } from './workspace';

/** Topics mentioned in at least this many documents have their references built after indexing (`prepareQueries`). */
const PREBUILT_REFERENCES_DOCUMENTS = 200;

interface IndexedFile {
  uri: string;
  /** -1 when the entry comes from an unsaved editor buffer: the file must be read again next time. */
  size: number;
  mtime: number;
  entry?: DocumentEntry;
}

/** A file of the saved index; its entry is unpacked only when the file is unchanged. */
interface SavedFile {
  size: number;
  mtime: number;
  entry(): DocumentEntry | undefined;
}

export interface BuildOptions {
  /** A saved index: files whose size and mtime are unchanged are not read again. */
  snapshot?: IndexSnapshot;
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
 * The documents mentioning a topic's entries, oldest meeting first, and every mention in them:
 * made when first asked for, and made again after a document mentioning them changes, from the
 * documents that did not change (`previous`).
 */
interface TopicDocuments {
  ids: ReadonlySet<string>;
  list?: readonly DocumentEntry[];
  locations?: MentionList;
  previous?: MentionList;
}

/** One mention, with what a drafter reads in a list of them. */
export interface TopicOccurrence extends MentionLocation {
  number?: string;
  /** Document date, ISO. */
  date?: string;
  /** Heading of the section it stands in: "Session 4: PNR issues". */
  section?: string;
  /** The sentence. */
  text: string;
}

/** The mentions of a topic at one meeting. */
export interface MeetingHistory {
  uri: string;
  /** "13228/11, Cracow, 25–26 July 2011" */
  label: string;
  occurrences: TopicOccurrence[];
}

/** Where a topic was last discussed before a document: for the hover. */
export interface LastDiscussion {
  entry: DocumentEntry;
  span: Span;
  /** "9278/18, Sofia, 22–23 May 2018 (1 a)" */
  label: string;
}

/** What a section discusses: the catalogue entries its heading names, else its title. */
export type SectionTopic = { ids: ReadonlySet<string> } | { title: string };

/**
 * The workspace's outcome documents as compact entries, with the cross-document maps (numbers,
 * referrers, topic postings, series) kept up to date as files change. Built once in batches,
 * then updated one file at a time; no text and no tree is kept.
 */
export class WorkspaceIndex implements NumberLookup {
  private readonly files = new Map<string, IndexedFile>();
  private readonly byBase = new Map<string, DocumentEntry[]>();
  /** Base number -> URIs of the documents that refer to it. */
  private readonly referrers = new DocumentLookup<string>((e) => readField(e, 'references').filter((r) => r.series === 'ST').map((r) => r.base), (e) => e.uri, () => this.entries());
  /** Catalogue entry -> documents mentioning it. */
  private readonly postings = new SortedPostings(() => this.entries());
  /** Normalised heading title -> documents with a section or item so titled. */
  private readonly byTitle = new DocumentLookup<DocumentEntry>(headingTitles, (e) => e, () => this.entries());
  private readonly series = new Map<string, Set<DocumentEntry>>();
  /** Documents mentioning a set of entries (a topic and its instruments), oldest first, and their mentions; made again when one of them changes. */
  private readonly sortedPostings = new Map<string, TopicDocuments>();
  /** One document per meeting of a series, oldest first; dropped when one of them changes. */
  private readonly sortedMeetings = new Map<string, DocumentEntry[]>();
  private readonly symbols = new SymbolTable();
  /** `topicOf`, by entry id (the catalogue does not change during the index's life). */
  private readonly topics = new Map<string, Topic>();
  private readonly catalogueKey: string;

  constructor(
    private readonly workspace: Workspace,
    private readonly catalogue: Catalogue,
  ) {
    this.catalogueKey = catalogueFingerprint(catalogue);
  }

  // ---------------------------------------------------------------- building and updating

  /** Indexes every listed file, reusing snapshot entries whose file is unchanged; drops files no longer listed. */
  async build(options: BuildOptions = {}): Promise<BuildReport> {
    const uris = await this.workspace.listFiles();
    const saved = this.savedFiles(options.snapshot);
    const listed = new Set(uris);
    for (const uri of [...this.files.keys()]) if (!listed.has(uri)) this.remove(uri);

    const report: BuildReport = { files: uris.length, documents: 0, read: 0, reused: 0, cancelled: false };
    const batch = options.batchSize ?? 64;
    // With readers elsewhere, a few batches are under way at once so that every reader stays busy.
    const window = options.readEntries ? Math.max(1, options.concurrency ?? 6) : 1;
    const inFlight: Promise<IndexedFile[]>[] = [];
    let done = 0;
    const settle = async () => {
      // Batches are taken in order, whichever finishes first: the index lists files in the same order every time.
      const files = await inFlight.shift()!;
      for (const f of files) this.put(f);
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
    report.documents = this.sizeOfIndex();
    return report;
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
  private async indexBatch(uris: string[], saved: Map<string, SavedFile>, report: BuildReport, readEntries?: EntryReader): Promise<IndexedFile[]> {
    const out: IndexedFile[] = [];
    const toRead: IndexedFile[] = [];
    for (const uri of uris) {
      const fromSnapshot = saved.get(uri);
      const old = fromSnapshot ?? this.files.get(uri);
      const stat = old && (await this.workspace.stat(uri));
      if (old && !stat) continue;
      if (old && stat && old.size === stat.size && old.mtime === stat.mtime) {
        const entry = fromSnapshot ? fromSnapshot.entry() : (old as IndexedFile).entry;
        out.push({ uri, size: stat.size, mtime: stat.mtime, entry });
        report.reused++;
      } else {
        const file: IndexedFile = { uri, size: -1, mtime: -1 };
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
    const old = this.files.get(uri);
    if (!old) return [];
    const affected = this.dependents(old.entry);
    this.take(old);
    this.files.delete(uri);
    return affected.filter((u) => u !== uri);
  }

  /** A rename is a delete and an add. */
  async rename(from: string, to: string): Promise<string[]> {
    const affected = new Set(this.remove(from));
    for (const u of await this.refresh(to)) affected.add(u);
    return [...affected];
  }

  private replace(file: IndexedFile): string[] {
    const old = this.files.get(file.uri);
    const affected = new Set(this.dependents(old?.entry));
    if (old) this.take(old);
    this.put(file);
    for (const u of this.dependents(file.entry)) affected.add(u);
    affected.delete(file.uri);
    return [...affected];
  }

  private entryFromText(uri: string, text: string): DocumentEntry | undefined {
    return entryFromDocument(uri, parseForIndex(text, this.catalogue), this.catalogue);
  }

  private put(file: IndexedFile): void {
    const prior = this.files.get(file.uri);
    if (prior) this.take(prior);
    this.files.set(file.uri, file);
    const e = file.entry;
    if (!e) return;
    this.symbols.invalidate();
    if (e.number) push(this.byBase, e.number.base, e);
    this.referrers.add(e);
    this.postings.add(e);
    this.dropSortedPostings(e);
    this.byTitle.add(e);
    if (e.meeting?.series) {
      const key = seriesKey(e.meeting.series);
      addTo(this.series, key, e);
      this.sortedMeetings.delete(key);
    }
  }

  /** Undoes `put` for the file's entry (the file stays listed). */
  private take(file: IndexedFile): void {
    const e = file.entry;
    if (!e) return;
    this.symbols.invalidate();
    if (e.number) {
      const list = this.byBase.get(e.number.base)?.filter((d) => d !== e);
      if (list?.length) this.byBase.set(e.number.base, list);
      else this.byBase.delete(e.number.base);
    }
    this.referrers.delete(e);
    this.postings.delete(e);
    this.dropSortedPostings(e);
    this.byTitle.delete(e);
    if (e.meeting?.series) {
      const key = seriesKey(e.meeting.series);
      deleteFrom(this.series, key, e);
      this.sortedMeetings.delete(key);
    }
    file.entry = undefined;
  }

  private dropSortedPostings(e: DocumentEntry): void {
    const mentioned = mentionIdsOf(e);
    for (const topic of this.sortedPostings.values()) {
      if (!mentioned.some((id) => topic.ids.has(id))) continue;
      // The last list of mentions stays until the next is made from it.
      topic.previous = topic.locations ?? topic.previous;
      topic.list = undefined;
      topic.locations = undefined;
    }
  }

  /** Documents whose cross-document findings depend on `e`: those referring to its number, and those carrying the same number. */
  private dependents(e: DocumentEntry | undefined): string[] {
    if (!e?.number) return [];
    const out = new Set(this.referrers.get(e.number.base));
    for (const d of this.byBase.get(e.number.base) ?? []) out.add(d.uri);
    out.delete(e.uri);
    return [...out];
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): IndexSnapshot {
    const table = new StringTable();
    return { version: SNAPSHOT_VERSION, catalogue: this.catalogueKey, files: [...this.snapshotFiles(table)], strings: table.strings };
  }

  /**
   * The snapshot as JSON text, given to `write` a piece of about `pieceLength` characters at a
   * time: the text of 10,000 documents (10 MB) and the objects it is made from are never held at
   * once, so saving does not grow the server's heap for good (measured: 28 MB less resident).
   * The string table comes last, once every entry has been packed against it.
   */
  writeSnapshot(write: (piece: string) => void, pieceLength = 1 << 20): void {
    const table = new StringTable();
    let piece = `{"version":${SNAPSHOT_VERSION},"catalogue":${JSON.stringify(this.catalogueKey)},"files":[`;
    let first = true;
    for (const f of this.snapshotFiles(table)) {
      piece += (first ? '' : ',') + JSON.stringify(f);
      first = false;
      if (piece.length >= pieceLength) {
        write(piece);
        piece = '';
      }
    }
    write(`${piece}],"strings":${JSON.stringify(table.strings)}}`);
  }

  /** Every file as the snapshot keeps it, its entry packed against `table` (unsaved buffers left out). */
  private *snapshotFiles(table: StringTable): Iterable<SnapshotFile> {
    for (const f of this.files.values()) {
      if (f.size < 0) continue;
      if (!f.entry) yield { uri: f.uri, size: f.size, mtime: f.mtime };
      else yield { uri: f.uri, size: f.size, mtime: f.mtime, entry: packEntry(f.entry, table) };
    }
  }

  // ---------------------------------------------------------------- queries

  entry(uri: string): DocumentEntry | undefined {
    return this.files.get(uri)?.entry;
  }

  /** Every outcome document. */
  *entries(): Iterable<DocumentEntry> {
    for (const f of this.files.values()) if (f.entry) yield f.entry;
  }

  private sizeOfIndex(): number {
    let n = 0;
    for (const f of this.files.values()) if (f.entry) n++;
    return n;
  }

  documentsWithBase(base: string): readonly DocumentEntry[] {
    return this.byBase.get(base) ?? [];
  }

  /** The document a number names: "13228/11" (the original), "13228/1/11 REV 1" (that revision, else the original). */
  documentByNumber(number: string): DocumentEntry | undefined {
    const text = number.replace(/\s+/g, ' ').trim();
    const m = /^(\d{1,5})\/(?:\d{1,2}\/)?(\d{2})\b/.exec(text);
    if (!m) return undefined;
    const family = this.documentsWithBase(`${Number(m[1])}/${m[2]}`);
    return family.find((d) => d.number?.text === text) ?? family.find((d) => d.number?.text === d.number?.base) ?? family[0];
  }

  /** URIs of the documents referring to this base number: to re-check them when it changes. */
  referringDocuments(base: string): string[] {
    return [...this.referrers.get(base)];
  }

  /** One document per meeting of the series, oldest first (the original rather than its REV or ADD). */
  meetingsOf(series: string): readonly DocumentEntry[] {
    const key = seriesKey(series);
    let list = this.sortedMeetings.get(key);
    if (!list) {
      const byMeeting = new Map<string, DocumentEntry>();
      for (const e of this.series.get(key) ?? []) {
        const k = meetingKey(e);
        const seen = byMeeting.get(k);
        if (!seen || isOriginal(e) > isOriginal(seen) || (isOriginal(e) === isOriginal(seen) && e.uri < seen.uri)) byMeeting.set(k, e);
      }
      list = [...byMeeting.values()].sort(byMeetingDate);
      this.sortedMeetings.set(key, list);
    }
    return list;
  }

  /** The outcome documents of the meetings a phrase in `from` refers to (none when not in the workspace). */
  resolveMeetingRef(from: DocumentEntry, ref: MeetingDescription): DocumentEntry[] {
    const series = ref.series ?? from.meeting?.series;
    return series ? resolveMeetingRef(from, ref, this.meetingsOf(series)) : [];
  }

  /**
   * The topic a catalogue entry stands for: a general topic (PNR) covers the instruments named
   * after it. Kept per entry: finding the related instruments compiles expressions and reads the
   * whole catalogue, and every request about a mention starts here.
   */
  topicOf(entryId: string): Topic {
    let topic = this.topics.get(entryId);
    if (!topic) {
      const resolved = resolveTopic(this.catalogue, entryId);
      topic = resolved.kind === 'entry' && resolved.id === entryId ? resolved : { kind: 'entry', id: entryId, name: this.catalogue.entry(entryId)?.name ?? entryId, ids: new Set([entryId]) };
      this.topics.set(entryId, topic);
    }
    return topic;
  }

  /** Documents mentioning any of the entries, oldest meeting first. */
  private documentsMentioning(ids: ReadonlySet<string>): readonly DocumentEntry[] {
    const key = postingsKey(ids);
    let cached = this.sortedPostings.get(key);
    if (!cached) this.sortedPostings.set(key, (cached = { ids }));
    cached.list ??= this.postings.union(ids);
    return cached.list;
  }

  /** Every mention of a topic across the workspace, oldest meeting first (kept until a document mentioning it changes). */
  references(topic: Topic): MentionList {
    if (topic.kind !== 'entry') return NO_MENTIONS;
    const list = this.documentsMentioning(topic.ids);
    const cached = this.sortedPostings.get(postingsKey(topic.ids))!;
    if (!cached.locations) {
      cached.locations = MentionList.of(list, (e) => mentionSpans(e, topic.ids), cached.previous);
      cached.previous = undefined;
    }
    return cached.locations;
  }

  /**
   * Builds the lookups a warm start leaves for later, a slice at a time (while the editor is
   * idle), so that the first queries are as fast as the next. `referencesFrom`: the number of
   * documents from which a topic's references are built now (default 200).
   */
  async prepareQueries(options: { referencesFrom?: number } = {}): Promise<void> {
    const idle = () => new Promise((resolve) => setImmediate(resolve));
    for (const lookup of [this.referrers, this.postings, this.byTitle]) {
      lookup.prepare();
      await idle();
    }
    await this.symbols.prepare(this.entries(), idle);
    await this.prepareReferences(idle, options.referencesFrom ?? PREBUILT_REFERENCES_DOCUMENTS);
  }

  /**
   * The locations of the most mentioned topics, one topic per slice: tens of thousands of them
   * take tens of milliseconds to build (a collection included), too long for a first "Find
   * references"; the others take a few and are built when asked.
   */
  private async prepareReferences(idle: () => Promise<unknown>, fromDocuments: number): Promise<void> {
    for (const { id } of [...this.catalogue.instruments, ...this.catalogue.topics, ...this.catalogue.bodies]) {
      const topic = this.topicOf(id);
      if (topic.kind !== 'entry') continue;
      let documents = 0;
      for (const entryId of topic.ids) documents += this.postings.get(entryId).length;
      if (documents < fromDocuments) continue;
      this.references(topic);
      await idle();
    }
  }

  /** The document's mentions of the topic's entries, in text order. */
  private spansOf(e: DocumentEntry, topic: Topic): Span[] {
    if (topic.kind !== 'entry') return [];
    const spans = mentionSpans(e, topic.ids);
    const out: Span[] = [];
    for (let i = 0; i < spans.length; i += 3) out.push([spans[i], spans[i + 1], spans[i + 2]]);
    return out;
  }

  /** Every heading with the same title as `title` (case and punctuation aside), oldest meeting first. */
  headingsTitled(title: string): MentionLocation[] {
    const wanted = normaliseTitle(title);
    const out: MentionLocation[] = [];
    for (const e of [...this.byTitle.get(wanted)].sort(byMeetingDate)) {
      for (const h of headings(e)) if (normaliseTitle(h.title) === wanted) out.push({ uri: e.uri, range: spanRange(h.span) });
    }
    return out;
  }

  /** The last meeting before `before`'s that mentions the entry, with where in it. */
  lastDiscussed(topic: Topic, before: DocumentEntry): LastDiscussion | undefined {
    const docs = this.documentsForTopic(topic);
    const when = meetingDate(before);
    const own = meetingKey(before);
    for (let i = docs.length - 1; i >= 0; i--) {
      const e = docs[i];
      if (meetingDate(e) >= when || meetingKey(e) === own) continue;
      const span = this.spansOf(e, topic)[0];
      const { section, item } = headingsAt(e, span[0]);
      const where = [section?.label, item?.label].filter(Boolean).join(' ');
      return { entry: e, span, label: `${meetingLabel(e)}${where ? ` (${where})` : ''}` };
    }
    return undefined;
  }

  /**
   * Earlier meetings (before `before`'s) that discussed a section's topic, oldest first, one
   * document per meeting, with where: the mentions of the entries, or the headings of that title.
   */
  earlierMeetingsDiscussing(topic: SectionTopic, before: DocumentEntry): { entry: DocumentEntry; spans: Span[] }[] {
    const when = meetingDate(before);
    const own = meetingKey(before);
    const found = new Map<string, { entry: DocumentEntry; spans: Span[] }>();
    const add = (e: DocumentEntry, span: Span) => {
      const key = meetingKey(e);
      const seen = found.get(key);
      if (!seen) found.set(key, { entry: e, spans: [span] });
      else if (seen.entry === e) seen.spans.push(span);
    };
    if ('ids' in topic) {
      const entries: Topic = { kind: 'entry', id: '', name: '', ids: topic.ids };
      for (const e of this.documentsMentioning(topic.ids)) {
        if (meetingDate(e) >= when) break;
        if (meetingKey(e) !== own) for (const span of this.spansOf(e, entries)) add(e, span);
      }
    } else {
      const wanted = normaliseTitle(topic.title);
      for (const e of [...this.byTitle.get(wanted)].sort(byMeetingDate)) {
        if (meetingDate(e) >= when || meetingKey(e) === own) continue;
        for (const h of headings(e)) if (normaliseTitle(h.title) === wanted) add(e, h.span);
      }
    }
    return [...found.values()].sort((a, b) => byMeetingDate(a.entry, b.entry));
  }

  /** Section and item headings matching the query, at most `limit`. */
  workspaceSymbols(query: string, limit = 256): HeadingSymbol[] {
    return this.symbols.search(this.entries(), query, limit);
  }

  /** The findings of `uri` that depend on other documents. */
  crossDocumentFindings(uri: string, severities: Severities = {}): Finding[] {
    const e = this.entry(uri);
    return e ? crossDocumentFindings(e, this, severities) : [];
  }

  /**
   * Every mention of a topic (a catalogue entry by any name, or free words), meeting by meeting,
   * oldest first, with its sentence. Reads the files concerned: the index keeps no text.
   */
  async topicHistory(query: string | Topic, isCancelled?: () => boolean): Promise<{ topic: Topic; meetings: MeetingHistory[] }> {
    const topic = typeof query === 'string' ? resolveTopic(this.catalogue, query) : query;
    const meetings: MeetingHistory[] = [];
    for (const e of this.documentsForTopic(topic)) {
      if (isCancelled?.()) break;
      const text = await this.workspace.readFile(e.uri);
      const occurrences = text === undefined ? [] : this.occurrencesIn(e, topic, text);
      if (occurrences.length > 0) meetings.push({ uri: e.uri, label: meetingLabel(e), occurrences });
    }
    return { topic, meetings };
  }

  /** The documents that may mention a topic, oldest meeting first: those the index lists for an entry, every one for free words. */
  documentsForTopic(topic: Topic): readonly DocumentEntry[] {
    return topic.kind === 'entry' ? this.documentsMentioning(topic.ids) : [...this.entries()].sort(byMeetingDate);
  }

  /** A topic's mentions in one document, with their sentences, given its text. */
  occurrencesIn(e: DocumentEntry, topic: Topic, text: string): TopicOccurrence[] {
    if (topic.kind === 'words') {
      // Free words are not in the index: the document is parsed again and searched.
      return findTopicMentions(parseForIndex(text, this.catalogue), this.catalogue, topic).map((m) => this.occurrence(e, m.range, m.text, m.section));
    }
    const lines = splitLines(text).clean;
    const out: TopicOccurrence[] = [];
    for (const [line, start, end] of this.spansOf(e, topic)) {
      if (line >= lines.length) continue;
      out.push(this.occurrence(e, spanRange([line, start, end]), sentenceAround(lines[line], start, end), headingsAt(e, line).section?.text));
    }
    return out;
  }

  private occurrence(e: DocumentEntry, range: Range, text: string, section: string | undefined): TopicOccurrence {
    const o: TopicOccurrence = { uri: e.uri, range, text };
    if (e.number) o.number = e.number.text;
    if (e.date) o.date = e.date;
    if (section) o.section = section;
    return o;
  }
}

/** The document's mentions of the entries as [line, start, end] triples in text order (do not modify). */
function mentionSpans(e: DocumentEntry, ids: ReadonlySet<string>): readonly number[] {
  let out: readonly number[] = [];
  // Each group is in text order already: merge them.
  for (const spans of mentionSpansOf(e, ids)) out = out.length === 0 ? spans : mergeSpans(out, spans);
  return out;
}

/** Two lists of [line, start, end] triples in text order, as one. */
function mergeSpans(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j] || (a[i] === b[j] && a[i + 1] <= b[j + 1])) {
      out.push(a[i], a[i + 1], a[i + 2]);
      i += 3;
    } else {
      out.push(b[j], b[j + 1], b[j + 2]);
      j += 3;
    }
  }
  for (; i < a.length; i++) out.push(a[i]);
  for (; j < b.length; j++) out.push(b[j]);
  return out;
}

const NO_MENTIONS = MentionList.of([], () => []);

function postingsKey(ids: ReadonlySet<string>): string {
  return [...ids].sort().join(' ');
}

function isOriginal(e: DocumentEntry): number {
  return e.number && e.number.text === e.number.base ? 1 : 0;
}

function headings(e: DocumentEntry): HeadingEntry[] {
  return readField(e, 'sections').flatMap((s) => [s, ...s.items]);
}

function headingTitles(e: DocumentEntry): Set<string> {
  return new Set(headings(e).map((h) => normaliseTitle(h.title)));
}

function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function deleteFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
