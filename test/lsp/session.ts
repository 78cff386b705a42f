import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  LogMessageNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';

/** The checkout's root, from out/test/lsp. */
export const ROOT = path.resolve(__dirname, '../../..');
/** The real documents: the checkout's sibling shared/corpus. */
export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
export const REAL_DOCUMENTS = ['13228-11.md', '10483-17.md', '9278-18.md', '7725-23.md'];

export function corpusText(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

/**
 * The server that ships is the bundle (dist/server.js); when only `tsc` ran since the last
 * bundling, the freshly compiled out/server/src/server.js is the one that matches the sources.
 */
export function serverModule(): string {
  const bundle = path.join(ROOT, 'dist/server.js');
  const compiled = path.join(ROOT, 'out/server/src/server.js');
  const mtime = (f: string) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : -1);
  return mtime(bundle) >= mtime(compiled) ? bundle : compiled;
}

export interface SessionOptions {
  /** Whether the client answers workspace/configuration (default true). */
  configuration?: boolean;
  /** The `outcomeDrafting` section the client reports. */
  settings?: unknown;
  initializationOptions?: unknown;
  workspaceFolder?: string;
  /** Whether the client announces pull diagnostics (default true); without, the server pushes them. */
  pullDiagnostics?: boolean;
  /** Whether the client fills in code actions' edits with `codeAction/resolve` (default false). */
  resolveCodeActions?: boolean;
}

/** A language client driving the real server process over stdio. */
export class Session {
  readonly messages: ShowMessageParams[] = [];
  /** What the server wrote to its log (window/logMessage). */
  readonly logs: string[] = [];
  readonly published = new Map<string, Diagnostic[]>();
  refreshes = 0;
  settings: unknown;
  private waiters: (() => void)[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
  }

  static async start(options: SessionOptions = {}): Promise<{ session: Session; initialized: InitializeResult }> {
    const proc = spawn(process.execPath, [serverModule(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const session = new Session(proc, connection);
    session.settings = options.settings ?? {};
    const configuration = options.configuration ?? true;
    connection.onNotification(ShowMessageNotification.type, (m) => session.record(() => session.messages.push(m)));
    connection.onNotification(LogMessageNotification.type, (m) => session.record(() => session.logs.push(m.message)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => session.record(() => session.published.set(p.uri, p.diagnostics)));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'outcomeDrafting' ? session.settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => session.record(() => session.refreshes++));
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration,
        didChangeConfiguration: { dynamicRegistration: configuration },
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.pullDiagnostics === false ? {} : { diagnostics: { refreshSupport: true } }),
        workspaceEdit: { documentChanges: true },
      },
      textDocument: {
        ...(options.pullDiagnostics === false ? {} : { diagnostic: { dynamicRegistration: false } }),
        completion: { completionItem: { documentationFormat: ['markdown'] } },
        hover: { contentFormat: ['markdown'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, ...(options.resolveCodeActions ? { resolveSupport: { properties: ['edit'] } } : {}) },
      },
    };
    const folder = options.workspaceFolder;
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { session, initialized };
  }

  private record(change: () => void): void {
    change();
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves once `condition` holds, re-checked after every notification or request from the server. */
  until<T>(condition: () => T | undefined | false): Promise<T> {
    return new Promise((resolve) => {
      const check = () => {
        const v = condition();
        if (v) resolve(v);
        else this.waiters.push(check);
      };
      check();
    });
  }

  async open(uri: string, text: string, languageId = 'council-outcome', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { outcomeDrafting: settings } });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** For a failed test: make sure no server process outlives it. */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'council-outcome', 1, text), edits);
}

export function uriOf(name: string): string {
  return pathToFileURL(path.join(CORPUS, name)).href;
}

/** The 0-based line and column of the first occurrence of `needle` (after `from` if given). */
export function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not in the text`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
