import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { completionsAt, type CompletionKind } from '../core/editing/completion';
import type { Analysis } from './analysis';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  'subject-code': CompletionItemKind.Constant,
  marking: CompletionItemKind.Constant,
  language: CompletionItemKind.Value,
  'addressing-label': CompletionItemKind.Keyword,
  heading: CompletionItemKind.Snippet,
  instrument: CompletionItemKind.Reference,
  topic: CompletionItemKind.Text,
  body: CompletionItemKind.Module,
  presidency: CompletionItemKind.EnumMember,
};

export function completion(analysis: Analysis, catalogue: Catalogue, position: Position): CompletionList {
  if (!analysis.lint) return { isIncomplete: false, items: [] };
  const found = completionsAt(analysis.lint.document, catalogue, analysis.toCore(position));
  const items = found.items.map((c): CompletionItem => {
    const item: CompletionItem = {
      label: c.label,
      kind: KINDS[c.kind],
      textEdit: { range: analysis.toEditor(c.range), newText: c.insertText },
    };
    if (c.detail) item.detail = c.detail;
    if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
    if (c.filterText) item.filterText = c.filterText;
    if (c.sortText) item.sortText = c.sortText;
    return item;
  });
  return { isIncomplete: found.incomplete, items };
}
