import type { Catalogue } from '../catalogue/catalogue';
import type { DocumentNumberRef, Heading, MeetingLevel, OutcomeDocument } from '../document/model';
import { entryMentionSpans } from '../topics';
import { lineRange, type Range } from '../text/range';
import { findMeetingRefsInText, type MeetingRefAt } from './meetingRef';

/**
 * What the workspace index keeps of one outcome document: enough to answer every cross-document
 * question without the text or the tree, in a form that serialises compactly (10,000 of these
 * stay in memory and in the snapshot).
 */

/** [line, startCharacter, endCharacter]: everything the index locates sits on one line. */
export type Span = [number, number, number];

export interface HeadingEntry {
  /** "4", "a" */
  label: string;
  /** "PNR issues" */
  title: string;
  /** The heading line without markup: "Session 4: PNR issues". */
  text: string;
  span: Span;
  /** Last line of the section or item. */
  endLine: number;
}

export interface SectionEntry extends HeadingEntry {
  items: HeadingEntry[];
}

export interface MeetingEntry {
  series?: string;
  level?: MeetingLevel;
  informal: boolean;
  place?: string;
  /** ISO dates. */
  start?: string;
  end?: string;
}

export interface NumberRefEntry {
  series: DocumentNumberRef['series'];
  /** As written: "13228/1/11 REV 1". */
  text: string;
  /** "13228/11"; for CM/WK/SN prefixed: "CM 1405/08". */
  base: string;
  span: Span;
  /** A value of the "No. prev. doc." line. */
  previous?: true;
}

/** A meeting reference as the index keeps it. */
export type MeetingRefEntry = MeetingRefAt;

/** Mentions of one catalogue entry: `spans` holds [line, start, end] triples one after another. */
export interface MentionGroup {
  id: string;
  spans: number[];
}

export interface DocumentEntry {
  uri: string;
  number?: { text: string; base: string; span: Span };
  /** Document date, ISO. */
  date?: string;
  meeting?: MeetingEntry;
  /** Where "go to this document" lands: the subject line, else the title, else the number. */
  target: Span;
  sections: SectionEntry[];
  mentions: MentionGroup[];
  references: NumberRefEntry[];
  meetingRefs: MeetingRefEntry[];
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

/** The index entry of a parsed outcome document (undefined for other documents). */
export function entryFromDocument(uri: string, doc: OutcomeDocument, catalogue: Catalogue): DocumentEntry | undefined {
  // Strings cut from the text keep the whole text alive (V8 slices share their parent's
  // memory): a copy through JSON keeps only what the entry holds, for 10,000 documents.
  const json = entryJson(uri, doc, catalogue);
  return json === undefined ? undefined : (JSON.parse(json) as DocumentEntry);
}

/** The index entry as JSON text. */
export function entryJson(uri: string, doc: OutcomeDocument, catalogue: Catalogue): string | undefined {
  const entry = entrySharingText(uri, doc, catalogue);
  return entry && JSON.stringify(entry);
}

/**
 * The index entry, its strings still slices of the document's text: to be copied (JSON, or
 * packed as an indexing worker sends it) before it is kept.
 */
export function entrySharingText(uri: string, doc: OutcomeDocument, catalogue: Catalogue): DocumentEntry | undefined {
  if (doc.kind !== 'outcome') return undefined;
  const subject = doc.addressing.find((f) => f.label === 'subject');
  const n = doc.header.number;
  /** Where the nouns of meeting references stand, noted by the mention scan. */
  const nouns: number[] = [];
  const entry: DocumentEntry = {
    uri,
    target: firstLineSpan(subject?.valueRange ?? doc.title?.range ?? n?.range ?? lineRange(0, 0, 0), doc.lines),
    sections: doc.sections.map((s) => ({ ...headingEntry(s.heading, s.range), items: s.items.map((i) => headingEntry(i.heading, i.range)) })),
    mentions: [...entryMentionSpans(doc, catalogue, nouns)].map(([id, spans]) => ({ id, spans })),
    references: numberRefs(doc),
    meetingRefs: meetingRefs(doc, nouns),
  };
  if (n) entry.number = { text: n.text, base: n.base, span: spanOf(n.range) };
  if (doc.header.date) entry.date = doc.header.date.value.iso;
  if (doc.meeting) {
    const m = doc.meeting;
    entry.meeting = { informal: m.informal };
    if (m.series) entry.meeting.series = m.series;
    if (m.level) entry.meeting.level = m.level;
    if (m.place) entry.meeting.place = m.place;
    if (m.start) entry.meeting.start = m.start.iso;
    if (m.end) entry.meeting.end = m.end.iso;
  }
  return entry;
}

function headingEntry(h: Heading, range: Range): HeadingEntry {
  return { label: h.label, title: h.title, text: h.text, span: spanOf(h.range), endLine: range.end.line };
}

function numberRefs(doc: OutcomeDocument): NumberRefEntry[] {
  const own = doc.header.number?.range.start.line;
  const isPrevious = (r: Range) => doc.previousDocuments.some((p) => p.range.start.line === r.start.line && p.range.start.character === r.start.character);
  const out: NumberRefEntry[] = [];
  for (const r of doc.references) {
    if (r.range.start.line === own) continue;
    const ref: NumberRefEntry = { series: r.series, text: r.text, base: r.base, span: spanOf(r.range) };
    if (isPrevious(r.range)) ref.previous = true;
    out.push(ref);
  }
  return out;
}

/**
 * Meeting references in the summary and the body (the subject names the document's own meeting).
 * `nouns`: where the mention scan found the nouns, used when it read from where these start (after
 * the title); else the text is searched again.
 */
function meetingRefs(doc: OutcomeDocument, nouns: number[]): MeetingRefEntry[] {
  const fields = doc.addressing.filter((f) => f.label !== 'summary');
  // Asked only for the few lines that hold a level noun.
  const skip = (l: number) => doc.footers.some((r) => r.start.line === l) || fields.some((f) => f.range.start.line <= l && l <= f.range.end.line);
  return findMeetingRefsInText(doc.cleanText, doc.lines, doc.lineStarts, doc.title ? doc.title.range.end.line + 1 : 0, skip, doc.title ? nouns : undefined);
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

/** The section holding a line, and the item within it. */
export function headingsAt(e: DocumentEntry, line: number): { section?: SectionEntry; item?: HeadingEntry } {
  const section = e.sections.find((s) => s.span[0] <= line && line <= s.endLine);
  return { section, item: section?.items.find((i) => i.span[0] <= line && line <= i.endLine) };
}
