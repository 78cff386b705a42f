/**
 * What on a page is layout, not text: the page footer ("6401/26 KT/rm 1" over "JAI.1 LIMITE
 * EN"), page numbers, and lines that every page repeats at its top or bottom (a marking, a
 * parliament's reception stamp). Known by where they stand (the bottom or top of the page), by
 * their shape, and by their coming back page after page.
 */
import type { TextLine } from './lines';

export interface PageLines {
  lines: TextLine[];
  /** The page's height, in the units of the lines' y (PDF points, y upwards from the bottom). */
  height: number;
}

/** The share of the page's height at its bottom, and at its top, where a footer or a running header stands. */
const BOTTOM_BAND = 0.12;
const TOP_BAND = 0.08;
/** How far apart (points) a line's place may be on two pages for it to be the same line repeated. */
const SAME_PLACE = 4;

/** A document number, as a footer opens with it, digits perhaps lost: "6401/26", "13228/1/11 REV 1", "/1/18". */
const DOC_NUMBER = /^\d{0,5}\/(?:\d{1,2}\/)?\d{2}\b/;
/** The author's and typist's initials: "KT/rm", "VLV/NH/dn", "al", capitals alone with a page number ("VL/MV 3"). */
const INITIALS = /(?:^|\s)(?:[A-Z]{2,4}(?:\/[A-Z]{2,4})*\/[a-z]{2,3}|[A-Z]{2,4}(?:\/[A-Z]{2,4})+(?=\s+\d{1,3}(?:\s|$)))(?:\s|$)/;
/** A page number on its own: "2", "- 2 -", "2/3", "Page 2 of 3". */
const PAGE_NUMBER = /^(?:\d{1,4}|[-–]\s*\d{1,4}\s*[-–]|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/i;
/**
 * A line of the footer's other pieces: the page number, the directorate ("JAI.1", "DGD1B", "DG D
 * 1B", "COMM", "GIP.2"), the marking, the language, the typist alone ("al"), the register's own
 * word ("Conseil UE"); nothing that reads as a sentence.
 */
const TAIL_WORD = /^(?:\d{1,4}|[A-Z]{2,8}(?:\.\d[A-Z0-9.]*)?|[A-Z]{1,5}\d[A-Z0-9]*|[a-z]{2,3}|UE\/EU|Conseil)$/;

/** The lines of each page that are layout, by page, as sets of line indexes. */
export function layoutLines(pages: readonly PageLines[]): Set<number>[] {
  const repeatedBottom = repeated(pages, (page, line) => line.y < page.height * BOTTOM_BAND);
  const repeatedTop = repeated(pages, (page, line) => line.y > page.height * (1 - TOP_BAND));
  return pages.map((page, p) => {
    const out = new Set<number>();
    const { lines, height } = page;
    // From the bottom up, while the lines are the footer's.
    let strong = false;
    const candidates: number[] = [];
    for (let l = lines.length - 1; l >= 0 && lines[l].y < height * BOTTOM_BAND; l--) {
      const line = lines[l];
      const text = line.text.trim();
      const again = repeatedBottom.has(key(p, l));
      const footerShape = DOC_NUMBER.test(text) || INITIALS.test(text) || PAGE_NUMBER.test(text);
      if (!again && !footerShape && !isTail(text)) break;
      strong ||= again || footerShape;
      candidates.push(l);
    }
    if (strong) for (const l of candidates) out.add(l);
    // From the top down, while the lines come back on other pages or are page numbers.
    for (let l = 0; l < lines.length && lines[l].y > height * (1 - TOP_BAND); l++) {
      if (!repeatedTop.has(key(p, l)) && !PAGE_NUMBER.test(lines[l].text.trim())) break;
      out.add(l);
    }
    return out;
  });
}

function isTail(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length <= 8 && words.every((w) => TAIL_WORD.test(w));
}

/**
 * The lines in the band that half the pages at least (two at least) have in the same place, their
 * digits aside (page numbers differ). A sentence that two pages of a long document happen to
 * end at the same height is no running footer.
 */
function repeated(pages: readonly PageLines[], inBand: (page: PageLines, line: TextLine) => boolean): Set<string> {
  const seen = new Map<string, { page: number; line: number; y: number }[]>();
  pages.forEach((page, p) =>
    page.lines.forEach((line, l) => {
      if (!inBand(page, line)) return;
      const shape = line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
      const list = seen.get(shape) ?? [];
      list.push({ page: p, line: l, y: line.y });
      seen.set(shape, list);
    }),
  );
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  const out = new Set<string>();
  for (const list of seen.values()) {
    if (list.length < enough) continue;
    for (const a of list) {
      const on = new Set(list.filter((b) => Math.abs(b.y - a.y) <= SAME_PLACE).map((b) => b.page));
      if (on.size >= enough) out.add(key(a.page, a.line));
    }
  }
  return out;
}

const key = (page: number, line: number) => `${page}:${line}`;
