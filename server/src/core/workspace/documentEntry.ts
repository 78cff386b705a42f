import type { Catalogue } from '../catalogue/catalogue';
import type { DocumentNumberRef, Item, MeetingLevel, OutcomeDocument } from '../document/model';
import { entryMentionSpans, footerLines } from '../topics';
import { lineRange, type Range } from '../text/range';
import { findMeetingRefsInText, type MeetingRefAt } from './meetingRef';
import { EntryUnpacker, readField, packHeadingFields, packMeeting, packMeetingRefs, packMentions, packOutline, packReferences, StringTable, type PackedEntry } from './packedEntry';

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
  const table = new StringTable();
  const packed = packDocument(doc, catalogue, table);
  // Strings cut from the text keep the whole text alive (V8 slices share their parent's
  // memory): copied through JSON, the entry keeps only what it holds, for 10,000 documents.
  return packed && new EntryUnpacker(JSON.parse(JSON.stringify(table.strings)) as string[]).unpack(uri, packed);
}

/**
 * The index entry of a parsed outcome document, packed against `table` (undefined for other
 * documents): what an indexing worker sends, and what `entryFromDocument` unpacks. Written
 * straight from the tree, without the entry's objects.
 */
export function packDocument(doc: OutcomeDocument, catalogue: Catalogue, table: StringTable): PackedEntry | undefined {
  if (doc.kind !== 'outcome') return undefined;
  const subject = doc.addressing.find((f) => f.label === 'subject');
  const n = doc.header.number;
  const target = firstLineSpan(subject?.valueRange ?? doc.title?.range ?? n?.range ?? lineRange(0, 0, 0), doc.lines);
  const sections = packOutline(doc.sections, ({ heading: h, range }: Item, out) => packHeadingFields(h.label, h.title, h.text, spanOf(h.range), range.end.line, out, table));
  // Mentions first: the scan notes where the meeting references' nouns stand.
  const nouns: number[] = [];
  const mentions = packMentions(entryMentionSpans(doc, catalogue, nouns), table);
  const references = packReferences(numberRefs(doc), table);
  const meetingRefs = packMeetingRefs(findMeetingRefs(doc, nouns), table);
  const number = n ? [table.of(n.text), table.of(n.base), n.range.start.line, n.range.start.character, n.range.end.character] : 0;
  const date = doc.header.date ? table.of(doc.header.date.value.iso) : -1;
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
function findMeetingRefs(doc: OutcomeDocument, nouns: number[]): MeetingRefAt[] {
  // Page footers and the addressing fields (but the summary) are left out.
  const skipped = footerLines(doc);
  for (const f of doc.addressing) if (f.label !== 'summary') for (let l = f.range.start.line; l <= f.range.end.line; l++) skipped.add(l);
  const skip = (l: number) => skipped.has(l);
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
  const section = readField(e, 'sections').find((s) => s.span[0] <= line && line <= s.endLine);
  return { section, item: section?.items.find((i) => i.span[0] <= line && line <= i.endLine) };
}
