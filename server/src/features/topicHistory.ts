import { RequestType, RequestType0, type Position, type Range } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { markdownLink } from '../core/text/markdown';
import { spanRange } from '../core/workspace/documentEntry';
import type { Analysis } from './analysis';
import { mentionAt } from './references';
import type { WorkspaceService } from './workspaceIndex';

/** Custom requests for the Topic history view; client/src/topicHistory.ts declares the same names. */
export interface TopicChoice {
  id: string;
  name: string;
  /** "topic", "agreement", "body"… */
  kind: string;
  /** Its aliases and abbreviations, which the picker matches typed words against. */
  names: string[];
}

export interface TopicHistoryParams {
  /** A catalogue id, name, alias or abbreviation, or free words. */
  query: string;
}

export interface TopicHistory {
  topic: string;
  meetings: {
    uri: string;
    /** "13228/11, Cracow, 25–26 July 2011" */
    label: string;
    mentions: { range: Range; text: string; section?: string }[];
  }[];
}

export const TopicsRequest = new RequestType0<TopicChoice[], void>('outcome/topics');
export const TopicHistoryRequest = new RequestType<TopicHistoryParams, TopicHistory, void>('outcome/topicHistory');

/** The catalogue's instruments, topics and bodies, to choose from. */
export function topicChoices(catalogue: Catalogue): TopicChoice[] {
  return [
    ...catalogue.topics.map((e) => ({ id: e.id, name: e.name, kind: 'topic', names: [...e.aliases, ...e.abbreviations] })),
    ...catalogue.instruments.map((e) => ({ id: e.id, name: e.name, kind: e.kind, names: [...e.aliases, ...e.abbreviations] })),
    ...catalogue.bodies.map((e) => ({ id: e.id, name: e.name, kind: 'body', names: [...e.aliases, ...e.abbreviations] })),
  ];
}

/** Meetings that discussed the topic, oldest first, each with its sentences. */
export async function topicHistory(workspace: WorkspaceService, params: TopicHistoryParams): Promise<TopicHistory> {
  const { topic, meetings } = await workspace.index.topicHistory(params.query);
  return {
    topic: topic.name,
    meetings: meetings.map((m) => ({ uri: m.uri, label: m.label, mentions: m.occurrences.map((o) => ({ range: o.range, text: o.text, ...(o.section ? { section: o.section } : {}) })) })),
  };
}

/**
 * For the hover on a mention of an instrument or topic: "Last discussed: 9278/18, Sofia,
 * 22–23 May 2018 (1 a)", as a Markdown link to the place; undefined when it was not before.
 */
export function lastDiscussedNote(analysis: Analysis, workspace: WorkspaceService | undefined, position: Position): string | undefined {
  const index = workspace?.index;
  const e = workspace?.entryFor(analysis);
  if (!index || !e) return undefined;
  const p = analysis.toCore(position);
  const id = mentionAt(e, p.line, p.character);
  const last = id && index.lastDiscussed(index.topicOf(id), e);
  if (!last) return undefined;
  const line = spanRange(last.span).start.line + 1;
  return `Last discussed: ${markdownLink(last.label, `${last.entry.uri}#L${line}`)}`;
}
