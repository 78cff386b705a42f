import { MarkupKind, type CancellationToken, type Hover, type Position } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { hoverAt } from '../core/editing/hover';
import type { Analysis } from './analysis';
import { lastDiscussedNote } from './topicHistory';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';
import { escapeMarkdown, markdownLink } from '../core/text/markdown';
import { contains } from '../core/text/range';
import { spanRange } from '../core/workspace/documentEntry';
import { meetingLabel } from '../core/workspace/meetingLabel';

export async function hover(analysis: Analysis, catalogue: Catalogue, position: Position, workspace?: WorkspaceService, token?: CancellationToken): Promise<Hover | null> {
  if (!analysis.lint) return null;
  const meeting = workspace && (await meetingPhraseHover(analysis, workspace, position));
  if (meeting) return meeting;
  const found = hoverAt(analysis.lint.document, catalogue, analysis.toCore(position));
  if (!found) return null;
  // On a mention of an instrument or topic: when the workspace last discussed it.
  const note = await lastDiscussedNote(analysis, workspace, position, token);
  return { contents: { kind: MarkupKind.Markdown, value: note ? `${found.markdown}\n\n${note}` : found.markdown }, range: analysis.toEditor(found.range) };
}

/** On "the next Ministerial meeting": the meeting it leads to, as a link, or why it leads nowhere. */
async function meetingPhraseHover(analysis: Analysis, workspace: WorkspaceService, position: Position): Promise<Hover | null> {
  const at = analysis.toCore(position);
  const phrase = (await workspace.queries.meetingPhrases(canonicalUri(analysis.uri))).find((p) => contains(spanRange(p.span), at));
  if (!phrase) return null;
  const range = spanRange(phrase.span);
  const words = escapeMarkdown(analysis.lint!.document.lines[range.start.line].slice(range.start.character, range.end.character));
  const value = phrase.targets.length
    ? `**${words}**: ${phrase.targets.map((t) => markdownLink(meetingLabel(t), t.uri)).join('; ')}`
    : `**${words}**: not found — ${escapeMarkdown(phrase.reason ?? '')}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.toEditor(range) };
}
