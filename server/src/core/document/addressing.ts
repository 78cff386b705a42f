import type { AddressingField, AddressingLabel, DocumentNumber, Located, Paragraph } from './model';
import { contentBounds, isRule } from '../text/lines';
import { lineRange, range } from '../text/range';
import { scanReferences } from './numbers';

/** Labels matched without regard to case and spacing: `from:`, `Subject :`, `No.prev.doc.:`. */
const LABEL = /^(from|of|on|to|no\.?\s*prev\.?\s*docs?\.?|no\.?\s*cion\.?\s*docs?\.?|subject|summary)\s*:(.*)$/i;
const SUMMARY_ALONE = /^summary\s*:?$/i;
/** Lines from a label standing alone to its value, blank lines between included. */
const MAX_GAP_BEFORE_VALUE = 3;

/** A value that cannot end there: after a comma, a dash or an open bracket. */
function unfinished(value: string): boolean {
  return /[,(\-–—]\s*$/.test(value) || value.split('(').length > value.split(')').length;
}

function labelOf(text: string): AddressingLabel {
  const t = text.toLowerCase().replace(/[\s.]/g, '');
  if (t.startsWith('noprev')) return 'prev-doc';
  if (t.startsWith('nocion')) return 'cion-doc';
  return t as AddressingLabel;
}

export interface AddressingBlock {
  fields: AddressingField[];
  previousDocuments: DocumentNumber[];
  /** Values of "No. prev. doc." that are not document numbers. */
  invalidPreviousDocuments: Located[];
  summary?: Paragraph;
  /** First line after the block: where the body begins. */
  end: number;
}

export function isAddressingLabel(text: string): boolean {
  return LABEL.test(text);
}

/**
 * Reads `Label: value` lines from `from`, with wrapped values (a non-blank line right below
 * that is no label), values below a label that stands alone, rules and blank lines between
 * them, and an optional summary.
 * Stops at the first line that is none of these, or where `isHeading` says the body starts.
 */
export function parseAddressing(clean: string[], from: number, to: number, isHeading: (line: number) => boolean): AddressingBlock {
  const block: AddressingBlock = { fields: [], previousDocuments: [], invalidPreviousDocuments: [], end: from };
  let line = from;
  let last: AddressingField | undefined;
  let lastLine = -1;
  // Labels standing alone one after another ("From:", "On:", "To:"), and then their values in
  // the same order, as a table read column by column gives them.
  let grouped: AddressingField[] = [];
  let awaiting: AddressingField[] = [];
  while (line < to) {
    const [start, end] = contentBounds(clean[line]);
    if (start === end || isRule(clean[line])) {
      line++;
      continue;
    }
    const text = clean[line].slice(start, end);
    const m = LABEL.exec(text);
    if (!m && isHeading(line)) break;
    if (m) {
      const labelEnd = start + text.indexOf(':') + 1;
      const value = m[2].trimStart();
      const valueStart = value ? start + text.length - value.length : end;
      last = {
        label: labelOf(m[1]),
        labelText: m[1],
        labelRange: lineRange(line, start, labelEnd),
        value,
        valueRange: lineRange(line, valueStart, end),
        range: lineRange(line, start, end),
      };
      block.fields.push(last);
      grouped = m[2] === '' && (grouped.length === 0 || grouped[grouped.length - 1] === block.fields[block.fields.length - 2]) ? [...grouped, last] : m[2] === '' ? [last] : [];
      awaiting = [];
      lastLine = line;
      line++;
      continue;
    }
    if (grouped.length >= 2) {
      awaiting = grouped;
      grouped = [];
    }
    if (awaiting.length > 0) {
      const field = awaiting.shift()!;
      field.value = text;
      field.valueRange = lineRange(line, start, end);
      field.range = range(field.range.start.line, field.range.start.character, line, end);
      last = field;
      lastLine = line;
      line++;
      continue;
    }
    grouped = [];
    if (SUMMARY_ALONE.test(text)) {
      last = { label: 'summary', labelText: text, labelRange: lineRange(line, start, end), value: '', valueRange: lineRange(line, end, end), range: lineRange(line, start, end) };
      block.fields.push(last);
      lastLine = line;
      line++;
      continue;
    }
    if (last && last.label !== 'summary' && (lastLine === line - 1 || (line - lastLine <= MAX_GAP_BEFORE_VALUE && (last.value === '' || unfinished(last.value))))) {
      // A wrapped value: the line right below, with no blank between; or the value of a label
      // that stands alone ("Subject:", a blank line, the subject: text taken from a PDF table);
      // or the rest of a value that stops mid-phrase ("…Meeting," then a blank line, when each
      // line was made a paragraph).
      last.value = `${last.value} ${text}`.trim();
      if (last.valueRange.start.line === last.valueRange.end.line && last.valueRange.start.character === last.valueRange.end.character) {
        last.valueRange = lineRange(line, start, end);
      } else last.valueRange = range(last.valueRange.start.line, last.valueRange.start.character, line, end);
      last.range = range(last.range.start.line, last.range.start.character, line, end);
      lastLine = line;
      line++;
      continue;
    }
    if (last?.label === 'summary' && last.value === '' && !block.summary) {
      // "Summary" on its own line: the paragraph below is the summary.
      block.summary = { text, range: lineRange(line, start, end) };
      last.value = text;
      last.valueRange = lineRange(line, start, end);
      last.range = range(last.range.start.line, last.range.start.character, line, end);
      line++;
      continue;
    }
    break;
  }
  block.end = line;
  for (const field of block.fields) {
    if (field.label === 'summary' && !block.summary && field.value) block.summary = { text: field.value, range: field.valueRange };
    if (field.label === 'prev-doc') readPreviousDocuments(clean, field, block);
  }
  return block;
}

function readPreviousDocuments(clean: string[], field: AddressingField, block: AddressingBlock): void {
  const { start, end } = field.valueRange;
  for (let l = start.line; l <= end.line; l++) {
    const from = l === start.line ? start.character : 0;
    const to = l === end.line ? end.character : clean[l].length;
    const segment = clean[l].slice(from, to);
    // The line's references, read once (in order): each value is the one that starts where it does.
    const refs = scanReferences(clean[l], (s, e) => lineRange(l, s, e));
    // The register's form ("ST 9278 2018 INIT") is listed after the others.
    for (let i = 1; i < refs.length; i++) {
      if (refs[i].range.start.character < refs[i - 1].range.start.character) {
        refs.sort((a, b) => a.range.start.character - b.range.start.character);
        break;
      }
    }
    let k = 0;
    const refAt = (column: number): DocumentNumber | undefined => {
      while (k < refs.length && (refs[k].range.start.character < column || refs[k].series !== 'ST')) k++;
      return k < refs.length && refs[k].range.start.character === column ? refs[k] : undefined;
    };
    // Values are comma- or semicolon-separated; each may carry its own subject codes.
    let offset = 0;
    for (const part of segment.split(/[,;]/)) {
      const partStart = from + offset + (part.length - part.trimStart().length);
      offset += part.length + 1;
      const trimmed = part.trim();
      if (!trimmed) continue;
      const ref = refAt(partStart);
      if (ref && ref.range.end.character <= partStart + trimmed.length) block.previousDocuments.push(ref);
      else if (!/^(?:[A-Z][A-Z0-9]+\s+\d+\s*)+$/.test(trimmed) && !/^COM\s*\(/.test(trimmed)) {
        block.invalidPreviousDocuments.push({ value: trimmed, range: lineRange(l, partStart, partStart + trimmed.length) });
      }
    }
  }
}
