/**
 * The pages' lines as the text the parser reads: a paragraph on one line, a blank line between
 * paragraphs (where the space between two lines is more than a line's), the page layout left
 * out, words broken at a line's end whole again. A table's row keeps its cells apart on its line
 * (the header's two columns, a label and its value, a number and its title), the lines that
 * wrap in a cell joined to it; rows of a table with no space between them stay lines of their own.
 */
import { undoHyphenation } from './hyphenation';
import type { TextLine } from './lines';
import { layoutLines, type PageLines } from './pageLayout';

/** Two lines further apart than this many font sizes are in different paragraphs. */
const PARAGRAPH_STEP = 1.4;
/** A line ending within this many font sizes of the page's right edge of text runs on to the next page. */
const RUNS_ON = 2;
/** A line ending within this many font sizes of the right edge was full: its text goes on in the next (a long word did not fit). */
const FULL_LINE = 10;
/** Lines of one paragraph start this close to one another, in font sizes. */
const SAME_START = 0.2;
const BROKEN_WORD = /\p{L}[-\u00AD]$/u;

export function textOfPages(pages: readonly PageLines[]): string {
  const layout = layoutLines(pages);
  const paragraphs: TextLine[][] = [];
  let open: TextLine[] | undefined;
  let lastRight = 0;
  const edgesOf = new Map<TextLine, { left: number; right: number }>();
  pages.forEach((page, p) => {
    const body = page.lines.filter((_, l) => !layout[p].has(l));
    const left = body.reduce((min, l) => Math.min(min, l.x), Infinity);
    const right = body.reduce((max, l) => Math.max(max, l.end), 0);
    for (const line of body) edgesOf.set(line, { left, right });
    body.forEach((line, l) => {
      const prev = l > 0 ? body[l - 1] : undefined;
      const newParagraph = !open || (prev ? prev.y - line.y > PARAGRAPH_STEP * Math.max(prev.size, line.size) : !runsOn(open[open.length - 1], line, lastRight, left));
      if (newParagraph) {
        open = [];
        paragraphs.push(open);
      }
      open!.push(line);
    });
    if (body.length > 0) lastRight = right;
  });
  const whole = paragraphs.map((lines) => lines.map((l) => l.text).join('\n')).join('\n\n');
  return paragraphs.map((lines) => rowsOf(lines, edgesOf).map((row) => joinWrapped(undoHyphenation(row.map((l) => l.text), whole))).join('\n')).join('\n\n') + '\n';
}

/** The paragraph's lines grouped by row: a line, and the lines that go on in its last cell. */
function rowsOf(lines: readonly TextLine[], edgesOf: Map<TextLine, { left: number; right: number }>): TextLine[][] {
  const rows: TextLine[][] = [];
  for (const line of lines) {
    const row = rows[rows.length - 1];
    if (row && goesOn(row, line, edgesOf.get(line)!)) row.push(line);
    else rows.push([line]);
  }
  return rows;
}

/**
 * A row's text goes on in the next line when its last line was full (it reaches near the right
 * edge of the text, or ends in a broken word) and the next line starts where the text does: at
 * the start of the row's last cell (a label's value, a title after its number), or for running
 * text (as wide as half the text at least) where the line above starts, or at the left margin
 * below a first line's indent. Short lines set flush right (the header's number over its
 * marking) stay lines of their own.
 */
function goesOn(row: TextLine[], line: TextLine, edges: { left: number; right: number }): boolean {
  const first = row[0];
  const last = row[row.length - 1];
  if (line.cells.length > 1 || (last.cells.length > 1 && last !== first)) return false;
  const broken = BROKEN_WORD.test(last.text);
  if (edges.right - last.end > FULL_LINE * last.size && !broken) return false;
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME_START * line.size;
  if (first.cells.length > 1) return near(line.x, first.cells[first.cells.length - 1]);
  // Running text fills its line across the page; a short line at the right is a cell of its own.
  if (last.end - last.x < (edges.right - edges.left) / 2 && !broken) return false;
  return near(line.x, last.x) || (row.length === 1 && line.x < last.x && near(line.x, edges.left));
}

/** Lines joined a space apart. */
function joinWrapped(lines: string[]): string {
  let out = lines[0];
  for (const line of lines.slice(1)) {
    const next = line.trim();
    // No space after a hyphen kept ("EU-" / "US") nor before a closing mark put at a line's start.
    out += /-$/.test(out) || /^[).,;:\]]/.test(next) ? next : ' ' + next;
  }
  return out;
}

/**
 * A paragraph goes on over a page break when its last line on the page reaches the right edge
 * of the text, does not end a sentence, and the next page goes on at the left margin.
 */
function runsOn(last: TextLine, first: TextLine, right: number, left: number): boolean {
  return right - last.end < RUNS_ON * last.size && !/[.:;!?]$/.test(last.text) && first.x - left < RUNS_ON * first.size;
}
