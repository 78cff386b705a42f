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

/**
 * Writes `e` packed, for the saved index (a document's tree is packed by `packDocument`). An
 * entry held packed is copied from its packed form, its strings moved to `table`, without
 * building its headings and mentions.
 */
export function packEntry(e: Omit<DocumentEntry, 'uri'>, table: StringTable): PackedEntry {
  if (e instanceof PackedDocumentEntry) return e.repack(table);
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
 * Checks packed entries against the shape `PackedEntry` describes, without building them: a
 * string index that is no index of the table, a position that is no whole number, a count that
 * runs past its array throws `MalformedEntry` (never a TypeError further on, never an entry that
 * points nowhere). Each description kept as JSON is checked once.
 */
export class PackedEntryCheck {
  private readonly descriptions = new Set<number>();

  constructor(private readonly strings: readonly unknown[]) {}

  check(uri: string, p: unknown): asserts p is PackedEntry {
    if (!Array.isArray(p) || p.length !== 8) throw new MalformedEntry(`${uri}: not an entry`);
    const [target, sections, mentions, references, meetingRefs, number, date, meeting] = p as unknown[];
    this.span(this.numbers(target), 0);
    this.sections(this.numbers(sections));
    this.mentions(this.numbers(mentions));
    this.references(this.numbers(references));
    this.meetingRefs(this.numbers(meetingRefs));
    if (number !== 0) {
      const a = this.numbers(number);
      if (a.length !== 5) throw new MalformedEntry('a number of the wrong length');
      this.string(a[0]);
      this.string(a[1]);
      this.span(a, 2);
    }
    if (date !== -1) this.string(date);
    if (meeting !== 0) {
      const a = this.numbers(meeting);
      if (a.length !== 6) throw new MalformedEntry('a meeting of the wrong length');
      for (let k = 1; k < 6; k++) if (a[k] !== -1) this.string(a[k]);
    }
  }

  private string(i: unknown): void {
    if (typeof i !== 'number' || typeof this.strings[i] !== 'string') throw new MalformedEntry(`no string ${String(i)}`);
  }

  /** Every element a whole number (positions, counts, string indices; a heading's text may be ~index). */
  private numbers(a: unknown): number[] {
    if (!Array.isArray(a)) throw new MalformedEntry('not a list of whole numbers');
    for (const n of a) if (!Number.isInteger(n) || n > INT32_MAX || n < -INT32_MAX) throw new MalformedEntry('not a list of whole numbers');
    return a as number[];
  }

  /** [line, start, end] at `i`: whole, not negative, start at most end. */
  private span(a: number[], i: number): void {
    const [line, start, end] = [a[i], a[i + 1], a[i + 2]];
    if (!(line >= 0 && start >= 0 && end >= start)) throw new MalformedEntry('not a [line, start, end] span');
  }

  private sections(a: number[]): void {
    let i = 0;
    while (i < a.length) {
      if (i + 8 > a.length) throw new MalformedEntry('a section cut short');
      this.heading(a, i);
      const count = a[i + 7];
      i += 8;
      if (count < 0 || i + count * 7 > a.length) throw new MalformedEntry('items past the end of the sections');
      for (let k = 0; k < count; k++, i += 7) this.heading(a, i);
    }
  }

  private heading(a: number[], i: number): void {
    this.string(a[i]);
    this.string(a[i + 1]);
    this.string(a[i + 2] >= 0 ? a[i + 2] : ~a[i + 2]);
    this.span(a, i + 3);
    if (a[i + 6] < a[i + 3]) throw new MalformedEntry('a heading ending before it starts');
  }

  private mentions(a: number[]): void {
    for (let i = 0; i < a.length; ) {
      const count = a[i + 1];
      const end = i + 2 + count * 3;
      if (!(count > 0) || end > a.length) throw new MalformedEntry('mentions past the end of their list');
      this.string(a[i]);
      for (let k = i + 2; k < end; k += 3) this.span(a, k);
      i = end;
    }
  }

  private references(a: number[]): void {
    if (a.length % 7 !== 0) throw new MalformedEntry('references of the wrong length');
    for (let i = 0; i < a.length; i += 7) {
      for (let k = 0; k < 3; k++) this.string(a[i + k]);
      this.span(a, i + 3);
    }
  }

  private meetingRefs(a: number[]): void {
    if (a.length % 4 !== 0) throw new MalformedEntry('meeting references of the wrong length');
    for (let i = 0; i < a.length; i += 4) {
      this.description(a[i]);
      this.span(a, i + 1);
    }
  }

  private description(i: number): void {
    if (this.descriptions.has(i)) return;
    this.string(i);
    let d: unknown;
    try {
      d = JSON.parse(this.strings[i] as string);
    } catch {
      throw new MalformedEntry('a meeting reference that is not JSON');
    }
    if (typeof d !== 'object' || d === null || !DIRECTIONS.has((d as { direction?: string }).direction ?? '')) throw new MalformedEntry('not a meeting reference');
    this.descriptions.add(i);
  }
}

const INT32_MAX = 2 ** 31 - 1;

/** Checks packed entries (`PackedEntryCheck`) and gives each as the index holds it (`entryView`). */
export class EntryUnpacker {
  private readonly checker: PackedEntryCheck;
  private readonly strings: PackedStrings;

  constructor(strings: readonly unknown[]) {
    this.checker = new PackedEntryCheck(strings);
    this.strings = new PackedStrings(strings as readonly string[]);
  }

  unpack(uri: string, p: unknown): DocumentEntry {
    this.checker.check(uri, p);
    return entryView(uri, this.strings, flatEntry(p));
  }
}

/** The strings packed entries index, with the meeting descriptions (JSON) parsed once each. */
export class PackedStrings {
  private readonly descriptions = new Map<number, MeetingDescription>();

  constructor(readonly strings: readonly string[]) {}

  description(i: number): MeetingDescription {
    let d = this.descriptions.get(i);
    if (!d) this.descriptions.set(i, (d = JSON.parse(this.strings[i]) as MeetingDescription));
    return d;
  }
}

/*
 * An entry as the index holds it: one Int32Array, the packed form laid flat (`flatEntry`).
 *   0-2    target
 *   3      number present (0 or 1), 4-8 its text, base, line, start, end
 *   9      date (-1: none)
 *   10     meeting present (0 or 1), 11-16 its fields as `PackedEntry` lays them out
 *   17-20  lengths of sections, mentions, references, meeting references
 *   21-    those four, one after another, as `PackedEntry` lays them out
 */
const NUMBER = 3;
const DATE = 9;
const MEETING = 10;
const LENGTHS = 17;
const FIELDS = 21;

/** A checked packed entry laid flat, as `PackedDocumentEntry` reads it (and an indexing worker sends it). */
export function flatEntry([target, sections, mentions, references, meetingRefs, number, date, meeting]: PackedEntry): Int32Array {
  const out = new Int32Array(FIELDS + sections.length + mentions.length + references.length + meetingRefs.length);
  out.set(target, 0);
  if (number !== 0) {
    out[NUMBER] = 1;
    out.set(number, NUMBER + 1);
  }
  out[DATE] = date;
  if (meeting !== 0) {
    out[MEETING] = 1;
    out.set(meeting, MEETING + 1);
  }
  let at = FIELDS;
  [sections, mentions, references, meetingRefs].forEach((a, k) => {
    out[LENGTHS + k] = a.length;
    out.set(a, at);
    at += a.length;
  });
  return out;
}

/** The entry of `uri` held in its flat packed form (`flatEntry`) against `strings`. */
export function entryView(uri: string, strings: PackedStrings, flat: Int32Array): DocumentEntry {
  return new PackedDocumentEntry(uri, strings, flat);
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A `DocumentEntry` read from its packed form: the few small fields made once, the headings,
 * mentions and references made anew at each read and let go (held as objects, the entries of
 * 10,000 documents took several times the memory, and a warm start the time to make them).
 * Callers see plain read-only data; only the helpers of documentEntry.ts know the fast paths.
 */
export class PackedDocumentEntry implements DocumentEntry {
  readonly uri: string;
  readonly target: Span;
  declare readonly number?: DocumentEntry['number'];
  declare readonly date?: string;
  declare readonly meeting?: MeetingEntry;
  readonly #strings: PackedStrings;
  readonly #data: Int32Array;

  constructor(uri: string, strings: PackedStrings, data: Int32Array) {
    this.uri = uri;
    this.#strings = strings;
    this.#data = data;
    this.target = [data[0], data[1], data[2]];
    const s = strings.strings;
    const self = this as Writable<PackedDocumentEntry>;
    if (data[NUMBER]) self.number = { text: s[data[NUMBER + 1]], base: s[data[NUMBER + 2]], span: [data[NUMBER + 3], data[NUMBER + 4], data[NUMBER + 5]] };
    if (data[DATE] >= 0) self.date = s[data[DATE]];
    if (data[MEETING]) self.meeting = meetingOf(data.subarray(MEETING + 1, MEETING + 7), s);
  }

  /** Where field `k` (0 sections, 1 mentions, 2 references, 3 meeting references) starts in the data, and where it ends. */
  #field(k: number): [number, number] {
    const d = this.#data;
    let start = FIELDS;
    for (let i = 0; i < k; i++) start += d[LENGTHS + i];
    return [start, start + d[LENGTHS + k]];
  }

  get sections(): SectionEntry[] {
    const [start, end] = this.#field(0);
    const d = this.#data;
    const out: SectionEntry[] = [];
    for (let i = start; i < end; ) {
      const heading = this.#heading(i);
      const count = d[i + 7];
      i += 8;
      const items: HeadingEntry[] = [];
      for (let k = 0; k < count; k++, i += 7) items.push(this.#heading(i));
      out.push({ ...heading, items });
    }
    return out;
  }

  /** The title of every section and item heading, in text order, without the headings' objects. */
  headingTitles(): string[] {
    const d = this.#data;
    const s = this.#strings.strings;
    return this.#eachHeading((i) => s[d[i + 1]]);
  }

  /** The text of every section and item heading, in text order, without the headings' objects. */
  headingTexts(): string[] {
    const d = this.#data;
    const s = this.#strings.strings;
    return this.#eachHeading((i) => (d[i + 2] >= 0 ? s[d[i + 2]] + s[d[i + 1]] : s[~d[i + 2]]));
  }

  /** `read` at the offset of every section and item heading, in text order (a section's record is 8 wide: its item count; an item's 7). */
  #eachHeading(read: (offset: number) => string): string[] {
    const [start, end] = this.#field(0);
    const d = this.#data;
    const out: string[] = [];
    for (let i = start; i < end; ) {
      const count = d[i + 7];
      for (let h = 0; h <= count; h++) {
        out.push(read(i));
        i += h === 0 ? 8 : 7;
      }
    }
    return out;
  }

  #heading(i: number): HeadingEntry {
    const d = this.#data;
    const s = this.#strings.strings;
    const title = s[d[i + 1]];
    const text = d[i + 2] >= 0 ? s[d[i + 2]] + title : s[~d[i + 2]];
    return { label: s[d[i]], title, text, span: [d[i + 3], d[i + 4], d[i + 5]], endLine: d[i + 6] };
  }

  get mentions(): MentionGroup[] {
    const [start, end] = this.#field(1);
    const d = this.#data;
    const out: MentionGroup[] = [];
    for (let i = start; i < end; ) {
      const stop = i + 2 + d[i + 1] * 3;
      out.push({ id: this.#strings.strings[d[i]], spans: Array.from(d.subarray(i + 2, stop)) });
      i = stop;
    }
    return out;
  }

  /** The ids of the catalogue entries mentioned, without their spans. */
  mentionIds(): string[] {
    const [start, end] = this.#field(1);
    const d = this.#data;
    const out: string[] = [];
    for (let i = start; i < end; i += 2 + d[i + 1] * 3) out.push(this.#strings.strings[d[i]]);
    return out;
  }

  /** The ids of the catalogue entries mentioned, each with how many times. */
  mentionCounts(): [string, number][] {
    const [start, end] = this.#field(1);
    const d = this.#data;
    const out: [string, number][] = [];
    for (let i = start; i < end; i += 2 + d[i + 1] * 3) out.push([this.#strings.strings[d[i]], d[i + 1]]);
    return out;
  }

  /** Each group of mentions of one of `ids`: its [line, start, end] triples. */
  mentionSpans(ids: ReadonlySet<string>): Int32Array[] {
    const [start, end] = this.#field(1);
    const d = this.#data;
    const out: Int32Array[] = [];
    for (let i = start; i < end; ) {
      const stop = i + 2 + d[i + 1] * 3;
      if (ids.has(this.#strings.strings[d[i]])) out.push(d.subarray(i + 2, stop));
      i = stop;
    }
    return out;
  }

  get references(): NumberRefEntry[] {
    const [start, end] = this.#field(2);
    const d = this.#data;
    const s = this.#strings.strings;
    const out: NumberRefEntry[] = [];
    for (let i = start; i < end; i += 7) {
      const r = { series: s[d[i]] as NumberRefEntry['series'], text: s[d[i + 1]], base: s[d[i + 2]], span: [d[i + 3], d[i + 4], d[i + 5]] as Span };
      out.push(d[i + 6] ? { ...r, previous: true } : r);
    }
    return out;
  }

  /** The base numbers of the references of one series, without the references' objects. */
  referenceBases(series: string): string[] {
    const [start, end] = this.#field(2);
    const d = this.#data;
    const s = this.#strings.strings;
    const out: string[] = [];
    for (let i = start; i < end; i += 7) if (s[d[i]] === series) out.push(s[d[i + 2]]);
    return out;
  }

  get meetingRefs(): MeetingRefEntry[] {
    const [start, end] = this.#field(3);
    const d = this.#data;
    const out: MeetingRefEntry[] = [];
    for (let i = start; i < end; i += 4) out.push({ ...this.#strings.description(d[i]), span: [d[i + 1], d[i + 2], d[i + 3]] });
    return out;
  }

  /** The entry as plain data (what JSON.stringify writes). */
  toJSON(): DocumentEntry {
    const e: Writable<DocumentEntry> = { uri: this.uri, target: this.target, sections: this.sections, mentions: this.mentions, references: this.references, meetingRefs: this.meetingRefs };
    if (this.number) e.number = this.number;
    if (this.date !== undefined) e.date = this.date;
    if (this.meeting) e.meeting = this.meeting;
    return e;
  }

  /** As `packEntry` packs the plain entry, its strings taken in the same order, without making the entry's objects. */
  repack(table: StringTable): PackedEntry {
    const d = this.#data;
    const s = this.#strings.strings;
    const of = (i: number) => table.of(s[d[i]]);
    const copy = (k: number) => Array.from(d.subarray(...this.#field(k)));
    const number: number[] | 0 = d[NUMBER] ? [of(NUMBER + 1), of(NUMBER + 2), d[NUMBER + 3], d[NUMBER + 4], d[NUMBER + 5]] : 0;
    const sections = copy(0);
    for (let i = 0, base = this.#field(0)[0]; i < sections.length; ) {
      const items = sections[i + 7];
      for (let h = 0; h <= items; h++) {
        // `packHeadingFields`' order: the text (its prefix, or ~ the whole text), then label and title.
        const t = d[base + i + 2];
        sections[i + 2] = t >= 0 ? table.of(s[t]) : ~table.of(s[~t]);
        sections[i] = of(base + i);
        sections[i + 1] = of(base + i + 1);
        i += h === 0 ? 8 : 7;
      }
    }
    const mentions = copy(1);
    for (let i = 0, base = this.#field(1)[0]; i < mentions.length; i += 2 + mentions[i + 1] * 3) mentions[i] = of(base + i);
    const references = copy(2);
    for (let i = 0, base = this.#field(2)[0]; i < references.length; i += 7) for (let k = 0; k < 3; k++) references[i + k] = of(base + i + k);
    const meetingRefs = copy(3);
    for (let i = 0, base = this.#field(3)[0]; i < meetingRefs.length; i += 4) meetingRefs[i] = of(base + i);
    const date = d[DATE] >= 0 ? of(DATE) : -1;
    const meeting: number[] | 0 = d[MEETING] ? [d[MEETING + 1], ...[2, 3, 4, 5, 6].map((k) => (d[MEETING + k] >= 0 ? of(MEETING + k) : -1))] : 0;
    return [[d[0], d[1], d[2]], sections, mentions, references, meetingRefs, number, date, meeting];
  }
}

function meetingOf([informal, series, level, place, start, end]: Int32Array, s: readonly string[]): MeetingEntry {
  const m: Writable<MeetingEntry> = { informal: informal === 1 };
  if (series >= 0) m.series = s[series];
  if (level >= 0) m.level = s[level] as MeetingLevel;
  if (place >= 0) m.place = s[place];
  if (start >= 0) m.start = s[start];
  if (end >= 0) m.end = s[end];
  return m;
}
