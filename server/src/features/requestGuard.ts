import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { paramsProblem } from './requestParams';

type Kind = 'request' | 'notification';

/** The connection's handler registrations and the LSP method each answers (those not named here: see `registration`). */
const METHODS: Record<string, string> = {
  onInitialize: 'initialize',
  onInitialized: 'initialized',
  onShutdown: 'shutdown',
  onExit: 'exit',
  onDidChangeConfiguration: 'workspace/didChangeConfiguration',
  onDidChangeWatchedFiles: 'workspace/didChangeWatchedFiles',
  onDidOpenTextDocument: 'textDocument/didOpen',
  onDidChangeTextDocument: 'textDocument/didChange',
  onDidCloseTextDocument: 'textDocument/didClose',
  onDidSaveTextDocument: 'textDocument/didSave',
  onWillSaveTextDocument: 'textDocument/willSave',
  onWillSaveTextDocumentWaitUntil: 'textDocument/willSaveWaitUntil',
  onCompletion: 'textDocument/completion',
  onCompletionResolve: 'completionItem/resolve',
  onHover: 'textDocument/hover',
  onDefinition: 'textDocument/definition',
  onReferences: 'textDocument/references',
  onDocumentSymbol: 'textDocument/documentSymbol',
  onFoldingRanges: 'textDocument/foldingRange',
  onCodeAction: 'textDocument/codeAction',
  onCodeActionResolve: 'codeAction/resolve',
  onCodeLens: 'textDocument/codeLens',
  onCodeLensResolve: 'codeLens/resolve',
  onDocumentLinks: 'textDocument/documentLink',
  onDocumentLinkResolve: 'documentLink/resolve',
  onWorkspaceSymbol: 'workspace/symbol',
  onExecuteCommand: 'workspace/executeCommand',
  'languages.diagnostics.on': 'textDocument/diagnostic',
  'languages.diagnostics.onWorkspace': 'workspace/diagnostic',
  'languages.inlayHint.on': 'textDocument/inlayHint',
  'languages.inlayHint.resolve': 'inlayHint/resolve',
};

/** The nested groups of the connection whose `on…` functions register handlers too. */
const GROUPS = new Set(['languages', 'workspace', 'window', 'notebooks', 'diagnostics', 'inlayHint', 'semanticTokens', 'inlineValue', 'callHierarchy', 'typeHierarchy', 'foldingRange', 'moniker']);

/**
 * The connection with every handler registered through it checked and contained, in one place
 * rather than in each handler:
 * - parameters of the wrong shape answer `InvalidParams` with a short reason (a bad
 *   notification is logged and dropped), before the handler runs;
 * - a handler that throws or rejects is logged with its stack; a request then answers
 *   `InternalError` with a message of ours, never the JavaScript one; the server goes on.
 */
export function guardConnection(connection: Connection): Connection {
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(`${message}\n`);
    }
  };
  containProcessErrors(log);
  return guardHandlers(connection, log);
}

/** The registrations of `connection` (or anything shaped like it) wrapped as `guardConnection` says, failures told to `log`. */
export function guardHandlers<T extends object>(connection: T, log: (message: string) => void): T {
  return guarded(connection, '', log);
}

function guarded<T extends object>(target: T, prefix: string, log: (m: string) => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property);
      if (typeof property !== 'string') return value;
      const path = prefix + property;
      if (typeof value === 'function' && /^(?:on|resolve$)/.test(property)) {
        return (...args: unknown[]) => {
          const { method, kind } = registration(path, args[0]);
          return (value as (...a: unknown[]) => unknown).apply(object, args.map((a) => (typeof a === 'function' ? guardHandler(method, kind, a as Handler, log) : a)));
        };
      }
      if (typeof value === 'object' && value !== null && GROUPS.has(property)) return guarded(value, `${path}.`, log);
      return value;
    },
  });
}

/** The method and kind a registration is for: `onRequest(type, …)` names it; `on…` functions by the table. */
function registration(path: string, first: unknown): { method: string; kind: Kind } {
  if (path === 'onRequest' || path === 'onNotification') {
    const method = typeof first === 'string' ? first : String((first as { method?: unknown } | undefined)?.method);
    return { method, kind: path === 'onRequest' ? 'request' : 'notification' };
  }
  const method = METHODS[path] ?? path;
  const notification = /^(?:onDid|onInitialized$|onExit$|onProgress$)/.test(path.replace(/^.*\./, ''));
  return { method, kind: notification ? 'notification' : 'request' };
}

type Handler = (...args: unknown[]) => unknown;

function guardHandler(method: string, kind: Kind, handler: Handler, log: (m: string) => void): Handler {
  const failed = (e: unknown) => {
    if (e instanceof ResponseError) throw e;
    log(`Outcome Drafting: ${method} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    if (kind === 'request') throw new ResponseError(ErrorCodes.InternalError, `Outcome Drafting could not answer ${method}; its log says why.`);
    return undefined;
  };
  return (...args: unknown[]) => {
    const problem = paramsProblem(method, args[0]);
    if (problem) {
      if (kind === 'request') throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
      log(`Outcome Drafting: ${method} ignored, its parameters are malformed: ${problem}`);
      return undefined;
    }
    try {
      const result = handler(...args);
      return isThenable(result) ? result.then(undefined, failed) : result;
    } catch (e) {
      return failed(e);
    }
  };
}

function isThenable(v: unknown): v is Promise<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

let contained = false;

/** An error that escapes every handler (a timer, a callback, a promise no one awaits) is logged; the server goes on. */
export function containProcessErrors(log: (m: string) => void): void {
  if (contained) return;
  contained = true;
  const report = (what: string) => (e: unknown) => log(`Outcome Drafting: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.on('uncaughtException', report('uncaught error'));
  process.on('unhandledRejection', report('unhandled rejection'));
}
