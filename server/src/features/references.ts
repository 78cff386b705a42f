import type { Location, Position } from 'vscode-languageserver';
import type { Topic } from '../core/topics';
import type { DocumentEntry, HeadingEntry } from '../core/workspace/documentEntry';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import type { Analysis } from './analysis';
import type { WorkspaceService } from './workspaceIndex';

/**
 * Find references on a mention of an instrument or topic, or on a section or item heading:
 * every mention of it across the workspace, oldest meeting first. A heading that names no
 * catalogue entry finds the headings of the same title.
 */
export function references(analysis: Analysis, workspace: WorkspaceService, position: Position): Location[] {
  const index = workspace.index;
  const e = workspace.entryFor(analysis);
  if (!e) return [];
  const p = analysis.toCore(position);
  const mentioned = mentionAt(e, p.line, p.character);
  if (mentioned) return index.references(index.topicOf(mentioned)).toArray();
  const heading = headingAt(e, p.line);
  if (!heading) return [];
  const topic = headingTopic(index, e, heading);
  return topic ? index.references(topic).toArray() : index.headingsTitled(heading.title);
}

/** The catalogue entry mentioned at a position. */
export function mentionAt(e: DocumentEntry, line: number, character: number): string | undefined {
  for (const g of e.mentions) {
    for (let i = 0; i < g.spans.length; i += 3) {
      if (g.spans[i] === line && g.spans[i + 1] <= character && character <= g.spans[i + 2]) return g.id;
    }
  }
  return undefined;
}

export function headingAt(e: DocumentEntry, line: number): HeadingEntry | undefined {
  for (const s of e.sections) {
    if (s.span[0] === line) return s;
    const item = s.items.find((i) => i.span[0] === line);
    if (item) return item;
  }
  return undefined;
}

/** The entries a heading names, each with the instruments named after it; undefined when it names none. */
export function headingTopic(index: WorkspaceIndex, e: DocumentEntry, heading: HeadingEntry): Topic | undefined {
  const ids = new Set<string>();
  const [line, start, end] = heading.span;
  for (const g of e.mentions) {
    for (let i = 0; i < g.spans.length; i += 3) {
      if (g.spans[i] === line && g.spans[i + 1] >= start && g.spans[i + 2] <= end) {
        const topic = index.topicOf(g.id);
        if (topic.kind === 'entry') topic.ids.forEach((id) => ids.add(id));
      }
    }
  }
  if (ids.size === 0) return undefined;
  return { kind: 'entry', id: [...ids][0], name: heading.title, ids };
}
