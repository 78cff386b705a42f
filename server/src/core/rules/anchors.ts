import type { OutcomeDocument } from '../document/model';
import { contentBounds } from '../text/lines';
import { lineRange, type Range } from '../text/range';
import type { TextReplacement } from './finding';

/** The first non-blank line at or after `from`: where a "missing part" finding is shown. */
export function contentLineRange(doc: OutcomeDocument, from = 0): Range {
  for (let l = Math.max(0, from); l < doc.lines.length; l++) {
    const [s, e] = contentBounds(doc.lines[l]);
    if (s !== e) return lineRange(l, s, e);
  }
  return lineRange(0, 0, 0);
}

/** A new line inserted before `line`, in the document's own line break style. */
export function insertLineBefore(doc: OutcomeDocument, line: number, text: string): TextReplacement {
  return { range: lineRange(line, 0, 0), newText: text + doc.eol };
}

/** A new line inserted after `line` (at its end, so nothing of the line itself moves). */
export function insertLineAfter(doc: OutcomeDocument, line: number, text: string): TextReplacement {
  const end = doc.lines[line]?.length ?? 0;
  return { range: lineRange(line, end, end), newText: doc.eol + text };
}

/** Longest piece of the document a message quotes whole. */
const QUOTE_MAX = 80;

/** Document text as a message quotes it: a long value (a pasted paragraph) cut to its start. */
export function quoted(text: string): string {
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX - 1)}…`;
}
