import type { Catalogue } from './catalogue/catalogue';
import type { OutcomeDocument, Section } from './document/model';
import { contains, lineRange, type Position, type Range } from './text/range';

/** What a drafter asks about: a catalogue entry, or free words when the catalogue has none. */
export type Topic = { kind: 'entry'; id: string; name: string; ids: ReadonlySet<string> } | { kind: 'words'; name: string; pattern: RegExp };

export interface TopicMention {
  range: Range;
  /** The sentence the mention stands in. */
  text: string;
  /** Where the mention stands in `text` (start and end offsets). */
  at: [number, number];
  /** The heading of the section it falls in ("Session 4: PNR issues"), if any. */
  section?: string;
}

/** Resolves "PNR", "Budapest Convention", "tftp" to a catalogue entry by name, alias or abbreviation. */
export function resolveTopic(catalogue: Catalogue, query: string): Topic {
  const q = query.trim().replace(/\s+/g, ' ');
  const whole = catalogue.findMentions(q).find((m) => m.start === 0 && m.end === q.length);
  const id = whole?.id ?? entryIdByName(catalogue, q);
  if (id) return { kind: 'entry', id, name: catalogue.entry(id)!.name, ids: relatedEntries(catalogue, id) };
  const escaped = escape(q).replace(/ /g, '\\s+');
  return { kind: 'words', name: q, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu') };
}

/**
 * A general topic (PNR) also covers the instruments named after it (the EU-US PNR Agreement,
 * the PNR Directive): entries one of whose names holds one of the topic's names as a word.
 */
function relatedEntries(catalogue: Catalogue, id: string): ReadonlySet<string> {
  const ids = new Set([id]);
  if (!catalogue.topics.some((t) => t.id === id)) return ids;
  const topic = catalogue.entry(id)!;
  const words = [...topic.abbreviations.map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'u')), ...[topic.name, ...topic.aliases].map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, 'iu'))];
  for (const e of [...catalogue.instruments, ...catalogue.bodies]) {
    if ([e.name, ...e.aliases, ...e.abbreviations].some((n) => words.some((w) => w.test(n)))) ids.add(e.id);
  }
  return ids;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any name, alias, abbreviation or id, without regard to case ("tftp", "umbrella-agreement"). */
function entryIdByName(catalogue: Catalogue, query: string): string | undefined {
  const q = query.toLowerCase();
  for (const e of [...catalogue.instruments, ...catalogue.topics, ...catalogue.bodies]) {
    if ([e.id, e.name, ...e.aliases, ...e.abbreviations].some((n) => n.toLowerCase() === q)) return e.id;
  }
  return undefined;
}

/**
 * Where the document's text starts: after the title, else where the addressing block starts. A
 * position, not a line: on a page run onto one line the title and the addressing share the
 * line with the body, whose mentions count.
 */
function textStart(doc: OutcomeDocument): Position {
  return doc.title?.range.end ?? doc.addressing[0]?.range.start ?? { line: 0, character: 0 };
}

/**
 * Whether a position lies in a page footer. By range, not by line: a footer cut out of a
 * flattened line stands on the same line as the body around it.
 */
function inFooter(doc: OutcomeDocument): (line: number, character: number) => boolean {
  const byLine = new Map<number, Range[]>();
  for (const r of doc.footers) byLine.set(r.start.line, [...(byLine.get(r.start.line) ?? []), r]);
  return (line, character) => byLine.get(line)?.some((r) => contains(r, { line, character })) ?? false;
}

/** Every line of the document's text (not the header), with the column it starts at there. */
function* textLines(doc: OutcomeDocument): Iterable<[number, number]> {
  const start = textStart(doc);
  for (let l = start.line; l < doc.lines.length; l++) yield [l, l === start.line ? start.character : 0];
}

/**
 * Mentions of every catalogue entry in the document's text, grouped by entry: for each, its
 * [line, start, end] triples one after another. The workspace index's raw material, built
 * without a Range object per mention (10,000 documents hold hundreds of thousands). `nouns`
 * receives where the `MEETING_NOUNS` stand in that text (see `Catalogue.findMentionsInLines`).
 */
export function entryMentionSpans(doc: OutcomeDocument, catalogue: Catalogue, nouns?: number[]): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  const start = textStart(doc);
  const footer = inFooter(doc);
  const { lineStarts } = doc;
  if (start.line >= lineStarts.length) return byId;
  // One pass over the text after the header; mentions come sorted, so the line only ever moves forward.
  let l = start.line;
  for (const m of catalogue.findMentionsInLines(doc.cleanText, lineStarts[l] + start.character, nouns)) {
    while (l + 1 < lineStarts.length && lineStarts[l + 1] <= m.start) l++;
    if (footer(l, m.start - lineStarts[l])) continue;
    let spans = byId.get(m.id);
    if (!spans) byId.set(m.id, (spans = []));
    spans.push(l, m.start - lineStarts[l], m.end - lineStarts[l]);
  }
  return byId;
}

/**
 * The mentions of the entries `ids` in the document's text, as `entryMentionSpans` finds them
 * (no name runs over a line break, so each line is scanned on its own), in text order as
 * [line, start, end] triples. With `mayHold`, an expression that matches in every line holding
 * a mention of the entries, only the lines where it matches are scanned: one search over the
 * text, which goes on from the next line at each match (a match that runs over a line break
 * only adds its first line to scan).
 */
export function topicMentionSpans(doc: OutcomeDocument, catalogue: Catalogue, ids: ReadonlySet<string>, mayHold?: RegExp): number[] {
  const out: number[] = [];
  const start = textStart(doc);
  const footer = inFooter(doc);
  const { lineStarts, cleanText } = doc;
  const scan = (l: number) => {
    const line = cleanText.slice(lineStarts[l], l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : cleanText.length);
    for (const m of catalogue.findMentionsInLines(line, l === start.line ? start.character : 0)) {
      if (ids.has(m.id) && !footer(l, m.start)) out.push(l, m.start, m.end);
    }
  };
  if (!mayHold) {
    for (let l = start.line; l < lineStarts.length; l++) scan(l);
    return out;
  }
  if (start.line >= lineStarts.length) return out;
  const search = new RegExp(mayHold.source, mayHold.flags.replace('g', '').replace('y', '') + 'g');
  search.lastIndex = lineStarts[start.line];
  let l = start.line;
  for (let m = search.exec(cleanText); m; m = search.exec(cleanText)) {
    while (l + 1 < lineStarts.length && lineStarts[l + 1] <= m.index) l++;
    scan(l);
    if (l + 1 >= lineStarts.length) break;
    search.lastIndex = lineStarts[l + 1];
  }
  return out;
}

export function findTopicMentions(doc: OutcomeDocument, catalogue: Catalogue, topic: Topic): TopicMention[] {
  const out: TopicMention[] = [];
  const footer = inFooter(doc);
  for (const [l, from] of textLines(doc)) {
    const line = doc.lines[l];
    const spans: [number, number][] = [];
    if (topic.kind === 'entry') {
      for (const m of catalogue.findMentions(line)) if (topic.ids.has(m.id)) spans.push([m.start, m.end]);
    } else {
      topic.pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = topic.pattern.exec(line))) spans.push([m.index, m.index + m[0].length]);
    }
    for (const [s, e] of spans) if (s >= from && !footer(l, s)) out.push({ range: lineRange(l, s, e), ...sentenceAround(line, s, e), section: sectionAt(doc.sections, { line: l, character: s })?.heading.text });
  }
  return out;
}

/** The section holding a position (on a flattened line, several sections share the line). */
export function sectionAt(sections: Section[], at: Position): Section | undefined {
  return sections.find((s) => contains(s.range, at));
}

function isSentenceMark(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/** What `\s` matches, told by the character's code (a test by expression per character cost more than the rest of the scan). */
function isSpace(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The sentence holding [start, end): from the previous full stop to the next one. */
export function sentenceAround(line: string, start: number, end: number): { text: string; at: [number, number] } {
  // Back to just after ". " (a mark, then a space), forward to a mark that a space or the line's
  // end follows, or to the character before a mark.
  let s = start;
  while (s > 1 && !(isSentenceMark(line, s - 2) && isSpace(line, s - 1))) s--;
  if (s === 1) s = 0;
  let e = end;
  while (e < line.length && !((isSentenceMark(line, e) && (e + 1 === line.length || isSpace(line, e + 1))) || (e + 1 < line.length && isSentenceMark(line, e + 1)))) e++;
  const text = line.slice(s, Math.min(line.length, e + 1)).replace(/\s+/g, ' ').trim();
  // The mention's place in the sentence as written out: runs of spaces before it count as one.
  const from = line.slice(s, start).replace(/\s+/g, ' ').trimStart().length;
  return { text, at: [from, Math.min(text.length, from + line.slice(start, end).replace(/\s+/g, ' ').length)] };
}
