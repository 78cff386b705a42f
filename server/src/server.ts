import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type CancellationToken,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalogue } from './core/catalogue/catalogue';
import { loadBuiltInCatalogue } from './core/catalogue/load';
import { Analysis, AnalysisCache } from './features/analysis';
import { catalogueNotice, loadWithExtraFiles, type LoadedCatalogue } from './features/catalogueFiles';
import { codeActions, resolveCodeAction, resolveUri } from './features/codeActions';
import { completion } from './features/completion';
import { toDiagnostics } from './features/diagnostics';
import { documentInfo } from './features/documentInfo';
import { DocumentSelection } from './features/documentSelection';
import { foldingRanges } from './features/folding';
import { exitOnBrokenFraming, stdioTransport } from './features/framing';
import { hover } from './features/hover';
import { archiveText } from './features/archiveText';
import { DiagnosticsPublisher } from './features/pushDiagnostics';
import { guardConnection } from './features/requestGuard';
import { ruleLinksFromReadme } from './features/ruleLinks';
import { defaultSettings, readSettings, settingsSectionOf, type Settings } from './features/settings';
import { documentSymbols } from './features/symbols';
import { codeLenses, resolveCodeLens } from './features/codeLens';
import { definition } from './features/definition';
import { documentLinks } from './features/links';
import { references } from './features/references';
import { topicChoices, topicHistory } from './features/topicHistory';
import {
  ArchiveTextRequest,
  DocumentInfoRequest,
  ExportRequest,
  onCustomRequest,
  type ExportResult,
  PreviewRequest,
  REFERENCES_BOUNDED_NOTIFICATION,
  referencesBoundedText,
  type ReferencesBounded,
  TopicHistoryRequest,
  TopicsRequest,
} from '../../shared/protocol';
import { exportDocument } from './features/export';
import { forgetPreview, preview } from './features/preview';
import { crossDocumentDiagnostics, storagePathOf, WATCHED_FILES, WorkspaceService } from './features/workspaceIndex';
import { workspaceSymbols } from './features/workspaceSymbols';
import { fileScope } from './node/fileWorkspace';

// One connection for every transport: the bundle reads --stdio, --node-ipc or --socket=N.
// Every handler registered through it has its parameters checked and its errors contained.
const stdio = process.argv.includes('--stdio') ? stdioTransport() : undefined;
const connection = guardConnection(stdio ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer) : createConnection(ProposedFeatures.all));
if (stdio) {
  stdio.attach(connection.console);
  exitOnBrokenFraming(process.stdin);
}
const documents = new TextDocuments(TextDocument);
const ruleLinks = ruleLinksFromReadme(path.resolve(__dirname, '..'));
const selection = new DocumentSelection();

let settings: Settings = defaultSettings();
let catalogue: Catalogue = loadBuiltInCatalogue();
/** The extra catalogue files (URIs), and those that carry diagnostics of ours. */
let catalogueFiles = new Set<string>();
let catalogueDiagnosticUris = new Set<string>();
/** Counts catalogue loads: a load that ends after a later one started is dropped. */
let catalogueLoads = 0;
/** Bumped whenever settings or catalogue change: every cached analysis is then stale. */
let generation = 0;
const cache = new AnalysisCache(() => ({ catalogue, severities: settings.rules, generation }));
selection.setInclude(settings.files.include);

const client = { pullConfiguration: false, registerConfiguration: false, watchFiles: false, refreshDiagnostics: false, versionedEdits: false, resolveEdits: false, referencesNotice: false };
let workspaceRoot: string | undefined;
let initializationSection: unknown;
/** Requests wait for the first settings so that the first diagnostics already honour them. */
let settingsLoaded: Promise<void> = Promise.resolve();
let catalogueWatch: Promise<Disposable> | undefined;
const lastNotice = new Map<string, string>();
let workspace!: WorkspaceService;
/** For a client that does not pull diagnostics: they are pushed. */
let publisher: DiagnosticsPublisher | undefined;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  client.pullConfiguration = caps.workspace?.configuration === true;
  client.registerConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  client.watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.refreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
  client.versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
  client.resolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  if (!caps.textDocument?.diagnostic) publisher = new DiagnosticsPublisher({ connection, documents, diagnosticsOf: documentDiagnostics, log: (m) => connection.console.error(m) });
  const folders = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []);
  const roots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  workspaceRoot = roots[0];
  selection.setRoots(roots.map((r) => r.replace(/\\/g, '/')));
  initializationSection = settingsSectionOf(params.initializationOptions);
  client.referencesNotice = (params.initializationOptions as { referencesBoundedNotice?: unknown } | undefined)?.referencesBoundedNotice === true;
  workspace = new WorkspaceService({
    connection,
    documents,
    folders: roots,
    storagePath: storagePathOf(params.initializationOptions),
    catalogue: () => catalogue,
    refreshDiagnostics,
    analyse: (d) => (selection.isOutcome(d.uri, d.languageId) ? cache.get(d) : undefined),
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
      completionProvider: { resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Outcome' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
      documentLinkProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: true },
    },
    serverInfo: { name: 'Outcome Drafting' },
  };
});

connection.onInitialized(() => {
  if (client.registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'outcomeDrafting' });
  // Without workspace/configuration, initializationOptions are the settings until the client pushes others.
  settingsLoaded = client.pullConfiguration ? pullSettings(false) : applySettings(initializationSection, false);
  // Every Markdown or text file may be an outcome document that others refer to.
  if (client.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }] });
  void settingsLoaded.then(() => workspace.start());
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { outcomeDrafting?: unknown } | undefined)?.outcomeDrafting;
  settingsLoaded = client.pullConfiguration ? pullSettings(true) : applySettings(pushed ?? initializationSection, true);
});

connection.onDidChangeWatchedFiles((change) => {
  void workspace.onWatchedFiles(change.changes);
  if (change.changes.some((c) => catalogueFiles.has(c.uri))) {
    void reloadCatalogue().then(refreshDiagnostics);
  }
});

async function pullSettings(refresh: boolean): Promise<void> {
  let section: unknown;
  try {
    section = await connection.workspace.getConfiguration('outcomeDrafting');
  } catch (e) {
    connection.console.error(`Reading the outcomeDrafting settings failed: ${errorText(e)}`);
    section = initializationSection;
  }
  await applySettings(section ?? initializationSection, refresh);
}

async function applySettings(section: unknown, refresh: boolean): Promise<void> {
  const { settings: next, problems } = readSettings(section);
  notice('settings', problems.length ? `Outcome Drafting: invalid settings, using the defaults for them: ${problems.join('; ')}.` : '');
  const cataloguesChanged = JSON.stringify(next.catalogue.extraFiles) !== JSON.stringify(settings.catalogue.extraFiles);
  const filesChanged = JSON.stringify(next.files) !== JSON.stringify(settings.files);
  settings = next;
  selection.setInclude(settings.files.include);
  if (filesChanged) workspace.setFileScope(fileScope(settings.files.include, settings.files.followLinksOutside));
  if (cataloguesChanged) {
    await reloadCatalogue();
    watchCatalogueFiles([...catalogueFiles]);
  }
  generation++;
  workspace.openDocumentsChanged();
  if (refresh) refreshDiagnostics();
}

/** Loads the extra catalogue files: a broken one gets diagnostics on itself and a message; the rest loads. The latest load wins. */
async function reloadCatalogue(): Promise<void> {
  const ticket = ++catalogueLoads;
  let loaded: LoadedCatalogue;
  try {
    loaded = await loadWithExtraFiles(settings.catalogue.extraFiles, workspaceRoot);
  } catch (e) {
    connection.console.error(`Outcome Drafting: loading the extra catalogue files failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return;
  }
  if (ticket !== catalogueLoads) return;
  catalogue = loaded.catalogue;
  generation++;
  for (const uri of catalogueDiagnosticUris) if (!loaded.diagnostics.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  for (const [uri, diagnostics] of loaded.diagnostics) void connection.sendDiagnostics({ uri, diagnostics });
  catalogueDiagnosticUris = new Set(loaded.diagnostics.keys());
  catalogueFiles = new Set(loaded.uris);
  workspace.catalogueChanged();
  notice('catalogue', catalogueNotice(loaded.problems));
}

/** Asks the client to report changes to the extra catalogue files, so that an edit to one takes effect. */
function watchCatalogueFiles(uris: string[]): void {
  if (!client.watchFiles) return;
  const previous = catalogueWatch;
  catalogueWatch = uris.length
    ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: uris.map((u) => ({ globPattern: fileURLToPath(u).replace(/\\/g, '/') })) })
    : undefined;
  void previous?.then((d) => d.dispose());
}

/** One warning per distinct problem text: re-reading unchanged settings does not repeat it. */
function notice(topic: string, message: string): void {
  if (lastNotice.get(topic) === message) return;
  lastNotice.set(topic, message);
  if (!message) return;
  // A notification, not showWarningMessage's request: nothing to answer, nothing to wait for.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  connection.console.warn(message);
}

function refreshDiagnostics(): void {
  if (client.refreshDiagnostics) void connection.languages.diagnostics.refresh();
  publisher?.publishAll();
}

/**
 * Runs a feature on the current analysis of an outcome document; any failure is logged and
 * answers `fallback`. Given its request's token, a request cancelled meanwhile answers
 * RequestCancelled, one whose document changed meanwhile (while it waited for the index)
 * ContentModified: the client asks again.
 */
async function withAnalysis<T>(uri: string, fallback: T, feature: (analysis: Analysis) => T | Promise<T>, token?: CancellationToken): Promise<T> {
  // The version asked about: the document may change while the settings or the index are awaited.
  const version = documents.get(uri)?.version;
  await settingsLoaded;
  const document = documents.get(uri);
  if (!document || !selection.isOutcome(uri, document.languageId)) return fallback;
  let answer: T;
  try {
    answer = await feature(cache.get(document));
  } catch (e) {
    connection.console.error(`Outcome Drafting failed on ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    answer = fallback;
  }
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  if (token && documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the answer was worked out.');
  return answer;
}

function documentDiagnostics(uri: string): Promise<Diagnostic[]> {
  return withAnalysis(uri, [], async (a) => [...toDiagnostics(a, ruleLinks), ...(await crossDocumentDiagnostics(a, workspace, settings.rules, ruleLinks))]);
}

connection.languages.diagnostics.on(async (params) => ({ kind: DocumentDiagnosticReportKind.Full, items: await documentDiagnostics(params.textDocument.uri) }));
connection.onCompletion((params) => withAnalysis(params.textDocument.uri, null, (a) => completion(a, catalogue, params.position)));
connection.onHover((params, token) => withAnalysis(params.textDocument.uri, null, (a) => hover(a, catalogue, params.position, workspace, token), token));
connection.onDocumentSymbol((params) => withAnalysis(params.textDocument.uri, [], documentSymbols));
connection.onFoldingRanges((params) => withAnalysis(params.textDocument.uri, [], foldingRanges));
connection.onCodeAction((params) => withAnalysis(params.textDocument.uri, [], (a) => codeActions(a, params, client)));
connection.onCodeActionResolve((action) => {
  const uri = resolveUri(action);
  return uri ? withAnalysis(uri, action, (a) => resolveCodeAction(a, action, client.versionedEdits)) : action;
});
onCustomRequest(connection, DocumentInfoRequest, (params) => withAnalysis(params.uri, documents.get(params.uri) ? { kind: 'other' as const, errors: 0, warnings: 0 } : null, documentInfo));

connection.onDocumentLinks((params, token) => withAnalysis(params.textDocument.uri, [], (a) => documentLinks(a, workspace, token), token));
connection.onDefinition((params, token) => withAnalysis(params.textDocument.uri, [], (a) => definition(a, workspace, params.position, token), token));
connection.onReferences((params, token, _workDone, partial) =>
  withAnalysis(params.textDocument.uri, [], (a) => references(a, workspace, params.position, { limit: settings.references.limit, token, partial, bounded: referencesBounded }), token),
);
connection.onCodeLens((params, token) => withAnalysis(params.textDocument.uri, [], (a) => codeLenses(a, workspace, token), token));
connection.onCodeLensResolve((lens, token) => cancellable(token, resolveCodeLens(lens, workspace, token)));
connection.onWorkspaceSymbol((params, token) => cancellable(token, workspaceSymbols(workspace, params.query, token)));
onCustomRequest(connection, TopicsRequest, () => topicChoices(catalogue));
onCustomRequest(connection, TopicHistoryRequest, (params, token: CancellationToken) => cancellable(token, topicHistory(workspace, params, token)));
onCustomRequest(connection, PreviewRequest, (params) => withAnalysis(params.uri, null, (a) => preview(a, documents.get(params.uri)!.getText(), catalogue, params)));
onCustomRequest(connection, ExportRequest, async (params) => {
  const refused: ExportResult = { ok: false, reason: 'this document is not open as an outcome document: nothing exported' };
  return withAnalysis<Promise<ExportResult>>(params.uri, Promise.resolve(refused), (a) => exportDocument(a, documents.get(params.uri)!.getText(), catalogue, params));
});
onCustomRequest(connection, ArchiveTextRequest, (params) => archiveText(workspace.files, params.uri));

/** A references reply was cut to the limit: said in the log, and to a client that asked to be told (it says so in its window). */
function referencesBounded(shown: number, total: number, topic: string | undefined): void {
  const notice: ReferencesBounded = topic ? { shown, total, topic } : { shown, total };
  connection.console.info(`${referencesBoundedText(notice)}.`);
  if (client.referencesNotice) void connection.sendNotification(REFERENCES_BOUNDED_NOTIFICATION, notice);
}

/** The answer, unless the request was cancelled while it was worked out. */
async function cancellable<T>(token: CancellationToken, answer: Promise<T>): Promise<T> {
  const value = await answer;
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  return value;
}

documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  forgetPreview(e.document.uri);
});
documents.listen(connection);
connection.listen();

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
