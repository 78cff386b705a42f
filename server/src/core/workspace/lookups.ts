import { byMeetingDate, headingTitlesOf, mentionIdsOf, referenceBasesOf, type DocumentEntry } from './documentEntry';
import { DocumentLookup } from './documentLookup';
import { meetingKey, seriesKey } from './meetings';
import { SortedPostings } from './postings';
import { SymbolTable } from './symbols';

/**
 * A lookup built from the indexed documents. The documents' set (documents.ts) tells every
 * lookup of each entry that comes and each that goes, and nothing else changes a lookup: an
 * entry never changes in place (a changed file is one entry going and another coming).
 */
export interface Lookup {
  /** `last`: the entry is of a file new to the set, so it comes last in the documents' order. */
  add(e: DocumentEntry, last: boolean): void;
  delete(e: DocumentEntry): void;
}

/**
 * Every lookup the queries read, each with its one job, kept current from the first document on
 * (ready when indexing ends); the symbols' word index alone is built after indexing, in slices
 * (`SymbolTable.prepare`).
 */
export class Lookups {
  /** Base number ("13228/11") -> the documents carrying it, REVs and ADDs included. */
  readonly numbers = new NumberTable();
  /** Base number -> URIs of the documents that refer to it. */
  readonly referrers: DocumentLookup<string>;
  /** Catalogue entry -> documents mentioning it, oldest meeting first. */
  readonly postings: SortedPostings;
  /** Normalised heading title -> documents with a section or item so titled. */
  readonly titles: DocumentLookup<DocumentEntry>;
  /** Series -> one document per meeting, oldest first. */
  readonly series = new MeetingSeries();
  /** A topic's documents (a catalogue entry and its instruments), oldest meeting first. */
  readonly topics: TopicDocuments;
  /** Section and item headings, searched by words. */
  readonly symbols = new SymbolTable(undefined, true);

  constructor() {
    this.referrers = new DocumentLookup((e) => referenceBasesOf(e, 'ST'), (e) => e.uri);
    this.postings = new SortedPostings();
    // Headings repeat across an archive ("Any other business"): each title is normalised once while it keeps coming.
    const normalised = new Map<string, string>();
    this.titles = new DocumentLookup(
      (e) =>
        headingTitlesOf(e).map((t) => {
          let n = normalised.get(t);
          if (n === undefined) {
            if (normalised.size >= TITLES_KEPT) normalised.clear();
            normalised.set(t, (n = normaliseTitle(t)));
          }
          return n;
        }),
      (e) => e,
    );
    this.topics = new TopicDocuments(this.postings);
  }

  /** All of them, in the order the documents' set tells them. */
  all(): Lookup[] {
    return [this.numbers, this.referrers, this.postings, this.titles, this.series, this.topics, this.symbols];
  }
}

/** How many heading titles are kept normalised at most (the titles of a few thousand documents). */
const TITLES_KEPT = 20_000;

/** Heading titles as compared: case and punctuation aside. */
export function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Documents by the base of their own number, in the order they came. */
export class NumberTable implements Lookup {
  private readonly byBase = new Map<string, DocumentEntry[]>();

  get(base: string): readonly DocumentEntry[] {
    return this.byBase.get(base) ?? [];
  }

  add(e: DocumentEntry): void {
    if (!e.number) return;
    const list = this.byBase.get(e.number.base);
    if (list) list.push(e);
    else this.byBase.set(e.number.base, [e]);
  }

  delete(e: DocumentEntry): void {
    if (!e.number) return;
    const list = this.byBase.get(e.number.base)?.filter((d) => d !== e);
    if (list?.length) this.byBase.set(e.number.base, list);
    else this.byBase.delete(e.number.base);
  }
}

/** The documents of each meeting series; one per meeting, oldest first, sorted when first asked for after a change. */
export class MeetingSeries implements Lookup {
  private readonly members = new Map<string, Set<DocumentEntry>>();
  private readonly sorted = new Map<string, DocumentEntry[]>();

  /** One document per meeting of the series, oldest first (the original rather than its REV or ADD). */
  meetingsOf(series: string): readonly DocumentEntry[] {
    const key = seriesKey(series);
    let list = this.sorted.get(key);
    if (!list) {
      const byMeeting = new Map<string, DocumentEntry>();
      for (const e of this.members.get(key) ?? []) {
        const k = meetingKey(e);
        const seen = byMeeting.get(k);
        if (!seen || isOriginal(e) > isOriginal(seen) || (isOriginal(e) === isOriginal(seen) && e.uri < seen.uri)) byMeeting.set(k, e);
      }
      list = [...byMeeting.values()].sort(byMeetingDate);
      this.sorted.set(key, list);
    }
    return list;
  }

  add(e: DocumentEntry): void {
    if (!e.meeting?.series) return;
    const key = seriesKey(e.meeting.series);
    let set = this.members.get(key);
    if (!set) this.members.set(key, (set = new Set()));
    set.add(e);
    this.sorted.delete(key);
  }

  delete(e: DocumentEntry): void {
    if (!e.meeting?.series) return;
    const key = seriesKey(e.meeting.series);
    const set = this.members.get(key);
    set?.delete(e);
    if (set?.size === 0) this.members.delete(key);
    this.sorted.delete(key);
  }
}

function isOriginal(e: DocumentEntry): number {
  return e.number && e.number.text === e.number.base ? 1 : 0;
}

/**
 * The documents mentioning a set of entries (a topic and its instruments), oldest meeting first:
 * the postings' lists merged when first asked for, and again after a document mentioning them
 * comes or goes. The same list until then: the queries count a topic's references once per list.
 */
export class TopicDocuments implements Lookup {
  private readonly byKey = new Map<string, { ids: ReadonlySet<string>; list?: readonly DocumentEntry[] }>();

  constructor(private readonly postings: SortedPostings) {}

  /** Documents mentioning any of the entries, oldest meeting first. */
  documents(ids: ReadonlySet<string>): readonly DocumentEntry[] {
    const key = [...ids].sort().join(' ');
    let cached = this.byKey.get(key);
    if (!cached) this.byKey.set(key, (cached = { ids }));
    cached.list ??= this.postings.union(ids);
    return cached.list;
  }

  add(e: DocumentEntry): void {
    for (const topic of this.byKey.values()) if (mentionIdsOf(e).some((id) => topic.ids.has(id))) topic.list = undefined;
  }

  delete(e: DocumentEntry): void {
    this.add(e);
  }
}
