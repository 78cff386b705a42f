import type { Catalogue } from '../catalogue/catalogue';
import type { Body, Instrument, Presidency } from '../catalogue/schema';
import type { AddressingLabel, Heading, Item, OutcomeDocument, Section } from '../document/model';
import { letterMark } from '../document/body';
import { toRoman } from '../document/romanNumerals';
import { escapeMarkdown as md } from '../text/markdown';
import { lineRange, type Position, type Range } from '../text/range';
import { entryMarkdown, presidencyRole, rotaDate, semester } from './describe';

/** What a completion offers, in domain terms; the LSP edge picks kinds and formats. */
export type CompletionKind = 'subject-code' | 'marking' | 'language' | 'addressing-label' | 'heading' | 'instrument' | 'topic' | 'body' | 'presidency';

export interface CompletionCandidate {
  kind: CompletionKind;
  label: string;
  /** Replaces `range` (the text typed so far). */
  insertText: string;
  range: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What the client filters the typed text against, when not the label (an alias that matched). */
  filterText?: string;
  sortText?: string;
}

export interface Completions {
  items: CompletionCandidate[];
  /** More matched than were returned: the client asks again as the drafter types on. */
  incomplete: boolean;
}

/** At most this many catalogue entries per answer: the client filters further as typing goes on. */
const MAX_CATALOGUE_ITEMS = 50;
/** A name typed over several words ("Budapest Conv") is looked for over at most this many. */
const MAX_TYPED_WORDS = 4;

const LABELS: { label: AddressingLabel; text: string; detail: string }[] = [
  { label: 'from', text: 'From:', detail: 'who issues the outcome, usually the General Secretariat of the Council' },
  { label: 'to', text: 'To:', detail: 'the addressees, usually Delegations' },
  { label: 'prev-doc', text: 'No. prev. doc.:', detail: 'earlier Council documents, e.g. 10084/17' },
  { label: 'subject', text: 'Subject:', detail: 'the meeting: series, level, place and dates' },
  { label: 'summary', text: 'Summary:', detail: 'a short summary of the outcome' },
  { label: 'of', text: 'Of:', detail: 'the body whose meeting it was (older form, in place of From:)' },
  { label: 'on', text: 'On:', detail: 'the meeting date, when the subject does not give it' },
];

/** Everything worth offering at `position` (core coordinates) of an analysed document. */
export function completionsAt(doc: OutcomeDocument, catalogue: Catalogue, position: Position): Completions {
  const line = doc.lines[position.line];
  if (line === undefined) return { items: [], incomplete: false };
  const before = line.slice(0, position.character);
  const items: CompletionCandidate[] = [];
  let incomplete = false;

  const language = /\(OR\.\s*([A-Za-z]*)$/.exec(before);
  if (language && inHeader(doc, position.line)) {
    const range = lineRange(position.line, position.character - language[1].length, position.character);
    return { items: catalogue.languages.map((l) => ({ kind: 'language', label: l.code, insertText: l.code, range, detail: l.name })), incomplete: false };
  }

  // The word typed at the start of the line, if the cursor is still in it.
  const lineStart = /^\s*([\p{L}\p{N}/]*)$/u.exec(before);
  if (lineStart) {
    const typed = lineStart[1];
    const range = lineRange(position.line, position.character - typed.length, position.character);
    if (inCodeBlock(doc, position.line)) return codeBlockItems(doc, catalogue, position.line, typed, range);
    if (inAddressing(doc, position.line)) items.push(...labelItems(doc, range));
    if (inBody(doc, position.line)) items.push(...headingItems(doc, position.line, range));
  }

  if (!inHeader(doc, position.line)) {
    const found = catalogueItems(doc, catalogue, position, before);
    items.push(...found.items);
    incomplete = found.incomplete;
  }
  return { items, incomplete };
}

// --- where the cursor is -------------------------------------------------------------------

function titleLine(doc: OutcomeDocument): number | undefined {
  return doc.title?.range.start.line;
}

/** Lines above the title (or above the addressing block when the title is missing). */
function inHeader(doc: OutcomeDocument, line: number): boolean {
  const end = titleLine(doc) ?? doc.addressing[0]?.range.start.line ?? doc.header.range.end.line + 1;
  return line < end;
}

/** Between the number (or marking, or partial-access line) and the title: where subject codes go. */
function inCodeBlock(doc: OutcomeDocument, line: number): boolean {
  const h = doc.header;
  const anchor = h.marking ?? h.partialAccess ?? h.number ?? h.malformedNumber;
  const firstCode = h.subjectCodes[0]?.lineRange.start.line;
  const start = Math.min(anchor ? anchor.range.end.line + 1 : Infinity, firstCode ?? Infinity);
  return start !== Infinity && line >= start && inHeader(doc, line);
}

function firstBodyLine(doc: OutcomeDocument): number {
  return Math.min(doc.sections[0]?.range.start.line ?? doc.lineCount, doc.preamble[0]?.range.start.line ?? doc.lineCount);
}

function inAddressing(doc: OutcomeDocument, line: number): boolean {
  const start = titleLine(doc) ?? doc.addressing[0]?.range.start.line;
  return start !== undefined && line > start && line <= firstBodyLine(doc);
}

/** Below the addressing block: where sections and items are written. */
function inBody(doc: OutcomeDocument, line: number): boolean {
  const last = doc.addressing[doc.addressing.length - 1];
  const start = last ? last.range.end.line + 1 : (titleLine(doc) ?? -1) + 1;
  return line >= start && !(doc.annex && line >= doc.annex.range.start.line);
}

// --- header ----------------------------------------------------------------------------------

function codeBlockItems(doc: OutcomeDocument, catalogue: Catalogue, line: number, typed: string, range: Range): Completions {
  const h = doc.header;
  const present = new Set(h.subjectCodes.filter((c) => c.lineRange.start.line !== line).map((c) => c.code));
  const wanted = typed.toUpperCase();
  const items: CompletionCandidate[] = catalogue.subjectCodes
    .filter((c) => !present.has(c.code) && c.code.startsWith(wanted))
    .map((c) => ({ kind: 'subject-code', label: c.code, insertText: c.code, range, detail: c.description }));
  // The marking slot comes before the first code.
  const firstCode = h.subjectCodes[0]?.lineRange.start.line;
  if (!h.marking && (firstCode === undefined || line <= firstCode)) {
    for (const m of catalogue.markings) {
      if (!m.marking.startsWith(wanted)) continue;
      items.push({ kind: 'marking', label: m.marking, insertText: m.marking, range, detail: m.classified ? 'classified marking' : 'distribution marking', documentation: md(m.description), sortText: `0${m.level}` });
    }
  }
  return { items, incomplete: false };
}

// --- addressing ------------------------------------------------------------------------------

/** A label at the start of a line, also where the parser stopped reading the block (while it is being typed). */
const LABEL_LINE = /^\s*(from|of|on|to|no\.?\s*prev|no\.?\s*cion|subject|summary)\b[^:]{0,12}:/i;

function labelItems(doc: OutcomeDocument, range: Range): CompletionCandidate[] {
  const present = new Set<AddressingLabel>(doc.addressing.map((f) => f.label));
  const from = (titleLine(doc) ?? -1) + 1;
  for (let l = from; l < Math.min(doc.sections[0]?.range.start.line ?? doc.lineCount, from + 40); l++) {
    const m = LABEL_LINE.exec(doc.lines[l]);
    if (m) present.add(labelOf(m[1]));
  }
  // "From:" excludes "Of:" and the other way round: the two forms are alternatives.
  if (present.has('from')) present.add('of');
  if (present.has('of')) present.add('from');
  const separator = usesTab(doc) ? '\t' : ' ';
  return LABELS.filter((l) => !present.has(l.label)).map((l, i) => ({
    kind: 'addressing-label',
    label: l.text,
    insertText: `${l.text}${separator}`,
    range,
    detail: l.detail,
    sortText: `1${i}`,
  }));
}

function labelOf(written: string): AddressingLabel {
  const t = written.toLowerCase().replace(/[\s.]/g, '');
  return t.startsWith('noprev') ? 'prev-doc' : t.startsWith('nocion') ? 'cion-doc' : (t as AddressingLabel);
}

/** Whether the document puts a tab after its labels, as the Council's template does. */
function usesTab(doc: OutcomeDocument): boolean {
  const field = doc.addressing[0];
  if (!field) return true;
  return doc.lines[field.labelRange.end.line]?.charAt(field.labelRange.end.character) === '\t';
}

// --- body headings ---------------------------------------------------------------------------

function headingItems(doc: OutcomeDocument, line: number, range: Range): CompletionCandidate[] {
  const section = lastBefore(doc.sections, line);
  const items: CompletionCandidate[] = [];
  const sectionStyle = doc.sections[0]?.heading.style ?? 'number';
  const nextSection = (section?.heading.ordinal ?? 0) + 1;
  const sectionLabel = sectionStyle === 'session' ? `Session ${nextSection}: ` : sectionStyle === 'roman' ? `${toRoman(nextSection)}. ` : `${nextSection}. `;
  items.push({ kind: 'heading', label: sectionLabel.trim(), insertText: sectionLabel, range, detail: `next section (${nextSection})`, sortText: '00' });
  if (section) {
    const item = lastBefore(section.items, line);
    const label = nextItemLabel(doc, section, item);
    items.push({ kind: 'heading', label: label.trim(), insertText: label, range, detail: `next item of section ${section.heading.label}`, sortText: '01' });
  }
  return items;
}

/** The next item label in the section's own style, else the style the document's other items use. */
function nextItemLabel(doc: OutcomeDocument, section: Section, item: Item | undefined): string {
  const like = item?.heading ?? doc.sections.flatMap((s) => s.items)[0]?.heading;
  const ordinal = (item?.heading.ordinal ?? 0) + 1;
  if (!like) return section.heading.style === 'session' || section.heading.style === 'roman' ? `${ordinal}. ` : `${String.fromCharCode(96 + ordinal)}) `;
  return formatItemLabel(like, ordinal, section);
}

function formatItemLabel(like: Heading, ordinal: number, section: Section): string {
  if (like.style === 'letter') {
    const letter = String.fromCharCode(96 + Math.min(ordinal, 26));
    if (like.text.startsWith('(')) return `(${letter}) `;
    return `${letter}${letterMark(like)} `;
  }
  // "2.1" sub-numbers carry their section's number.
  return like.label.includes('.') ? `${section.heading.label}.${ordinal} ` : `${ordinal}. `;
}

function lastBefore<T extends { range: Range }>(list: T[], line: number): T | undefined {
  let found: T | undefined;
  for (const x of list) {
    if (x.range.start.line >= line) break;
    found = x;
  }
  return found;
}

// --- catalogue names -------------------------------------------------------------------------

interface Named {
  kind: 'instrument' | 'topic' | 'body';
  entry: Instrument | Body;
  /** Lower-case names, aliases and abbreviations. */
  names: { text: string; lower: string }[];
}

interface PreparedCatalogue {
  named: Named[];
  presidencies: { country: string; adjective: string; names: string[]; semesters: Presidency[] }[];
}

const prepared = new WeakMap<Catalogue, PreparedCatalogue>();

/** Lower-cased names, built once per catalogue so that a request only compares strings. */
function prepare(catalogue: Catalogue): PreparedCatalogue {
  let p = prepared.get(catalogue);
  if (p) return p;
  const names = (e: Instrument | Body) => [e.name, ...e.aliases, ...e.abbreviations].map((text) => ({ text, lower: text.toLowerCase() }));
  const countries = new Map<string, PreparedCatalogue['presidencies'][number]>();
  for (const s of catalogue.presidencies) {
    const c = countries.get(s.country) ?? { country: s.country, adjective: s.adjectives[0] ?? s.country, names: [], semesters: [] };
    c.names = [...new Set([...c.names, ...[s.country, ...s.aliases, ...s.adjectives].map((n) => n.toLowerCase())])];
    c.semesters.push(s);
    countries.set(s.country, c);
  }
  p = {
    named: [
      ...catalogue.instruments.map((entry) => ({ kind: 'instrument' as const, entry, names: names(entry) })),
      ...catalogue.topics.map((entry) => ({ kind: 'topic' as const, entry, names: names(entry) })),
      ...catalogue.bodies.map((entry) => ({ kind: 'body' as const, entry, names: names(entry) })),
    ],
    presidencies: [...countries.values()],
  };
  prepared.set(catalogue, p);
  return p;
}

/** The last 1…MAX_TYPED_WORDS words before the cursor, longest first, with where each starts. */
function typedPhrases(before: string): { text: string; start: number }[] {
  const last = wordEndingAt(before, before.length);
  if (last === undefined) return [];
  let start: number = last;
  const phrases = [{ text: before.slice(start).toLowerCase(), start }];
  for (let k = 1; k < MAX_TYPED_WORDS; k++) {
    let end = start;
    while (end > 0 && (before.charCodeAt(end - 1) === 32 || before.charCodeAt(end - 1) === 9)) end--;
    const word = end < start ? wordEndingAt(before, end) : undefined;
    if (word === undefined) break;
    start = word;
    phrases.unshift({ text: before.slice(start).replace(/\s+/g, ' ').toLowerCase(), start });
  }
  return phrases;
}

const WORD_CHAR = /^[\p{L}\p{N}'’-]$/u;
const WORD_START = /^[\p{L}\p{N}]$/u;

/**
 * Where the word that ends at `end` starts (its first letter or digit; apostrophes and hyphens
 * may follow), or undefined. Read backwards from `end`, so a long word costs its length once.
 */
function wordEndingAt(text: string, end: number): number | undefined {
  let start = end;
  while (start > 0) {
    const c = text.codePointAt(start - 1)!;
    const pair = start > 1 && c >= 0xdc00 && c <= 0xdfff ? text.slice(start - 2, start) : '';
    const ch = pair && pair.codePointAt(0)! > 0xffff ? pair : text[start - 1];
    if (!WORD_CHAR.test(ch)) break;
    start -= ch.length;
  }
  for (let i = start; i < end; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (WORD_START.test(ch)) return i;
    i += ch.length;
  }
  return undefined;
}

/** How well `name` continues the typed phrase: 2 from its start, 1 from one of its words, 0 not. */
function matchScore(name: string, phrase: string): number {
  if (name.startsWith(phrase)) return 2;
  let i = name.indexOf(phrase, 1);
  while (i > 0) {
    if (/[\s\-/(]/.test(name[i - 1])) return 1;
    i = name.indexOf(phrase, i + 1);
  }
  return 0;
}

function catalogueItems(doc: OutcomeDocument, catalogue: Catalogue, position: Position, before: string): Completions {
  const phrases = typedPhrases(before);
  if (phrases.length === 0) return { items: [], incomplete: false };
  const { named, presidencies } = prepare(catalogue);
  const scored: { candidate: CompletionCandidate; rank: string }[] = [];

  for (const n of named) {
    const best = bestMatch(n.names, phrases);
    if (!best) continue;
    const range = lineRange(position.line, best.phrase.start, position.character);
    scored.push({
      rank: `${5 - best.words}${2 - best.score}${n.kind === 'body' ? 1 : 0}${n.entry.name.toLowerCase()}`,
      candidate: {
        kind: n.kind,
        label: n.entry.name,
        insertText: n.entry.name,
        range,
        filterText: best.name,
        detail: detailOf(n),
        documentation: entryMarkdown(n.entry),
      },
    });
  }

  const at = rotaDate(doc);
  const current = at ? catalogue.presidencyOn(at) : undefined;
  const incoming = current ? catalogue.presidencyAfter(current) : undefined;
  for (const p of presidencies) {
    const best = bestMatch(p.names.map((text) => ({ text, lower: text })), phrases);
    if (!best) continue;
    // The semester nearest the document's date stands for the country.
    const semesterShown = nearest(p.semesters, at);
    const role = semesterShown === current ? 0 : semesterShown === incoming ? 1 : 2;
    const label = `${p.adjective} Presidency`;
    scored.push({
      // The current and the incoming Presidency come first; the others rank as names do.
      rank: role < 2 ? `0${role}${label}` : `${5 - best.words}${2 - best.score}2${label.toLowerCase()}`,
      candidate: {
        kind: 'presidency',
        label,
        insertText: label,
        range: lineRange(position.line, best.phrase.start, position.character),
        filterText: `${best.name} Presidency`,
        detail: `${p.country}, ${semester(semesterShown)}${role === 2 ? '' : ` (${presidencyRole(role)})`}`,
        documentation: `**${md(p.country)}** held the Council Presidency in ${p.semesters.map(semester).join('; ')}.`,
      },
    });
  }

  scored.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const kept = scored.slice(0, MAX_CATALOGUE_ITEMS);
  return {
    items: kept.map((s, i) => ({ ...s.candidate, sortText: `5${String(i).padStart(3, '0')}` })),
    incomplete: scored.length > kept.length,
  };
}

/**
 * The name that best continues the typed text, and the typed phrase it replaces. Phrases come
 * longest first: the first that matches replaces the most typed text. Words before the one being
 * typed are replaced only by a name that starts with them ("Budapest Conv"): matched inside a
 * name ("the Budap" in "…to the Budapest Convention") they are the drafter's own words and stay.
 */
function bestMatch(names: { text: string; lower: string }[], phrases: { text: string; start: number }[]) {
  for (let k = 0; k < phrases.length; k++) {
    const lastWord = k === phrases.length - 1;
    let found: { name: string; score: number } | undefined;
    for (const n of names) {
      const score = matchScore(n.lower, phrases[k].text);
      if (score < 2 && !lastWord) continue;
      if (score > (found?.score ?? 0)) found = { name: n.text, score };
      if (score === 2) break;
    }
    if (found) return { ...found, phrase: phrases[k], words: phrases.length - k };
  }
  return undefined;
}

function detailOf(n: Named): string {
  if (n.kind === 'body') return 'EU body or agency';
  const i = n.entry as Instrument;
  return [i.kind === 'topic' ? 'topic' : i.kind.replace('-', ' '), i.year].filter(Boolean).join(', ');
}

function nearest(semesters: Presidency[], iso: string | undefined): Presidency {
  if (!iso) return semesters[semesters.length - 1];
  const t = Date.parse(iso);
  const distance = (p: Presidency) => (t < Date.parse(p.start) ? Date.parse(p.start) - t : t > Date.parse(p.end) ? t - Date.parse(p.end) : 0);
  return semesters.reduce((a, b) => (distance(b) < distance(a) ? b : a));
}
