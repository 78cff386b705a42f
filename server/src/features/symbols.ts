import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutcomeDocument, Section } from '../core/document/model';
import { formatDate } from '../core/document/dates';
import { comparePositions, type Range } from '../core/text/range';
import type { Analysis } from './analysis';

/** A symbol in core positions; converted to the editor's in one place. */
interface Outline {
  name: string;
  kind: SymbolKind;
  range: Range;
  selection?: Range;
  detail?: string;
  children?: Outline[];
}

/** Header (its parts), the title, Addressing (its fields), then each section with its items. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const doc = analysis.lint?.document;
  if (!doc || doc.kind !== 'outcome') return [];
  const convert = (o: Outline): DocumentSymbol => ({
    name: o.name.trim() || '(empty)',
    kind: o.kind,
    range: analysis.toEditor(o.range),
    selectionRange: analysis.toEditor(o.selection ?? o.range),
    ...(o.detail ? { detail: o.detail } : {}),
    ...(o.children ? { children: o.children.map(convert) } : {}),
  });
  return outline(doc).map(convert);
}

function outline(doc: OutcomeDocument): Outline[] {
  const out: Outline[] = [];
  const header = headerParts(doc);
  if (header.length) out.push({ name: 'Header', kind: SymbolKind.Namespace, range: spanning(header.map((p) => p.range)), selection: header[0].range, children: header });
  if (doc.title) out.push({ name: doc.title.value, kind: SymbolKind.String, range: doc.title.range });
  if (doc.addressing.length) {
    const fields = doc.addressing.map((f): Outline => ({ name: f.labelText.replace(/\s+/g, ' '), kind: SymbolKind.Field, range: f.range, selection: f.labelRange, detail: f.value.slice(0, 120) }));
    out.push({ name: 'Addressing', kind: SymbolKind.Namespace, range: spanning(fields.map((f) => f.range)), selection: fields[0].selection, children: fields });
  }
  out.push(...doc.sections.map(sectionOutline));
  if (doc.annex) {
    const last = doc.lines.length - 1;
    out.push({ name: doc.annex.value, kind: SymbolKind.Namespace, range: { start: doc.annex.range.start, end: { line: last, character: doc.lines[last].length } }, selection: doc.annex.range });
  }
  return out;
}

function headerParts(doc: OutcomeDocument): Outline[] {
  const h = doc.header;
  const parts: Outline[] = [];
  if (h.issuer) parts.push({ name: h.issuer.value, kind: SymbolKind.String, range: h.issuer.range, detail: 'issuer' });
  if (h.dateLine) {
    const name = h.date?.value.valid ? `${h.place?.value ?? ''}, ${formatDate(h.date.value)}` : h.dateLine.value;
    parts.push({ name, kind: SymbolKind.Event, range: h.dateLine.range, detail: 'date' });
  }
  if (h.language) parts.push({ name: `(OR. ${h.language.value})`, kind: SymbolKind.Constant, range: h.language.range, detail: 'original language' });
  if (h.number) parts.push({ name: h.number.text, kind: SymbolKind.Number, range: h.number.range, detail: 'document number' });
  if (h.partialAccess) parts.push({ name: 'Partially accessible to the public', kind: SymbolKind.Property, range: h.partialAccess.range, detail: h.partialAccess.date?.text });
  if (h.marking) parts.push({ name: h.marking.value, kind: SymbolKind.Constant, range: h.marking.range, detail: 'marking' });
  for (const c of h.subjectCodes) parts.push({ name: `${c.code} ${c.numberText}`, kind: SymbolKind.Constant, range: c.lineRange, selection: c.codeRange, detail: 'subject code' });
  return parts.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function sectionOutline(section: Section): Outline {
  const items = section.items.map((item): Outline => ({ name: item.heading.text, kind: SymbolKind.Method, range: item.range, selection: item.heading.range }));
  return { name: section.heading.text, kind: SymbolKind.Module, range: section.range, selection: section.heading.range, children: items };
}

/** From the first range's start to the furthest end (ranges in document order). */
function spanning(ranges: Range[]): Range {
  const end = ranges.reduce((a, r) => (comparePositions(r.end, a) > 0 ? r.end : a), ranges[0].end);
  return { start: ranges[0].start, end };
}
