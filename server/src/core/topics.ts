import type { Catalogue } from './catalogue/catalogue';
import type { OutcomeDocument, Section } from './document/model';
import { lineRange, type Range } from './text/range';

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

/** The first line of the document's text: after the title, else where the addressing block starts. */
function textStart(doc: OutcomeDocument): number {
  return doc.title ? doc.title.range.end.line + 1 : doc.addressing[0]?.range.start.line ?? 0;
}

/** The lines of the document's page footers. */
export function footerLines(doc: OutcomeDocument): Set<number> {
  return new Set(doc.footers.map((r) => r.start.line));
}

/** Every line of the document's text (not the header, not page footers). */
function* textLines(doc: OutcomeDocument): Iterable<number> {
  const footers = footerLines(doc);
  for (let l = textStart(doc); l < doc.lines.length; l++) if (!footers.has(l)) yield l;
}

/**
 * Mentions of every catalogue entry in the document's text, grouped by entry: for each, its
 * [line, start, end] triples one after another. The workspace index's raw material, built
 * without a Range object per mention (10,000 documents hold hundreds of thousands). `nouns`
 * receives where the `MEETING_NOUNS` stand in that text (see `Catalogue.findMentionsInLines`).
 */
export function entryMentionSpans(doc: OutcomeDocument, catalogue: Catalogue, nouns?: number[]): Map<string, number[]> {
  const byId = new Map<string, number[]>();
  const from = textStart(doc);
  const footers = footerLines(doc);
  const { lineStarts } = doc;
  if (from >= lineStarts.length) return byId;
  // One pass over the text after the header; mentions come sorted, so the line only ever moves forward.
  let l = from;
  for (const m of catalogue.findMentionsInLines(doc.cleanText, lineStarts[from], nouns)) {
    while (l + 1 < lineStarts.length && lineStarts[l + 1] <= m.start) l++;
    if (footers.has(l)) continue;
    let spans = byId.get(m.id);
    if (!spans) byId.set(m.id, (spans = []));
    spans.push(l, m.start - lineStarts[l], m.end - lineStarts[l]);
  }
  return byId;
}

export function findTopicMentions(doc: OutcomeDocument, catalogue: Catalogue, topic: Topic): TopicMention[] {
  const out: TopicMention[] = [];
  for (const l of textLines(doc)) {
    const line = doc.lines[l];
    const spans: [number, number][] = [];
    if (topic.kind === 'entry') {
      for (const m of catalogue.findMentions(line)) if (topic.ids.has(m.id)) spans.push([m.start, m.end]);
    } else {
      topic.pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = topic.pattern.exec(line))) spans.push([m.index, m.index + m[0].length]);
    }
    for (const [s, e] of spans) out.push({ range: lineRange(l, s, e), ...sentenceAround(line, s, e), section: sectionAt(doc.sections, l)?.heading.text });
  }
  return out;
}

export function sectionAt(sections: Section[], line: number): Section | undefined {
  return sections.find((s) => s.range.start.line <= line && line <= s.range.end.line);
}

/** The sentence holding [start, end): from the previous full stop to the next one. */
export function sentenceAround(line: string, start: number, end: number): { text: string; at: [number, number] } {
  let s = start;
  while (s > 0 && !/[.!?]\s/.test(line.slice(s - 2, s))) s--;
  let e = end;
  while (e < line.length && !/[.!?](?:\s|$)/.test(line.slice(e, e + 2))) e++;
  const text = line.slice(s, Math.min(line.length, e + 1)).replace(/\s+/g, ' ').trim();
  // The mention's place in the sentence as written out: runs of spaces before it count as one.
  const from = line.slice(s, start).replace(/\s+/g, ' ').trimStart().length;
  return { text, at: [from, Math.min(text.length, from + line.slice(start, end).replace(/\s+/g, ' ').length)] };
}
