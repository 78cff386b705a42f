import type { MeetingDescription } from '../document/meetingRefs';
import type { MeetingLevel } from '../document/model';
import type { DocumentEntry, HeadingEntry, MeetingEntry, MentionGroup, MeetingRefEntry, NumberRefEntry, SectionEntry, Span } from './documentEntry';

/**
 * An index entry as the snapshot stores it: numbers in flat arrays, strings as indices into the
 * snapshot's string table. Ids, titles, places and heading prefixes repeat across thousands of
 * documents, and flat number arrays parse several times faster than objects: a warm start reads
 * 10,000 of these.
 *
 * [target, sections, mentions, references, meetingRefs, number, date, meeting], where
 *   target      [line, start, end]
 *   sections    per section: HEADING then its item count, then HEADING per item;
 *               HEADING = label, title, text, line, start, end, endLine, and text is the index
 *               of the prefix before the title ("Session 4: ") or, when the text does not end
 *               with the title, ~index of the whole text
 *   mentions    per entry: id, count of spans, then [line, start, end] per span
 *   references  per reference: series, text, base, line, start, end, previous (0 or 1)
 *   meetingRefs per reference: description (as JSON), line, start, end
 *   number      [text, base, line, start, end] or 0
 *   date        string or -1
 *   meeting     [informal (0 or 1), series, level, place, start, end], -1 for each one absent; or 0
 */
export type PackedEntry = [Span, number[], number[], number[], number[], number[] | 0, number, number[] | 0];

/** Strings to indices while entries are packed. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /**
   * @param sharedUpTo strings longer than this get an index of their own, without a look-up. A
   * snapshot shares every string; an indexing worker's batch only short ones (ids, labels,
   * numbers): its titles seldom repeat within a batch, and looking each up cost a quarter of
   * the packing.
   */
  constructor(private readonly sharedUpTo = Infinity) {}

  of(s: string): number {
    if (s.length > this.sharedUpTo) return this.strings.push(s) - 1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Writes `e` packed, for the saved index (a document's tree is packed by `packDocument`). */
export function packEntry(e: Omit<DocumentEntry, 'uri'>, table: StringTable): PackedEntry {
  const n = e.number;
  const number: number[] | 0 = n ? [table.of(n.text), table.of(n.base), n.span[0], n.span[1], n.span[2]] : 0;
  return [
    [e.target[0], e.target[1], e.target[2]],
    packSections(e.sections, table),
    packMentions(e.mentions.map((g) => [g.id, g.spans] as const), table),
    packReferences(e.references, table),
    packMeetingRefs(e.meetingRefs, table),
    number,
    e.date === undefined ? -1 : table.of(e.date),
    e.meeting ? packMeeting(e.meeting, table) : 0,
  ];
}

/**
 * A meeting reference without its span, as JSON: one string of the table (descriptions repeat).
 * Written field by field: `JSON.stringify` with a list of keys took twice as long.
 */
function descriptionJson(r: MeetingDescription): string {
  let json = `{"direction":"${r.direction}"`;
  if (r.plural) json += ',"plural":true';
  if (r.level !== undefined) json += `,"level":"${r.level}"`;
  if (r.series !== undefined) json += `,"series":${JSON.stringify(r.series)}`;
  if (r.place !== undefined) json += `,"place":${JSON.stringify(r.place)}`;
  if (r.year !== undefined) json += `,"year":${r.year}`;
  if (r.month !== undefined) json += `,"month":${r.month}`;
  if (r.day !== undefined) json += `,"day":${r.day}`;
  return `${json}}`;
}

function packSections(list: readonly SectionEntry[], table: StringTable): number[] {
  return packOutline(list, (h, out) => packHeading(h, out, table));
}

/**
 * Sections as `PackedEntry` lays them out: each section's heading, its number of items, then
 * theirs. `packHeadingOf` adds one heading's numbers: an entry's sections and a document's tree
 * (`packDocument`) hold their headings differently.
 */
export function packOutline<H>(sections: readonly (H & { items: readonly H[] })[], packHeadingOf: (h: H, out: number[]) => void): number[] {
  const out: number[] = [];
  for (const section of sections) {
    packHeadingOf(section, out);
    out.push(section.items.length);
    for (const item of section.items) packHeadingOf(item, out);
  }
  return out;
}

/** Each entry id with its [line, start, end] triples (a `MentionGroup`, or a document's mentions as found). */
export function packMentions(groups: Iterable<readonly [string, readonly number[]]>, table: StringTable): number[] {
  const out: number[] = [];
  for (const [id, spans] of groups) {
    out.push(table.of(id), spans.length / 3);
    for (const n of spans) out.push(n);
  }
  return out;
}

export function packReferences(list: readonly NumberRefEntry[], table: StringTable): number[] {
  const out: number[] = [];
  for (const r of list) out.push(table.of(r.series), table.of(r.text), table.of(r.base), r.span[0], r.span[1], r.span[2], r.previous ? 1 : 0);
  return out;
}

export function packMeetingRefs(list: readonly MeetingRefEntry[], table: StringTable): number[] {
  const out: number[] = [];
  for (const r of list) out.push(table.of(descriptionJson(r)), r.span[0], r.span[1], r.span[2]);
  return out;
}

/** A meeting as `PackedEntry` lays it out. */
export function packMeeting(m: MeetingEntry, table: StringTable): number[] {
  // Field by field: a lookup by key name met meetings of several shapes and was compiled again for each.
  const of = (v: string | undefined) => (v === undefined ? -1 : table.of(v));
  return [m.informal ? 1 : 0, of(m.series), of(m.level), of(m.place), of(m.start), of(m.end)];
}

function packHeading(h: HeadingEntry, out: number[], table: StringTable): void {
  packHeadingFields(h.label, h.title, h.text, h.span, h.endLine, out, table);
}

/** A heading's seven numbers (see `PackedEntry`), added to `out`. */
export function packHeadingFields(label: string, title: string, text: string, span: readonly number[], endLine: number, out: number[], table: StringTable): void {
  // The text is mostly a prefix and the title ("Session 4: " + "PNR issues"): the prefix alone is kept.
  const packedText = text.endsWith(title) ? table.of(text.slice(0, text.length - title.length)) : ~table.of(text);
  out.push(table.of(label), table.of(title), packedText, span[0], span[1], span[2], endLine);
}

/** A packed entry that does not have the shape `PackedEntry` describes: the saved index holding it is not to be trusted. */
export class MalformedEntry extends Error {}

const DIRECTIONS: ReadonlySet<string> = new Set(['next', 'previous', 'named']);

/**
 * Reads packed entries back as plain entries, checking every field's shape on the way: a
 * string index that is no index of the table, a position that is no whole number, a count
 * that runs past its array throws `MalformedEntry` (never a TypeError further on, never an
 * entry that points nowhere). Descriptions kept as JSON are parsed once per distinct string.
 */
export class EntryUnpacker {
  private readonly parsed = new Map<number, Omit<MeetingRefEntry, 'span'>>();

  constructor(private readonly strings: readonly unknown[]) {}

  unpack(uri: string, p: unknown): DocumentEntry {
    if (!Array.isArray(p) || p.length !== 8) throw new MalformedEntry(`${uri}: not an entry`);
    const [target, sections, mentions, references, meetingRefs, number, date, meeting] = p as unknown[];
    const e: { -readonly [K in keyof DocumentEntry]: DocumentEntry[K] } = {
      uri,
      target: this.span(target, 0),
      sections: this.sections(this.numbers(sections)),
      mentions: this.mentions(this.numbers(mentions)),
      references: this.references(this.numbers(references)),
      meetingRefs: this.meetingRefs(this.numbers(meetingRefs)),
    };
    if (number !== 0) {
      const a = this.numbers(number);
      if (a.length !== 5) throw new MalformedEntry('a number of the wrong length');
      e.number = { text: this.string(a[0]), base: this.string(a[1]), span: this.span(a, 2) };
    }
    if (date !== -1) e.date = this.string(date);
    if (meeting !== 0) e.meeting = this.meeting(this.numbers(meeting));
    return e;
  }

  private string(i: unknown): string {
    const s = typeof i === 'number' ? this.strings[i] : undefined;
    if (typeof s !== 'string') throw new MalformedEntry(`no string ${String(i)}`);
    return s;
  }

  /** Every element a whole number (positions, counts, string indices; a heading's text may be ~index). */
  private numbers(a: unknown): number[] {
    if (!Array.isArray(a) || !a.every((n) => Number.isInteger(n))) throw new MalformedEntry('not a list of whole numbers');
    return a as number[];
  }

  /** [line, start, end] at `i`: whole, not negative, start at most end. */
  private span(a: unknown, i: number): Span {
    const n = this.numbers(a);
    const [line, start, end] = [n[i], n[i + 1], n[i + 2]];
    if (!(line >= 0 && start >= 0 && end >= start)) throw new MalformedEntry('not a [line, start, end] span');
    return [line, start, end];
  }

  private meeting(a: number[]): MeetingEntry {
    if (a.length !== 6) throw new MalformedEntry('a meeting of the wrong length');
    const [informal, series, level, place, start, end] = a;
    const m: { -readonly [K in keyof MeetingEntry]: MeetingEntry[K] } = { informal: informal === 1 };
    if (series >= 0) m.series = this.string(series);
    if (level >= 0) m.level = this.string(level) as MeetingLevel;
    if (place >= 0) m.place = this.string(place);
    if (start >= 0) m.start = this.string(start);
    if (end >= 0) m.end = this.string(end);
    return m;
  }

  private sections(a: number[]): SectionEntry[] {
    const out: SectionEntry[] = [];
    let i = 0;
    while (i < a.length) {
      if (i + 8 > a.length) throw new MalformedEntry('a section cut short');
      const heading = this.heading(a, i);
      const count = a[i + 7];
      i += 8;
      if (count < 0 || i + count * 7 > a.length) throw new MalformedEntry('items past the end of the sections');
      const items: HeadingEntry[] = [];
      for (let k = 0; k < count; k++, i += 7) items.push(this.heading(a, i));
      out.push({ ...heading, items });
    }
    return out;
  }

  private heading(a: number[], i: number): HeadingEntry {
    const title = this.string(a[i + 1]);
    const text = a[i + 2] >= 0 ? this.string(a[i + 2]) + title : this.string(~a[i + 2]);
    const span = this.span(a, i + 3);
    if (a[i + 6] < span[0]) throw new MalformedEntry('a heading ending before it starts');
    return { label: this.string(a[i]), title, text, span, endLine: a[i + 6] };
  }

  private mentions(a: number[]): MentionGroup[] {
    const out: MentionGroup[] = [];
    for (let i = 0; i < a.length; ) {
      const count = a[i + 1];
      const end = i + 2 + count * 3;
      if (!(count > 0) || end > a.length) throw new MalformedEntry('mentions past the end of their list');
      for (let k = i + 2; k < end; k += 3) this.span(a, k);
      out.push({ id: this.string(a[i]), spans: a.slice(i + 2, end) });
      i = end;
    }
    return out;
  }

  private references(a: number[]): NumberRefEntry[] {
    if (a.length % 7 !== 0) throw new MalformedEntry('references of the wrong length');
    const out: NumberRefEntry[] = [];
    for (let i = 0; i < a.length; i += 7) {
      const r = { series: this.string(a[i]) as NumberRefEntry['series'], text: this.string(a[i + 1]), base: this.string(a[i + 2]), span: this.span(a, i + 3) };
      out.push(a[i + 6] ? { ...r, previous: true } : r);
    }
    return out;
  }

  private meetingRefs(a: number[]): MeetingRefEntry[] {
    if (a.length % 4 !== 0) throw new MalformedEntry('meeting references of the wrong length');
    const out: MeetingRefEntry[] = [];
    for (let i = 0; i < a.length; i += 4) out.push({ ...this.description(a[i]), span: this.span(a, i + 1) });
    return out;
  }

  private description(i: number): Omit<MeetingRefEntry, 'span'> {
    let v = this.parsed.get(i);
    if (!v) {
      let d: unknown;
      try {
        d = JSON.parse(this.string(i));
      } catch {
        throw new MalformedEntry('a meeting reference that is not JSON');
      }
      if (typeof d !== 'object' || d === null || !DIRECTIONS.has((d as { direction?: string }).direction ?? '')) throw new MalformedEntry('not a meeting reference');
      this.parsed.set(i, (v = d as Omit<MeetingRefEntry, 'span'>));
    }
    return v;
  }
}
