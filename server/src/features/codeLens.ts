import type { CodeLens } from 'vscode-languageserver';
import { spanRange } from '../core/workspace/documentEntry';
import type { Analysis } from './analysis';
import { headingTopic } from './references';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

/** The client command that shows the lens's locations (converting them to the editor's types first). */
export const SHOW_REFERENCES_COMMAND = 'outcomeDrafting.showReferences';

interface LensData {
  uri: string;
  section: number;
}

/**
 * Over each section heading: "Discussed at N earlier meetings" (its topic: the entries its
 * heading names, else its title). The count and the locations are worked out when the editor
 * resolves a lens it shows: a topic may have come up at thousands of meetings.
 */
export function codeLenses(analysis: Analysis, workspace: WorkspaceService): CodeLens[] {
  const e = workspace.entryFor(analysis);
  if (!e) return [];
  return e.sections.map((s, section) => ({ range: analysis.toEditor(spanRange(s.span)), data: { uri: analysis.uri, section } satisfies LensData }));
}

export function resolveCodeLens(lens: CodeLens, workspace: WorkspaceService): CodeLens {
  const { uri, section } = lens.data as LensData;
  const index = workspace.index;
  const e = index.entry(canonicalUri(uri));
  const heading = e?.sections[section];
  if (!e || !heading) return { ...lens, command: { title: 'Not discussed at earlier meetings', command: '' } };
  const topic = headingTopic(index, e, heading);
  const earlier = index.earlierMeetingsDiscussing(topic?.kind === 'entry' ? { ids: topic.ids } : { title: heading.title }, e);
  if (earlier.length === 0) return { ...lens, command: { title: 'Not discussed at earlier meetings', command: '' } };
  // One place per meeting: where the topic first comes up there.
  const locations = earlier.map((m) => ({ uri: m.entry.uri, range: spanRange(m.spans[0]) }));
  const title = `Discussed at ${earlier.length} earlier meeting${earlier.length === 1 ? '' : 's'}`;
  return { ...lens, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, lens.range.start, locations] } };
}
