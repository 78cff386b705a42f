import type { Range } from '../text/range';
import type { Run } from './model';

/**
 * Emphasis as the drafter wrote it: `**bold**`, `*italic*`, `***both***`, and the tags Word
 * conversions leave (`<b>`, `<strong>`, `<i>`, `<em>`, `<u>`). The parser blanks the same markup
 * to spaces, so the document's columns are the source's columns and a range of the document
 * cuts the source lines at the same places.
 */
const TOKEN = /<(\/?)(b|strong|i|em|u|br|span|p|sup|sub)\b[^>\n]*>|\*{1,3}|\\([\\`*_{}[\]()#+\-.!>])/gi;
const SPACES = /[ \t]+/g;
const LINE_MARKS = /^[ \t]*(?:[#>]+[ \t]*)*(?:\*[ \t]+)?/;

interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/** The runs of source text inside `range`, emphasis read from the start of its first line. */
export function runsIn(rawLines: readonly string[], range: Range): Run[] {
  const out = new RunBuilder();
  const style: Style = { bold: false, italic: false, underline: false };
  for (let l = range.start.line; l <= range.end.line && l < rawLines.length; l++) {
    const raw = rawLines[l];
    const from = l === range.start.line ? range.start.character : 0;
    const to = l === range.end.line ? Math.min(range.end.character, raw.length) : raw.length;
    if (l > range.start.line) out.space();
    scanLine(raw, from, to, style, out);
  }
  return out.runs();
}

function scanLine(raw: string, from: number, to: number, style: Style, out: RunBuilder): void {
  let i = LINE_MARKS.exec(raw)![0].length;
  let textStart = i;
  // The text between two marks: spaces collapsed, a space at either end kept as pending.
  const flush = (end: number) => {
    const a = Math.max(textStart, from);
    const b = Math.min(end, to);
    if (b <= a) return;
    const text = raw.slice(a, b);
    const first = text.charCodeAt(0);
    if (first === 32 || first === 9) out.space();
    let words = text.replace(SPACES, ' ');
    if (words.charCodeAt(0) === 32) words = words.slice(1);
    if (words.charCodeAt(words.length - 1) === 32) words = words.slice(0, -1);
    if (words) out.text(words, style);
    const last = text.charCodeAt(text.length - 1);
    if (words && (last === 32 || last === 9)) out.space();
  };
  while (i < raw.length && i < to) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(raw);
    if (!m || m.index >= to) {
      i = raw.length;
      break;
    }
    i = m.index;
    flush(i);
    const inside = i >= from;
    const token = m[0];
    if (m[2]) {
      const tag = m[2].toLowerCase();
      const open = m[1] !== '/';
      if (tag === 'b' || tag === 'strong') style.bold = open;
      else if (tag === 'i' || tag === 'em') style.italic = open;
      else if (tag === 'u') style.underline = open;
      else if (inside && tag === 'br') out.space();
    } else if (token[0] === '*') {
      if (token.length !== 2) style.italic = !style.italic;
      if (token.length >= 2) style.bold = !style.bold;
    } else if (m[3]) {
      if (inside) out.text(m[3], style);
    }
    i += token.length;
    textStart = i;
  }
  flush(i);
}

/** Joins text into runs of one style, spaces collapsed, no space at either end. */
class RunBuilder {
  private readonly list: Run[] = [];
  private pendingSpace = false;

  text(text: string, style: Style): void {
    const last = this.list[this.list.length - 1];
    // A space between two styles stays with the run before it.
    if (this.pendingSpace && last) last.text += ' ';
    this.pendingSpace = false;
    if (last && !!last.bold === style.bold && !!last.italic === style.italic && !!last.underline === style.underline) last.text += text;
    else this.list.push(runOf(text, style));
  }

  space(): void {
    this.pendingSpace = true;
  }

  runs(): Run[] {
    return this.list;
  }
}

function runOf(text: string, style: Style): Run {
  const run: Run = { text };
  if (style.bold) run.bold = true;
  if (style.italic) run.italic = true;
  if (style.underline) run.underline = true;
  return run;
}

/** The runs' text without emphasis. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
