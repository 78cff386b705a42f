import type { Range } from './range';

/**
 * Source text as lines, with Markdown/HTML markup blanked to spaces.
 *
 * Blanking (rather than removing) keeps every character at its source column,
 * so a match in the clean text is already a range in the source.
 */
export interface SourceLines {
  /** A line as written, without its line break (sliced on demand: few are ever needed). */
  rawLine: (line: number) => string;
  /** The lines with markup replaced by spaces: same lengths as the raw lines. */
  clean: string[];
  /** The clean lines joined by "\n": whole-text scanners run over it once instead of line by line. */
  cleanText: string;
  /** Offset in `cleanText` where each line starts. */
  lineStarts: number[];
  eol: '\n' | '\r\n';
}

/** An inline tag's opening, up to its name; the tag runs to the next ">" on its line. */
const TAG_NAME = /<\/?(?:[biup]|em|strong|br|span|sup|sub)\b/iy;
/** Looked for with indexOf: far cheaper than a character class over the whole text. */
const HARD_SPACE_CHARS = ['\u00a0', '\u2007', '\u2009', '\u202f'];
const HARD_SPACES = new RegExp(`[${HARD_SPACE_CHARS.join('')}]`, 'g');
const HEADING_MARKS = /(?:[#>]+[ \t]*)+/y;

export function splitLines(text: string): SourceLines {
  // A byte order mark is dropped: columns count from after it (the LSP edge shifts line 0 back).
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const hasCR = body.indexOf('\r') >= 0;
  const crlf = hasCR && body.indexOf('\r\n') >= 0 && body.indexOf('\r\n') === body.indexOf('\n') - 1;
  // Lone CRs and CRLFs become LF; every line keeps its length and columns.
  if (hasCR) body = body.replace(/\r\n?/g, '\n');
  const cleanText = blankMarkup(body);
  const clean = cleanText.split('\n');
  const lineStarts = new Array<number>(clean.length);
  for (let l = 0, at = 0; l < clean.length; l++) {
    lineStarts[l] = at;
    at += clean[l].length + 1;
  }
  const rawLine = (line: number) => body.slice(lineStarts[line], lineStarts[line] + clean[line].length);
  return { rawLine, clean, cleanText, lineStarts, eol: crlf ? '\r\n' : '\n' };
}

/**
 * Replaces emphasis stars, heading marks, backslash escapes and inline tags by spaces, and
 * no-break spaces by plain ones, over the whole text at once (each pass only when its
 * character occurs at all).
 */
export function blankMarkup(text: string): string {
  let out = text;
  // No-break and thin spaces (Word puts them in dates and between a code and its number) read as spaces.
  if (HARD_SPACE_CHARS.some((c) => out.indexOf(c) >= 0)) out = out.replace(HARD_SPACES, ' ');
  if (out.indexOf('<') >= 0) out = blankTags(out);
  if (out.indexOf('*') >= 0) out = out.replace(/\*/g, ' ');
  if (out.indexOf('\\') >= 0) out = out.replace(/\\(?=[\\`*_{}[\]()#+\-.!>])/g, ' ');
  return blankHeadingMarks(out);
}

/**
 * The text with [start, end) ranges replaced by spaces, as one flat string. Joined from an array
 * rather than concatenated: a concatenated string stays a chain that every later character read
 * goes through (the catalogue scan of a blanked text took a third longer).
 */
class Blanker {
  private readonly parts: string[] = [];
  private copied = 0;

  constructor(private readonly text: string) {}

  blank(start: number, end: number): void {
    this.parts.push(this.text.slice(this.copied, start), spaces(end - start));
    this.copied = end;
  }

  result(): string {
    if (this.copied === 0) return this.text;
    this.parts.push(this.text.slice(this.copied));
    return this.parts.join('');
  }
}

/** Short runs of spaces, made once: most blanked marks are a few characters ("# ", "<b>"). */
const SPACES = Array.from({ length: 33 }, (_, n) => ' '.repeat(n));

function spaces(n: number): string {
  return n < SPACES.length ? SPACES[n] : ' '.repeat(n);
}

/**
 * Inline tags, found from each "<" (a global case-insensitive scan for them costs far more).
 * A tag ends at the first ">" after it on its line; the next tag is looked for after that, so
 * blanked stretches never overlap ("<b <b>" is one). The next ">" and line break are kept from
 * one "<" to the next: a line of "<span " with no ">" is read once, not once per "<".
 */
function blankTags(text: string): string {
  const out = new Blanker(text);
  let close = text.indexOf('>');
  let lineEnd = -1;
  for (let i = text.indexOf('<'); i >= 0 && close >= 0; i = text.indexOf('<', i + 1)) {
    TAG_NAME.lastIndex = i;
    if (!TAG_NAME.test(text)) continue;
    const from = TAG_NAME.lastIndex;
    if (close < from && (close = text.indexOf('>', from)) < 0) break;
    if (lineEnd < from && (lineEnd = text.indexOf('\n', from)) < 0) lineEnd = text.length;
    if (lineEnd < close) {
      // No tag closes on this line.
      i = lineEnd;
      continue;
    }
    out.blank(i, close + 1);
    i = close;
  }
  return out.result();
}

/** `#`/`>` runs at the start of a line; found by indexOf, since they are rare. */
function blankHeadingMarks(text: string): string {
  const out = new Blanker(text);
  const nextMark = marks(text);
  for (let i = nextMark(0); i >= 0; i = nextMark(i + 1)) {
    // At the start of a line, after any indentation ("   ## 1. Data", "**## …" once the stars are blanked).
    let j = i;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    if (j > 0 && text.charCodeAt(j - 1) !== 10 /* \n */) continue;
    HEADING_MARKS.lastIndex = i;
    const m = HEADING_MARKS.exec(text);
    if (!m) continue;
    out.blank(i, i + m[0].length);
    i += m[0].length - 1;
  }
  return out.result();
}

/**
 * The next "#" or ">" from a position, for positions that only grow: each of the two is looked
 * for again only once passed (a text with many "#" and no ">" is not searched to its end for
 * ">" at every "#").
 */
function marks(text: string): (from: number) => number {
  let hash = text.indexOf('#');
  let quote = text.indexOf('>');
  return (from) => {
    if (hash >= 0 && hash < from) hash = text.indexOf('#', from);
    if (quote >= 0 && quote < from) quote = text.indexOf('>', from);
    return hash < 0 ? quote : quote < 0 ? hash : Math.min(hash, quote);
  };
}

/** Maps offsets in the joined clean text back to line and character. */
export function offsetRange(lineStarts: number[], start: number, end: number): Range {
  const a = lineAt(lineStarts, start);
  const b = a + 1 < lineStarts.length && end >= lineStarts[a + 1] ? lineAt(lineStarts, end) : a;
  return { start: { line: a, character: start - lineStarts[a] }, end: { line: b, character: end - lineStarts[b] } };
}

export function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** First and one-past-last non-blank columns of a line; [0, 0] for a blank line. */
export function contentBounds(line: string): [number, number] {
  let start = 0;
  let end = line.length;
  while (start < end && isBlank(line.charCodeAt(start))) start++;
  while (end > start && isBlank(line.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x200b;
}

/** A horizontal rule line (`---`, `***`, `___`): layout only. */
export function isRule(clean: string): boolean {
  // A `***` rule is already blank once the stars are blanked.
  return /^\s*(?:-\s*){3,}$|^\s*(?:_\s*){3,}$/.test(clean);
}
