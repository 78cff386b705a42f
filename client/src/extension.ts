import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorHandler,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { archiveMiddleware, registerArchiveView } from './archiveView';
import { insertSkeleton, treatAsOutcome } from './commands';
import { DocumentInfo, DocumentInfoRequest, LANGUAGE_ID, REFERENCES_BOUNDED_NOTIFICATION, referencesBoundedText, sendCustomRequest, type ReferencesBounded } from '../../shared/protocol';
import { RestartBudget } from './restartBudget';
import { registerTopicHistory, type TopicHistoryView } from './topicHistory';
import { registerExport } from './export';
import { PreviewManager, type PreviewRendered } from './preview';
import { OutcomeStatusBar } from './statusBar';

/** What activate() returns: used by the end-to-end tests, not a public API. */
export interface OutcomeDraftingApi {
  readonly client: LanguageClient;
  statusBarText(): string;
  readonly onDidChangeStatusBar: vscode.Event<string>;
  /** What the preview of a document showed after its last update (reported by the webview). */
  previewRendered(uri: vscode.Uri): PreviewRendered | undefined;
  readonly onDidRenderPreview: vscode.Event<PreviewRendered>;
  /** True once the server crashed too often and was left stopped (until the restart command). */
  restartsExhausted(): boolean;
  /** The Topic History view: when it shows a topic, and its rows. */
  readonly topicHistory: TopicHistoryView;
  /** Fires with the message shown when a references answer was cut to `outcomeDrafting.references.limit`, and the topic its button opens. */
  readonly onDidBoundReferences: vscode.Event<{ message: string; topic?: string }>;
}

const DEFAULT_INCLUDE = ['**/*.outcome.md', '**/*.outcome.txt', '**/*.docx', '**/*.pdf'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OutcomeDraftingApi> {
  const output = vscode.window.createOutputChannel('Outcome Drafting', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const include = includeGlobs();
  let restartsExhausted = false;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    // Locations in Word and PDF files open their text view.
    middleware: archiveMiddleware,
    synchronize: {
      configurationSection: 'outcomeDrafting',
      // Other outcome files on disk matter to the workspace index (references, duplicate numbers).
      fileEvents: vscode.workspace.createFileSystemWatcher(braceGlob(include)),
    },
    outputChannel: output,
    // Where the server saves its workspace index between sessions; the settings travel alongside.
    initializationOptions: {
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
      outcomeDrafting: vscode.workspace.getConfiguration().get('outcomeDrafting'),
      // Told when a references answer is cut to the limit: said in a message (showReferencesBounded).
      referencesBoundedNotice: true,
    },
    errorHandler: boundedRestarts(output, (exhausted) => (restartsExhausted = exhausted)),
  };
  // The id 'outcomeDrafting' makes the client honour the `outcomeDrafting.trace.server` setting.
  client = new LanguageClient('outcomeDrafting', 'Outcome Drafting', serverOptions, clientOptions);
  const languageClient = client;
  const topicHistory = registerTopicHistory(context, languageClient);
  registerExport(context, languageClient);
  const previews = new PreviewManager(context, languageClient);
  context.subscriptions.push(previews);
  registerArchiveView(context, languageClient);

  let documentInfoSupported = true;
  const documentInfo = async (uri: vscode.Uri): Promise<DocumentInfo | undefined> => {
    if (!documentInfoSupported || languageClient.state !== State.Running) return undefined;
    try {
      return (await sendCustomRequest(languageClient, DocumentInfoRequest, { uri: uri.toString() })) ?? undefined;
    } catch (e) {
      // A server without the request answers MethodNotFound: stop asking, show counts only.
      if ((e as { code?: number }).code === -32601) documentInfoSupported = false;
      return undefined;
    }
  };
  const statusBar = new OutcomeStatusBar(documentInfo);
  const bounded = new vscode.EventEmitter<{ message: string; topic?: string }>();
  context.subscriptions.push(bounded, languageClient.onNotification(REFERENCES_BOUNDED_NOTIFICATION, (n: ReferencesBounded) => bounded.fire({ message: showReferencesBounded(n), topic: n.topic })));

  context.subscriptions.push(
    output,
    statusBar,
    vscode.commands.registerCommand('outcomeDrafting.treatAsOutcome', (uri?: vscode.Uri) => treatAsOutcome(uri)),
    vscode.commands.registerCommand('outcomeDrafting.insertSkeleton', () => insertSkeleton(context.extensionPath)),
    vscode.commands.registerCommand('outcomeDrafting.restartServer', async () => {
      restartsExhausted = false;
      await languageClient.restart();
      statusBar.refresh(true);
    }),
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Running) statusBar.refresh(true);
    }),
    // Files matched by `outcomeDrafting.files.include` but opened as Markdown or plain text.
    vscode.workspace.onDidOpenTextDocument((d) => associate(d)),
    { dispose: () => void client?.stop() },
  );
  vscode.workspace.textDocuments.forEach((d) => associate(d));
  void vscode.commands.executeCommand('setContext', 'outcomeDrafting.active', true);

  try {
    await languageClient.start();
  } catch (e) {
    output.appendLine(`Failed to start the language server: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(
      'Outcome Drafting: the language server could not start. See the "Outcome Drafting" output for details.',
    );
  }
  return {
    client: languageClient,
    statusBarText: () => statusBar.text,
    onDidChangeStatusBar: statusBar.onDidChange,
    restartsExhausted: () => restartsExhausted,
    previewRendered: (uri) => previews.lastRendered(uri),
    onDidRenderPreview: previews.onDidRender,
    topicHistory,
    onDidBoundReferences: bounded.event,
  };
}

/**
 * "References: 2,000 of 59,947 shown…", with a button to the Topic History, which lists them
 * all: the references view itself cannot say that its list was cut.
 */
function showReferencesBounded(n: ReferencesBounded): string {
  const text = referencesBoundedText(n);
  const open = 'Show Topic History';
  void (n.topic ? vscode.window.showInformationMessage(text, open) : vscode.window.showInformationMessage(text)).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('outcomeDrafting.showTopicHistory', n.topic);
  });
  return text;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Restarts a crashed server at most 4 times in 3 minutes, then stops with a clear message. */
function boundedRestarts(output: vscode.OutputChannel, onExhausted: (exhausted: boolean) => void): ErrorHandler {
  const budget = new RestartBudget(4, 3 * 60 * 1000);
  return {
    // A dying server fails every write in flight at once (one error each); shutting down on the
    // n-th would stop the client before the close below can restart it. The close decides.
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      if (budget.allowRestart()) {
        output.appendLine('The language server stopped unexpectedly; restarting it.');
        return { action: CloseAction.Restart, handled: true };
      }
      const message =
        'Outcome Drafting: the language server crashed 5 times in the last 3 minutes and will not be restarted. ' +
        'See the "Outcome Drafting" output, then run "Outcome Drafting: Restart Language Server".';
      output.appendLine(message);
      budget.reset();
      onExhausted(true);
      void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

function includeGlobs(): string[] {
  const value = vscode.workspace.getConfiguration('outcomeDrafting').get<unknown>('files.include');
  return Array.isArray(value) && value.every((g) => typeof g === 'string') && value.length > 0 ? value : DEFAULT_INCLUDE;
}

function braceGlob(globs: string[]): string {
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

function associate(document: vscode.TextDocument): void {
  if (document.languageId !== 'markdown' && document.languageId !== 'plaintext') return;
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'vscode-remote') return;
  if (includeGlobs().some((pattern) => vscode.languages.match({ pattern }, document) > 0)) {
    void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }
}
