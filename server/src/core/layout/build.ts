import type { Catalogue } from '../catalogue/catalogue';
import type { AddressingField, AddressingLabel, Heading, OutcomeDocument, Paragraph } from '../document/model';
import { contentBounds, isRule } from '../text/lines';
import { range as rangeOf } from '../text/range';
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

/** The page layout of a parsed outcome document; `text` is the source it was parsed from. */
export function buildLayout(doc: OutcomeDocument, text: string, catalogue: Catalogue): PageLayout {
  const raw = sourceLines(text);
  const blocks: LayoutBlock[] = [];
  const h = doc.header;
  const headerEnd = doc.title ? doc.title.range.start.line - 1 : h.range.end.line;
  blocks.push({ kind: 'header', header: headerLayout(doc), line: 0, endLine: Math.max(0, headerEnd) });
  if (doc.title) blocks.push({ kind: 'title', text: doc.title.value.replace(/\s+/g, ' ').toUpperCase(), line: doc.title.range.start.line, endLine: doc.title.range.end.line });

  const fields = doc.addressing.filter((f): f is AddressingField & { label: Exclude<AddressingLabel, 'summary'> } => f.label !== 'summary');
  if (fields.length > 0) {
    const rows: AddressingRow[] = fields.map((f) => ({ label: ADDRESSING_LABELS[f.label], value: runsIn(raw, f.valueRange) }));
    blocks.push({ kind: 'addressing', rows, line: fields[0].range.start.line, endLine: fields[fields.length - 1].range.end.line });
  }
  const summaryField = doc.addressing.find((f) => f.label === 'summary');
  if (doc.summary) {
    blocks.push({ kind: 'summary', runs: runsIn(raw, doc.summary.range), line: summaryField?.range.start.line ?? doc.summary.range.start.line, endLine: doc.summary.range.end.line });
  }

  const bodyStart = Math.max(headerEnd, ...[doc.title, ...doc.addressing, doc.summary].map((x) => x?.range.end.line ?? -1)) + 1;
  const annexLine = doc.annex?.range.start.line;
  blocks.push(...bodyBlocks(doc, raw, bodyStart, annexLine ?? doc.lineCount));
  if (doc.annex && annexLine !== undefined) blocks.push(...annexBlocks(doc, raw, annexLine));

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
function bodyBlocks(doc: OutcomeDocument, raw: string[], from: number, to: number): LayoutBlock[] {
  const headings = new Map<number, HeadingPlace>();
  const paragraphs = new Map<number, Paragraph>();
  const sectionNumbering = numberings(doc, doc.sections.map((s) => s.heading));
  doc.sections.forEach((s, i) => {
    headings.set(s.heading.range.start.line, { heading: s.heading, level: 'section', numbering: sectionNumbering[i] });
    const itemNumbering = numberings(doc, s.items.map((it) => it.heading));
    s.items.forEach((it, j) => {
      headings.set(it.heading.range.start.line, { heading: it.heading, level: 'item', numbering: itemNumbering[j] });
      for (const p of it.paragraphs) paragraphs.set(p.range.start.line, p);
    });
    for (const p of s.paragraphs) paragraphs.set(p.range.start.line, p);
  });
  for (const p of doc.preamble) paragraphs.set(p.range.start.line, p);
  const footers = new Set(doc.footers.map((r) => r.start.line));

  const blocks: LayoutBlock[] = [];
  for (let l = from; l < to; l++) {
    const place = headings.get(l);
    if (place) {
      // A title wrapped onto the lines below its number runs on to the next paragraph or heading.
      let last = l;
      for (let n = l + 1; n < to && !headings.has(n) && !paragraphs.has(n) && !footers.has(n) && !isRule(doc.lines[n]); n++) {
        if (contentBounds(doc.lines[n])[0] < doc.lines[n].length) last = n;
        else if (n > last + 1) break;
      }
      const titleStart = titleColumn(doc, place.heading);
      const title = titleStart === undefined ? [] : runsIn(raw, rangeOf(l, titleStart, last, doc.lines[last].length));
      blocks.push({ kind: 'heading', level: place.level, numbering: place.numbering, title, line: l, endLine: last });
      l = last;
      continue;
    }
    const p = paragraphs.get(l);
    if (p && (!doc.summary || p.range.start.line !== doc.summary.range.start.line)) {
      blocks.push({ kind: 'paragraph', runs: runsIn(raw, p.range), line: l, endLine: p.range.end.line });
      l = p.range.end.line;
    }
  }
  return blocks;
}

/** The annex on its own page: its heading line, then its paragraphs (lines joined until a blank line, as in the body). */
function annexBlocks(doc: OutcomeDocument, raw: string[], annexLine: number): LayoutBlock[] {
  const headingLine = doc.lines[annexLine];
  const [s, e] = contentBounds(headingLine);
  const isAnnexWord = /^annex\b/i.test(headingLine.slice(s, e));
  const blocks: LayoutBlock[] = [{ kind: 'annex', title: isAnnexWord ? [] : runsIn(raw, rangeOf(annexLine, s, annexLine, e)), line: annexLine, endLine: annexLine }];
  const footers = new Set(doc.footers.map((r) => r.start.line));
  let start: number | undefined;
  let end = 0;
  const close = () => {
    if (start === undefined) return;
    blocks.push({ kind: 'paragraph', runs: runsIn(raw, rangeOf(start, contentBounds(doc.lines[start])[0], end, doc.lines[end].length)), line: start, endLine: end });
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

