import type { DocumentNumber, OutcomeDocument } from './model';
import { lineRange } from '../text/range';
import { twoDigitYear } from './numbers';

/**
 * The Council's document types, known by the title that stands below the header ("OUTCOME OF
 * PROCEEDINGS", "NOTE", "“I/A” ITEM NOTE", "SUMMARY RECORD"…) or by the number's series (a
 * working document is WK, a meeting notice CM, a Commission document COM). Only outcomes are
 * checked as outcomes.
 */
export type DocumentType =
  | 'outcome'
  | 'note'
  | 'cover-note'
  | 'information-note'
  | 'i-item-note'
  | 'ia-item-note'
  | 'a-item-note'
  | 'report'
  | 'summary-record'
  | 'council-outcome'
  | 'agenda'
  | 'working-document'
  | 'meeting-notice'
  | 'commission'
  | 'other';

/** How a drafter names each type, for messages. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  outcome: 'an outcome of proceedings',
  note: 'a note',
  'cover-note': 'a cover note',
  'information-note': 'an information note',
  'i-item-note': 'an "I" item note',
  'ia-item-note': 'an "I/A" item note',
  'a-item-note': 'an "A" item note',
  report: 'a report',
  'summary-record': 'a summary record',
  'council-outcome': 'the outcome of a Council meeting',
  agenda: 'an agenda',
  'working-document': 'a working document (WK)',
  'meeting-notice': 'a meeting notice (CM)',
  commission: 'a Commission document',
  other: 'a document of another type',
};

/** Titles as normalised by `normaliseTitle`, and their type. */
const TITLES = new Map<string, DocumentType>([
  ['OUTCOME OF PROCEEDINGS', 'outcome'],
  ['OUTCOME OF THE PROCEEDINGS', 'outcome'],
  ['NOTE', 'note'],
  ['COVER NOTE', 'cover-note'],
  ['INFORMATION NOTE', 'information-note'],
  ['I ITEM NOTE', 'i-item-note'],
  ['I/A ITEM NOTE', 'ia-item-note'],
  ['IA ITEM NOTE', 'ia-item-note'],
  ['A ITEM NOTE', 'a-item-note'],
  ['REPORT', 'report'],
  ['PROGRESS REPORT', 'report'],
  ['SUMMARY RECORD', 'summary-record'],
  ['OUTCOME OF THE COUNCIL MEETING', 'council-outcome'],
  ['AGENDA', 'agenda'],
  ['PROVISIONAL AGENDA', 'agenda'],
  ['DRAFT AGENDA', 'agenda'],
  ['NOTICE OF MEETING AND PROVISIONAL AGENDA', 'meeting-notice'],
  ['NOTICE OF MEETING', 'meeting-notice'],
  ['WORKING DOCUMENT', 'working-document'],
  ['WORKING PAPER', 'working-document'],
]);

/** Titles of other types known by their first words ("REVISED NOTE", "COMMUNICATION FROM THE COMMISSION TO…", "DRAFT COUNCIL CONCLUSIONS"). */
const OTHER_TITLE =
  /^(?:(?:REVISED|PRESIDENCY|BACKGROUND|CONCEPT|DISCUSSION|STEERING) NOTE|OPINION|RECOMMENDATION|LEGISLATIVE ACTS AND OTHER INSTRUMENTS|(?:COMMUNICATION|RESOLUTION|LETTER|PROPOSAL|DECLARATION|STATEMENT|DRAFT)(?: [A-Z/]+)*)$/;
const COMMISSION_TITLE = /^(?:COMMUNICATION|REPORT|PROPOSAL) (?:FROM THE COMMISSION|FOR A)\b/;

/** Titles are short: a longer line is text, never a title. */
const MAX_TITLE = 160;

/**
 * A title with its quotes, underscores and markup left-overs taken away, upper case, single
 * spaced, with no space around a slash: `“I / A” Item Note` → `I/A ITEM NOTE`.
 */
export function normaliseTitle(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/') {
      out = out.trimEnd() + '/';
      space = false;
      continue;
    }
    if (/[\s"“”„‟'‘’‚«»_*]/.test(c)) {
      space = out.length > 0 && !out.endsWith('/');
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out.toUpperCase();
}

/** The type a title names; undefined when the line is no title. */
export function titleType(text: string): DocumentType | undefined {
  if (text.length > MAX_TITLE || /[.,:;]/.test(text)) return undefined;
  const t = normaliseTitle(text);
  const known = TITLES.get(t);
  if (known) return known;
  if (/[^A-Z/ ]/.test(t)) return undefined;
  // Upper case as written: a capitalised sentence in the body ("Report on…") is no title.
  if (text.toUpperCase() !== text) return undefined;
  if (COMMISSION_TITLE.test(t)) return 'commission';
  return OTHER_TITLE.test(t) ? 'other' : undefined;
}

/** The titles that OCR damage is undone for: long enough that two dropped letters still leave one reading. */
const DAMAGEABLE = [...TITLES.keys()].filter((t) => t.replace(/ /g, '').length >= 10);
/** Letters a scan may lose from a title and still be read as that title. */
const MAX_DROPPED = 2;

/**
 * The type of a title a scan damaged by dropping letters ("OUTCOME OF PROCEEDIGS"): the written
 * title is the known one with at most two letters missing, its words in place. The caller reads
 * it so only under a Council header; nothing else is guessed.
 */
export function damagedTitleType(text: string): DocumentType | undefined {
  if (text.length > MAX_TITLE || /[.,:;]/.test(text)) return undefined;
  const written = normaliseTitle(text);
  if (/[^A-Z/ ]/.test(written) || text.toUpperCase() !== text) return undefined;
  for (const title of DAMAGEABLE) {
    const dropped = title.length - written.length;
    if (dropped >= 1 && dropped <= MAX_DROPPED && isSubsequence(written, title) && written.split(' ').length === title.split(' ').length) return TITLES.get(title);
  }
  return undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/**
 * Whether a parsed text is a Council document the workspace keeps: an outcome, or another
 * Council document with its number (a NOTE, a CM notice, which a "No. prev. doc." may name).
 * Read from a register file's first page, it decides whether the file is read whole.
 */
export function isCouncilDocument(doc: OutcomeDocument): boolean {
  return doc.kind === 'outcome' || doc.header.number !== undefined;
}

/** "WK 10837/2020 INIT", "CM 1405/08", "CM 1405/1/08 REV 1": the number of a working document or a meeting notice. */
const SERIES_NUMBER = /^(WK|CM)[ \t]+(\d{1,5})\/(?:(\d{1,2})\/)?(\d{4}|\d{2})(?:[ \t]+INIT)?((?:[ \t]+(?:REV|ADD|COR)[ \t]*\d+)*)$/;
/** "COM(2016) 272 final", "COM (2016) 272 final/2". */
const COM_NUMBER = /^COM[ \t]*\((\d{4})\)[ \t]*(\d{1,4})(?:[ \t]+final(?:\/\d)?)?$/i;
const SUFFIX = /(REV|ADD|COR)[ \t]*(\d+)/g;

/**
 * A header number in another series than the Council's standard one: WK and CM (keyed as the
 * references to them are, "WK 10837/2020", "CM 1405/08") and the Commission's COM numbers.
 */
export function parseSeriesNumber(text: string, line: number, column: number): DocumentNumber | undefined {
  const m = SERIES_NUMBER.exec(text);
  if (m) {
    const series = m[1] as 'WK' | 'CM';
    const year = m[4].length === 4 ? Number(m[4]) : twoDigitYear(Number(m[4]));
    const suffixes = [...m[5].matchAll(SUFFIX)].map((s) => ({ kind: s[1] as 'REV' | 'ADD' | 'COR', index: Number(s[2]) }));
    return { series, text: text.replace(/\s+/g, ' '), base: `${series} ${Number(m[2])}/${m[4]}`, serial: Number(m[2]), year, suffixes, range: lineRange(line, column, column + text.length) };
  }
  const c = COM_NUMBER.exec(text);
  if (c) return { series: 'COM', text: text.replace(/\s+/g, ' '), base: `COM(${c[1]}) ${Number(c[2])}`, serial: Number(c[2]), year: Number(c[1]), suffixes: [], range: lineRange(line, column, column + text.length) };
  return undefined;
}

/** The type a document number's series gives: WK a working document, CM a meeting notice, COM the Commission's. */
export function seriesType(number: DocumentNumber | undefined): DocumentType | undefined {
  switch (number?.series) {
    case 'WK':
      return 'working-document';
    case 'CM':
      return 'meeting-notice';
    case 'COM':
      return 'commission';
    default:
      return undefined;
  }
}
