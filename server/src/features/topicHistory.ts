import type { CancellationToken, Position } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { markdownLink } from '../core/text/markdown';
import { mentionAt, spanRange } from '../core/workspace/documentEntry';
import { TOPIC_HISTORY_PAGE, type TopicChoice, type TopicHistory, type TopicHistoryParams } from '../../../shared/protocol';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

/** The catalogue's instruments, topics and bodies, to choose from. */
export function topicChoices(catalogue: Catalogue): TopicChoice[] {
  return [
    ...catalogue.topics.map((e) => ({ id: e.id, name: e.name, kind: 'topic', names: [...e.aliases, ...e.abbreviations] })),
    ...catalogue.instruments.map((e) => ({ id: e.id, name: e.name, kind: e.kind, names: [...e.aliases, ...e.abbreviations] })),
    ...catalogue.bodies.map((e) => ({ id: e.id, name: e.name, kind: 'body', names: [...e.aliases, ...e.abbreviations] })),
  ];
}

/** Meetings that discussed the topic, oldest first, each with its sentences. */
export async function topicHistory(workspace: WorkspaceService, params: TopicHistoryParams, token?: CancellationToken): Promise<TopicHistory> {
  const isCancelled = () => token?.isCancellationRequested === true;
  await workspace.whenBuilt(token);
  const offset = Math.max(0, Math.floor(params.offset ?? 0));
  const limit = Math.max(1, Math.floor(params.limit ?? TOPIC_HISTORY_PAGE));
  const { topic, meetings, total, mentions } = await workspace.queries.history(params.query, { offset, limit }, isCancelled);
  return {
    topic: topic.name,
    total,
    ...(mentions === undefined ? {} : { mentions }),
    offset,
    limit,
    meetings: meetings.map((m) => ({ uri: m.uri, label: m.label, mentions: m.occurrences.map((o) => ({ range: o.range, text: o.text, at: o.at, ...(o.section ? { section: o.section } : {}) })) })),
  };
}

/**
 * For the hover on a mention of an instrument or topic: "Last discussed: 9278/18, Sofia,
 * 22–23 May 2018 (1 a)", as a Markdown link to the place; undefined when it was not before.
 */
export async function lastDiscussedNote(analysis: Analysis, workspace: WorkspaceService | undefined, position: Position, token?: CancellationToken): Promise<string | undefined> {
  if (!workspace) return undefined;
  const uri = canonicalUri(analysis.uri);
  const at = analysis.toCore(position);
  // Only a hover on a mention names an earlier meeting: only then does it wait for the first build.
  const own = await workspace.queries.document(uri);
  if (!own || !mentionAt(own, at.line, at.character) || !(await workspace.whenBuilt(token))) return undefined;
  const last = await workspace.queries.lastDiscussion(uri, at);
  if (!last) return undefined;
  const line = spanRange(last.span).start.line + 1;
  return `Last discussed: ${markdownLink(last.label, `${last.entry.uri}#L${line}`)}`;
}
