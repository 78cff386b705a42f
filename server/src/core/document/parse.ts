import type { OutcomeDocument, DocumentNumberRef, Located, CalendarDate, PresidencyMention } from './model';
import type { Range } from '../text/range';
import { lineRange } from '../text/range';
import { contentBounds, offsetRange, splitLines } from '../text/lines';
import { parseHeader } from './header';
import { isAddressingLabel, parseAddressing } from './addressing';
import { headingCandidate, parseBody, type HeadingCandidate } from './body';
import { findFooters } from './footers';
import { parseMeeting } from './meeting';
import { scanDates } from './dates';
import { scanReferences } from './numbers';
import { scanDeleted, scanPresidencies } from './mentions';

const TITLE = /^OUTCOME\s+OF\s+(?:THE\s+)?PROCEEDINGS$/i;
/**
 * The other Council document types that stand where the title would: a Council document with
 * one of these is another kind of document, not an outcome missing its title.
 */
const OTHER_DOCUMENT_TYPE =
  /^(?:(?:COVER|INFORMATION|REVISED|PRESIDENCY|BACKGROUND|CONCEPT|DISCUSSION|STEERING)\s+)?NOTE$|^(?:"?I\/?A"?|"?I"?|"?A"?)\s+ITEM\s+NOTE$|^(?:PROGRESS\s+)?REPORT$|^OPINION$|^RECOMMENDATION$|^(?:PROVISIONAL\s+|DRAFT\s+)?AGENDA$|^OUTCOME\s+OF\s+THE\s+COUNCIL\s+MEETING$|^LEGISLATIVE\s+ACTS\s+AND\s+OTHER\s+INSTRUMENTS$|^(?:COMMUNICATION|RESOLUTION|LETTER|PROPOSAL|DECLARATION|STATEMENT)\b[A-Z ]*$|^DRAFT\s+[A-Z ]+$/;
/**
 * Each other document type ends on a capital letter: a quick test that passes over most header
 * lines (codes with their numbers, the date, the issuer) before the expression is tried.
 */
function endsOnCapital(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return c >= 65 && c <= 90;
}
/**
 * The footer lines in order, as ranges. Built in a loop from one array literal: arrays that the
 * array methods return differ in kind when empty, and the index's compiled code that reads
 * `footers` was thrown away and compiled again on the first document of the other kind.
 */
function footerRanges(lines: ReadonlySet<number>, clean: readonly string[]): Range[] {
  const out: Range[] = [];
  for (const l of [...lines].sort((a, b) => a - b)) out.push(lineRange(l, ...contentBounds(clean[l])));
  return out;
}
/** The header and title sit near the top; past this many lines nothing is header any more. */
const HEADER_SCAN_LIMIT = 250;

export interface ParseOptions {
  /** Tells subject codes from other upper-case words in the header; the catalogue's lookup. */
  isKnownCode?: (code: string) => boolean;
  /**
   * False: dates, Presidency mentions and DELETED markers in the text are not looked for (left
   * empty). The workspace index reads none of them, and they are a fifth of a parse.
   */
  textMentions?: boolean;
}

/** Reads a draft or a released outcome of proceedings into a typed tree. Never throws. */
export function parse(text: string, options: ParseOptions = {}): OutcomeDocument {
  const { rawLine, clean, cleanText, lineStarts, eol } = splitLines(text);
  const n = clean.length;
  const scanLimit = Math.min(n, HEADER_SCAN_LIMIT);

  // Each line's heading reading is asked for by the title scan, the addressing block and the body: read once.
  const candidates = new Array<HeadingCandidate | null | undefined>(n);
  const candidateAt = (l: number) => (candidates[l] === undefined ? (candidates[l] = headingCandidate(clean[l]) ?? null) : candidates[l]);
  let titleLine: number | undefined;
  let otherType: number | undefined;
  let firstStructureLine: number | undefined;
  for (let l = 0; l < scanLimit; l++) {
    const [s, e] = contentBounds(clean[l]);
    if (s === e) continue;
    const t = clean[l].slice(s, e);
    if (TITLE.test(t)) {
      titleLine = l;
      break;
    }
    if (firstStructureLine === undefined && (isAddressingLabel(t) || candidateAt(l))) firstStructureLine = l;
    if (firstStructureLine === undefined && otherType === undefined && endsOnCapital(t) && OTHER_DOCUMENT_TYPE.test(t.replace(/\s+/g, ' '))) otherType = l;
  }
  const headerEnd = titleLine ?? firstStructureLine ?? scanLimit;
  const header = parseHeader({ clean, from: 0, to: headerEnd, isKnownCode: options.isKnownCode ?? (() => false) });

  const addressingFrom = titleLine !== undefined ? titleLine + 1 : headerEnd;
  const addressing = parseAddressing(clean, addressingFrom, n, (l) => candidateAt(l) !== null);

  const footers = findFooters(clean, addressing.end, n);
  const body = parseBody({ clean, rawLine, candidateAt, from: addressing.end, to: n, isFooter: (l) => footers.has(l) });

  const field = (label: string) => addressing.fields.find((f) => f.label === label);
  const meeting = parseMeeting(field('subject'), field('on'));

  const defaultYear = header.date?.value.year ?? meeting?.end?.year;
  const dates: (Located<CalendarDate> & { text: string })[] = [];
  const references: DocumentNumberRef[] = [];
  const presidencies: PresidencyMention[] = [];
  const deleted: Range[] = [];
  // Mentions are scanned over the whole clean text in one pass per kind (far cheaper than
  // per line); the header is left out, and so are page footers.
  const at = (start: number, end: number) => offsetRange(lineStarts, start, end);
  const textStart = addressingFrom < n ? lineStarts[addressingFrom] : cleanText.length;
  const inText = (r: Range) => r.start.line >= addressingFrom && !footers.has(r.start.line);
  const bodyText = cleanText.slice(textStart);
  const atBody = (start: number, end: number) => at(start + textStart, end + textStart);
  for (const r of scanReferences(bodyText, atBody)) if (inText(r.range)) references.push(r);
  if (options.textMentions !== false) {
    scanDeleted(cleanText, at, deleted);
    for (const d of scanDates(bodyText, defaultYear)) {
      const range = atBody(d.start, d.end);
      if (inText(range)) dates.push({ value: d.date, text: d.text, range });
    }
    const named: PresidencyMention[] = [];
    scanPresidencies(bodyText, atBody, named);
    for (const p of named) if (inText(p.range)) presidencies.push(p);
  }

  const evidence = [header.issuer, header.dateLine, header.number ?? header.malformedNumber, header.subjectCodes[0], field('from') ?? field('of'), field('subject')].filter(Boolean).length;
  const kind = titleLine !== undefined || (evidence >= 3 && otherType === undefined) ? 'outcome' : 'other';

  return {
    kind,
    lineCount: n,
    eol,
    header,
    otherDocumentType: titleLine === undefined && otherType !== undefined ? { value: clean[otherType].trim().replace(/\s+/g, ' '), range: lineRange(otherType, ...contentBounds(clean[otherType])) } : undefined,
    title: titleLine !== undefined ? { value: clean[titleLine].trim(), range: lineRange(titleLine, ...contentBounds(clean[titleLine])) } : undefined,
    addressing: addressing.fields,
    previousDocuments: addressing.previousDocuments,
    invalidPreviousDocuments: addressing.invalidPreviousDocuments,
    meeting,
    summary: addressing.summary,
    preamble: body.preamble,
    sections: body.sections,
    annex: body.annexLine !== undefined ? { value: clean[body.annexLine].trim(), range: lineRange(body.annexLine, ...contentBounds(clean[body.annexLine])) } : undefined,
    footers: footerRanges(footers, clean),
    dates,
    references,
    presidencies,
    deleted,
    lines: clean,
    cleanText,
    lineStarts,
  };
}
