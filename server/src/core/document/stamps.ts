import { offsetRange } from '../text/lines';
import type { Range } from '../text/range';

/**
 * Marks that copies of a document carry but that are not the document: a national parliament's
 * reception stamp and its address, a classification marker in the running text, a page footer
 * run into the text around it (its number sometimes missing digits), the register's word in the
 * footer, "[email protected]" left where a web page hid an address, and a declassification stamp
 * read letter by letter down the margin. They are blanked in the clean text, columns kept, so
 * that nothing reads them as text, numbers or structure.
 */

/** "055930/EU XXV. GP Eingelangt am 12/04/16": the Austrian Parliament's reception stamp. */
const RECEPTION_STAMP = /\b\d{5,6}\/EU[ \t]+[XVIL]{1,6}\.[ \t]?GP\b(?:[ \t]+Eingelangt[ \t]+am[ \t]+\d{1,2}[./]\d{1,2}[./]\d{2,4})?/g;
const STAMP_ADDRESS = /\bwww\.parlament\.gv\.at\b/g;
/** A web page's stand-in for an e-mail address it hid. */
const HIDDEN_ADDRESS = /\[email[ \t]protected\]/g;
/** "[CONFIDENTIEL UE/EU CONFIDENTIAL]" standing in the text. */
const CLASSIFICATION = /\[(?:RESTREINT|CONFIDENTIEL|SECRET)[ \t]+UE\/EU[ \t]+(?:RESTRICTED|CONFIDENTIAL|SECRET)\]/g;
/**
 * A page footer with text on either side: "… the meeting. 9278/18 ACA/mr 3 JAI.1 LIMITE EN The
 * delegations …". Its number may have lost digits ("/1/18 REV 1"); the initials and the page
 * number tell it from a reference.
 */
const FOOTER_IN_TEXT =
  /\d{0,5}\/(?:\d{1,2}\/)?\d{2}(?:[ \t]+(?:REV|ADD|COR)[ \t]\d{1,2})*[ \t]+[A-Z]{2,4}(?:\/[A-Z]{2,4})*\/[a-z]{2,3}[ \t]+\d{1,3}(?:[ \t]+[A-Z0-9][A-Z0-9.]{0,7}){0,4}[ \t]+[A-Z]{2}\b/y;
/** The register's own word at the foot of its pages. */
const REGISTER_WORD = /\bConseil[ \t]+UE\b/g;
/** Words a declassification or release stamp spells down the margin. */
const STAMP_WORDS = ['PUBLIC', 'DECLASSIFIED', 'LIMITE'];
/** A line holding one to three capitals alone: a piece of a stamp read letter by letter. */
const STAMP_PIECE = /^[ \t]*[A-Z]{1,3}[ \t]*$/;
/** How many lines a stamp's pieces spread over, text lines between them. */
const STAMP_SPREAD = 40;

export interface Unstamped {
  cleanText: string;
  clean: string[];
  /** Where the marks stood. */
  stamps: Range[];
}

/** The clean text with the marks blanked; the same object's parts when there were none. */
export function blankStamps(cleanText: string, clean: string[], lineStarts: number[]): Unstamped {
  const spans: [number, number][] = [];
  const add = (re: RegExp, keep?: (m: RegExpExecArray) => boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(cleanText); m; m = re.exec(cleanText)) if (!keep || keep(m)) spans.push([m.index, m.index + m[0].length]);
  };
  if (cleanText.indexOf('/EU') >= 0) add(RECEPTION_STAMP);
  if (cleanText.indexOf('parlament') >= 0) add(STAMP_ADDRESS);
  if (cleanText.indexOf('[email') >= 0) add(HIDDEN_ADDRESS);
  if (cleanText.indexOf('UE/EU') >= 0) add(CLASSIFICATION);
  if (cleanText.indexOf('Conseil') >= 0) add(REGISTER_WORD);
  // A footer alone on its line is read as a footer (the page's layout); within text it is blanked.
  footersInText(cleanText, spans);
  stampLetters(clean, lineStarts, spans);
  if (spans.length === 0) return { cleanText, clean, stamps: [] };
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let copied = 0;
  const stamps: Range[] = [];
  for (const [start, end] of spans) {
    const from = Math.max(start, copied);
    if (end <= from) continue;
    parts.push(cleanText.slice(copied, from), cleanText.slice(from, end).replace(/[^\n]/g, ' '));
    copied = end;
    stamps.push(offsetRange(lineStarts, start, end));
  }
  parts.push(cleanText.slice(copied));
  const text = parts.join('');
  return { cleanText: text, clean: text.split('\n'), stamps };
}

/** Footers within text, found from the slashes (text without one costs one indexOf). */
function footersInText(text: string, spans: [number, number][]): void {
  let resume = 0;
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    let start = slash;
    while (start > 0 && slash - start < 5 && isDigit(text.charCodeAt(start - 1))) start--;
    if (start < resume || (start > 0 && (isDigit(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 47))) continue;
    FOOTER_IN_TEXT.lastIndex = start;
    const m = FOOTER_IN_TEXT.exec(text);
    if (!m || startsShortLine(text, start)) continue;
    spans.push([start, start + m[0].length]);
    resume = start + m[0].length;
    slash = resume - 1;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A footer that opens a line of a footer's length is the page's footer line, read as such (see footers.ts). */
function startsShortLine(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  return text.slice(lineStart, start).trim() === '' && lineEnd - lineStart <= 80;
}

/** Lines of a few capitals alone that, read in order, spell a stamp's word ("PU", "B", "LI", "C"). */
function stampLetters(clean: string[], lineStarts: number[], spans: [number, number][]): void {
  const pieces: number[] = [];
  for (let l = 0; l < clean.length; l++) if (clean[l].length <= 8 && STAMP_PIECE.test(clean[l])) pieces.push(l);
  for (let i = 0; i < pieces.length; i++) {
    let word = '';
    for (let j = i; j < pieces.length && pieces[j] - pieces[i] <= STAMP_SPREAD; j++) {
      word += clean[pieces[j]].trim();
      if (!STAMP_WORDS.some((w) => w.startsWith(word))) break;
      // Three pieces at least: a marking or a language code alone on its line is no stamp.
      if (j - i >= 2 && STAMP_WORDS.includes(word)) {
        for (let k = i; k <= j; k++) spans.push([lineStarts[pieces[k]], lineStarts[pieces[k]] + clean[pieces[k]].length]);
        i = j;
        break;
      }
    }
  }
}
