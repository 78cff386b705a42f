import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { hoverAt } from '../core/editing/hover';
import type { Analysis } from './analysis';
import { lastDiscussedNote } from './topicHistory';
import type { WorkspaceService } from './workspaceIndex';

export async function hover(analysis: Analysis, catalogue: Catalogue, position: Position, workspace?: WorkspaceService): Promise<Hover | null> {
  if (!analysis.lint) return null;
  const found = hoverAt(analysis.lint.document, catalogue, analysis.toCore(position));
  if (!found) return null;
  // On a mention of an instrument or topic: when the workspace last discussed it.
  const note = await lastDiscussedNote(analysis, workspace, position);
  return { contents: { kind: MarkupKind.Markdown, value: note ? `${found.markdown}\n\n${note}` : found.markdown }, range: analysis.toEditor(found.range) };
}
