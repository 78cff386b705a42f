import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { AddressingRow, HeaderLayout, LayoutBlock, Numbering, PageLayout, Run } from '../../core/layout';

/** What the footer needs besides the document: the drafter's settings. */
export interface FooterSettings {
  /** The drafters' initials as the footer prints them: "PC/pf". */
  initials?: string;
  /** The directorate: "DGD1B", "JAI.1". */
  directorate?: string;
}

// Twentieths of a point. A4 portrait, with the margins of the Council's document template.
const A4 = { width: 11906, height: 16838 };
const MARGINS = { top: 1134, bottom: 1134, left: 1418, right: 1418, header: 567, footer: 567 };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const HALF_INCH = 720;
const FONT = 'Times New Roman';
const SIZE = 24; // half-points: 12 pt

/** The Word document (.docx bytes) of a page layout. */
export async function wordDocument(layout: PageLayout, settings: FooterSettings = {}): Promise<Uint8Array> {
  const numbering = new NumberingPlan();
  const children: (Paragraph | Table)[] = [];
  let sectionIndex = -1;
  for (const block of layout.blocks) {
    if (block.kind === 'heading' && block.level === 'section') sectionIndex++;
    children.push(...renderBlock(block, numbering, Math.max(0, sectionIndex)));
  }
  const document = new Document({
    title: layout.properties.title,
    subject: layout.properties.number,
    creator: settings.initials || undefined,
    customProperties: layout.properties.number ? [{ name: 'Document number', value: layout.properties.number }] : [],
    styles: { default: { document: { run: { font: FONT, size: SIZE }, paragraph: { spacing: { after: 240 } } } } },
    numbering: numbering.options(),
    sections: [
      {
        properties: { page: { size: A4, margin: MARGINS } },
        headers: layout.classifiedMarking ? { default: new Header({ children: [centred([{ text: layout.classifiedMarking, bold: true }])] }) } : undefined,
        footers: { default: new Footer({ children: [footerTable(layout, settings)] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function renderBlock(block: LayoutBlock, numbering: NumberingPlan, sectionIndex: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'header':
      return headerBlock(block.header);
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'addressing':
      return [addressingTable(block.rows), new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } }, spacing: { after: 240 }, children: [] })];
    case 'summary':
      return [justified([{ text: 'Summary: ', bold: true }, ...block.runs])];
    case 'heading': {
      const bold = block.level === 'section';
      const title = block.title.map((r) => (bold ? { ...r, bold: true } : r));
      if (block.numbering.kind === 'text') {
        return [new Paragraph({ keepNext: true, children: textRuns([{ text: `${block.numbering.label}\t`, bold }, ...title]), tabStops: [{ type: 'left', position: HALF_INCH }], indent: { left: HALF_INCH, hanging: HALF_INCH } })];
      }
      const reference = numbering.reference(block.level, block.numbering);
      return [new Paragraph({ keepNext: true, numbering: { reference, level: 0, instance: block.level === 'item' ? sectionIndex : 0 }, children: textRuns(title) })];
    }
    case 'paragraph':
      return [justified(block.runs)];
    case 'annex':
      return [
        new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'ANNEX', bold: true })] }),
        ...(block.title.length ? [centred(block.title.map((r) => ({ ...r, bold: true })))] : []),
      ];
  }
}

/** Issuer | place, date and language; then the number, the interinstitutional file, partial access, marking and codes, right-aligned. */
function headerBlock(h: HeaderLayout): (Paragraph | Table)[] {
  const right = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ text, bold })] });
  const left = (text: string) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold: true, size: 28 })] });
  const columns = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ borders: TableBorders.NONE, children: h.issuer.map(left) }),
          new TableCell({ borders: TableBorders.NONE, children: [h.placeAndDate, h.language].filter((t): t is string => !!t).map((t) => right(t)).concat(h.placeAndDate || h.language ? [] : [right('')]) }),
        ],
      }),
    ],
  });
  const out: (Paragraph | Table)[] = [columns, new Paragraph({ spacing: { after: 0 }, children: [] })];
  if (h.number) out.push(right(h.number, true));
  if (h.interinstitutionalFile) out.push(right(h.interinstitutionalFile));
  if (h.partialAccess) out.push(right(h.partialAccess, true));
  if (h.marking) out.push(right(h.marking, true));
  if (h.codes.length > 0) {
    const codeWidth = 2000;
    const numberWidth = 700;
    out.push(
      new Table({
        alignment: AlignmentType.RIGHT,
        width: { size: codeWidth + numberWidth, type: WidthType.DXA },
        columnWidths: [codeWidth, numberWidth],
        borders: TableBorders.NONE,
        rows: h.codes.map(
          (c) =>
            new TableRow({
              children: [
                new TableCell({ borders: TableBorders.NONE, children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun(c.code)] })] }),
                new TableCell({ borders: TableBorders.NONE, children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun(c.number)] })] }),
              ],
            }),
        ),
      }),
    );
  }
  return out;
}

function addressingTable(rows: AddressingRow[]): Table {
  const labelWidth = 2268;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, TEXT_WIDTH - labelWidth],
    borders: TableBorders.NONE,
    rows: rows.map(
      (r) =>
        new TableRow({
          children: [
            new TableCell({ borders: TableBorders.NONE, children: [new Paragraph({ spacing: { after: 120 }, children: [new TextRun(r.label)] })] }),
            new TableCell({ borders: TableBorders.NONE, children: [new Paragraph({ spacing: { after: 120 }, children: textRuns(r.value) })] }),
          ],
        }),
    ),
  });
}

/** The Council's footer: number, initials and page on the first line; directorate, marking and language on the second. */
function footerTable(layout: PageLayout, settings: FooterSettings): Table {
  const f = layout.footer;
  const cell = (children: ParagraphChild[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new TableCell({ borders: TableBorders.NONE, children: [new Paragraph({ alignment, spacing: { after: 0 }, children })] });
  const run = (text: string | undefined, bold = false) => new TextRun({ text: text ?? '', bold, size: 20 });
  const third = Math.floor(TEXT_WIDTH / 3);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [third, third, TEXT_WIDTH - 2 * third],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell([run(f.number)], AlignmentType.LEFT), cell([run(settings.initials)], AlignmentType.CENTER), cell([new TextRun({ children: [PageNumber.CURRENT], size: 20 })], AlignmentType.RIGHT)] }),
      new TableRow({ children: [cell([run(settings.directorate)], AlignmentType.LEFT), cell([run(f.marking, true)], AlignmentType.CENTER), cell([run(f.language, true)], AlignmentType.RIGHT)] }),
    ],
  });
}

function textRuns(runs: readonly Run[]): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, underline: r.underline ? {} : undefined }));
}

function justified(runs: readonly Run[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: textRuns(runs) });
}

function centred(runs: readonly Run[]): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(runs) });
}

/**
 * Word's own numbering, one list definition per written form ("1.", "a)", "(a)", "I."): sections
 * are one list, each section's items a list of their own (an instance per section), so an item
 * list starts at a) again in every section and a section added in Word gets the next number.
 */
class NumberingPlan {
  private readonly definitions = new Map<string, INumberingOptions['config'][number]>();

  reference(level: 'section' | 'item', numbering: Extract<Numbering, { kind: 'auto' }>): string {
    const reference = `${level}-${numbering.format}-${numbering.before === '(' ? 'paren' : ''}${numbering.after === ')' ? 'close' : 'dot'}`;
    if (!this.definitions.has(reference)) {
      this.definitions.set(reference, {
        reference,
        levels: [
          {
            level: 0,
            format: LevelFormat[numbering.format === 'decimal' ? 'DECIMAL' : numbering.format === 'lowerLetter' ? 'LOWER_LETTER' : 'UPPER_ROMAN'],
            text: `${numbering.before}%1${numbering.after}`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: HALF_INCH, hanging: HALF_INCH } }, run: level === 'section' ? { bold: true } : undefined },
          },
        ],
      });
    }
    return reference;
  }

  options(): INumberingOptions {
    return { config: [...this.definitions.values()] };
  }
}
