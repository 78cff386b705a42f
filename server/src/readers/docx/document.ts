import { formatNumber } from './numberFormats';
import type { Numbering } from './numbering';
import { intOf, isOn, type RunLook, type Styles } from './styles';
import { symbolCharacter } from './symbols';
import { rowLines, type TableCell } from './tables';
import { readXml, type XmlHandler, type WordAttribute } from './xml';

/**
 * The main document part (document.xml) as text: paragraphs and tables in document order, a
 * paragraph's automatic number written before its text as Word shows it ("1.⇥Counterterrorism"),
 * tracked changes read as accepted, the displayed result of fields and not their instructions.
 * Headers and footers are other parts and are not read: they are page layout.
 *
 * Footnotes and endnotes are read from their parts and placed where they leave the body's text
 * as it is: each footnote a paragraph of its own after the paragraph or table that refers to it,
 * each endnote after the body, as Word prints them, opening with its mark ("1 See ST 14870/25.").
 * The reference mark is not written into the sentence, whose words stay whole for the index.
 */
export interface DocumentText {
  text: string;
  trackedChanges: boolean;
  /** Only the start of the body was read: `wanted` said no to it. */
  firstPageOnly?: true;
}

/** About a page of text in 12-point Times New Roman: what a first page holds. */
const FIRST_PAGE_CHARACTERS = 3000;

/** A paragraph's lines, or a whole table's. Paragraphs stand apart by a blank line; a table's rows do not. */
export type Block = string[];

/** The text of each footnote and endnote by its id (w:id), its w:footnoteRef written as `NOTE_MARK`. */
export interface Notes {
  footnotes?: Map<string, Block[]>;
  endnotes?: Map<string, Block[]>;
}

/** Where a note's own mark stands in its text until the reference tells which number it has. */
const NOTE_MARK = '\uE000';
const NOTE_MARK_AT = /\uE000[ \t]*/g;

interface Container {
  blocks: Block[];
  /** Text of a paragraph whose mark was deleted: it runs on into the next paragraph. */
  carry: string;
}

interface Run extends RunLook {
  text: string;
  style?: string;
}

interface Paragraph {
  text: string;
  style?: string;
  numId?: number;
  ilvl?: number;
  markDeleted: boolean;
  /** Text boxes anchored in the paragraph, read after it. */
  boxes: Block[];
  run?: Run;
}

interface Table {
  grid: number[];
  rows: Block;
  cells?: TableCell[];
  rowDeleted: boolean;
  cell?: { span: number; merged: boolean; deleted: boolean };
}

/**
 * Subtrees that hold no displayed text: earlier revisions, deleted text, field instructions,
 * content controls' properties, markup-compatibility fallbacks (the choice before them is read),
 * the small reading aid above ruby text.
 */
const SKIPPED = new Set(['delText', 'instrText', 'delInstrText', 'mc:Fallback', 'sdtPr', 'sdtEndPr', 'sectPr', 'fldData', 'tblGridChange', 'numberingChange', 'rt']);

export function readDocument(bytes: Uint8Array, part: string, styles: Styles, numbering: Numbering, notes: Notes = {}, wanted?: (firstPage: string) => boolean): DocumentText {
  let reader: DocumentReader | undefined;
  let asked = wanted === undefined;
  let stopped = false;
  // Once about a page of the body is read, `wanted` tells whether to read on.
  const goOn = () => {
    if (asked || !reader || reader.bodyCharacters() < FIRST_PAGE_CHARACTERS) return true;
    asked = true;
    stopped = !wanted!(joinBlocks(reader.body.blocks));
    return !stopped;
  };
  readXml(bytes, part, (attribute) => (reader = new DocumentReader(attribute, styles, numbering, notes)), { textOnly: true, goOn });
  if (!reader) return { text: '', trackedChanges: false };
  if (stopped) return { text: joinBlocks(reader.body.blocks), trackedChanges: reader.trackedChanges, firstPageOnly: true };
  reader.flushNotes();
  return { text: joinBlocks([...reader.body.blocks, ...reader.endnotes]), trackedChanges: reader.trackedChanges };
}

/** A footnotes or endnotes part (footnotes.xml, endnotes.xml): each note's paragraphs by its id; separators left out. */
export function readNotes(bytes: Uint8Array, part: string, styles: Styles, numbering: Numbering): { notes: Map<string, Block[]>; trackedChanges: boolean } {
  let reader: DocumentReader | undefined;
  readXml(bytes, part, (attribute) => (reader = new DocumentReader(attribute, styles, numbering.apart(), {})), { textOnly: true });
  return { notes: reader?.noteTexts ?? new Map(), trackedChanges: reader?.trackedChanges ?? false };
}

function joinBlocks(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (out.length > 0) out.push('');
    for (const l of b) out.push(l);
  }
  return out.join('\n');
}

class DocumentReader implements XmlHandler {
  readonly body: Container = { blocks: [], carry: '' };
  trackedChanges = false;
  /** Notes read from a notes part, by id. */
  readonly noteTexts = new Map<string, Block[]>();
  /** Endnotes referred to, in order, with their marks: after the body. */
  readonly endnotes: Block[] = [];
  /** Footnotes referred to since the last paragraph or table of the body ended. */
  private pendingFootnotes: Block[] = [];
  private footnoteCount = 0;
  private endnoteCount = 0;
  private readonly noteIds: string[] = [];
  private readonly containers: Container[] = [this.body];
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: Table[] = [];
  private skipDepth = 0;
  /** Open fields: true while in the instruction (before w:fldChar separate). */
  private readonly fields: boolean[] = [];
  private instructionFields = 0;
  private inText = false;
  /** In w:pPr, w:rPr of a run, w:rPr of the paragraph mark, w:trPr, w:tcPr, w:tblGrid. */
  private inParagraphProperties = false;
  private inRunProperties = false;
  private inRowProperties = false;
  private inCellProperties = false;
  private inGrid = false;

  constructor(
    private readonly attr: WordAttribute,
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly notes: Notes,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    const run = paragraph?.run;
    switch (name) {
      case 'p':
        this.paragraphs.push({ text: '', markDeleted: false, boxes: [] });
        return;
      case 'pPr':
        this.inParagraphProperties = true;
        return;
      case 'r':
        if (paragraph) paragraph.run = { text: '', style: undefined, caps: undefined, vanish: undefined };
        return;
      case 'rPr':
        this.inRunProperties = true;
        return;
      case 't':
        this.inText = run !== undefined && this.instructionFields === 0;
        return;
      case 'tab':
      case 'ptab':
        if (run && !this.inParagraphProperties) this.append(run, '\t');
        return;
      case 'br':
      case 'cr':
        if (run) this.append(run, '\n');
        return;
      case 'noBreakHyphen':
        if (run) this.append(run, '-');
        return;
      case 'sym':
        if (run) this.append(run, symbolCharacter(Number.parseInt(this.attr(attributes, 'char') ?? '', 16) || 0x2022, this.attr(attributes, 'font')));
        return;
      case 'fldChar':
        this.fieldChar(this.attr(attributes, 'fldCharType'));
        return;
      case 'ins':
      case 'moveTo':
        this.trackedChanges = true;
        return;
      case 'del':
      case 'moveFrom':
        this.trackedChanges = true;
        // In the paragraph mark's properties: the mark is deleted, the paragraph runs on into the next.
        if (this.inParagraphProperties && this.inRunProperties) {
          if (paragraph) paragraph.markDeleted = true;
        } else if (this.inRowProperties) {
          if (this.tables.length > 0) this.tables[this.tables.length - 1].rowDeleted = true;
        } else this.skipDepth = 1;
        return;
      case 'cellDel':
        this.trackedChanges = true;
        {
          const cell = this.tables[this.tables.length - 1]?.cell;
          if (cell && this.inCellProperties) cell.deleted = true;
        }
        return;
      case 'pStyle':
        if (paragraph && this.inParagraphProperties && !this.inRunProperties) paragraph.style = this.attr(attributes, 'val');
        return;
      case 'numId':
        if (paragraph && this.inParagraphProperties) paragraph.numId = intOf(this.attr(attributes, 'val'));
        return;
      case 'ilvl':
        if (paragraph && this.inParagraphProperties) paragraph.ilvl = intOf(this.attr(attributes, 'val'));
        return;
      case 'rStyle':
        if (run && this.inRunProperties) run.style = this.attr(attributes, 'val');
        return;
      case 'caps':
        if (run && this.inRunProperties && !this.inParagraphProperties) run.caps = isOn(this.attr(attributes, 'val'));
        return;
      case 'vanish':
        if (run && this.inRunProperties && !this.inParagraphProperties) run.vanish = isOn(this.attr(attributes, 'val'));
        return;
      case 'txbxContent':
        this.containers.push({ blocks: [], carry: '' });
        return;
      case 'footnote':
      case 'endnote': {
        // The separator lines above the notes are notes too, of a type of their own.
        const type = this.attr(attributes, 'type');
        if (type !== undefined && type !== 'normal') {
          this.skipDepth = 1;
          return;
        }
        this.noteIds.push(this.attr(attributes, 'id') ?? '');
        this.containers.push({ blocks: [], carry: '' });
        return;
      }
      case 'footnoteRef':
      case 'endnoteRef':
        if (run) this.append(run, NOTE_MARK);
        return;
      case 'footnoteReference':
      case 'endnoteReference':
        if (run && this.instructionFields === 0) this.noteReferred(name === 'footnoteReference', attributes);
        return;
      case 'tbl':
        this.tables.push({ grid: [], rows: [], rowDeleted: false });
        this.containers.push({ blocks: [], carry: '' });
        return;
      case 'tblGrid':
        this.inGrid = true;
        return;
      case 'gridCol':
        if (this.inGrid) this.tables[this.tables.length - 1]?.grid.push(intOf(this.attr(attributes, 'w')) ?? 0);
        return;
      case 'tr': {
        const table = this.tables[this.tables.length - 1];
        if (table) {
          table.cells = [];
          table.rowDeleted = false;
        }
        return;
      }
      case 'trPr':
        this.inRowProperties = true;
        return;
      case 'tc': {
        const table = this.tables[this.tables.length - 1];
        if (table) table.cell = { span: 1, merged: false, deleted: false };
        this.containers.push({ blocks: [], carry: '' });
        return;
      }
      case 'tcPr':
        this.inCellProperties = true;
        return;
      case 'gridSpan': {
        const cell = this.tables[this.tables.length - 1]?.cell;
        if (cell && this.inCellProperties) cell.span = Math.max(1, intOf(this.attr(attributes, 'val')) ?? 1);
        return;
      }
      case 'vMerge': {
        // A cell that continues the one above it is empty: the merged cell's text is in the first.
        const cell = this.tables[this.tables.length - 1]?.cell;
        if (cell && this.inCellProperties) cell.merged = this.attr(attributes, 'val') !== 'restart';
        return;
      }
    }
    if (SKIPPED.has(name) || name.endsWith('PrChange')) this.skipDepth = 1;
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    switch (name) {
      case 'p':
        this.endParagraph();
        return;
      case 'pPr':
        this.inParagraphProperties = false;
        return;
      case 'rPr':
        this.inRunProperties = false;
        return;
      case 'r':
        this.endRun();
        return;
      case 't':
        this.inText = false;
        return;
      case 'txbxContent': {
        const box = this.containers.pop()!;
        this.flushCarry(box);
        const paragraph = this.paragraphs[this.paragraphs.length - 1];
        const target = paragraph ? paragraph.boxes : this.containers[this.containers.length - 1].blocks;
        for (const b of box.blocks) target.push(b);
        return;
      }
      case 'footnote':
      case 'endnote': {
        const note = this.containers.pop()!;
        this.flushCarry(note);
        this.noteTexts.set(this.noteIds.pop() ?? '', note.blocks);
        return;
      }
      case 'tblGrid':
        this.inGrid = false;
        return;
      case 'trPr':
        this.inRowProperties = false;
        return;
      case 'tcPr':
        this.inCellProperties = false;
        return;
      case 'tc':
        this.endCell();
        return;
      case 'tr':
        this.endRow();
        return;
      case 'tbl':
        this.endTable();
        return;
    }
  }

  text(text: string): void {
    if (!this.inText || this.skipDepth > 0) return;
    const run = this.paragraphs[this.paragraphs.length - 1]?.run;
    if (run) this.append(run, text.indexOf('\u00ad') >= 0 ? text.replace(/\u00ad/g, '') : text);
  }

  private append(run: Run, text: string): void {
    if (this.instructionFields === 0) run.text += text;
  }

  /** A note's reference: the note's text, its mark numbered as Word numbers it (footnotes 1, 2, 3; endnotes i, ii, iii), taken to its place. */
  private noteReferred(footnote: boolean, attributes: Record<string, string>): void {
    const text = (footnote ? this.notes.footnotes : this.notes.endnotes)?.get(this.attr(attributes, 'id') ?? '');
    if (!text) return;
    // A custom mark (customMarkFollows) is the text after the reference, in the body; the note is read as written.
    const customMark = this.attr(attributes, 'customMarkFollows');
    const custom = customMark !== undefined && isOn(customMark);
    const mark = custom ? '' : footnote ? String(++this.footnoteCount) : formatNumber(++this.endnoteCount, 'lowerRoman');
    const placed = text.map((b) => b.map((l) => l.replace(NOTE_MARK_AT, mark === '' ? '' : `${mark} `)));
    (footnote ? this.pendingFootnotes : this.endnotes).push(...placed);
  }

  /** Characters of the body's text read so far. */
  bodyCharacters(): number {
    let n = 0;
    for (const b of this.body.blocks) for (const l of b) n += l.length + 1;
    return n;
  }

  /** The footnotes referred to so far, after the body's paragraph or table that refers to them. */
  flushNotes(): void {
    if (this.pendingFootnotes.length === 0) return;
    for (const b of this.pendingFootnotes) this.body.blocks.push(b);
    this.pendingFootnotes = [];
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push(true);
      this.instructionFields++;
    } else if (type === 'separate') {
      if (this.fields.length > 0 && this.fields[this.fields.length - 1]) {
        this.fields[this.fields.length - 1] = false;
        this.instructionFields--;
      }
    } else if (type === 'end') {
      if (this.fields.length > 0 && this.fields.pop()) this.instructionFields--;
    }
  }

  private endRun(): void {
    const paragraph = this.paragraphs[this.paragraphs.length - 1];
    const run = paragraph?.run;
    if (!run) return;
    paragraph.run = undefined;
    if (run.text === '') return;
    const look = this.styles.look(run, run.style, paragraph.style);
    if (look.vanish) return;
    paragraph.text += look.caps ? run.text.toUpperCase() : run.text;
  }

  private endParagraph(): void {
    const paragraph = this.paragraphs.pop();
    if (!paragraph) return;
    const container = this.containers[this.containers.length - 1];
    if (paragraph.markDeleted) {
      container.carry += paragraph.text;
      for (const b of paragraph.boxes) container.blocks.push(b);
      return;
    }
    const label = this.numberOf(paragraph) ?? '';
    const text = label + container.carry + paragraph.text;
    container.carry = '';
    const lines: string[] = [];
    for (const line of text.split('\n')) {
      const trimmed = line.trimEnd();
      if (trimmed !== '' || lines.length > 0) lines.push(trimmed);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length > 0) container.blocks.push(lines);
    for (const b of paragraph.boxes) container.blocks.push(b);
    if (container === this.body) this.flushNotes();
  }

  private numberOf(paragraph: Paragraph): string | undefined {
    const fromStyle = this.styles.numbering(paragraph.style);
    const numId = paragraph.numId ?? fromStyle.numId;
    if (numId === undefined || numId === 0) return undefined;
    const ilvl = paragraph.ilvl ?? (paragraph.numId === undefined || paragraph.numId === fromStyle.numId ? fromStyle.ilvl : undefined);
    return this.numbering.next(numId, ilvl, paragraph.style ?? this.styles.defaultParagraphStyle);
  }

  /** A paragraph whose mark was deleted at the end of its container keeps its text. */
  private flushCarry(container: Container): void {
    if (container.carry.trim() !== '') container.blocks.push([container.carry.trimEnd()]);
    container.carry = '';
  }

  private endCell(): void {
    const container = this.containers.pop()!;
    this.flushCarry(container);
    const table = this.tables[this.tables.length - 1];
    const cell = table?.cell;
    if (!table || !cell) return;
    table.cell = undefined;
    if (cell.deleted) return;
    const lines: string[] = [];
    if (!cell.merged) for (const b of container.blocks) for (const l of b) if (l.trim() !== '') lines.push(l);
    table.cells?.push({ lines, span: cell.span });
  }

  private endRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.cells) return;
    if (!table.rowDeleted) for (const l of rowLines(table.cells, table.grid)) if (l.trim() !== '') table.rows.push(l);
    table.cells = undefined;
  }

  private endTable(): void {
    const table = this.tables.pop();
    const container = this.containers.pop()!;
    const parent = this.containers[this.containers.length - 1];
    // Paragraphs straight inside w:tbl do not exist in a valid file; a broken one keeps their text.
    for (const b of container.blocks) parent.blocks.push(b);
    if (table && table.rows.length > 0) parent.blocks.push(table.rows);
    if (parent === this.body) this.flushNotes();
  }
}
