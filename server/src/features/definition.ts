import type { Location, Position } from 'vscode-languageserver';
import { contains } from '../core/text/range';
import { spanRange, type DocumentEntry } from '../core/workspace/documentEntry';
import type { Analysis } from './analysis';
import type { WorkspaceService } from './workspaceIndex';

/**
 * Go to definition: a meeting reference ("the next Ministerial meeting") leads to that meeting's
 * outcome document, a document number to that document; both land on its subject line.
 */
export function definition(analysis: Analysis, workspace: WorkspaceService, position: Position): Location[] {
  const index = workspace.index;
  const e = workspace.entryFor(analysis);
  if (!e) return [];
  const p = analysis.toCore(position);
  const ref = e.meetingRefs.find((r) => contains(spanRange(r.span), p));
  if (ref) return index.resolveMeetingRef(e, ref).map(locationOf);
  const number = e.references.find((r) => r.series === 'ST' && contains(spanRange(r.span), p));
  const target = number && index.documentByNumber(number.text);
  return target ? [locationOf(target)] : [];
}

function locationOf(e: DocumentEntry): Location {
  return { uri: e.uri, range: spanRange(e.target) };
}
