/**
 * A page's text items joined into lines by their position, as the eye reads them. Pure over the
 * items, so that made-up items with exact positions test it.
 */

/** A run of text the PDF draws on one baseline: x and y of its start (y upwards, as in PDF), its width and font size. */
export interface TextPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface TextLine {
  text: string;
  /** Where the line starts and ends across the page, its baseline, and its largest font size. */
  x: number;
  end: number;
  y: number;
  size: number;
  /** Where each of the line's cells starts across the page: one for a line of running text. */
  cells: number[];
}

/** A gap wider than this many font sizes parts two cells (a table's columns, a label and its value, a number and its title). */
const CELL_GAP = 1.5;
/** A gap wider than this many font sizes is a space between words. */
const WORD_GAP = 0.12;
/** The width of a character, in font sizes, with which a cell's place across the page becomes a column of the text. */
const COLUMN_WIDTH = 0.5;
/** Cells stand at least this many spaces apart, so that the parser reads them as cells. */
const MIN_CELL_SPACES = 3;

/**
 * The page's lines, top to bottom; in each, the pieces from left to right. A piece is on a line
 * when their heights overlap for the most part (a footnote mark raised above the baseline stays
 * on its line). Words are a space apart where the gap between pieces is a space wide; cells
 * (the header's two columns, a label and its value) are padded to their place across the page
 * from `left`, the page's left margin, so the columns of a table line up as the parser reads them
 * (the shape of `pdftotext -layout`).
 */
export function joinLines(pieces: readonly TextPiece[], left = pieces.reduce((min, p) => Math.min(min, p.x), Infinity)): TextLine[] {
  const sorted = pieces.filter((p) => p.text.trim() !== '' && p.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextPiece[][] = [];
  let main: TextPiece | undefined;
  for (const piece of sorted) {
    const group = groups[groups.length - 1];
    if (group && main && overlap(main, piece) >= 0.5) {
      group.push(piece);
      if (piece.size > main.size) main = piece;
    } else {
      groups.push([piece]);
      main = piece;
    }
  }
  return groups.map((group) => lineOf(group, left));
}

/** The share of the smaller piece's height that the two pieces' heights have in common. */
function overlap(a: TextPiece, b: TextPiece): number {
  const top = Math.min(a.y + 0.8 * a.size, b.y + 0.8 * b.size);
  const bottom = Math.max(a.y - 0.2 * a.size, b.y - 0.2 * b.size);
  return Math.max(0, top - bottom) / Math.min(a.size, b.size);
}

function lineOf(group: TextPiece[], left: number): TextLine {
  group.sort((a, b) => a.x - b.x);
  const column = (piece: TextPiece) => Math.max(0, Math.round((piece.x - left) / (COLUMN_WIDTH * piece.size)));
  const gaps: number[] = [];
  let reach = group[0].x + group[0].width;
  for (const piece of group.slice(1)) {
    gaps.push(piece.x - reach);
    reach = Math.max(reach, piece.x + piece.width);
  }
  const justified = isJustified(gaps, group);
  // Indented as on the page: an item's text under its letter, a cell of the header's right column.
  let text = ' '.repeat(column(group[0])) + group[0].text.trim();
  let { size, y } = group[0];
  const cells = [group[0].x];
  group.slice(1).forEach((piece, k) => {
    if (piece.size > size) {
      size = piece.size;
      y = piece.y;
    }
    const gap = gaps[k];
    if (gap > CELL_GAP * piece.size && !justified) {
      cells.push(piece.x);
      text = text.trimEnd();
      text += ' '.repeat(Math.max(MIN_CELL_SPACES, column(piece) - text.length)) + piece.text.trimStart();
    } else if (gap > WORD_GAP * piece.size && !/\s$/.test(text) && !/^\s/.test(piece.text)) {
      text += ' ' + piece.text;
    } else {
      text += piece.text;
    }
  });
  return { text: text.trimEnd(), x: group[0].x, end: reach, y, size, cells };
}

/**
 * A line spread to both margins, each word a piece: its gaps are all wide and all alike. Those
 * are spaces, not cells; a table's cells stand at gaps that differ, or have words within them.
 */
function isJustified(gaps: number[], group: TextPiece[]): boolean {
  if (gaps.length < 3) return false;
  let min = Infinity;
  let max = 0;
  for (let k = 0; k < gaps.length; k++) {
    if (gaps[k] <= CELL_GAP * group[k + 1].size) return false;
    min = Math.min(min, gaps[k]);
    max = Math.max(max, gaps[k]);
  }
  return max <= 1.25 * min;
}
