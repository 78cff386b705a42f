/**
 * A table's rows as lines of text. A row whose cells hold one line each is one line, its cells
 * apart by a tab ("From:⇥General Secretariat of the Council", "JAIEX⇥54"). A row whose cells
 * hold several lines (the header's issuer over two lines beside "Brussels, <date>" and "(OR. en)")
 * is laid out as printed: line by line, each cell's line at its column's place on the page, so
 * the columns stay apart as in text taken from a PDF with its layout.
 */
export interface TableCell {
  lines: string[];
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
}

/** Width of a character in twentieths of a point: about a 12-point Times New Roman letter. */
const TWIPS_PER_CHARACTER = 110;
/** Further right than a landscape page is wide: a grid that says so is broken. */
const MAX_COLUMN_START = 160;
/** The least room between two columns' text: a header line is cut into cells at three spaces. */
const COLUMN_GAP = 3;

export function rowLines(cells: TableCell[], grid: number[]): string[] {
  let tall = 0;
  for (const c of cells) tall = Math.max(tall, c.lines.length);
  if (tall === 0) return [];
  if (tall === 1) {
    let last = cells.length - 1;
    while (last >= 0 && cells[last].lines.length === 0) last--;
    const line = cells.slice(0, last + 1).map((c) => c.lines[0] ?? '').join('\t');
    return [line];
  }
  const starts = columnStarts(cells, grid);
  const out: string[] = [];
  for (let k = 0; k < tall; k++) {
    let line = '';
    cells.forEach((c, i) => {
      const text = c.lines[k];
      if (!text) return;
      line = line.padEnd(starts[i]) + text;
    });
    out.push(line);
  }
  return out;
}

/**
 * Where each cell's text starts: at its column's place on the table grid, or, when the grid says
 * nothing or is too narrow for the text before, three spaces after the widest line of the cells before.
 */
function columnStarts(cells: TableCell[], grid: number[]): number[] {
  const starts: number[] = [];
  let column = 0;
  let twips = 0;
  let textEnd = 0;
  for (const c of cells) {
    const onGrid = column + c.span <= grid.length ? Math.min(Math.round(twips / TWIPS_PER_CHARACTER), MAX_COLUMN_START) : 0;
    const start = Math.max(onGrid, textEnd === 0 ? 0 : textEnd + COLUMN_GAP);
    starts.push(start);
    for (let k = 0; k < c.span; k++) twips += grid[column + k] ?? 0;
    column += c.span;
    for (const l of c.lines) textEnd = Math.max(textEnd, start + l.length);
  }
  return starts;
}
