/**
 * The pages' lines as the text the parser reads: a blank line between paragraphs (where the
 * space between two lines is more than a line's), the page layout left out, words broken at
 * a line's end whole again.
 */
import { undoHyphenation } from './hyphenation';
import type { TextLine } from './lines';
import { layoutLines, type PageLines } from './pageLayout';

/** Two lines further apart than this many font sizes are in different paragraphs. */
const PARAGRAPH_STEP = 1.4;
/** A line ending within this many font sizes of the page's right edge of text runs on to the next. */
const RUNS_ON = 2;

export function textOfPages(pages: readonly PageLines[]): string {
  const layout = layoutLines(pages);
  const paragraphs: TextLine[][] = [];
  let open: TextLine[] | undefined;
  let lastRight = 0;
  pages.forEach((page, p) => {
    const body = page.lines.filter((_, l) => !layout[p].has(l));
    const left = body.reduce((min, l) => Math.min(min, l.x), Infinity);
    body.forEach((line, l) => {
      const prev = l > 0 ? body[l - 1] : undefined;
      const newParagraph = !open || (prev ? prev.y - line.y > PARAGRAPH_STEP * Math.max(prev.size, line.size) : !runsOn(open[open.length - 1], line, lastRight, left));
      if (newParagraph) {
        open = [];
        paragraphs.push(open);
      }
      open!.push(line);
    });
    if (body.length > 0) lastRight = body.reduce((max, l) => Math.max(max, l.end), 0);
  });
  const texts = paragraphs.map((lines) => lines.map((l) => l.text));
  const whole = texts.map((lines) => lines.join('\n')).join('\n\n');
  return texts.map((lines) => undoHyphenation(lines, whole).join('\n')).join('\n\n') + '\n';
}

/**
 * A paragraph goes on over a page break when its last line on the page reaches the right edge
 * of the text, does not end a sentence, and the next page goes on at the left margin.
 */
function runsOn(last: TextLine, first: TextLine, right: number, left: number): boolean {
  return right - last.end < RUNS_ON * last.size && !/[.:;!?]$/.test(last.text) && first.x - left < RUNS_ON * first.size;
}
