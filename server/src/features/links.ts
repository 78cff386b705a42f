import type { CancellationToken, DocumentLink } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import { meetingLabel } from '../core/workspace/meetingLabel';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

/**
 * Every Council (ST) document number in the text whose document is in the workspace, and every
 * meeting phrase ("the next Ministerial meeting") that leads to a meeting's outcome there, as a
 * link to its file. Always after the first build: an editor asks for links again only when the
 * text changes, so links missing from half an index would stay missing.
 */
export async function documentLinks(analysis: Analysis, workspace: WorkspaceService, token?: CancellationToken): Promise<DocumentLink[]> {
  if (!(await workspace.whenBuilt(token))) return [];
  const uri = canonicalUri(analysis.uri);
  const numbers = await workspace.queries.numberLinks(uri);
  const phrases = await workspace.queries.meetingPhrases(uri);
  return [
    ...numbers.map(({ span, target }) => ({ range: analysis.toEditor(spanRange(span)), target: target.uri, tooltip: meetingLabel(target) })),
    ...phrases.filter((p) => p.targets.length > 0).map(({ span, targets }) => ({ range: analysis.toEditor(spanRange(span)), target: targets[0].uri, tooltip: targets.map((t) => meetingLabel(t)).join('; ') })),
  ];
}
