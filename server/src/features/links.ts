import type { DocumentLink } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import { meetingLabel } from '../core/workspace/meetingLabel';
import type { Analysis } from './analysis';
import type { WorkspaceService } from './workspaceIndex';

/** Every Council (ST) document number in the text whose document is in the workspace, as a link to its file. */
export function documentLinks(analysis: Analysis, workspace: WorkspaceService): DocumentLink[] {
  const e = workspace.entryFor(analysis);
  if (!e) return [];
  const links: DocumentLink[] = [];
  for (const r of e.references) {
    if (r.series !== 'ST') continue;
    const target = workspace.index.documentByNumber(r.text);
    if (!target || target.uri === e.uri) continue;
    links.push({ range: analysis.toEditor(spanRange(r.span)), target: target.uri, tooltip: meetingLabel(target) });
  }
  return links;
}
