import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { ArchiveTextRequest, LANGUAGE_ID, sendCustomRequest } from '../../shared/protocol';

/**
 * Word and PDF files as the text the server read in them, read-only: VS Code cannot show their
 * text, and the ranges of references, links, symbols, code lenses and Topic History in them are
 * positions in that text. `outcome-archive:/path/x.pdf` stands for `file:///path/x.pdf` (the
 * server maps it back, node/fileUris.ts).
 */
export const ARCHIVE_SCHEME = 'outcome-archive';
const ARCHIVE_NAME = /\.(?:docx|pdf)$/i;

/** Where the editor shows a location's file: a Word or PDF file's text view, any other file as it is. */
export function viewUri(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === 'file' && ARCHIVE_NAME.test(uri.path) ? uri.with({ scheme: ARCHIVE_SCHEME }) : uri;
}

function viewLocation(l: vscode.Location): vscode.Location {
  return new vscode.Location(viewUri(l.uri), l.range);
}

type Definition = vscode.Location | vscode.Location[] | vscode.LocationLink[];

function viewDefinition(result: Definition | null | undefined): Definition | null | undefined {
  if (!result) return result;
  if (!Array.isArray(result)) return viewLocation(result);
  return result.map((l) => ('targetUri' in l ? { ...l, targetUri: viewUri(l.targetUri) } : viewLocation(l))) as Definition;
}

/** The language client's middleware that sends every location in a Word or PDF file to its text view. */
export const archiveMiddleware: Middleware = {
  provideDefinition: async (document, position, token, next) => viewDefinition(await next(document, position, token)),
  provideReferences: async (document, position, options, token, next) => (await next(document, position, options, token))?.map(viewLocation),
  provideDocumentLinks: async (document, token, next) =>
    (await next(document, token))?.map((link) => {
      if (link.target) link.target = viewUri(link.target);
      return link;
    }),
  provideWorkspaceSymbols: async (query, token, next) =>
    (await next(query, token))?.map((s) => {
      s.location = viewLocation(s.location);
      return s;
    }),
};

/** The text view's content, from the server; a file it cannot read shows why in one line. */
class ArchiveTextProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const file = uri.with({ scheme: 'file' });
    try {
      await this.client.start();
      const answer = await sendCustomRequest(this.client, ArchiveTextRequest, { uri: file.toString() });
      if (token.isCancellationRequested) return '';
      return 'text' in answer ? answer.text : `${file.fsPath}: ${answer.reason}\n`;
    } catch (e) {
      return `${file.fsPath}: could not be read (${e instanceof Error ? e.message : String(e)})\n`;
    }
  }

  /** A changed file shows its new text. */
  fileChanged(file: vscode.Uri): void {
    this.changed.fire(viewUri(file));
  }
}

export function registerArchiveView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new ArchiveTextProvider(client);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,pdf}', true, false, true);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_SCHEME, provider),
    watcher,
    watcher.onDidChange((uri) => provider.fileChanged(uri)),
    // The text view is an outcome document to the server: its diagnostics, hovers and links too.
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.scheme === ARCHIVE_SCHEME && d.languageId !== LANGUAGE_ID) void vscode.languages.setTextDocumentLanguage(d, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('outcomeDrafting.showArchiveText', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target || !ARCHIVE_NAME.test(target.path)) {
        void vscode.window.showInformationMessage('Outcome Drafting: choose a Word (.docx) or PDF file.');
        return;
      }
      await vscode.window.showTextDocument(viewUri(target.with({ scheme: 'file' })), { preview: true });
    }),
  );
}
