import type { DocumentLink } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import { meetingLabel } from '../core/workspace/meetingLabel';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

/** Every Council (ST) document number in the text whose document is in the workspace, as a link to its file. */
export async function documentLinks(analysis: Analysis, workspace: WorkspaceService): Promise<DocumentLink[]> {
  const links = await workspace.queries.numberLinks(canonicalUri(analysis.uri));
  return links.map(({ span, target }) => ({ range: analysis.toEditor(spanRange(span)), target: target.uri, tooltip: meetingLabel(target) }));
}
