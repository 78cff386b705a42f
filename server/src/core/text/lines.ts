/**
 * Source text as lines, with Markdown/HTML markup blanked to spaces.
 *
 * Blanking (rather than removing) keeps every character at its source column,
 * so a match in the clean text is already a range in the source.
 */
export interface SourceLines {
  /** Lines as written, without their line break. */
  raw: string[];
  /** Same lines, markup replaced by spaces: same lengths as `raw`. */
  clean: string[];
  /** Whether the text began with a byte order mark (stripped from line 0, so columns count from after it). */
  bom: boolean;
  eol: '\n' | '\r\n';
}

const LINE_BREAK = /\r\n|\n|\r/;
const TAG = /<\/?(?:b|i|u|em|strong|br|span|p|sup|sub)\b[^>]*>/gi;

export function splitLines(text: string): SourceLines {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const raw = body.split(LINE_BREAK);
  const clean = raw.map(blankMarkup);
  const crlf = body.indexOf('\r\n');
  return { raw, clean, bom, eol: crlf >= 0 && crlf === body.indexOf('\n') - 1 ? '\r\n' : '\n' };
}

/** Replaces emphasis stars, heading marks, backslash escapes and inline tags by spaces. */
export function blankMarkup(line: string): string {
  const hasStar = line.indexOf('*') >= 0;
  const hasTag = line.indexOf('<') >= 0;
  const hasEscape = line.indexOf('\\') >= 0;
  const first = line.charCodeAt(0);
  const heading = first === 35 /* # */ || first === 62 /* > */;
  if (!hasStar && !hasTag && !hasEscape && !heading) return line;
  let out = line;
  if (hasTag) out = out.replace(TAG, (m) => ' '.repeat(m.length));
  if (hasStar) out = out.replace(/\*/g, ' ');
  if (hasEscape) out = out.replace(/\\(?=[\\`*_{}[\]()#+\-.!>])/g, ' ');
  if (heading) out = out.replace(/^(?:[#>]+[ \t]*)+/, (m) => ' '.repeat(m.length));
  return out;
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
export function isRule(clean: string, raw: string): boolean {
  return clean.trim() === '' ? /^\s*(?:\*\s*){3,}$/.test(raw) : /^\s*(?:-\s*){3,}$|^\s*(?:_\s*){3,}$/.test(clean);
}
