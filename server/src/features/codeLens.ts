import type { CancellationToken, CodeLens } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import { SHOW_REFERENCES_COMMAND } from '../../../shared/protocol';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

interface LensData {
  uri: string;
  section: number;
}

/**
 * Over each section heading: "Discussed at N earlier meetings" (its topic: the entries its
 * heading names, else its title). The count and the locations are worked out when the editor
 * resolves a lens it shows: a topic may have come up at thousands of meetings.
 */
export async function codeLenses(analysis: Analysis, workspace: WorkspaceService, token?: CancellationToken): Promise<CodeLens[]> {
  if (!(await workspace.whenBuilt(token))) return [];
  const e = await workspace.queries.document(canonicalUri(analysis.uri));
  if (!e) return [];
  return e.sections.map((s, section) => ({ range: analysis.toEditor(spanRange(s.span)), data: { uri: analysis.uri, section } satisfies LensData }));
}

export async function resolveCodeLens(lens: CodeLens, workspace: WorkspaceService, token?: CancellationToken): Promise<CodeLens> {
  const { uri, section } = lens.data as LensData;
  if (!(await workspace.whenBuilt(token))) return lens;
  const earlier = await workspace.queries.earlierMeetings(canonicalUri(uri), section);
  const tooltip = counted(await workspace.queries.sectionTopic(canonicalUri(uri), section));
  if (earlier.length === 0) return { ...lens, command: { title: 'Not discussed at earlier meetings', command: '', tooltip } };
  // One place per meeting: where the topic first comes up there.
  const locations = earlier.map((m) => ({ uri: m.entry.uri, range: spanRange(m.spans[0]) }));
  const title = `Discussed at ${earlier.length} earlier meeting${earlier.length === 1 ? '' : 's'}`;
  return { ...lens, command: { title, command: SHOW_REFERENCES_COMMAND, tooltip, arguments: [uri, lens.range.start, locations] } };
}

/** The lens's hover: which topic it counted, so a drafter can check it against the Topic History or `outcome-lint mentions`. */
function counted(topic: { names: string[] } | { title: string } | undefined): string | undefined {
  if (!topic) return undefined;
  if ('title' in topic) return `Counted: earlier meetings with a section titled "${topic.title}" (the heading names no catalogue topic)`;
  return `Counted: earlier meetings that mention ${topic.names.join(', ')}`;
}
