import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

/**
 * Find references on a mention of an instrument or topic, or on a section or item heading:
 * every mention of it across the workspace, oldest meeting first. A heading that names no
 * catalogue entry finds the headings of the same title.
 */
export async function references(analysis: Analysis, workspace: WorkspaceService, position: Position, token?: CancellationToken): Promise<Location[]> {
  if (!(await workspace.whenBuilt(token))) return [];
  const page = await workspace.queries.references(canonicalUri(analysis.uri), analysis.toCore(position));
  return page.locations;
}
