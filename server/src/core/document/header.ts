import type { DocumentNumber, OutcomeHeader, SubjectCodeEntry } from './model';
import { parseDottedDate, parseStrictDate } from './dates';
import { parseHeaderNumber, SUFFIX_LINE } from './numbers';
import { parseSeriesNumber } from './documentType';
import { contentBounds } from '../text/lines';
import { lineRange, range } from '../text/range';

const ISSUER_FULL = /^council\s+of\s+the\s+european\s+union$/i;
const ISSUER_BEFORE = /^council\s+of\s+the\s+european\s+union\s+(?=\S)/i;
const ISSUER_FIRST = /^council\s+of(?:\s+the)?$/i;
const ISSUER_SECOND = /^(?:the\s+)?european\s+union$/i;
const PLACE = /^(Brussels|Luxembourg|Strasbourg)\s*,(.*)$/i;
const ISSUER_OPENING = /^council\s+of(?:\s+the)?\s+(?=\S)/i;
const ISSUER_CLOSING = /\s(?:the\s+)?european\s+union$/i;
const LANGUAGE = /\(OR\.\s*([A-Za-z]{1,3})(?:\s*[,/]\s*[A-Za-z]{1,3})*\s*\)/;
const INTERINSTITUTIONAL = /^Interinstitutional\s+File\s*:(.*)$/i;
const PARTIAL_ACCESS_START = /^DOCUMENT\s+PARTIALLY/i;
const PARTIAL_ACCESS = /^DOCUMENT\s+PARTIALLY\s+ACCESSIBLE\s+TO\s+THE\s+PUBLIC\s*(?:\(([^)]*)\))?/i;

/** The date in brackets after "… TO THE PUBLIC", trimmed; undefined when none (yet: the line may wrap). */
function partialAccessDate(text: string): string | undefined {
  return PARTIAL_ACCESS.exec(text)?.[1]?.trim() || undefined;
}

/**
 * "Brussels, 29 June 2017 (OR. en)": the place, and the date between the comma and the
 * language in brackets at the end (if any), trimmed. Read in code: as one expression, the
 * date and the blanks around it could be split in too many ways.
 */
function placeDate(text: string): { place: string; date: string } | undefined {
  const m = PLACE.exec(text);
  if (!m) return undefined;
  let rest = m[2];
  if (rest.endsWith(')')) {
    // The language is the first "(OR." after the last ")" before the final one.
    const lower = rest.toLowerCase();
    const language = lower.indexOf('(or.', lower.lastIndexOf(')', rest.length - 2) + 1);
    if (language >= 0) rest = rest.slice(0, language);
  }
  return { place: m[1], date: rest.trim() };
}
/** `JAIEX 75`, `CFSP/PESC 1025`, `SCH-EVAL 12`, `<b>JAIEX</b>\t<b>75</b>` (tags already blanked), or a bare code. */
const CODE = String.raw`[A-Z][A-Z0-9]{1,14}(?:-[A-Z0-9]{1,8})?(?:\/[A-Z][A-Z0-9]{1,14})?`;
const CODE_LINE = new RegExp(String.raw`^(${CODE})(?:[ \t]+(\S+))?$`);
/** Upper-case words and slashes, the shape of a distribution marking. */
const MARKING_SHAPE = /^[A-Z][A-Z /]*[A-Z]$/;

export interface HeaderContext {
  clean: string[];
  /** Lines [from, to) hold the header. */
  from: number;
  to: number;
  isKnownCode: (code: string) => boolean;
}

/**
 * Reads the header slot by slot. Blank lines are free; parts are recognised by shape,
 * so an out-of-order or missing part does not derail the rest.
 */
export function parseHeader(ctx: HeaderContext): OutcomeHeader {
  const { from, to } = ctx;
  const header: OutcomeHeader = { subjectCodes: [], range: range(from, 0, Math.max(from, to - 1), 0) };
  const { columns, codesFrom } = headerColumns(ctx.clean, from, to);
  // Contexts written out, not spread: spread objects differ in shape, and the code reading them was slower for it.
  const { isKnownCode } = ctx;
  for (const clean of columns) readParts({ clean, from, to: codesFrom, isKnownCode }, header);
  if (codesFrom < to) readParts({ clean: ctx.clean, from: codesFrom, to, isKnownCode }, header);
  return header;
}

function readParts(ctx: HeaderContext, header: OutcomeHeader): void {
  const { clean, to } = ctx;
  let line = ctx.from;
  while (line < to) {
    const [start, end] = contentBounds(clean[line]);
    if (start === end) {
      line++;
      continue;
    }
    const text = clean[line].slice(start, end);
    const here = lineRange(line, start, end);
    const consumed = readPart(ctx, header, line, start, text, here);
    line += consumed;
  }
}

/** Runs of text on a line, apart where three spaces or a tab stand between them. */
const CELL = /\S(?:[^\S\t]{1,2}\S|\S)*/g;
/** Where a cell must start to be a column of its own ("JAIEX⇥75" is one part). */
const COLUMN_MIN_START = 16;
/** A printed header has two columns; flattened onto one line, three parts at most. More is no layout. */
const MAX_COLUMNS = 4;

/**
 * The header's lines read column by column. A header laid out as on the printed page (text
 * taken with `pdftotext -layout`: the issuer on the left, the date, language and number on the
 * right) or flattened onto one line ("Council of the European Union    Brussels, 29 June 2017
 * (OR. en)") has several parts on a line. Such a line is cut into its cells when each cell after
 * the first is a header part on its own; the header is then read once per column, each
 * reading seeing the lines with the other columns blanked, so that columns stay where they are
 * and a part wrapped in its column (the issuer over two lines) is read whole. Any other header
 * is read as written, in one pass.
 */
function headerColumns(clean: string[], from: number, to: number): { columns: string[][]; codesFrom: number } {
  const cut = new Map<number, RegExpExecArray[]>();
  let columns = 1;
  for (let l = from; l < to; l++) {
    if (clean[l].length < COLUMN_MIN_START || !hasGap(clean[l])) continue;
    const cells = [...clean[l].matchAll(CELL)] as RegExpExecArray[];
    if (cells.length < 2 || cells.length > MAX_COLUMNS || !cells.slice(1).every((c) => c.index >= COLUMN_MIN_START && isPartOnItsOwn(c[0]))) continue;
    cut.set(l, cells);
    columns = Math.max(columns, cells.length);
  }
  if (cut.size === 0) return { columns: [clean], codesFrom: to };
  // The code block below the columns is read once they all are: a marking in the right column
  // comes before the codes, as the reading of the marking slot expects.
  let codesFrom = Math.max(...cut.keys()) + 1;
  while (codesFrom < to && !isCodeBlockLine(clean[codesFrom])) codesFrom++;
  const out: string[][] = [];
  for (let k = 0; k < columns; k++) {
    const column = clean.slice(0, codesFrom);
    for (const [l, cells] of cut) column[l] = cells[k] ? ' '.repeat(cells[k].index) + cells[k][0] : '';
    // Lines of a single part belong to the first column.
    if (k > 0) for (let l = from; l < codesFrom; l++) if (!cut.has(l)) column[l] = '';
    out.push(column);
  }
  return { columns: out, codesFrom };
}

/** A line of the code block: a code with its number, or several. */
function isCodeBlockLine(line: string): boolean {
  const [start, end] = contentBounds(line);
  const text = line.slice(start, end);
  return CODE_WITH_NUMBER.test(text) || codeRun(text) !== undefined;
}

/** Three spaces or a tab between two runs of text: most header lines have none, and are not cut. */
function hasGap(line: string): boolean {
  const [start, end] = contentBounds(line);
  const spaces = line.indexOf('   ', start);
  const tab = line.indexOf('\t', start);
  return (spaces >= 0 && spaces < end) || (tab >= 0 && tab < end);
}

const CODE_WITH_NUMBER = new RegExp(String.raw`^${CODE}[ \t]+\d+$`);

/** A header part that can stand alone in a cell: the issuer or half of it, place and date, language, number, code, marking. */
function isPartOnItsOwn(text: string): boolean {
  return (
    ISSUER_FULL.test(text) ||
    ISSUER_FIRST.test(text) ||
    ISSUER_SECOND.test(text) ||
    placeDate(text) !== undefined ||
    /^\(OR\.[^)]*\)$/.test(text) ||
    parseHeaderNumber(text, 0, 0) !== undefined ||
    parseSeriesNumber(text, 0, 0) !== undefined ||
    CODE_WITH_NUMBER.test(text) ||
    /^(?:LIMITE|PUBLIC|(?:RESTREINT|CONFIDENTIEL|SECRET) UE\/EU [A-Z]+)$/.test(text)
  );
}

/** Recognises the part at `line`; returns how many lines it took. */
function readPart(ctx: HeaderContext, header: OutcomeHeader, line: number, start: number, text: string, here: ReturnType<typeof lineRange>): number {
  const { clean } = ctx;
  const first = text.charCodeAt(0);
  if (!header.issuer && (first === 67 || first === 99) /* C, c */) {
    if (ISSUER_FULL.test(text)) {
      header.issuer = { value: text, range: here };
      return 1;
    }
    // The issuer run into the next part ("Council of the European Union Brussels, 29 June 2017"): both are read.
    const before = ISSUER_BEFORE.exec(text);
    if (before) {
      const issuer = before[0].trimEnd();
      header.issuer = { value: issuer, range: lineRange(line, start, start + issuer.length) };
      const at = start + before[0].length;
      return readPart(ctx, header, line, at, text.slice(before[0].length), lineRange(line, at, here.end.character));
    }
    // The header's two columns interleaved: "COUNCIL OF Brussels, 19 May 2005 THE EUROPEAN UNION".
    const opening = ISSUER_OPENING.exec(text);
    const closing = opening ? ISSUER_CLOSING.exec(text) : null;
    if (opening && closing && closing.index > opening[0].length) {
      header.issuer = { value: `${opening[0].trim()} ${closing[0].trim()}`, range: here };
      const middle = text.slice(opening[0].length, closing.index);
      const at = start + opening[0].length;
      return readPart(ctx, header, line, at, middle, lineRange(line, at, at + middle.length));
    }
    if (ISSUER_FIRST.test(text)) {
      const next = nextContentLine(clean, line + 1, ctx.to);
      if (next && ISSUER_SECOND.test(next.text)) {
        header.issuer = { value: `${text} ${next.text}`, range: range(line, start, next.line, next.end) };
        return next.line - line + 1;
      }
    }
  }
  const language = text.indexOf('(') >= 0 ? LANGUAGE.exec(text) : null;
  if (language && !header.language) {
    const col = start + language.index + language[0].indexOf(language[1], 4);
    header.language = { value: language[1], range: lineRange(line, col, col + language[1].length) };
  }
  const placed = text.indexOf(',') >= 0 ? placeDate(text) : undefined;
  if (placed && !header.dateLine) {
    header.place = { value: placed.place, range: lineRange(line, start, start + placed.place.length) };
    header.dateLine = { value: text, range: here };
    const dateText = placed.date;
    if (dateText) {
      const col = start + text.indexOf(dateText, placed.place.length);
      const date = parseStrictDate(dateText);
      const r = lineRange(line, col, col + dateText.length);
      if (date) header.date = { value: date, text: dateText, range: r };
      else header.malformedDate = { value: dateText, range: r };
    }
    return 1;
  }
  if (language && language.index === 0) return 1;
  const inter = INTERINSTITUTIONAL.exec(text);
  if (inter) {
    header.interinstitutionalFile = { value: inter[1].trimStart(), range: here };
    return 1;
  }
  if (PARTIAL_ACCESS_START.test(text)) return readPartialAccess(ctx, header, line);
  if (!header.number && (first === 87 || first === 67) /* W, C */) {
    // A working document's, a meeting notice's or the Commission's number.
    const number = parseSeriesNumber(text, line, start);
    if (number) {
      header.number = number;
      return 1;
    }
  }
  if (!header.number && !header.malformedNumber && first >= 48 && first <= 57) {
    const number = parseHeaderNumber(text, line, start);
    if (number) return readNumber(ctx, header, number, line, text, here);
  }
  const code = CODE_LINE.exec(text);
  if (code && isCodeLine(ctx, header, code)) {
    header.subjectCodes.push(codeEntry(code, line, start, here));
    return 1;
  }
  const run = codeRun(text);
  if (run) {
    for (const m of run) header.subjectCodes.push(codeEntry(m, line, start + m.index, lineRange(line, start + m.index, start + m.index + m[0].length)));
    return 1;
  }
  // "PUBLIC" is the stamp the register puts on a document once released, beside its marking: no marking itself.
  if (!header.marking && header.subjectCodes.length === 0 && MARKING_SHAPE.test(text) && text.length <= 48 && text !== 'PUBLIC') {
    header.marking = { value: text.replace(/\s+/g, ' '), range: here };
  }
  return 1;
}

function readNumber(
  ctx: HeaderContext,
  header: OutcomeHeader,
  number: DocumentNumber | 'malformed',
  line: number,
  text: string,
  here: ReturnType<typeof lineRange>,
): number {
  // "REV 1" may stand on the line below the number.
  const next = nextContentLine(ctx.clean, line + 1, ctx.to);
  const continued = next && SUFFIX_LINE.test(next.text) ? next : undefined;
  if (continued) {
    const joined = parseHeaderNumber(`${text} ${continued.text}`, line, here.start.character);
    const whole = range(line, here.start.character, continued.line, continued.end);
    if (joined === 'malformed' || joined === undefined) header.malformedNumber = { value: `${text} ${continued.text}`, range: whole };
    else header.number = { ...joined, range: whole };
    return continued.line - line + 1;
  }
  if (number === 'malformed') header.malformedNumber = { value: text, range: here };
  else header.number = number;
  return 1;
}

function readPartialAccess(ctx: HeaderContext, header: OutcomeHeader, line: number): number {
  // The line wraps over up to four lines (a blank line may stand between them when each line
  // was made a paragraph).
  let last = line;
  let joined = ctx.clean[line].trim();
  for (let pieces = 1; pieces < 4 && !partialAccessDate(joined); pieces++) {
    const next = nextContentLine(ctx.clean, last + 1, Math.min(ctx.to, last + 4));
    if (!next || !/^(?:ACCESSIBLE|TO|THE|PUBLIC|\()/.test(next.text)) break;
    last = next.line;
    joined += ' ' + next.text;
  }
  const [startCol] = contentBounds(ctx.clean[line]);
  const [, endCol] = contentBounds(ctx.clean[last]);
  const dateText = partialAccessDate(joined.replace(/\s+/g, ' '));
  header.partialAccess = { value: joined.replace(/\s+/g, ' '), range: range(line, startCol, last, endCol) };
  if (dateText) {
    // Find the date on the line that holds it.
    for (let l = line; l <= last; l++) {
      const col = ctx.clean[l].indexOf(dateText);
      if (col >= 0) {
        const date = parseDottedDate(dateText) ?? { year: 0, month: 0, day: 0, valid: false, iso: dateText };
        header.partialAccess.date = { value: date, text: dateText, range: lineRange(l, col, col + dateText.length) };
        break;
      }
    }
  }
  return last - line + 1;
}

/** A code and its number within a run of them. */
const CODE_IN_RUN = new RegExp(String.raw`(${CODE})[ \t]+(\d+)`, 'y');
const CODE_RUN_SEPARATOR = /[ \t]*[,;]?[ \t]*/y;

/**
 * Several codes with their numbers on one line, apart by spaces, commas or semicolons ("JAIEX 45
 * RELEX 558", "JAIEX 45, RELEX 558"): a code block whose line breaks were lost, as when lines
 * without Markdown's hard breaks are rendered and the page is copied. Each match is one code;
 * undefined unless the whole line is such a run of at least two.
 */
function codeRun(text: string): RegExpExecArray[] | undefined {
  const out: RegExpExecArray[] = [];
  let at = 0;
  for (;;) {
    CODE_IN_RUN.lastIndex = at;
    const m = CODE_IN_RUN.exec(text);
    if (!m) return undefined;
    out.push(m);
    at = m.index + m[0].length;
    if (at === text.length) return out.length >= 2 ? out : undefined;
    CODE_RUN_SEPARATOR.lastIndex = at;
    const gap = CODE_RUN_SEPARATOR.exec(text)![0].length;
    if (gap === 0) return undefined;
    at += gap;
  }
}

function isCodeLine(ctx: HeaderContext, header: OutcomeHeader, m: RegExpExecArray): boolean {
  // A bare upper-case word is a code only when known or inside the code block;
  // otherwise it is the marking slot (LIMITE, an unknown marking).
  if (m[2] !== undefined) return m[2].length <= 12 && /^[\dA-Z.,-]+$/i.test(m[2]);
  if (header.subjectCodes.length > 0) return true;
  return ctx.isKnownCode(m[1]) && (header.marking !== undefined || !/^(?:LIMITE|PUBLIC)$/.test(m[1]));
}

function codeEntry(m: RegExpExecArray, line: number, start: number, here: ReturnType<typeof lineRange>): SubjectCodeEntry {
  const codeRange = lineRange(line, start, start + m[1].length);
  const numberText = m[2] ?? '';
  const numberCol = numberText ? start + m[0].lastIndexOf(numberText) : codeRange.end.character;
  const n = /^\d+$/.test(numberText) ? Number(numberText) : NaN;
  return {
    code: m[1],
    codeRange,
    number: Number.isInteger(n) && n > 0 ? n : undefined,
    numberText,
    numberRange: lineRange(line, numberCol, numberCol + numberText.length),
    lineRange: here,
  };
}

function nextContentLine(clean: string[], from: number, to: number): { line: number; text: string; end: number } | undefined {
  for (let l = from; l < to; l++) {
    const [s, e] = contentBounds(clean[l]);
    if (s !== e) return { line: l, text: clean[l].slice(s, e), end: e };
  }
  return undefined;
}

