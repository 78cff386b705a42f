import type { DocumentNumber, DocumentNumberRef, NumberSuffixKind } from './model';
import { lineRange, type Range } from '../text/range';

/**
 * Council document numbers. The standard (ST) form is serial/yy, with a revision index
 * in the middle for REVs: 13228/1/11 REV 1; suffixes REV n, ADD n, COR n may combine.
 */
const SUFFIX = /\b(REV|ADD|COR)\b\s*(\d+)?/g;
const HEADER_NUMBER = /^(\d{1,5})\/(?:\d{1,2}\/)?(\d{2})((?:\s+(?:REV|ADD|COR)\s*\d+)*)$/;
/** Looks like an attempt at a document number: digits, a separator, digits. */
const NUMBER_LIKE = /^\d{1,5}\s*[-/.]\s*\d{1,4}(?:\s*[-/.]\s*\d{1,4})?(?:\s+(?:REV|ADD|COR)\b.*)?$/;

export function twoDigitYear(yy: number): number {
  // Council numbering began well after 1950; years 50-99 are 19xx.
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

function parseSuffixes(text: string): { kind: NumberSuffixKind; index: number }[] | undefined {
  const out: { kind: NumberSuffixKind; index: number }[] = [];
  SUFFIX.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUFFIX.exec(text))) {
    if (m[2] === undefined) return undefined;
    out.push({ kind: m[1] as NumberSuffixKind, index: Number(m[2]) });
  }
  return out;
}

/**
 * A header document number, written alone on its line (`text` is the trimmed clean line,
 * `column` where it starts). Returns 'malformed' for number-like text that is not valid.
 */
export function parseHeaderNumber(text: string, line: number, column: number): DocumentNumber | 'malformed' | undefined {
  const normalised = text.replace(/\s+/g, ' ').trim();
  const m = HEADER_NUMBER.exec(normalised);
  if (!m) return NUMBER_LIKE.test(normalised) ? 'malformed' : undefined;
  const suffixes = parseSuffixes(m[3]);
  if (!suffixes) return 'malformed';
  return {
    text: normalised,
    base: `${Number(m[1])}/${m[2]}`,
    serial: Number(m[1]),
    year: twoDigitYear(Number(m[2])),
    suffixes,
    range: lineRange(line, column, column + text.length),
  };
}

/** A line holding only "REV 1" (or ADD/COR), continuing the number on the line above. */
export const SUFFIX_LINE = /^(?:(?:REV|ADD|COR)\s*(?:\d+\s*)?)+$/;

// References in running text. Legal references such as "Directive 2014/41/EU" or
// "2016/0132 (COD)" and dates such as "9/11" are not Council documents.
const ST_AT = /(\d{3,5})\/(?:\d{1,2}\/)?(\d{2})(?![\d/])((?:[ \t]+(?:REV|ADD|COR)[ \t]*\d+)*)/y;
const OTHER_AT = /(CM|SN|WK)[ \t]+(\d{1,5})\/(\d{4}|\d{2})(?![\d/])(?:[ \t]+(?:INIT|REV[ \t]*\d+|ADD[ \t]*\d+|COR[ \t]*\d+))?/y;
const OTHER_PREFIX = /\b(?:CM|SN|WK)[ \t]+$/;
const REGISTER_AT = /ST[ \t]+(\d{1,5})[ \t]+(\d{4})[ \t]+(INIT|REV[ \t]*\d+|ADD[ \t]*\d+|COR[ \t]*\d+)/y;
/** Words that, just before a number, make it a legal act rather than a Council document. */
const LEGAL_ACT_BEFORE = /(?:Directive|Regulation|Decision|\(EU\)|\(EC\)|\(EEC\)|No\.?|JHA|Article|OJ [LC])\s*$/;

/** A letter or digit: "FIRST 12 2020 INIT" is no register reference. */
function isWordStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** What `\s` matches among the characters before a number (a blanked mark is a space). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || (c > 0x7f && /\s/.test(String.fromCharCode(c)));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Council document references in `line` (a line, or the whole clean text); `at` turns
 * offsets into a range. Driven by the slashes, so text without numbers costs one indexOf.
 */
export function scanReferences(line: string, at: (start: number, end: number) => Range): DocumentNumberRef[] {
  const refs: DocumentNumberRef[] = [];
  const seen = new Map<string, Pick<DocumentNumberRef, 'text' | 'base' | 'serial' | 'year' | 'suffixes'>>();
  let resume = 0;
  for (let slash = line.indexOf('/'); slash >= 0; slash = line.indexOf('/', slash + 1)) {
    let start = slash;
    while (start > 0 && slash - start < 5 && isDigit(line.charCodeAt(start - 1))) start--;
    if (start === slash || start < resume) continue;
    // The words that change a number's reading ("CM ", "Directive ", "No.", "(EU) ") end in a
    // letter, ")" or "." before its blanks: after anything else ("9278/18, 9278/18") none is looked for.
    let p = start - 1;
    while (p >= 0 && isSpace(line.charCodeAt(p))) p--;
    const last = p >= 0 ? line.charCodeAt(p) : 32;
    const worded = (last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last === 41 /* ) */ || last === 46 /* . */;
    const before = worded ? line.slice(Math.max(0, start - 16), start) : '';
    const series = worded ? OTHER_PREFIX.exec(before) : null;
    if (series) {
      OTHER_AT.lastIndex = start - series[0].length;
      const m = OTHER_AT.exec(line);
      if (!m) continue;
      const yy = m[3].length === 4 ? Number(m[3]) : twoDigitYear(Number(m[3]));
      refs.push({
        series: m[1] as 'CM' | 'SN' | 'WK',
        text: m[0].replace(/\s+/g, ' '),
        base: `${m[1]} ${Number(m[2])}/${m[3]}`,
        serial: Number(m[2]),
        year: yy,
        suffixes: [],
        range: at(m.index, m.index + m[0].length),
      });
      resume = slash = m.index + m[0].length - 1;
      continue;
    }
    const prev = start > 0 ? line.charCodeAt(start - 1) : 32;
    if (prev === 47 /* / */ || prev === 46 /* . */ || prev === 44 /* , */ || (worded && LEGAL_ACT_BEFORE.test(before))) continue;
    ST_AT.lastIndex = start;
    const m = ST_AT.exec(line);
    if (!m) continue;
    const end = start + m[0].length;
    // A number written many times is read once: its references share their strings and suffixes.
    let read = seen.get(m[0]);
    if (!read) {
      read = { text: m[0].replace(/\s+/g, ' '), base: `${Number(m[1])}/${m[2]}`, serial: Number(m[1]), year: twoDigitYear(Number(m[2])), suffixes: parseSuffixes(m[3]) ?? [] };
      seen.set(m[0], read);
    }
    refs.push({ series: 'ST', text: read.text, base: read.base, serial: read.serial, year: read.year, suffixes: read.suffixes, range: at(start, end) });
    resume = end;
    slash = end - 1;
  }
  for (let st = line.indexOf('ST '); st >= 0; st = line.indexOf('ST ', st + 3)) {
    if (st > 0 && isWordStart(line.charCodeAt(st - 1))) continue;
    REGISTER_AT.lastIndex = st;
    const m = REGISTER_AT.exec(line);
    if (!m) continue;
    // "ST 9278 2018 INIT" is the register's way of writing 9278/18.
    const year = Number(m[2]);
    refs.push({
      series: 'ST',
      text: m[0].replace(/\s+/g, ' '),
      base: `${Number(m[1])}/${String(year % 100).padStart(2, '0')}`,
      serial: Number(m[1]),
      year,
      suffixes: m[3].startsWith('INIT') ? [] : parseSuffixes(m[3]) ?? [],
      range: at(st, st + m[0].length),
    });
  }
  return refs;
}
