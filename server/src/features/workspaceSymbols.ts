import { SymbolKind, type CancellationToken, type SymbolInformation } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import type { WorkspaceService } from './workspaceIndex';

/** Enough for any picker; the editor filters and ranks what it gets. */
const LIMIT = 256;

/** Every section and item heading of the workspace matching the query: "Session 4: PNR issues — 13228/11, Cracow, July 2011". */
export async function workspaceSymbols(workspace: WorkspaceService, query: string, token?: CancellationToken): Promise<SymbolInformation[]> {
  if (!(await workspace.whenBuilt(token))) return [];
  return (await workspace.queries.symbols(query, LIMIT)).map((s) => ({
    name: s.name,
    kind: s.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Field,
    location: { uri: s.uri, range: spanRange(s.span) },
    ...(s.container ? { containerName: s.container } : {}),
  }));
}
