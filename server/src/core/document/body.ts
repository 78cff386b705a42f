import type { Heading, Item, Paragraph, Section } from './model';
import { contentBounds, isRule } from '../text/lines';
import { lineRange, range, type Range } from '../text/range';
import { romanValue } from './romanNumerals';

const SESSION = /^Session\s+(\d{1,2})\s*(?:[:.\-–—]\s*)?(\S.*)?$/i;
const NUMBERED = /^(\d{1,2})[.)]\s+(\S.*)$/;
const SUB_NUMBERED = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/;
/** "a)", "(a)", and "a." before a capitalised title ("p. 12", "e. g." are no items). */
const LETTERED = /^(?:\(?([a-z])\)\s+(\S.*)|([a-z])\.\s+(["“‘'(]?\p{Lu}.*))$/u;
const ROMAN = /^([IVX]{1,6})[.)]\s+(\S.*)$/;
const ANNEX_START = /^\s*[AJ]/i;
const ANNEX = /^ANNEX(?:\s+[IVX\d]+)?\s*:?$|^Joint\s+(?:EU\s*[-–]\s*U\.?S\.?A?\.?\s+)?(?:press\s+)?statement\b/i;

/** A heading title is short and reads as a title, not as a numbered sentence. */
function headingLike(title: string): boolean {
  return title.length <= 60 || (title.length <= 180 && !/[.;]\s*$/.test(title));
}

export interface HeadingCandidate {
  style: Heading['style'];
  ordinal: number;
  label: string;
  title: string;
  text: string;
  labelStart: number;
  labelEnd: number;
}

export function headingCandidate(clean: string): HeadingCandidate | undefined {
  const [start, end] = contentBounds(clean);
  if (start === end) return undefined;
  const first = clean.charCodeAt(start);
  const isDigit = first >= 48 && first <= 57;
  const isRoman = first === 73 /* I */ || first === 86 /* V */ || first === 88; /* X */
  if (!isDigit && !isRoman && first !== 83 /* S */ && first !== 115 /* s */ && !(first >= 97 && first <= 122) && first !== 40 /* ( */) return undefined;
  const text = clean.slice(start, end);
  let m: RegExpExecArray | null;
  if ((m = SESSION.exec(text))) {
    return candidate('session', Number(m[1]), m[1], (m[2] ?? '').trim(), text, start + text.indexOf(m[1], 7));
  }
  if ((m = SUB_NUMBERED.exec(text)) && headingLike(m[3])) {
    return candidate('number', Number(m[2]), `${m[1]}.${m[2]}`, m[3], text, start);
  }
  if ((m = NUMBERED.exec(text)) && headingLike(m[2])) {
    return candidate('number', Number(m[1]), m[1], m[2], text, start);
  }
  if ((m = LETTERED.exec(text))) {
    const letter = m[1] ?? m[3];
    const title = m[2] ?? m[4];
    if (headingLike(title)) return candidate('letter', letter.charCodeAt(0) - 96, letter, title, text, start + text.indexOf(letter));
  }
  let value: number | undefined;
  if (isRoman && (m = ROMAN.exec(text)) && (value = romanValue(m[1])) !== undefined && headingLike(m[2])) {
    return candidate('roman', value, m[1], m[2], text, start);
  }
  return undefined;
}

/** A section or item label standing alone on its line ("1.", "a)", "(b)", "c.", "2.1", "II."), as text taken from a PDF table gives them. */
const BARE_LABEL = /^(?:\d{1,2}[.)]|\(?[a-z]\)|[a-z]\.|\d{1,2}\.\d{1,2}\.?|[IVX]{1,6}[.)])$/;
/** Lines from a label standing alone to its title, blank lines between included. */
const MAX_GAP_BEFORE_TITLE = 3;

/**
 * A heading whose label stands alone on line `l` and whose title is the next line with content
 * (within a few lines, blank lines only between): "1." / "" / "Welcome by the Presidency".
 * Undefined when that line is no title (a heading itself, a sentence, a page footer).
 */
function splitHeading(ctx: BodyContext, l: number, end: number): { candidate: HeadingCandidate; titleLine: number } | undefined {
  const { clean } = ctx;
  const [start, stop] = contentBounds(clean[l]);
  // Most lines are text: a label standing alone is at most "(a)", "12.3.", "VIII.".
  if (stop - start > 6 || stop === start || !BARE_LABEL.test(clean[l].slice(start, stop))) return undefined;
  for (let t = l + 1; t < end && t <= l + MAX_GAP_BEFORE_TITLE; t++) {
    const [ts, te] = contentBounds(clean[t]);
    if (ts === te) continue;
    const title = clean[t].slice(ts, te);
    if (ctx.isFooter(t) || ctx.candidateAt(t) || BARE_LABEL.test(title) || !/^["“‘'(]?\p{L}/u.test(title)) return undefined;
    // Read as if the title stood after the label on its line: the label keeps its columns.
    const candidate = headingCandidate(`${clean[l].slice(0, stop)} ${title}`);
    return candidate && { candidate, titleLine: t };
  }
  return undefined;
}

/** The second line of a title wrapped onto it: begins in lower case ("management", "and related issues"). */
const TITLE_CONTINUATION = /^\p{Ll}.{0,79}$/su;
/** A title cut after a word that cannot end it ("… cooperation with the" / "United States"): any line continues it. */
const TITLE_UNFINISHED = /(?:^|\s)(?:the|a|an|and|or|of|on|in|with|to|for|between|from|by|at|its|their)$|[,\-–—]$/i;
/** The rest of a title after an unfinished one: short, and not a sentence. */
const TITLE_REST = /^["“‘'(]?[\p{L}\p{N}].{0,79}$/su;

/**
 * The heading on line `l` with the rest of its title when the title wraps onto the next line,
 * as text taken from a PDF has it ("1. Latest developments on migration policy and border" /
 * "management"). Paragraphs begin with a capital, so a line in lower case right below a title
 * that has not ended is its continuation; so is any short line below a title cut after "the",
 * "and", "with" or a comma.
 */
function wrappedHeading(ctx: BodyContext, l: number, end: number, c: HeadingCandidate): { candidate: HeadingCandidate; titleLine: number } | undefined {
  const next = l + 1;
  if (next >= end || /[.;:!?]$/.test(c.title) || ctx.isFooter(next) || ctx.candidateAt(next)) return undefined;
  const [s, e] = contentBounds(ctx.clean[next]);
  const rest = ctx.clean[next].slice(s, e);
  const continues = TITLE_CONTINUATION.test(rest) || (TITLE_UNFINISHED.test(c.title) && TITLE_REST.test(rest));
  if (!continues || /[.;]$/.test(rest) || !headingLike(`${c.title} ${rest}`)) return undefined;
  return { candidate: { ...c, title: singleSpaced(`${c.title} ${rest}`), text: singleSpaced(`${c.text} ${rest}`) }, titleLine: next };
}

/** What follows a letter as the document writes it: ")" ("a)", "(a)") or "." ("a."). */
export function letterMark(h: Heading): string {
  return h.text.charAt(h.text.indexOf(h.label) + 1) === '.' ? '.' : ')';
}

function candidate(style: Heading['style'], ordinal: number, label: string, title: string, text: string, labelStart: number): HeadingCandidate {
  return { style, ordinal, label, title: singleSpaced(title).trim(), text: singleSpaced(text), labelStart, labelEnd: labelStart + label.length };
}

/** Runs of blanks (left by blanked markup) as one space; most headings have none. */
function singleSpaced(s: string): string {
  return s.indexOf('  ') < 0 && s.indexOf('\t') < 0 ? s : s.replace(/\s+/g, ' ');
}

export interface BodyContext {
  clean: string[];
  rawLine: (line: number) => string;
  candidateAt: (line: number) => HeadingCandidate | null;
  from: number;
  to: number;
  isFooter: (line: number) => boolean;
}

export interface Body {
  sections: Section[];
  /** Paragraphs before the first section (after the addressing block). */
  preamble: Paragraph[];
  annexLine?: number;
}

/**
 * Builds sections and items from the numbering, not from heading marks: the corpus mixes
 * `##`, `###`, `####` freely. With "Session N" headings or Roman-numbered parts, numbers and
 * letters are items; otherwise numbers are sections and letters (or 1.1) items.
 */
export function parseBody(ctx: BodyContext): Body {
  const { clean, from, to } = ctx;
  /** The heading that starts on line `l`, and the line of its title when that stands below the label. */
  const headingAt = (l: number, end: number): { candidate: HeadingCandidate; titleLine?: number } | undefined => {
    if (ctx.isFooter(l)) return undefined;
    const candidate = ctx.candidateAt(l);
    return candidate ? (wrappedHeading(ctx, l, end, candidate) ?? { candidate }) : splitHeading(ctx, l, end);
  };
  // "Session N" headings, or Roman-numbered parts when the body opens with part I, are the sections.
  let parts: 'session' | 'roman' | undefined;
  let first: HeadingCandidate | undefined;
  let annexLine: number | undefined;
  let sessions = false;
  for (let l = from; l < to; l++) {
    // Past the first heading only two kinds of line matter here: a "Session" heading and the
    // annex's title. Other lines are not read twice (a document may hold a heading per line).
    if (first) {
      const c0 = clean[l].charCodeAt(contentBounds(clean[l])[0]) | 0x20;
      if (c0 !== 115 /* s */ && c0 !== 97 /* a */ && c0 !== 106 /* j */) continue;
    }
    // A wrapped title does not change a heading's style or number.
    const c = ctx.isFooter(l) ? undefined : (ctx.candidateAt(l) ?? (first ? undefined : splitHeading(ctx, l, to)?.candidate));
    if (c) {
      first ??= c;
      if (c.style === 'session') sessions = true;
    } else if (ANNEX_START.test(clean[l]) && ANNEX.test(clean[l].trim()) && clean[l].trim().length < 160) {
      annexLine = l;
      break;
    }
  }
  if (sessions) parts = 'session';
  else if (first?.style === 'roman' && first.ordinal === 1) parts = 'roman';
  // Conclusions transmitted in the annex ("Delegations will find in the annex the Council
  // conclusions …"): no numbered heading before it, numbered paragraphs in it. Then the annex's
  // numbered paragraphs are the body, each a section of its own text.
  const annexBody = annexLine !== undefined && first === undefined && hasNumberedParagraph(clean, annexLine + 1, to) ? annexLine : undefined;
  const end = annexBody !== undefined ? to : (annexLine ?? to);
  const body: Body = { sections: [], preamble: [], annexLine };
  let section: Section | undefined;
  let item: Item | undefined;
  let sectionMarkup: string | undefined;
  let paragraph: Paragraph | undefined;
  let lastContent = from;
  // The markup around a heading ("## **", "*") tells section from item styles; read only when asked.
  let markupOf: Heading | undefined;
  const markup = () => ctx.rawLine(markupOf!.range.start.line).slice(0, markupOf!.range.start.character).replace(/\s+/g, '');

  // Ranges end on the last line with content before the next heading.
  const extend = (r: Range): Range => (r.end.line === lastContent && r.end.character === clean[lastContent].length ? r : range(r.start.line, r.start.character, lastContent, clean[lastContent].length));

  for (let l = from; l < end; l++) {
    if (l === annexBody) {
      paragraph = undefined;
      continue;
    }
    const numbered = annexBody !== undefined && l > annexBody ? numberedParagraph(clean[l]) : undefined;
    if (numbered) {
      if (item) item.range = extend(item.range);
      if (section) section.range = extend(section.range);
      item = undefined;
      const [s, e] = contentBounds(clean[l]);
      const heading: Heading = { label: numbered.label, ordinal: Number(numbered.label), style: 'number', title: openingWords(numbered.text), text: singleSpaced(clean[l].slice(s, e)), range: lineRange(l, s, e), labelRange: lineRange(l, s, s + numbered.label.length) };
      paragraph = { text: numbered.text, range: lineRange(l, numbered.textStart, e) };
      section = { heading, items: [], paragraphs: [paragraph], range: heading.range };
      body.sections.push(section);
      lastContent = l;
      continue;
    }
    const found = headingAt(l, end);
    if (found && !opensEnumeration(found.candidate, item)) {
      const { candidate: c, titleLine } = found;
      paragraph = undefined;
      const heading = toHeading(c, l, clean[l]);
      markupOf = heading;
      if (isSectionHeading(c, parts, section, item, sectionMarkup, markup)) {
        if (item) item.range = extend(item.range);
        if (section) section.range = extend(section.range);
        item = undefined;
        section = { heading, items: NONE, paragraphs: NONE, range: heading.range };
        sectionMarkup ??= markup();
        body.sections.push(section);
      } else if (section) {
        if (item) item.range = extend(item.range);
        item = { heading, paragraphs: NONE, range: heading.range };
        section.items = added(section.items, item);
      } else {
        // An item before any section: keep it visible as a paragraph of the preamble.
        body.preamble.push({ text: c.text, range: heading.range });
      }
      lastContent = l;
      // A title on a line of its own, or the rest of a wrapped one, is part of the heading, not a paragraph.
      if (titleLine !== undefined) lastContent = l = titleLine;
      continue;
    }
    const [s, e] = contentBounds(clean[l]);
    if (s === e || isRule(clean[l]) || ctx.isFooter(l)) {
      if (s === e || isRule(clean[l])) paragraph = undefined;
      continue;
    }
    lastContent = l;
    const text = clean[l].slice(s, e);
    if (paragraph) {
      // A paragraph wrapped over several lines with no blank between them.
      paragraph.text += ' ' + text;
      paragraph.range = range(paragraph.range.start.line, paragraph.range.start.character, l, e);
      continue;
    }
    paragraph = { text, range: lineRange(l, s, e) };
    if (item) item.paragraphs = added(item.paragraphs, paragraph);
    else if (section) section.paragraphs = added(section.paragraphs, paragraph);
    else body.preamble.push(paragraph);
  }
  if (item) item.range = extend(item.range);
  if (section) section.range = extend(section.range);
  return body;
}

/**
 * The one empty list that headings without items or paragraphs share until their first (a
 * document may hold a heading per line, each with two empty lists otherwise). Never added to:
 * `added` makes a list of its own.
 */
const NONE: never[] = [];

function added<T>(list: T[], value: T): T[] {
  if (list === NONE) return [value];
  list.push(value);
  return list;
}

/** A numbered paragraph of conclusions: "1. The Council RECALLS …", also short ("3. Welcomes the report."). */
const NUMBERED_PARAGRAPH = /^(\d{1,3})\.[ \t]+(?=\S)/;

function numberedParagraph(line: string): { label: string; text: string; textStart: number } | undefined {
  const [s, e] = contentBounds(line);
  const m = NUMBERED_PARAGRAPH.exec(line.slice(s, e));
  return m ? { label: m[1], text: singleSpaced(line.slice(s + m[0].length, e)), textStart: s + m[0].length } : undefined;
}

function hasNumberedParagraph(clean: string[], from: number, to: number): boolean {
  for (let l = from; l < to; l++) if (numberedParagraph(clean[l])) return true;
  return false;
}

/** A numbered paragraph's title in an outline: its words up to the first sentence's end, at most about 80 characters. */
function openingWords(text: string): string {
  const stop = text.search(/[.;:](?:\s|$)/);
  const sentence = stop >= 0 ? text.slice(0, stop) : text;
  if (sentence.length <= 80) return sentence;
  const cut = sentence.lastIndexOf(' ', 80);
  return `${sentence.slice(0, cut > 0 ? cut : 80)}…`;
}

/**
 * "(i)", "(v)", "(x)" are letters only right after "(h)", "(u)", "(w)": elsewhere they open an
 * enumeration in Roman numerals ("(i) …", "(ii) …"), which is text.
 */
function opensEnumeration(c: HeadingCandidate, item: Item | undefined): boolean {
  return c.style === 'letter' && 'ivx'.includes(c.label) && !(item?.heading.style === 'letter' && item.heading.ordinal === c.ordinal - 1);
}

function isSectionHeading(
  c: HeadingCandidate,
  parts: 'session' | 'roman' | undefined,
  section: Section | undefined,
  item: Item | undefined,
  sectionMarkup: string | undefined,
  markup: () => string,
): boolean {
  if (parts) return c.style === parts;
  if (c.style !== 'number' || c.label.includes('.')) return false;
  if (!section) return true;
  // Numbered sections with numbered items: the next section number wins; a "1." right under
  // a section, or the next item number, in a markup other than the sections', is an item.
  if (c.ordinal === section.heading.ordinal + 1) return true;
  const itemLike = c.ordinal === 1 ? !item : item?.heading.style === 'number' && c.ordinal === item.heading.ordinal + 1;
  return !(itemLike && sectionMarkup !== undefined && markup() !== sectionMarkup) && !(itemLike && c.ordinal === 1 && section.items.length === 0 && section.paragraphs.length === 0);
}

function toHeading(c: HeadingCandidate, line: number, clean: string): Heading {
  const [s, e] = contentBounds(clean);
  const range = lineRange(line, s, e);
  // A label where the line starts shares its start position (a document may hold a heading per line).
  const labelRange = c.labelStart === s ? { start: range.start, end: { line, character: c.labelEnd } } : lineRange(line, c.labelStart, c.labelEnd);
  return { label: c.label, ordinal: c.ordinal, style: c.style, title: c.title, text: c.text, range, labelRange };
}
