import type { Catalogue } from '../catalogue/catalogue';
import type { AddressingField, AddressingLabel, Heading, OutcomeDocument, Paragraph } from '../document/model';
import { contentBounds, isRule } from '../text/lines';
import { range as rangeOf, type Range } from '../text/range';
import type { AddressingRow, HeaderLayout, LayoutBlock, Numbering, PageLayout } from './model';
import { runsIn } from './runs';

/** The labels as the Council prints them, in the order of its addressing block. */
const ADDRESSING_LABELS: Record<Exclude<AddressingLabel, 'summary'>, string> = {
  from: 'From:',
  of: 'Of:',
  on: 'On:',
  to: 'To:',
  'prev-doc': 'No. prev. doc.:',
  'cion-doc': 'No. Cion doc.:',
  subject: 'Subject:',
};

/** A heading's number as written: "1.", "a)", "(a)", "II.". */
const LABEL_FORM = /^(\(?)(\d+|[a-z]|[IVXLC]+)([.)])$/;

/** The source lines as written: the parser's clean lines are these with markup blanked. */
export function sourceLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n?|\n/);
}

/**
 * The blocks of earlier layouts of one document, keyed by their source (the source lines and
 * columns a block is made from, with its numbering): a rebuild after an edit makes anew only the
 * blocks whose source changed and reuses the others, moved to their new lines. A paragraph or
 * heading on lines the edit did not touch (before or after the lines it changed) is found by its
 * place, without reading its text again; others by their key. Keeps the blocks of the last two layouts,
 * so a block typed away and back (an undo) is still there.
 */
export class LayoutMemo {
  private current = new Map<string, LayoutBlock>();
  private previous = new Map<string, LayoutBlock>();
  private next = new Map<string, LayoutBlock>();
  /** The last layout's source lines, and its blocks made from their own lines, by first line. */
  private lines: readonly string[] = [];
  private byLine: (LayoutBlock | undefined)[] = [];
  private formByLine: (string | undefined)[] = [];
  private nextByLine: (LayoutBlock | undefined)[] = [];
  private nextFormByLine: (string | undefined)[] = [];
  /** Lines unchanged since the last layout: the first `head`, and the last `tail` (moved by `shift`). */
  private head = 0;
  private tail = 0;
  private shift = 0;
  private lineCount = 0;

  /** Starts a layout of `lines`: finds the lines the edit left as they were. */
  begin(lines: readonly string[]): void {
    const old = this.lines;
    const most = Math.min(old.length, lines.length);
    let head = 0;
    while (head < most && old[head] === lines[head]) head++;
    let tail = 0;
    while (tail < most - head && old[old.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
    this.head = head;
    this.tail = tail;
    this.shift = lines.length - old.length;
    this.lineCount = lines.length;
    this.lines = lines;
  }

  /** The block made from `key`, at lines `line`..`endLine`: an earlier one if any, else `make()`. */
  block(key: string, line: number, endLine: number, make: () => LayoutBlock): LayoutBlock {
    let block = this.current.get(key) ?? this.previous.get(key);
    if (block === undefined) block = make();
    else if (block.line !== line || block.endLine !== endLine) block = { ...block, line, endLine };
    this.next.set(key, block);
    return block;
  }

  /**
   * A block made from lines `line`..`endLine` alone, as `form` says (its kind, the columns it is
   * cut at, a heading's number): the last layout's when those lines are unchanged, else looked up
   * by the key `keyOf()` gives, else `make()`.
   */
  placed(line: number, endLine: number, form: string, keyOf: () => string, make: (key: string) => LayoutBlock): LayoutBlock {
    const was = endLine < this.head ? line : line >= this.lineCount - this.tail ? line - this.shift : -1;
    const earlier = was >= 0 ? this.byLine[was] : undefined;
    let block: LayoutBlock;
    if (earlier && this.formByLine[was] === form && earlier.endLine === endLine - (line - was)) {
      block = was === line ? earlier : { ...earlier, line, endLine };
      this.next.set(block.key, block);
    } else {
      const key = keyOf();
      block = this.block(key, line, endLine, () => make(key));
    }
    this.nextByLine[line] = block;
    this.nextFormByLine[line] = form;
    return block;
  }

  /** Ends one layout: its blocks become the current ones. */
  done(): void {
    this.previous = this.current;
    this.current = this.next;
    this.next = new Map();
    this.byLine = this.nextByLine;
    this.formByLine = this.nextFormByLine;
    this.nextByLine = [];
    this.nextFormByLine = [];
  }
}

/**
 * The page layout of a parsed outcome document; `text` is the source it was parsed from. With a
 * `memo`, blocks whose source is unchanged since an earlier layout are reused (see `LayoutMemo`);
 * without, nothing looks the blocks up and their keys are left empty.
 */
export function buildLayout(doc: OutcomeDocument, text: string, catalogue: Catalogue, memo?: LayoutMemo): PageLayout {
  const raw = sourceLines(text);
  memo?.begin(raw);
  const source = new BlockSource(raw, memo);
  const blocks: LayoutBlock[] = [];
  const h = doc.header;
  const headerEnd = doc.title ? doc.title.range.start.line - 1 : h.range.end.line;
  const header = headerLayout(doc);
  blocks.push(source.block('H' + JSON.stringify(header), 0, Math.max(0, headerEnd), (key, line, endLine) => ({ kind: 'header', header, line, endLine, key })));
  if (doc.title) {
    const text = doc.title.value.replace(/\s+/g, ' ').toUpperCase();
    blocks.push(source.block('T' + text, doc.title.range.start.line, doc.title.range.end.line, (key, line, endLine) => ({ kind: 'title', text, line, endLine, key })));
  }

  const fields = doc.addressing.filter((f): f is AddressingField & { label: Exclude<AddressingLabel, 'summary'> } => f.label !== 'summary');
  if (fields.length > 0) {
    const key = fields.map((f) => `${f.label}\u0000${source.of(f.valueRange)}`).join('\u0002');
    blocks.push(
      source.block('A' + key, fields[0].range.start.line, fields[fields.length - 1].range.end.line, (key, line, endLine) => {
        const rows: AddressingRow[] = fields.map((f) => ({ label: ADDRESSING_LABELS[f.label], value: runsIn(raw, f.valueRange) }));
        return { kind: 'addressing', rows, line, endLine, key };
      }),
    );
  }
  const summaryField = doc.addressing.find((f) => f.label === 'summary');
  if (doc.summary) {
    const range = doc.summary.range;
    blocks.push(source.block('s' + source.of(range), summaryField?.range.start.line ?? range.start.line, range.end.line, (key, line, endLine) => ({ kind: 'summary', runs: runsIn(raw, range), line, endLine, key })));
  }

  const bodyStart = Math.max(headerEnd, ...[doc.title, ...doc.addressing, doc.summary].map((x) => x?.range.end.line ?? -1)) + 1;
  const annexLine = doc.annex?.range.start.line;
  blocks.push(...bodyBlocks(doc, source, bodyStart, annexLine ?? doc.lineCount));
  if (doc.annex && annexLine !== undefined) blocks.push(...annexBlocks(doc, source, annexLine));
  memo?.done();

  const marking = h.marking?.value.replace(/\s+/g, ' ');
  const subject = doc.addressing.find((f) => f.label === 'subject')?.value.replace(/\s+/g, ' ').trim();
  const number = h.number?.text;
  return {
    blocks,
    footer: { number, marking, language: (h.language?.value ?? 'en').toUpperCase() },
    classifiedMarking: marking && catalogue.marking(marking)?.classified ? marking : undefined,
    properties: { title: subject ?? doc.title?.value ?? '', number },
  };
}

/** The source lines of one layout, and the memo its blocks are looked up in by source. */
class BlockSource {
  constructor(
    readonly raw: readonly string[],
    private readonly memo: LayoutMemo | undefined,
  ) {}

  /** The source a range is made from: its columns and its whole lines (emphasis is read from the start of the first). */
  of(r: Range): string {
    let key = `${r.start.character}\u0000${r.end.character}`;
    for (let l = r.start.line; l <= r.end.line && l < this.raw.length; l++) key += '\u0001' + this.raw[l];
    return key;
  }

  block(key: string, line: number, endLine: number, make: (key: string, line: number, endLine: number) => LayoutBlock): LayoutBlock {
    return this.memo ? this.memo.block(key, line, endLine, () => make(key, line, endLine)) : make('', line, endLine);
  }

  /** A paragraph of `range`, whose lines are the block's. */
  paragraph(range: Range): LayoutBlock {
    const { start, end } = range;
    const make = (key: string): LayoutBlock => ({ kind: 'paragraph', runs: runsIn(this.raw, range), line: start.line, endLine: end.line, key });
    return this.memo ? this.memo.placed(start.line, end.line, `p${start.character}:${end.character}`, () => 'p' + this.of(range), make) : make('');
  }

  /** A heading on lines `line`..`endLine`, its title from `titleRange` (none when undefined). */
  heading(level: 'section' | 'item', numbering: Numbering, line: number, endLine: number, titleRange: Range | undefined): LayoutBlock {
    const make = (key: string): LayoutBlock => ({ kind: 'heading', level, numbering, title: titleRange ? runsIn(this.raw, titleRange) : [], line, endLine, key });
    if (!this.memo) return make('');
    const number = numbering.kind === 'auto' ? `${numbering.before}${numbering.format}${numbering.ordinal}${numbering.after}` : numbering.label;
    const form = `h${level}\u0000${numbering.kind}\u0000${number}\u0000${titleRange ? titleRange.start.character : -1}`;
    return this.memo.placed(line, endLine, form, () => `${form}\u0000${titleRange ? this.of(titleRange) : ''}`, make);
  }
}

function headerLayout(doc: OutcomeDocument): HeaderLayout {
  const h = doc.header;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    issuer: ['Council of the', 'European Union'],
    placeAndDate: h.dateLine ? oneLine(h.dateLine.value) : undefined,
    language: h.language ? `(OR. ${h.language.value})` : undefined,
    number: h.number?.text ?? h.malformedNumber?.value,
    interinstitutionalFile: h.interinstitutionalFile ? `Interinstitutional File: ${oneLine(h.interinstitutionalFile.value)}` : undefined,
    partialAccess: h.partialAccess ? oneLine(h.partialAccess.value) : undefined,
    marking: h.marking ? oneLine(h.marking.value) : undefined,
    codes: h.subjectCodes.map((c) => ({ code: c.code, number: c.number !== undefined ? String(c.number) : c.numberText })),
  };
}

interface HeadingPlace {
  heading: Heading;
  level: 'section' | 'item';
  numbering: Numbering;
}

/** Sections, items and paragraphs from `from` up to (not including) line `to`. */
function bodyBlocks(doc: OutcomeDocument, source: BlockSource, from: number, to: number): LayoutBlock[] {
  // By first line (arrays: every line is looked up).
  const headings: (HeadingPlace | undefined)[] = [];
  const paragraphs: (Paragraph | undefined)[] = [];
  const footers: (true | undefined)[] = [];
  const sectionNumbering = numberings(doc, doc.sections.map((s) => s.heading));
  doc.sections.forEach((s, i) => {
    headings[s.heading.range.start.line] = { heading: s.heading, level: 'section', numbering: sectionNumbering[i] };
    const itemNumbering = numberings(doc, s.items.map((it) => it.heading));
    s.items.forEach((it, j) => {
      headings[it.heading.range.start.line] = { heading: it.heading, level: 'item', numbering: itemNumbering[j] };
      for (const p of it.paragraphs) paragraphs[p.range.start.line] = p;
    });
    for (const p of s.paragraphs) paragraphs[p.range.start.line] = p;
  });
  for (const p of doc.preamble) paragraphs[p.range.start.line] = p;
  for (const r of doc.footers) footers[r.start.line] = true;

  const blocks: LayoutBlock[] = [];
  for (let l = from; l < to; l++) {
    const place = headings[l];
    if (place) {
      // A title wrapped onto the lines below its number runs on to the next paragraph or heading.
      let last = l;
      for (let n = l + 1; n < to && !headings[n] && !paragraphs[n] && !footers[n] && !isRule(doc.lines[n]); n++) {
        if (contentBounds(doc.lines[n])[0] < doc.lines[n].length) last = n;
        else if (n > last + 1) break;
      }
      const titleStart = titleColumn(doc, place.heading);
      const titleRange = titleStart === undefined ? undefined : rangeOf(l, titleStart, last, doc.lines[last].length);
      blocks.push(source.heading(place.level, place.numbering, l, last, titleRange));
      l = last;
      continue;
    }
    const p = paragraphs[l];
    if (p && (!doc.summary || p.range.start.line !== doc.summary.range.start.line)) {
      blocks.push(source.paragraph(p.range));
      l = p.range.end.line;
    }
  }
  return blocks;
}

/** The annex on its own page: its heading line, then its paragraphs (lines joined until a blank line, as in the body). */
function annexBlocks(doc: OutcomeDocument, source: BlockSource, annexLine: number): LayoutBlock[] {
  const headingLine = doc.lines[annexLine];
  const [s, e] = contentBounds(headingLine);
  const isAnnexWord = /^annex\b/i.test(headingLine.slice(s, e));
  const titleRange = rangeOf(annexLine, s, annexLine, e);
  const blocks: LayoutBlock[] = [
    source.block('x' + (isAnnexWord ? '' : source.of(titleRange)), annexLine, annexLine, (key, line, endLine) => ({ kind: 'annex', title: isAnnexWord ? [] : runsIn(source.raw, titleRange), line, endLine, key })),
  ];
  const footers = new Set(doc.footers.map((r) => r.start.line));
  let start: number | undefined;
  let end = 0;
  const close = () => {
    if (start === undefined) return;
    blocks.push(source.paragraph(rangeOf(start, contentBounds(doc.lines[start])[0], end, doc.lines[end].length)));
    start = undefined;
  };
  for (let l = annexLine + 1; l < doc.lineCount; l++) {
    const [a, b] = contentBounds(doc.lines[l]);
    if (a === b || isRule(doc.lines[l])) close();
    else if (!footers.has(l)) {
      start ??= l;
      end = l;
    }
  }
  close();
  return blocks;
}

/** Where a heading's title starts on its line, after the number and its punctuation. */
function titleColumn(doc: OutcomeDocument, heading: Heading): number | undefined {
  const line = doc.lines[heading.range.start.line];
  if (!heading.title) return undefined;
  const at = line.indexOf(heading.title.slice(0, Math.min(12, heading.title.length)), heading.labelRange.end.character);
  return at >= 0 ? at : undefined;
}

/** The number as written before the title: "1.", "a)", "Session 2:". */
function writtenLabel(doc: OutcomeDocument, heading: Heading): string {
  const line = doc.lines[heading.range.start.line];
  const end = titleColumn(doc, heading) ?? heading.range.end.character;
  return line.slice(heading.range.start.character, end).replace(/\s+/g, ' ').trim();
}

/**
 * Automatic numbering for a run of sibling headings numbered 1, 2, 3… (or a, b, c…; I, II…) in
 * one written form; otherwise each keeps its label as text, so the document says what the draft
 * says.
 */
function numberings(doc: OutcomeDocument, headings: Heading[]): Numbering[] {
  const labels = headings.map((h) => writtenLabel(doc, h));
  const forms = labels.map((label) => LABEL_FORM.exec(label));
  const first = forms[0];
  const format = (h: Heading) => (h.style === 'letter' ? 'lowerLetter' : h.style === 'roman' ? 'upperRoman' : 'decimal');
  const sequential =
    first !== null &&
    first !== undefined &&
    headings.every((h, i) => h.style !== 'session' && forms[i] && forms[i]![1] === first[1] && forms[i]![3] === first[3] && h.ordinal === i + 1 && format(h) === format(headings[0]) && (h.style !== 'letter' || /^[a-z]$/.test(h.label)));
  return headings.map((h, i) =>
    sequential
      ? { kind: 'auto', format: format(h), before: first![1] as '' | '(', after: first![3] as '.' | ')', ordinal: h.ordinal }
      : { kind: 'text', label: labels[i] },
  );
}

