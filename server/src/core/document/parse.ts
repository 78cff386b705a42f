import type { OutcomeDocument, DocumentNumberRef, Located, CalendarDate, PresidencyMention } from './model';
import type { Range } from '../text/range';
import { lineRange } from '../text/range';
import { contentBounds, offsetRange, splitLines, type SourceLines } from '../text/lines';
import { parseHeader } from './header';
import { isAddressingLabel, parseAddressing } from './addressing';
import { headingCandidate, parseBody, type HeadingCandidate } from './body';
import { findFooters } from './footers';
import { meetingHeldOn, parseMeeting } from './meeting';
import { scanDates } from './dates';
import { scanReferences } from './numbers';
import { scanDeleted, scanPresidencies } from './mentions';
import { damagedTitleType, normaliseTitle, seriesType, titleType, type DocumentType } from './documentType';
import { parseLooseDate } from './dates';
import { blankStamps } from './stamps';
import { unflatten, type Unflattened } from './flattened';
import type { OutcomeHeader } from './model';

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
/** Two or more upper-case words, no marking: "ROADMAP FOR INFORMATION EXCHANGE" where the title stands. */
function isUnknownTitle(text: string): boolean {
  return /^[A-Z][A-Z'’-]*(?: [A-Z][A-Z'’-]*)+$/.test(text.replace(/\s+/g, ' ')) && !/\b(?:LIMITE|PUBLIC|UE|EU)\b/.test(text);
}

function previousContentLine(clean: readonly string[], line: number, within: number): number | undefined {
  for (let l = line - 1; l >= 0 && l >= line - within; l--) if (clean[l].trim() !== '') return l;
  return undefined;
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
  const source = splitLines(text);
  const unstamped = blankStamps(source.cleanText, source.clean, source.lineStarts);
  const flat = unflatten(unstamped.clean);
  if (!flat) return parseLines({ rawLine: source.rawLine, clean: unstamped.clean, cleanText: unstamped.cleanText, lineStarts: source.lineStarts, eol: source.eol }, unstamped.stamps, options);
  // A flattened page: its pieces are read as lines, and every range is taken back to the source.
  const { origin } = flat;
  const pieceText = flat.lines.join('\n');
  const pieceStarts = new Array<number>(flat.lines.length);
  for (let l = 0, at = 0; l < flat.lines.length; l++) {
    pieceStarts[l] = at;
    at += flat.lines[l].length + 1;
  }
  const rawLine = (l: number) => source.rawLine(origin[l].line).slice(origin[l].offset, origin[l].offset + flat.lines[l].length);
  const doc = parseLines({ rawLine, clean: flat.lines, cleanText: pieceText, lineStarts: pieceStarts, eol: source.eol }, [], options);
  toSource(doc, origin);
  doc.lineCount = unstamped.clean.length;
  doc.lines = unstamped.clean;
  doc.cleanText = unstamped.cleanText;
  doc.lineStarts = source.lineStarts;
  doc.stamps = unstamped.stamps;
  return doc;
}

/** Every position in the tree, read on the pieces of flattened lines, moved to its line and column in the source (each once). */
function toSource(doc: OutcomeDocument, origin: Unflattened['origin']): void {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number') {
      const at = origin[o.line] ?? origin[origin.length - 1];
      o.line = at.line;
      o.character = at.offset + o.character;
      return;
    }
    for (const key in o) if (key !== 'lines' && key !== 'cleanText' && key !== 'lineStarts') visit(o[key]);
  };
  visit(doc);
}

function parseLines(source: Omit<SourceLines, 'cleanText'> & { cleanText: string }, stamps: Range[], options: ParseOptions): OutcomeDocument {
  const { rawLine, clean, cleanText, lineStarts, eol } = source;
  const n = clean.length;
  const scanLimit = Math.min(n, HEADER_SCAN_LIMIT);

  // A line's heading reading is asked for by the title scan, the addressing block and the body,
  // and the body asks for a line's and the next one's: kept for the lines near the top, and for
  // the two lines read last further down (kept for every line, a document with a heading per
  // line would hold them all until the end).
  const candidates = new Array<HeadingCandidate | null | undefined>(scanLimit);
  const recent: [number, HeadingCandidate | null, number, HeadingCandidate | null] = [-1, null, -1, null];
  const candidateAt = (l: number): HeadingCandidate | null => {
    if (l < scanLimit) return candidates[l] === undefined ? (candidates[l] = headingCandidate(clean[l]) ?? null) : candidates[l];
    if (recent[0] === l) return recent[1];
    if (recent[2] === l) return recent[3];
    const c = headingCandidate(clean[l]) ?? null;
    recent[0] = recent[2];
    recent[1] = recent[3];
    recent[2] = l;
    recent[3] = c;
    return c;
  };
  let typeLine: number | undefined;
  let type: DocumentType | undefined;
  let commission = false;
  let firstStructureLine: number | undefined;
  for (let l = 0; l < scanLimit; l++) {
    const [s, e] = contentBounds(clean[l]);
    if (s === e) continue;
    const t = clean[l].slice(s, e);
    const titled = titleType(t);
    // The outcome's title may stand below a label written too early; other types stand above the addressing.
    if (titled === 'outcome' || (titled && firstStructureLine === undefined)) {
      typeLine = l;
      type = titled;
      break;
    }
    if (firstStructureLine !== undefined) continue;
    if (isAddressingLabel(t) || candidateAt(l)) firstStructureLine = l;
    else if (t.length < 40 && normaliseTitle(t) === 'EUROPEAN COMMISSION') commission = true;
  }
  const isKnownCode = options.isKnownCode ?? (() => false);
  let header: OutcomeHeader | undefined;
  if (typeLine === undefined) {
    // A title a scan damaged is read only under a Council header: at least two of its parts above it.
    for (let l = 0; l < (firstStructureLine ?? scanLimit); l++) {
      const damaged = damagedTitleType(clean[l].trim());
      if (!damaged) continue;
      const above = parseHeader({ clean, from: 0, to: l, isKnownCode });
      if ([above.issuer, above.dateLine, above.number, above.subjectCodes[0]].filter(Boolean).length >= 2) {
        typeLine = l;
        type = damaged;
        header = above;
      }
      break;
    }
  }
  if (typeLine === undefined && firstStructureLine !== undefined) {
    // A title of no known type: upper-case words between the subject codes and the addressing.
    header = parseHeader({ clean, from: 0, to: firstStructureLine, isKnownCode });
    const last = header.subjectCodes[header.subjectCodes.length - 1]?.lineRange.end.line;
    const l = previousContentLine(clean, firstStructureLine, 3);
    if (last !== undefined && l !== undefined && l > last && isUnknownTitle(clean[l].trim())) {
      typeLine = l;
      type = 'other';
      header = undefined;
    }
  }
  const titleLine = type === 'outcome' ? typeLine : undefined;
  const headerEnd = typeLine ?? firstStructureLine ?? scanLimit;
  header ??= parseHeader({ clean, from: 0, to: headerEnd, isKnownCode });

  const addressingFrom = typeLine !== undefined ? typeLine + 1 : headerEnd;
  const addressing = parseAddressing(clean, addressingFrom, n, (l) => candidateAt(l) !== null);

  const footers = findFooters(clean, addressing.end, n);
  const body = parseBody({ clean, rawLine, candidateAt, from: addressing.end, to: n, isFooter: (l) => footers.has(l) });

  const field = (label: string) => addressing.fields.find((f) => f.label === label);
  const meeting = meetingHeldOn(parseMeeting(field('subject'), field('on')), addressing.summary ? [addressing.summary, ...body.preamble] : body.preamble);

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
  // The number's series names the document whatever its title; a document without a title is
  // an outcome being drafted when it has most of an outcome's parts.
  const documentType: DocumentType = seriesType(header.number) ?? type ?? (commission ? 'commission' : evidence >= 3 ? 'outcome' : 'other');
  const kind = documentType === 'outcome' ? 'outcome' : 'other';
  if (kind === 'other' && !header.date && header.malformedDate) {
    // Another document's date, for the index, in whatever form it is written ("18.5.2016").
    const date = parseLooseDate(header.malformedDate.value);
    if (date) header.date = { value: date, text: header.malformedDate.value, range: header.malformedDate.range };
  }

  return {
    kind,
    lineCount: n,
    eol,
    header,
    otherDocumentType: kind === 'other' && typeLine !== undefined ? { value: clean[typeLine].trim().replace(/\s+/g, ' '), range: lineRange(typeLine, ...contentBounds(clean[typeLine])) } : undefined,
    documentType,
    title: titleLine !== undefined && kind === 'outcome' ? { value: clean[titleLine].trim(), range: lineRange(titleLine, ...contentBounds(clean[titleLine])) } : undefined,
    addressing: addressing.fields,
    previousDocuments: addressing.previousDocuments,
    invalidPreviousDocuments: addressing.invalidPreviousDocuments,
    meeting,
    summary: addressing.summary,
    preamble: body.preamble,
    sections: body.sections,
    annex: body.annexLine !== undefined ? { value: clean[body.annexLine].trim(), range: lineRange(body.annexLine, ...contentBounds(clean[body.annexLine])) } : undefined,
    footers: footerRanges(footers, clean),
    stamps,
    dates,
    references,
    presidencies,
    deleted,
    lines: clean,
    cleanText,
    lineStarts,
  };
}
