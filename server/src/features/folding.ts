import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Range } from '../core/text/range';
import type { Analysis } from './analysis';

/** The header, the addressing block, each section and each item: whatever spans several lines. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const doc = analysis.lint?.document;
  if (!doc || doc.kind !== 'outcome') return [];
  const out: FoldingRange[] = [];
  const fold = (r: Range | undefined, kind?: FoldingRangeKind) => {
    if (r && r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line, ...(kind ? { kind } : {}) });
  };
  const h = doc.header;
  const headerParts = [h.issuer, h.dateLine, h.number, h.partialAccess, h.marking, ...h.subjectCodes.map((c) => ({ range: c.lineRange }))].filter((p) => p !== undefined);
  if (headerParts.length) {
    const lines = headerParts.flatMap((p) => [p.range.start.line, p.range.end.line]);
    fold({ start: { line: Math.min(...lines), character: 0 }, end: { line: Math.max(...lines), character: 0 } }, FoldingRangeKind.Region);
  }
  if (doc.addressing.length) fold({ start: doc.addressing[0].range.start, end: doc.addressing[doc.addressing.length - 1].range.end }, FoldingRangeKind.Region);
  for (const section of doc.sections) {
    fold(section.range);
    for (const item of section.items) fold(item.range);
  }
  return out;
}
