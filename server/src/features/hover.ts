import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { hoverAt } from '../core/editing/hover';
import type { Analysis } from './analysis';

export function hover(analysis: Analysis, catalogue: Catalogue, position: Position): Hover | null {
  if (!analysis.lint) return null;
  const found = hoverAt(analysis.lint.document, catalogue, analysis.toCore(position));
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: analysis.toEditor(found.range) } : null;
}
