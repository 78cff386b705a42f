import type { MeetingLevel } from '../document/model';
import type { DocumentEntry, HeadingEntry, MeetingEntry, MentionGroup, MeetingRefEntry, NumberRefEntry, SectionEntry, Span } from './documentEntry';
import type { MeetingDescription } from './meetingRef';

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
 * Writes `e` packed, for the saved index (a document's tree is packed by `packDocument`). A
 * field of a lazily unpacked entry that was never read is copied from its packed form, its
 * strings moved to `table`: saving the index does not build every heading and mention first.
 */
export function packEntry(e: Omit<DocumentEntry, 'uri'>, table: StringTable): PackedEntry {
  const lazy = (e as Partial<LazyEntry>)[PACKED];
  const sections = lazy?.sections ? lazy.unpacker.repack('sections', lazy.sections, table) : packSections(e.sections, table);
  const mentions = lazy?.mentions ? lazy.unpacker.repack('mentions', lazy.mentions, table) : packMentions(e.mentions.map((g) => [g.id, g.spans] as const), table);
  const references = lazy?.references ? lazy.unpacker.repack('references', lazy.references, table) : packReferences(e.references, table);
  const meetingRefs = lazy?.meetingRefs ? lazy.unpacker.repack('meetingRefs', lazy.meetingRefs, table) : packMeetingRefs(e.meetingRefs, table);
  const n = e.number;
  const number: number[] | 0 = n ? [table.of(n.text), table.of(n.base), n.span[0], n.span[1], n.span[2]] : 0;
  return [[e.target[0], e.target[1], e.target[2]], sections, mentions, references, meetingRefs, number, e.date === undefined ? -1 : table.of(e.date), e.meeting ? packMeeting(e.meeting, table) : 0];
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

/** The fields unpacked on first read: a warm start touches none of them (see `EntryUnpacker.unpack`). */
export type LazyField = 'sections' | 'mentions' | 'references' | 'meetingRefs';

/** Where a lazily unpacked entry keeps its packed form (not enumerable: invisible to comparisons and JSON). */
const PACKED = Symbol('packed');

/** The packed fields not read yet: each is dropped once unpacked. */
type Packed = { unpacker: EntryUnpacker } & Partial<Record<LazyField, number[]>>;

type LazyEntry = DocumentEntry & { [PACKED]: Packed };

/**
 * A large field of `e`, unpacked for this read only when it was never read before. Passes over
 * every document (building the lookups, gathering a topic's references, earlier meetings for a
 * code lens) read through here: read through the entry, they left every heading and mention
 * group of the workspace built and kept (measured on 10,000 documents: about 60 MB of the
 * server's heap). Requests about one document read the entry itself, which keeps what it built.
 */
export function readField<K extends LazyField>(e: DocumentEntry, key: K): DocumentEntry[K] {
  const packed = packedWith(e, key);
  return packed ? (packed.unpacker.field(key, packed[key]!) as DocumentEntry[K]) : e[key];
}

/** The ids of the catalogue entries `e` mentions (read from its packed form while that is unread). */
export function mentionIdsOf(e: DocumentEntry): string[] {
  const packed = packedWith(e, 'mentions');
  return packed ? packed.unpacker.mentionIds(packed.mentions!) : e.mentions.map((g) => g.id);
}

/** The [line, start, end] triples of `e`'s mentions of each of `ids`, a list per entry mentioned (read as `mentionIdsOf` reads). */
export function mentionSpansOf(e: DocumentEntry, ids: ReadonlySet<string>): (readonly number[])[] {
  const packed = packedWith(e, 'mentions');
  return packed ? packed.unpacker.mentionSpans(packed.mentions!, ids) : e.mentions.filter((g) => ids.has(g.id)).map((g) => g.spans);
}

/** What `e` keeps packed, while its field `key` was never read through the entry. */
function packedWith(e: DocumentEntry, key: LazyField): Packed | undefined {
  const packed = (e as Partial<LazyEntry>)[PACKED];
  return packed?.[key] === undefined ? undefined : packed;
}

/** Reads packed entries back; descriptions kept as JSON are parsed once per distinct string. */
export class EntryUnpacker {
  private readonly parsed = new Map<number, object>();

  constructor(private readonly strings: readonly string[]) {}

  /**
   * The entry, with its four large fields unpacked on first read: building every heading and
   * mention group of 10,000 documents would take longer than reading the snapshot. The
   * accessors are shared by every entry (one object shape) and replaced by the plain value
   * once read.
   */
  unpack(uri: string, p: PackedEntry): DocumentEntry {
    const [target, sections, mentions, references, meetingRefs, number, date, meeting] = p;
    const e = { uri, target } as LazyEntry;
    const packed: Packed = { unpacker: this, sections, mentions, references, meetingRefs };
    Object.defineProperty(e, PACKED, { value: packed });
    Object.defineProperties(e, LAZY_FIELDS);
    if (number !== 0) e.number = { text: this.strings[number[0]], base: this.strings[number[1]], span: [number[2], number[3], number[4]] };
    if (date >= 0) e.date = this.strings[date];
    if (meeting !== 0) e.meeting = this.meeting(meeting);
    return e;
  }

  /** A large field still packed, its strings moved from this unpacker's table to `table` (the layouts are `PackedEntry`'s). */
  repack(key: LazyField, a: readonly number[], table: StringTable): number[] {
    const out = a.slice();
    const move = (i: number) => (out[i] = table.of(this.strings[a[i]]));
    switch (key) {
      case 'sections':
        for (let i = 0; i < a.length; ) {
          const items = a[i + 7];
          for (let h = 0; h <= items; h++) {
            // In `packHeading`'s order (a snapshot saved again is the same text): the text (the
            // index of its prefix, or ~ that of the whole text), then label and title.
            out[i + 2] = a[i + 2] >= 0 ? table.of(this.strings[a[i + 2]]) : ~table.of(this.strings[~a[i + 2]]);
            move(i);
            move(i + 1);
            i += h === 0 ? 8 : 7;
          }
        }
        break;
      case 'mentions':
        for (let i = 0; i < a.length; i += 2 + a[i + 1] * 3) move(i);
        break;
      case 'references':
        for (let i = 0; i < a.length; i += 7) for (let k = 0; k < 3; k++) move(i + k);
        break;
      case 'meetingRefs':
        for (let i = 0; i < a.length; i += 4) move(i);
        break;
    }
    return out;
  }

  /** One large field of a packed entry, as `DocumentEntry` holds it. */
  field(key: LazyField, a: number[]): DocumentEntry[LazyField] {
    switch (key) {
      case 'sections':
        return this.sections(a);
      case 'mentions':
        return this.mentions(a);
      case 'references':
        return this.references(a);
      case 'meetingRefs':
        return this.meetingRefs(a);
    }
  }

  private meeting(a: number[]): MeetingEntry {
    const [informal, series, level, place, start, end] = a;
    const m: MeetingEntry = { informal: informal === 1 };
    if (series >= 0) m.series = this.strings[series];
    if (level >= 0) m.level = this.strings[level] as MeetingLevel;
    if (place >= 0) m.place = this.strings[place];
    if (start >= 0) m.start = this.strings[start];
    if (end >= 0) m.end = this.strings[end];
    return m;
  }

  private sections(a: number[]): SectionEntry[] {
    const out: SectionEntry[] = [];
    let i = 0;
    while (i < a.length) {
      const section: SectionEntry = { ...this.heading(a, i), items: [] };
      const count = a[i + 7];
      i += 8;
      for (let k = 0; k < count; k++, i += 7) section.items.push(this.heading(a, i));
      out.push(section);
    }
    return out;
  }

  private heading(a: number[], i: number): HeadingEntry {
    const title = this.strings[a[i + 1]];
    const text = a[i + 2] >= 0 ? this.strings[a[i + 2]] + title : this.strings[~a[i + 2]];
    return { label: this.strings[a[i]], title, text, span: [a[i + 3], a[i + 4], a[i + 5]], endLine: a[i + 6] };
  }

  /** The entry ids of packed mentions. */
  mentionIds(a: readonly number[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < a.length; i += 2 + a[i + 1] * 3) out.push(this.strings[a[i]]);
    return out;
  }

  /** The spans of packed mentions of each of `ids`, without the groups of the others. */
  mentionSpans(a: readonly number[], ids: ReadonlySet<string>): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < a.length; ) {
      const end = i + 2 + a[i + 1] * 3;
      if (ids.has(this.strings[a[i]])) out.push(a.slice(i + 2, end));
      i = end;
    }
    return out;
  }

  private mentions(a: number[]): MentionGroup[] {
    const out: MentionGroup[] = [];
    for (let i = 0; i < a.length; ) {
      const end = i + 2 + a[i + 1] * 3;
      out.push({ id: this.strings[a[i]], spans: a.slice(i + 2, end) });
      i = end;
    }
    return out;
  }

  private references(a: number[]): NumberRefEntry[] {
    const out: NumberRefEntry[] = [];
    for (let i = 0; i < a.length; i += 7) {
      const r: NumberRefEntry = { series: this.strings[a[i]] as NumberRefEntry['series'], text: this.strings[a[i + 1]], base: this.strings[a[i + 2]], span: [a[i + 3], a[i + 4], a[i + 5]] };
      if (a[i + 6]) r.previous = true;
      out.push(r);
    }
    return out;
  }

  private meetingRefs(a: number[]): MeetingRefEntry[] {
    const out: MeetingRefEntry[] = [];
    for (let i = 0; i < a.length; i += 4) out.push({ ...(this.json(a[i]) as Omit<MeetingRefEntry, 'span'>), span: [a[i + 1], a[i + 2], a[i + 3]] });
    return out;
  }

  private json(i: number): object {
    let v = this.parsed.get(i);
    if (!v) this.parsed.set(i, (v = JSON.parse(this.strings[i]) as object));
    return v;
  }
}

function lazyField(key: LazyField): PropertyDescriptor {
  const settle = (e: LazyEntry, value: unknown) => Object.defineProperty(e, key, { value, writable: true, enumerable: true, configurable: true });
  return {
    enumerable: true,
    configurable: true,
    get(this: LazyEntry) {
      const packed = this[PACKED];
      const value = packed.unpacker.field(key, packed[key] ?? []);
      packed[key] = undefined;
      settle(this, value);
      return value;
    },
    set(this: LazyEntry, value: unknown) {
      settle(this, value);
    },
  };
}

const LAZY_FIELDS: Record<LazyField, PropertyDescriptor> = {
  sections: lazyField('sections'),
  mentions: lazyField('mentions'),
  references: lazyField('references'),
  meetingRefs: lazyField('meetingRefs'),
};
