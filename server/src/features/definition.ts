import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

/**
 * Go to definition: a meeting reference ("the next Ministerial meeting") leads to that meeting's
 * outcome document, a document number to that document; both land on its subject line.
 */
export async function definition(analysis: Analysis, workspace: WorkspaceService, position: Position, token?: CancellationToken): Promise<Location[]> {
  if (!(await workspace.whenBuilt(token))) return [];
  const targets = await workspace.queries.definition(canonicalUri(analysis.uri), analysis.toCore(position));
  return targets.map((e) => ({ uri: e.uri, range: spanRange(e.target) }));
}
