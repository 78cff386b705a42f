import type { Catalogue } from '../catalogue/catalogue';
import { isCouncilDocument } from '../document/documentType';
import { findMeetingRefs, type MeetingRefAt } from '../document/meetingRefs';
import type { DocumentNumberRef, Item, MeetingLevel, OutcomeDocument } from '../document/model';
import { entryMentionSpans } from '../topics';
import { lineRange, type Range } from '../text/range';
import { entryView, flatEntry, PackedDocumentEntry, PackedStrings, packHeadingFields, packMeeting, packMeetingRefs, packMentions, packOutline, packReferences, StringTable, type PackedEntry } from './packedEntry';

/**
 * What the workspace index keeps of one outcome document: enough to answer every cross-document
 * question without the text or the tree. Read-only data with plain fields; the index holds each
 * packed and makes its headings and mentions when they are read (`PackedDocumentEntry`,
 * packedEntry.ts), as it comes from the saved index or an indexing worker.
 */

/** [line, startCharacter, endCharacter]: everything the index locates sits on one line. */
export type Span = readonly [number, number, number];

export interface HeadingEntry {
  /** "4", "a" */
  readonly label: string;
  /** "PNR issues" */
  readonly title: string;
  /** The heading line without markup: "Session 4: PNR issues". */
  readonly text: string;
  readonly span: Span;
  /** Last line of the section or item. */
  readonly endLine: number;
}

export interface SectionEntry extends HeadingEntry {
  readonly items: readonly HeadingEntry[];
}

export interface MeetingEntry {
  readonly series?: string;
  readonly level?: MeetingLevel;
  readonly informal: boolean;
  readonly place?: string;
  /** ISO dates. */
  readonly start?: string;
  readonly end?: string;
}

export interface NumberRefEntry {
  readonly series: DocumentNumberRef['series'];
  /** As written: "13228/1/11 REV 1". */
  readonly text: string;
  /** "13228/11"; for CM/WK/SN prefixed: "CM 1405/08". */
  readonly base: string;
  readonly span: Span;
  /** A value of the "No. prev. doc." line. */
  readonly previous?: true;
}

/** A meeting reference as the index keeps it. */
export type MeetingRefEntry = Readonly<MeetingRefAt>;

/** Mentions of one catalogue entry, in text order: `spans` holds their [line, start, end] one after another (see `mentionSpansOf`). */
export interface MentionGroup {
  readonly id: string;
  readonly spans: readonly number[];
}

export interface DocumentEntry {
  readonly uri: string;
  readonly number?: { readonly text: string; readonly base: string; readonly span: Span };
  /** Document date, ISO. */
  readonly date?: string;
  readonly meeting?: MeetingEntry;
  /** Where "go to this document" lands: the subject line, else the title, else the number. */
  readonly target: Span;
  readonly sections: readonly SectionEntry[];
  readonly mentions: readonly MentionGroup[];
  readonly references: readonly NumberRefEntry[];
  readonly meetingRefs: readonly MeetingRefEntry[];
}

export function spanRange([line, start, end]: readonly number[]): Range {
  return lineRange(line, start, end);
}

function spanOf(r: Range): Span {
  return [r.start.line, r.start.character, r.end.character];
}

/** A wrapped subject is located by its first line. */
function firstLineSpan(r: Range, lines: string[]): Span {
  return r.start.line === r.end.line ? spanOf(r) : [r.start.line, r.start.character, lines[r.start.line].trimEnd().length];
}

/**
 * The index entry of a parsed document (undefined for a text that is no Council document). An
 * outcome keeps everything below; another Council document (a NOTE, a CM notice) only its
 * number, date and where it lands, so that a "No. prev. doc." naming it resolves.
 */
export function entryFromDocument(uri: string, doc: OutcomeDocument, catalogue: Catalogue): DocumentEntry | undefined {
  const table = new StringTable();
  const packed = packDocument(doc, catalogue, table);
  // Strings cut from the text keep the whole text alive (V8 slices share their parent's
  // memory): copied through JSON, the entry keeps only what it holds, for 10,000 documents.
  return packed && entryView(uri, new PackedStrings(JSON.parse(JSON.stringify(table.strings)) as string[]), flatEntry(packed));
}

/**
 * The index entry of a parsed document, packed against `table` (see `entryFromDocument`): what
 * an indexing worker sends, and what `entryFromDocument` unpacks. Written straight from the
 * tree, without the entry's objects.
 */
export function packDocument(doc: OutcomeDocument, catalogue: Catalogue, table: StringTable): PackedEntry | undefined {
  const n = doc.header.number;
  if (!isCouncilDocument(doc)) return undefined;
  const subject = doc.addressing.find((f) => f.label === 'subject');
  const target = firstLineSpan(subject?.valueRange ?? doc.title?.range ?? n?.range ?? lineRange(0, 0, 0), doc.lines);
  const number = n ? [table.of(n.text), table.of(n.base), n.range.start.line, n.range.start.character, n.range.end.character] : 0;
  const date = doc.header.date ? table.of(doc.header.date.value.iso) : -1;
  if (doc.kind !== 'outcome') return [target, [], [], [], [], number, date, 0];
  const sections = packOutline(doc.sections, ({ heading: h, range }: Item, out) => packHeadingFields(h.label, h.title, h.text, spanOf(h.range), range.end.line, out, table));
  // Mentions first: the scan notes where the meeting references' nouns stand.
  const nouns: number[] = [];
  const mentions = packMentions(entryMentionSpans(doc, catalogue, nouns), table);
  const references = packReferences(numberRefs(doc), table);
  const meetingRefs = packMeetingRefs(findMeetingRefs(doc, nouns), table);
  const m = doc.meeting;
  const meeting = m ? packMeeting({ informal: m.informal, series: m.series, level: m.level, place: m.place, start: m.start?.iso, end: m.end?.iso }, table) : 0;
  return [target, sections, mentions, references, meetingRefs, number, date, meeting];
}

/** The document's references to other document numbers (its own number left out). */
function numberRefs(doc: OutcomeDocument): NumberRefEntry[] {
  const own = doc.header.number?.range.start.line;
  const isPrevious = (r: Range) => doc.previousDocuments.some((p) => p.range.start.line === r.start.line && p.range.start.character === r.start.character);
  const out: NumberRefEntry[] = [];
  for (const r of doc.references) {
    if (r.range.start.line === own) continue;
    const ref: NumberRefEntry = { series: r.series, text: r.text, base: r.base, span: spanOf(r.range) };
    out.push(isPrevious(r.range) ? { ...ref, previous: true } : ref);
  }
  return out;
}

/** The date a meeting is ordered by: its first day, else the document's date; undated ones last. */
export function meetingDate(e: DocumentEntry): string {
  return e.meeting?.start ?? e.date ?? '9999';
}

/** Oldest meeting first, then by file. */
export function byMeetingDate(a: DocumentEntry, b: DocumentEntry): number {
  const da = meetingDate(a);
  const db = meetingDate(b);
  return da < db ? -1 : da > db ? 1 : a.uri.localeCompare(b.uri);
}

// ------------------------------------------------------------------ what one entry answers alone

/** The section holding a line, and the item within it. */
export function headingsAt(e: DocumentEntry, line: number): { section?: SectionEntry; item?: HeadingEntry } {
  const section = e.sections.find((s) => s.span[0] <= line && line <= s.endLine);
  return { section, item: section?.items.find((i) => i.span[0] <= line && line <= i.endLine) };
}

/** The section or item whose heading stands on a line. */
export function headingOnLine(e: DocumentEntry, line: number): HeadingEntry | undefined {
  for (const s of e.sections) {
    if (s.span[0] === line) return s;
    const item = s.items.find((i) => i.span[0] === line);
    if (item) return item;
  }
  return undefined;
}

/** Every section and item heading, in text order. */
export function headingsOf(e: DocumentEntry): HeadingEntry[] {
  return e.sections.flatMap((s) => [s, ...s.items]);
}

/** The base numbers of the document's references of one series ("ST"), in text order. */
export function referenceBasesOf(e: DocumentEntry, series: NumberRefEntry['series']): string[] {
  return e instanceof PackedDocumentEntry ? e.referenceBases(series) : e.references.filter((r) => r.series === series).map((r) => r.base);
}

/** The title of every section and item heading, in text order. */
export function headingTitlesOf(e: DocumentEntry): string[] {
  return e instanceof PackedDocumentEntry ? e.headingTitles() : headingsOf(e).map((h) => h.title);
}

/** The text of every section and item heading, in text order. */
export function headingTextsOf(e: DocumentEntry): string[] {
  return e instanceof PackedDocumentEntry ? e.headingTexts() : headingsOf(e).map((h) => h.text);
}

/** The catalogue entry mentioned at a position. */
export function mentionAt(e: DocumentEntry, line: number, character: number): string | undefined {
  for (const g of e.mentions) {
    for (const [l, start, end] of spansOf(g)) if (l === line && start <= character && character <= end) return g.id;
  }
  return undefined;
}

/** The entries mentioned within a span (a heading's), each once. */
export function mentionsWithin(e: DocumentEntry, [line, start, end]: Span): string[] {
  return e.mentions.filter((g) => spansOf(g).some(([l, s, t]) => l === line && s >= start && t <= end)).map((g) => g.id);
}

/** A group's mentions, in text order. */
export function spansOf(g: MentionGroup): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < g.spans.length; i += 3) out.push([g.spans[i], g.spans[i + 1], g.spans[i + 2]]);
  return out;
}

/** The ids of the catalogue entries the document mentions. */
export function mentionIdsOf(e: DocumentEntry): string[] {
  return e instanceof PackedDocumentEntry ? e.mentionIds() : e.mentions.map((g) => g.id);
}

/** The document's mentions of any of the entries, in text order. */
export function mentionSpansOf(e: DocumentEntry, ids: ReadonlySet<string>): Span[] {
  const triples = mentionTriplesOf(e, ids);
  const out: Span[] = [];
  for (let i = 0; i < triples.length; i += 3) out.push([triples[i], triples[i + 1], triples[i + 2]]);
  return out;
}

/** As `mentionSpansOf`, as [line, start, end] one after another (for lists of many thousands). */
export function mentionTriplesOf(e: DocumentEntry, ids: ReadonlySet<string>): ArrayLike<number> {
  const groups: ArrayLike<number>[] = e instanceof PackedDocumentEntry ? e.mentionSpans(ids) : e.mentions.filter((g) => ids.has(g.id)).map((g) => g.spans);
  // Each group is in text order already: merge them.
  let out: ArrayLike<number> = groups[0] ?? [];
  for (let k = 1; k < groups.length; k++) out = mergeTriples(out, groups[k]);
  return out;
}

/** The catalogue entries mentioned, each with how many times (none made). */
export function mentionCountsOf(e: DocumentEntry): [string, number][] {
  return e instanceof PackedDocumentEntry ? e.mentionCounts() : e.mentions.map((g) => [g.id, g.spans.length / 3]);
}

/** How many mentions of any of the entries the document holds (none made). */
export function mentionCountOf(e: DocumentEntry, ids: ReadonlySet<string>): number {
  let n = 0;
  for (const spans of e instanceof PackedDocumentEntry ? e.mentionSpans(ids) : e.mentions.filter((g) => ids.has(g.id)).map((g) => g.spans)) n += spans.length / 3;
  return n;
}

function mergeTriples(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
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
