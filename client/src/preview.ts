import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, LANGUAGE_ID, PreviewRequest, sendCustomRequest, type PreviewResult } from '../../shared/protocol';

/** What the preview's page showed after an update, as its script reports it (for the end-to-end tests). */
export interface PreviewRendered {
  uri: string;
  version: number;
  /** The header block's text, the headings' text, in order. */
  header: string;
  headings: string[];
  /** Blocks made anew by this update (the others were kept as they were). */
  created: number;
  blocks: number;
  marks: number;
  /** The first line of the block the editor's scroll last brought to the top of the preview (-1 before any). */
  scrolledTo: number;
  /** The A4 pages the blocks flowed into, and how many of them this update changed. */
  pages: number;
  pagesChanged: number;
  /** Each page's footer, its cells' text joined by spaces, and its top (a classified marking, or empty). */
  footers: string[];
  pageTops: string[];
  /** The first source line of each page's first block. */
  pageLines: number[];
  /** The server's rendering the page shows (0 before any), and how many blocks its answer brought. */
  id: number;
  received: number;
}

const UPDATE_DELAY_MS = 120;
/** After the preview scrolled the editor, the editor's own scroll event is not sent back. */
const ECHO_GUARD_MS = 400;

/** Previews, one per document, opened beside its editor and updated as the drafter types. */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly rendered = new vscode.EventEmitter<PreviewRendered>();
  readonly onDidRender = this.rendered.event;
  private readonly last = new Map<string, PreviewRendered>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.subscriptions = [
      vscode.commands.registerCommand('outcomeDrafting.showPreviewToSide', (uri?: vscode.Uri) => this.open(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.previews.get(e.document.uri.toString())?.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => this.previews.get(u.toString())?.sendDiagnostics())),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.previews.get(e.textEditor.document.uri.toString())?.editorScrolled(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('outcomeDrafting.export')) this.previews.forEach((p) => p.schedule());
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.previews.forEach((p) => p.schedule());
      }),
    ];
  }

  lastRendered(uri: vscode.Uri): PreviewRendered | undefined {
    return this.last.get(uri.toString());
  }

  async open(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showErrorMessage('Outcome Drafting: open an outcome document (Council Outcome) to preview it.');
      return;
    }
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) return existing.reveal();
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('outcomeDrafting.preview', `Preview ${path.basename(document.uri.path)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
      enableFindWidget: true,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'preview-icon.svg');
    const preview = new Preview(document, panel, media, this.client, (r) => {
      this.last.set(key, r);
      this.rendered.fire(r);
    });
    this.previews.set(key, preview);
    panel.onDidDispose(() => {
      this.previews.delete(key);
      this.last.delete(key);
      preview.dispose();
    });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.previews.forEach((p) => p.dispose());
    this.rendered.dispose();
  }
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'resync' }
  | { type: 'click'; line: number }
  | { type: 'scroll'; line: number }
  | ({ type: 'rendered' } & Omit<PreviewRendered, 'uri'>);

class Preview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private updating = false;
  private again = false;
  private revealedAt = 0;
  /**
   * The rendering the page last said it shows: the next answer sends only what changed since. A
   * stale one costs nothing but a whole answer (the server answers in full when it is not its last).
   */
  private since: number | undefined;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
    media: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly onRendered: (r: PreviewRendered) => void,
  ) {
    panel.webview.html = shell(panel.webview, media);
    this.listener = panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m));
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Updates after the drafter pauses typing: one request per pause, not one per key. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    this.timer = undefined;
    if (!this.ready || this.client.state !== State.Running) return;
    // One request at a time; a change meanwhile asks for one more when it answers.
    if (this.updating) {
      this.again = true;
      return;
    }
    this.updating = true;
    try {
      const settings = vscode.workspace.getConfiguration('outcomeDrafting.export', this.document.uri);
      const result: PreviewResult | null = await sendCustomRequest(this.client, PreviewRequest, {
        uri: this.document.uri.toString(),
        initials: settings.get<string>('initials') || undefined,
        directorate: settings.get<string>('directorate') || undefined,
        since: this.since,
      });
      if (result) void this.panel.webview.postMessage({ type: 'update', ...result });
      this.sendDiagnostics();
    } catch {
      // The server restarting: its Running state schedules the next update.
    } finally {
      this.updating = false;
      if (this.again) {
        this.again = false;
        void this.update();
      }
    }
  }

  sendDiagnostics(): void {
    if (!this.ready) return;
    const items = vscode.languages
      .getDiagnostics(this.document.uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .map((d) => ({ line: d.range.start.line, severity: ['error', 'warning', 'information', 'hint'][d.severity], message: d.message }));
    void this.panel.webview.postMessage({ type: 'diagnostics', items });
  }

  editorScrolled(editor: vscode.TextEditor): void {
    if (!this.ready || Date.now() - this.revealedAt < ECHO_GUARD_MS || editor.visibleRanges.length === 0) return;
    void this.panel.webview.postMessage({ type: 'scroll', line: editor.visibleRanges[0].start.line });
  }

  private received(m: FromWebview): void {
    if (m.type === 'ready' || m.type === 'resync') {
      // A page (re)loaded holds no blocks; one that missed an update gets them all again.
      this.since = undefined;
      this.ready = true;
      void this.update();
      if (m.type === 'resync') return;
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      if (editor) this.editorScrolled(editor);
    } else if (m.type === 'click') {
      void this.goTo(m.line);
    } else if (m.type === 'scroll') {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
      if (!editor) return;
      this.revealedAt = Date.now();
      editor.revealRange(new vscode.Range(m.line, 0, m.line, 0), vscode.TextEditorRevealType.AtTop);
    } else if (m.type === 'rendered') {
      this.since = m.id || undefined;
      const { type: _type, ...rendered } = m;
      this.onRendered({ uri: this.document.uri.toString(), ...rendered });
    }
  }

  /** Shows the line in the draft's editor, beside the preview, with the cursor at its start. */
  private async goTo(line: number): Promise<void> {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const at = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(at, at);
    this.revealedAt = Date.now();
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listener.dispose();
  }
}

/** The page the webview loads: the extension's own CSS and script only, under a strict policy. */
function shell(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>Outcome preview</title>
</head>
<body>
<div id="empty" hidden>This file is not an outcome of proceedings document: nothing to preview.</div>
<div id="pages"><div id="ruler"></div><div id="measure" class="blocks"></div></div>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
}
