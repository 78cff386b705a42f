import type { Catalogue } from '../catalogue/catalogue';
import type { MeetingDescription } from '../document/meetingRefs';
import { parseForIndex } from '../lint';
import type { Finding } from '../rules/finding';
import { splitLines } from '../text/lines';
import { contains, type Position, type Range } from '../text/range';
import type { OutcomeDocument } from '../document/model';
import { findTopicMentions, resolveTopic, sentenceAround, topicMentionSpans, type Topic } from '../topics';
import {
  byMeetingDate,
  headingOnLine,
  headingsAt,
  headingsOf,
  meetingDate,
  mentionAt,
  mentionCountOf,
  mentionSpansOf,
  mentionsWithin,
  mentionTriplesOf,
  spanRange,
  type DocumentEntry,
  type HeadingEntry,
  type Span,
} from './documentEntry';
import type { IndexedDocuments } from './documents';
import { normaliseTitle, type Lookups } from './lookups';
import { meetingLabel } from './meetingLabel';
import { meetingKey, resolveMeetingRef, unresolvedReason } from './meetings';
import { crossDocumentFindings, type NumberLookup, type Severities } from './references';
import type { HeadingSymbol } from './symbols';
import type { Workspace } from './workspace';

/** An answer now, or later from a backend that has to ask elsewhere. */
export type Answer<T> = T | Promise<T>;

/** A slice of a long list: `limit` items from `offset`. */
export interface Page {
  offset?: number;
  limit?: number;
}

/** Where a mention stands. */
export interface MentionLocation {
  uri: string;
  range: Range;
}

/** References as answered: a page of them, and how many there are in all. */
export interface ReferencePage {
  locations: MentionLocation[];
  total: number;
  /** The catalogue entry they are mentions of (for a heading, the first it names), if any. */
  topic?: string;
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
  /** Where the mention stands in `text` (start and end offsets). */
  at: [number, number];
}

/** The mentions of a topic at one meeting. */
export interface MeetingHistory {
  uri: string;
  /** "13228/11, Cracow, 25–26 July 2011" */
  label: string;
  occurrences: TopicOccurrence[];
}

/** A page of a topic's history: `total` documents may mention it, holding `mentions` mentions in all (known for a catalogue entry). */
export interface TopicHistoryPage {
  topic: Topic;
  meetings: MeetingHistory[];
  total: number;
  mentions?: number;
}

/** Where a topic was last discussed before a document: for the hover. */
export interface LastDiscussion {
  entry: DocumentEntry;
  span: Span;
  /** "9278/18, Sofia, 22–23 May 2018 (1 a)" */
  label: string;
}

/** An earlier meeting that discussed a section's topic, and where. */
export interface EarlierMeeting {
  entry: DocumentEntry;
  spans: Span[];
}

/** A meeting reference in the text and the meeting's outcome it leads to (`targets` empty: `reason` says why). */
export interface MeetingPhrase {
  span: Span;
  targets: DocumentEntry[];
  reason?: string;
}

/** What a section discusses: the catalogue entries its heading names, else its title. */
export type SectionTopic = { ids: ReadonlySet<string> } | { title: string };

/**
 * What the editor features ask of the workspace, in the domain's terms: positions are the
 * core's, answers plain data the features only convert. Narrow on purpose: another backend (a
 * shared index in a database server, for a team that holds the whole register) implements
 * these and nothing else.
 */
export interface WorkspaceQueries {
  /** The outcome document indexed for a URI. */
  document(uri: string): Answer<DocumentEntry | undefined>;
  /** The ST document numbers `uri` cites whose document is in the workspace (not itself), with that document. */
  numberLinks(uri: string): Answer<{ span: Span; target: DocumentEntry }[]>;
  /** Where a meeting reference or document number at a position leads. */
  definition(uri: string, at: Position): Answer<DocumentEntry[]>;
  /** A page of the references of the mention or heading at a position, oldest meeting first. */
  references(uri: string, at: Position, page?: Page): Answer<ReferencePage>;
  /** The earlier meetings that discussed a section's topic (the section's place in the document). */
  earlierMeetings(uri: string, section: number): Answer<EarlierMeeting[]>;
  /** Each meeting reference in a document ("the next Ministerial meeting") with where it leads, or why it leads nowhere. */
  meetingPhrases(uri: string): Answer<MeetingPhrase[]>;
  /** What `earlierMeetings` counts for a section: the names of the entries its heading names, else its title. */
  sectionTopic(uri: string, section: number): Answer<{ names: string[] } | { title: string } | undefined>;
  /** Where the topic mentioned at a position was last discussed before this document's meeting. */
  lastDiscussion(uri: string, at: Position): Answer<LastDiscussion | undefined>;
  /** Section and item headings matching the words, at most `limit`. */
  symbols(query: string, limit: number): Answer<HeadingSymbol[]>;
  /** The findings of `uri` that depend on other documents. */
  findings(uri: string, severities?: Severities): Answer<Finding[]>;
  /** A topic's mentions meeting by meeting (a page of the meetings), oldest first, and how many meetings in all. */
  history(query: string, page?: Page, isCancelled?: () => boolean): Promise<TopicHistoryPage>;
}

/**
 * The queries over the documents held in memory and their lookups. The lower-level questions
 * (`meetingsOf`, `documentsForTopic`…) are public too, for the CLI, the bench and the tests.
 */
export class IndexQueries implements WorkspaceQueries, NumberLookup {
  /** `topicOf`, by entry id (the catalogue does not change during the index's life). */
  private readonly topics = new Map<string, Topic>();
  private bodies: Set<string> | undefined;
  /** How many references a topic's list of documents holds (by the meeting they come before, '' for all). */
  private readonly totals = new WeakMap<readonly DocumentEntry[], Map<string, number>>();

  constructor(
    private readonly documents: IndexedDocuments,
    private readonly lookups: Lookups,
    private readonly catalogue: Catalogue,
    private readonly workspace: Workspace,
  ) {}

  // ---------------------------------------------------------------- WorkspaceQueries

  document(uri: string): DocumentEntry | undefined {
    return this.documents.entry(uri);
  }

  numberLinks(uri: string): { span: Span; target: DocumentEntry }[] {
    const e = this.documents.entry(uri);
    const out: { span: Span; target: DocumentEntry }[] = [];
    for (const r of e?.references ?? []) {
      if (r.series !== 'ST') continue;
      const target = this.documentByNumber(r.text);
      if (target && target.uri !== uri) out.push({ span: r.span, target });
    }
    return out;
  }

  definition(uri: string, at: Position): DocumentEntry[] {
    const e = this.documents.entry(uri);
    if (!e) return [];
    const ref = e.meetingRefs.find((r) => contains(spanRange(r.span), at));
    if (ref) return this.resolveMeetingRef(e, ref);
    const number = e.references.find((r) => r.series === 'ST' && contains(spanRange(r.span), at));
    const target = number && this.documentByNumber(number.text);
    return target ? [target] : [];
  }

  references(uri: string, at: Position, page: Page = {}): ReferencePage {
    const e = this.documents.entry(uri);
    const list = e && this.referenceList(e, at);
    if (!list) return { locations: [], total: 0 };
    const answer = readPage(list, Math.max(0, page.offset ?? 0), Math.max(0, page.limit ?? Infinity));
    return list.topic ? { ...answer, topic: list.topic } : answer;
  }

  /**
   * What references answer at a position, as a list read a page at a time: on a section or item
   * heading (anywhere on its line), its topic at the earlier meetings (what the section's code
   * lens counts); on a mention elsewhere, every mention of its topic in the workspace.
   */
  private referenceList(e: DocumentEntry, at: Position): ReferenceList | undefined {
    const heading = headingOnLine(e, at.line);
    if (heading) {
      const topic = this.headingTopic(e, heading);
      if (topic?.kind !== 'entry') return this.sectionList({ title: heading.title }, e);
      return { ...this.sectionList({ ids: topic.ids }, e), topic: topic.id };
    }
    const mentioned = mentionAt(e, at.line, at.character);
    const topic = mentioned ? this.topicOf(mentioned) : undefined;
    return topic?.kind === 'entry' ? { ...this.topicList(this.lookups.topics.documents(topic.ids), topic.ids), topic: topic.id } : undefined;
  }

  /**
   * The mentions of the entries in `documents` (a topic's, as the lookups list them), or in those
   * of the meetings before `before`'s. How many there are is counted once for that list: the
   * lookups make a topic's list anew when a document mentioning it comes or goes.
   */
  private topicList(documents: readonly DocumentEntry[], ids: ReadonlySet<string>, before?: DocumentEntry): ReferenceList {
    let totals = this.totals.get(documents);
    if (!totals) this.totals.set(documents, (totals = new Map()));
    const key = before ? meetingKey(before) : '';
    const known = totals;
    return {
      documents: before ? earlierMeetingDocuments(documents, before) : documents,
      triples: (d) => mentionTriplesOf(d, ids),
      count: (d) => mentionCountOf(d, ids),
      // Every mention of the entries: the postings count them as documents come and go.
      total: before ? known.get(key) : this.lookups.postings.mentionCount(ids),
      counted: (n) => known.set(key, n),
    };
  }

  /** A section's topic at the meetings before `before`'s, one document per meeting, oldest first: the mentions of its entries, or the headings of its title. */
  private sectionList(topic: SectionTopic, before: DocumentEntry): ReferenceList {
    if ('ids' in topic) return this.topicList(this.lookups.topics.documents(topic.ids), topic.ids, before);
    const wanted = normaliseTitle(topic.title);
    const triples = (d: DocumentEntry) => headingsOf(d).filter((h) => normaliseTitle(h.title) === wanted).flatMap((h) => h.span);
    return { documents: earlierMeetingDocuments([...this.lookups.titles.get(wanted)].sort(byMeetingDate), before), triples, count: (d) => triples(d).length / 3 };
  }

  earlierMeetings(uri: string, section: number): EarlierMeeting[] {
    const e = this.documents.entry(uri);
    const heading = e?.sections[section];
    if (!e || !heading) return [];
    const topic = this.headingTopic(e, heading);
    return this.earlierMeetingsDiscussing(topic?.kind === 'entry' ? { ids: topic.ids } : { title: heading.title }, e);
  }

  meetingPhrases(uri: string): MeetingPhrase[] {
    const e = this.documents.entry(uri);
    if (!e) return [];
    return e.meetingRefs.map((ref) => {
      const targets = this.resolveMeetingRef(e, ref);
      if (targets.length > 0) return { span: ref.span as Span, targets };
      const series = ref.series ?? e.meeting?.series;
      return { span: ref.span as Span, targets, reason: unresolvedReason(e, ref, series, series ? this.meetingsOf(series) : []) };
    });
  }

  sectionTopic(uri: string, section: number): { names: string[] } | { title: string } | undefined {
    const e = this.documents.entry(uri);
    const heading = e?.sections[section];
    if (!e || !heading) return undefined;
    const names = [...new Set(this.headingEntries(e, heading).map((id) => this.catalogue.entry(id)?.name ?? id))];
    return names.length > 0 ? { names } : { title: heading.title };
  }

  lastDiscussion(uri: string, at: Position): LastDiscussion | undefined {
    const e = this.documents.entry(uri);
    const id = e && mentionAt(e, at.line, at.character);
    return id ? this.lastDiscussed(this.topicOf(id), e) : undefined;
  }

  symbols(query: string, limit: number): HeadingSymbol[] {
    return this.workspaceSymbols(query, limit);
  }

  findings(uri: string, severities: Severities = {}): Finding[] {
    return this.crossDocumentFindings(uri, severities);
  }

  async history(query: string, page: Page = {}, isCancelled?: () => boolean): Promise<TopicHistoryPage> {
    return this.topicHistory(query, isCancelled, page);
  }

  // ---------------------------------------------------------------- numbers and meetings

  entry(uri: string): DocumentEntry | undefined {
    return this.documents.entry(uri);
  }

  documentsWithBase(base: string): readonly DocumentEntry[] {
    return this.lookups.numbers.get(base);
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
    return [...this.lookups.referrers.get(base)];
  }

  /** One document per meeting of the series, oldest first (the original rather than its REV or ADD). */
  meetingsOf(series: string): readonly DocumentEntry[] {
    return this.lookups.series.meetingsOf(series);
  }

  /** The outcome documents of the meetings a phrase in `from` refers to (none when not in the workspace). */
  resolveMeetingRef(from: DocumentEntry, ref: MeetingDescription): DocumentEntry[] {
    const series = ref.series ?? from.meeting?.series;
    return series ? resolveMeetingRef(from, ref, this.meetingsOf(series)) : [];
  }

  /** The findings of `uri` that depend on other documents. */
  crossDocumentFindings(uri: string, severities: Severities = {}): Finding[] {
    const e = this.entry(uri);
    return e ? crossDocumentFindings(e, this, severities) : [];
  }

  // ---------------------------------------------------------------- topics

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

  /**
   * What a heading is about: the entries it names, each with the instruments named after it,
   * undefined when it names none. A body named beside an instrument or topic ("the
   * Commission's report on the PNR Agreement") is who speaks, not the subject; and a general
   * topic does not bring in the bodies named after it (Counter-terrorism, not the EU
   * Counter-Terrorism Coordinator).
   */
  headingTopic(e: DocumentEntry, heading: HeadingEntry): Topic | undefined {
    const named = this.headingEntries(e, heading);
    const ids = new Set<string>();
    for (const id of named) {
      const topic = this.topicOf(id);
      if (topic.kind === 'entry') topic.ids.forEach((i) => (i === id || !this.isBody(i)) && ids.add(i));
    }
    if (ids.size === 0) return undefined;
    return { kind: 'entry', id: [...ids][0], name: heading.title, ids };
  }

  /** The catalogue entries a heading names: its instruments and topics, else its bodies. */
  private headingEntries(e: DocumentEntry, heading: HeadingEntry): string[] {
    const named = mentionsWithin(e, heading.span);
    const subjects = named.filter((id) => !this.isBody(id));
    return subjects.length > 0 ? subjects : named;
  }

  private isBody(id: string): boolean {
    this.bodies ??= new Set(this.catalogue.bodies.map((b) => b.id));
    return this.bodies.has(id);
  }

  /** The last meeting before `before`'s that mentions the entry, with where in it. */
  lastDiscussed(topic: Topic, before: DocumentEntry): LastDiscussion | undefined {
    if (topic.kind !== 'entry') return undefined;
    const docs = this.documentsForTopic(topic);
    const when = meetingDate(before);
    const own = meetingKey(before);
    for (let i = docs.length - 1; i >= 0; i--) {
      const e = docs[i];
      if (meetingDate(e) >= when || meetingKey(e) === own) continue;
      const span = mentionSpansOf(e, topic.ids)[0];
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
  earlierMeetingsDiscussing(topic: SectionTopic, before: DocumentEntry): EarlierMeeting[] {
    const list = this.sectionList(topic, before);
    return [...list.documents].map((entry) => ({ entry, spans: spansOfTriples(list.triples(entry)) }));
  }

  /** Section and item headings matching the query, at most `limit`. */
  workspaceSymbols(query: string, limit = 256): HeadingSymbol[] {
    return this.lookups.symbols.search(this.documents.entries(), query, limit);
  }

  /**
   * Every mention of a topic (a catalogue entry by any name, or free words), meeting by meeting,
   * oldest first, with its sentence; with a page, the meetings of that page only (and how many
   * documents may hold one in all). Reads the files concerned: the index keeps no text.
   */
  async topicHistory(query: string | Topic, isCancelled?: () => boolean, page: Page = {}): Promise<TopicHistoryPage> {
    const topic = typeof query === 'string' ? resolveTopic(this.catalogue, query) : query;
    const meetings: MeetingHistory[] = [];
    const docs = this.documentsForTopic(topic);
    const offset = Math.max(0, page.offset ?? 0);
    const limit = Math.max(0, page.limit ?? Infinity);
    for (const e of docs.slice(offset, offset + limit)) {
      if (isCancelled?.()) break;
      const text = await this.workspace.readFile(e.uri);
      const occurrences = text === undefined ? [] : this.occurrencesIn(e, topic, text);
      if (occurrences.length > 0) meetings.push({ uri: e.uri, label: meetingLabel(e), occurrences });
    }
    if (topic.kind === 'words') return { topic, meetings, total: docs.length };
    return { topic, meetings, total: docs.length, mentions: this.lookups.postings.mentionCount(topic.ids) };
  }

  /** The documents that may mention a topic, oldest meeting first: those the index lists for an entry, every one for free words. */
  documentsForTopic(topic: Topic): readonly DocumentEntry[] {
    return topic.kind === 'entry' ? this.lookups.topics.documents(topic.ids) : [...this.documents.entries()].sort(byMeetingDate);
  }

  /** A topic's mentions in one document, with their sentences, given its text. */
  occurrencesIn(e: DocumentEntry, topic: Topic, text: string): TopicOccurrence[] {
    if (topic.kind === 'words') {
      // Free words are not in the index: the document is parsed again and searched.
      return findTopicMentions(parseForIndex(text, this.catalogue), this.catalogue, topic).map((m) => occurrence(e, m.range, m, m.section));
    }
    const lines = splitLines(text).clean;
    return sentencesOf(e, mentionTriplesOf(e, topic.ids), (line) => lines[line], (line) => headingsAt(e, line).section?.text);
  }
}

/**
 * A topic's mentions in a parsed outcome document, as its index entry would list them (the
 * catalogue's scan of the text after the header, footers left out), each with its sentence and
 * section: for `outcome-lint mentions`, which builds no index entry. `mayHold`: an expression
 * that matches in every line holding a mention (the others are not scanned).
 */
export function occurrencesInDocument(uri: string, doc: OutcomeDocument, text: string, catalogue: Catalogue, topic: Topic, mayHold?: RegExp): TopicOccurrence[] {
  const e = { uri, number: doc.header.number, date: doc.header.date?.value.iso };
  if (topic.kind === 'words') return findTopicMentions(doc, catalogue, topic).map((m) => occurrence(e, m.range, m, m.section));
  const triples = topicMentionSpans(doc, catalogue, topic.ids, mayHold);
  if (triples.length === 0) return [];
  const sectionOn = (line: number) => doc.sections.find((s) => s.heading.range.start.line <= line && line <= s.range.end.line)?.heading.text;
  // The sentence is read in the text's lines with their markup blanked: the document's own, but
  // where a stamp was blanked in them too (then the whole text's lines, made once).
  const { cleanText, lineStarts, stamps } = doc;
  let unstamped: string[] | undefined;
  const lineOf = (l: number) => {
    if (stamps.some((r) => r.start.line <= l && l <= r.end.line)) return (unstamped ??= splitLines(text).clean)[l];
    return l < lineStarts.length ? cleanText.slice(lineStarts[l], l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : cleanText.length) : undefined;
  };
  return sentencesOf(e, triples, lineOf, sectionOn);
}

/** Each mention ([line, start, end] triples) with its sentence in its line (`lineOf`: the line with markup blanked). */
function sentencesOf(e: OccurrenceSource, triples: ArrayLike<number>, lineOf: (line: number) => string | undefined, sectionOn: (line: number) => string | undefined): TopicOccurrence[] {
  const out: TopicOccurrence[] = [];
  for (let i = 0; i < triples.length; i += 3) {
    const [line, start, end] = [triples[i], triples[i + 1], triples[i + 2]];
    const text = lineOf(line);
    if (text === undefined) continue;
    out.push(occurrence(e, spanRange([line, start, end]), sentenceAround(text, start, end), sectionOn(line)));
  }
  return out;
}

/** References to be read a page at a time: the documents in order, and each one's locations as [line, start, end] triples (`count`: how many, without making them). */
interface ReferenceList {
  documents: Iterable<DocumentEntry>;
  topic?: string;
  triples(e: DocumentEntry): ArrayLike<number>;
  count(e: DocumentEntry): number;
  /** How many in all, when counted before; else told to `counted` once counted. */
  total?: number;
  counted?(total: number): void;
}

/** `limit` locations from `offset`, and how many in all: only the locations of the page are made (and the documents after it not read once the total is known). */
function readPage(list: ReferenceList, offset: number, limit: number): ReferencePage {
  const locations: MentionLocation[] = [];
  const end = offset + limit;
  let total = 0;
  for (const e of list.documents) {
    if (list.total !== undefined && total >= end) break;
    const n = list.count(e);
    if (n > 0 && total + n > offset && total < end) {
      const t = list.triples(e);
      for (let i = Math.max(0, offset - total); i < n && total + i < end; i++) locations.push({ uri: e.uri, range: spanRange([t[i * 3], t[i * 3 + 1], t[i * 3 + 2]]) });
    }
    total += n;
  }
  if (list.total !== undefined) return { locations, total: list.total };
  list.counted?.(total);
  return { locations, total };
}

function spansOfTriples(t: ArrayLike<number>): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < t.length; i += 3) out.push([t[i], t[i + 1], t[i + 2]]);
  return out;
}

/** Of documents in meeting order, those of the meetings before `before`'s: the first of each meeting. */
function* earlierMeetingDocuments(documents: readonly DocumentEntry[], before: DocumentEntry): Iterable<DocumentEntry> {
  const when = meetingDate(before);
  const seen = new Set([meetingKey(before)]);
  for (const e of documents) {
    if (meetingDate(e) >= when) break;
    const key = meetingKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    yield e;
  }
}

/** What an occurrence says of its document. */
type OccurrenceSource = Pick<DocumentEntry, 'uri' | 'date'> & { number?: { text: string } };

function occurrence(e: OccurrenceSource, range: Range, { text, at }: { text: string; at: [number, number] }, section: string | undefined): TopicOccurrence {
  const o: TopicOccurrence = { uri: e.uri, range, text, at };
  if (e.number) o.number = e.number.text;
  if (e.date) o.date = e.date;
  if (section) o.section = section;
  return o;
}
