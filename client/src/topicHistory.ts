import * as vscode from 'vscode';
import type { LanguageClient, Location } from 'vscode-languageclient/node';
import { SHOW_REFERENCES_COMMAND, sendCustomRequest, TopicHistoryRequest, TopicsRequest, type TopicHistory } from '../../shared/protocol';
import { viewUri } from './archiveView';

const VIEW_ID = 'outcomeDrafting.topicHistory';
/** Reads the next page of the topic shown (the view's last node). */
const MORE_COMMAND = 'outcomeDrafting.topicHistoryMore';

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'object' ? label.label : (label ?? '');
}

type Meeting = TopicHistory['meetings'][number];
type Mention = Meeting['mentions'][number];
/** One sentence of a meeting's document with every mention of the topic in it. */
interface Row {
  text: string;
  section?: string;
  mentions: Mention[];
}
type HistoryNode = { meeting: Meeting } | { meeting: Meeting; row: Row } | { more: number };

/** A meeting's mentions, one row per sentence (in the order the sentences come), not one per mention. */
export function rowsOf(meeting: Meeting): Row[] {
  const rows = new Map<string, Row>();
  for (const m of meeting.mentions) {
    // The same words may stand in two places: a sentence is its line as well as its text.
    const key = `${m.range.start.line}\u0000${m.section ?? ''}\u0000${m.text}`;
    const row = rows.get(key);
    if (row) row.mentions.push(m);
    else rows.set(key, { text: m.text, section: m.section, mentions: [m] });
  }
  return [...rows.values()];
}

/** Meetings that discussed the chosen topic, oldest first; under each, the sentences that mention it, each once. */
class TopicHistoryTree implements vscode.TreeDataProvider<HistoryNode> {
  private history: TopicHistory | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** The first page of a topic's history, or the next page of the one shown (added below it). */
  show(history: TopicHistory): void {
    const shown = this.history;
    this.history = shown && history.offset > 0 && shown.topic === history.topic ? { ...history, meetings: [...shown.meetings, ...history.meetings] } : history;
    this.changed.fire();
  }

  rows(): { meeting: string; rows: string[] }[] {
    return this.getChildren()
      .filter((m): m is { meeting: Meeting } => 'meeting' in m)
      .map((m) => ({ meeting: m.meeting.label, rows: this.getChildren(m).map((r) => labelText(this.getTreeItem(r).label)) }));
  }

  /** Where the next page starts, while there is one. */
  get next(): { topic: string; offset: number } | undefined {
    const h = this.history;
    return h && h.offset + h.limit < h.total ? { topic: h.topic, offset: h.offset + h.limit } : undefined;
  }

  get shown(): TopicHistory | undefined {
    return this.history;
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (!node) {
      const meetings: HistoryNode[] = this.history?.meetings.map((meeting) => ({ meeting })) ?? [];
      const next = this.next;
      return next ? [...meetings, { more: next.offset }] : meetings;
    }
    if ('more' in node) return [];
    return 'row' in node ? [] : rowsOf(node.meeting).map((row) => ({ meeting: node.meeting, row }));
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if ('more' in node) {
      const item = new vscode.TreeItem(`More… (${node.more} of ${this.history?.total ?? 0} documents read)`, vscode.TreeItemCollapsibleState.None);
      item.command = { title: 'More', command: MORE_COMMAND };
      return item;
    }
    if (!('row' in node)) {
      const n = node.meeting.mentions.length;
      const item = new vscode.TreeItem(node.meeting.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${n} mention${n === 1 ? '' : 's'}`;
      item.resourceUri = viewUri(vscode.Uri.parse(node.meeting.uri));
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const { row } = node;
    const n = row.mentions.length;
    const item = new vscode.TreeItem({ label: row.text, highlights: row.mentions.map((m) => m.at) }, vscode.TreeItemCollapsibleState.None);
    item.description = [row.section, n > 1 ? `${n} mentions` : undefined].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(row.text);
    const r = row.mentions[0].range;
    const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    item.command = { title: 'Open', command: 'vscode.open', arguments: [viewUri(vscode.Uri.parse(node.meeting.uri)), { selection } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }
}

/**
 * The "Topic History" view in the Explorer, its command ("Outcome Drafting: Show Topic History":
 * pick a catalogue entry, or type words), and the command the server's code lenses run to list
 * earlier meetings (their locations arrive as protocol JSON and are converted here).
 */
export function registerTopicHistory(context: vscode.ExtensionContext, client: LanguageClient): TopicHistoryView {
  const tree = new TopicHistoryTree();
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const shown = new vscode.EventEmitter<TopicHistory>();
  /** The query the shown topic was asked by (the answer names the topic, the next page asks again by the query). */
  let query = '';
  const describe = () => {
    const h = tree.shown;
    if (!h) return;
    const more = tree.next ? ` (of ${h.total} documents, ${tree.next.offset} read)` : '';
    const mentions = h.mentions === undefined ? '' : `; ${h.mentions.toLocaleString('en-GB')} mention${h.mentions === 1 ? '' : 's'} in all`;
    view.message = h.meetings.length ? `${h.topic}: ${h.meetings.length} meetings, oldest first${more}${mentions}` : `${h.topic}: not mentioned in the workspace`;
  };
  context.subscriptions.push(
    view,
    shown,
    vscode.commands.registerCommand('outcomeDrafting.showTopicHistory', async (asked?: string) => {
      const topic = typeof asked === 'string' ? asked : await pickTopic(client);
      if (!topic) return;
      query = topic;
      tree.show(await sendCustomRequest(client, TopicHistoryRequest, { query }));
      describe();
      shown.fire(tree.shown!);
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),
    vscode.commands.registerCommand(MORE_COMMAND, async () => {
      const next = tree.next;
      if (!next) return;
      tree.show(await sendCustomRequest(client, TopicHistoryRequest, { query, offset: next.offset }));
      describe();
      shown.fire(tree.shown!);
    }),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (uri: string, position: { line: number; character: number }, locations: Location[]) =>
      vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        client.protocol2CodeConverter.asPosition(position),
        locations.map((l) => {
          const location = client.protocol2CodeConverter.asLocation(l);
          return new vscode.Location(viewUri(location.uri), location.range);
        }),
      ),
    ),
  );
  return { onDidShow: shown.event, rows: () => tree.rows(), message: () => view.message };
}

/** What the view shows, for the extension's API (the end-to-end tests read it). */
export interface TopicHistoryView {
  readonly onDidShow: vscode.Event<TopicHistory>;
  /** Each meeting's label with the labels of its rows, as shown. */
  rows(): { meeting: string; rows: string[] }[];
  /** The line above the rows: "PNR: 200 meetings, oldest first (of 5,866 documents, 200 read); 59,947 mentions in all". */
  message(): string | undefined;
}

/**
 * A catalogue entry from a list, or the words typed when none is chosen. It opens on the
 * selected words, if any. The entry highlighted for Enter is the one the typed words name
 * exactly (a name, alias or abbreviation: "PNR" is the general topic), else the first in the
 * server's order (general topics before the instruments named after them) whose name starts so:
 * VS Code's own order would put the shorter "PNR Directive" first.
 */
async function pickTopic(client: LanguageClient): Promise<string | undefined> {
  const choices = await sendCustomRequest(client, TopicsRequest, undefined);
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id?: string; names: string[] }>();
  pick.title = 'Topic history';
  pick.placeholder = 'An instrument, topic or body (or any words)';
  const items = choices.map((c) => ({ label: c.name, description: c.kind, id: c.id, names: [c.name, ...(c.names ?? [])].map((n) => n.toLowerCase()) }));
  pick.items = items;
  const named = (value: string) => {
    const typed = value.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!typed) return undefined;
    return items.find((i) => i.names.includes(typed)) ?? items.find((i) => i.names.some((n) => n.startsWith(typed)));
  };
  const highlightNamed = () => {
    const item = named(pick.value);
    if (item) pick.activeItems = [item];
  };
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  if (selected && !/[\r\n]/.test(selected)) pick.value = selected;
  return new Promise((resolve) => {
    pick.onDidChangeValue(highlightNamed);
    pick.onDidAccept(() => {
      const chosen = pick.activeItems[0] ?? pick.selectedItems[0];
      resolve(chosen?.id ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    highlightNamed();
  });
}
