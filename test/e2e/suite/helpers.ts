// Shared helpers for end-to-end tests: open workspace files, wait on events (never sleep),
// ask the runner for screenshots.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PreviewRendered } from '../../../client/src/preview';
import type { TopicHistoryView } from '../../../client/src/topicHistory';

export const EXTENSION_ID = 'outcome-drafting.outcome-drafting';
export const LANGUAGE_ID = 'council-outcome';
export const SOURCE = 'outcome';

/** What the extension's activate() returns (kept in step with client/src/extension.ts). */
export interface OutcomeDraftingApi {
  statusBarText(): string;
  readonly onDidChangeStatusBar: vscode.Event<string>;
  restartsExhausted(): boolean;
  previewRendered(uri: vscode.Uri): PreviewRendered | undefined;
  readonly onDidRenderPreview: vscode.Event<PreviewRendered>;
  readonly topicHistory: TopicHistoryView;
  readonly onDidBoundReferences: vscode.Event<{ message: string; topic?: string }>;
  readonly client: {
    readonly state: ClientState;
    readonly onDidChangeState: vscode.Event<{ oldState: ClientState; newState: ClientState }>;
  };
}

/** What the preview's page showed after an update: the client's own type (types only: nothing of the client is loaded here). */
export type { PreviewRendered } from '../../../client/src/preview';

/** vscode-languageclient's State. */
export enum ClientState {
  Stopped = 1,
  Running = 2,
  Starting = 3,
  StartFailed = 4,
}

/** The pid of the language server the extension host forked (Linux /proc), if one runs. */
export function serverPid(): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/dist[\\/]server\.js/.test(cmdline)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

export async function activateExtension(): Promise<OutcomeDraftingApi> {
  const extension = vscode.extensions.getExtension<OutcomeDraftingApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** A file of the opened workspace (a throw-away copy of test/e2e/workspace: tests may edit it). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openInEditor(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Resolves with the first value `probe` returns that is not undefined, checked now and on every event. */
export function waitFor<T, E>(
  event: vscode.Event<E>,
  probe: () => T | undefined,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = probe();
    if (first !== undefined) return resolve(first);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`));
    }, timeoutMs);
    const listener = event(() => {
      const value = probe();
      if (value !== undefined) {
        clearTimeout(timer);
        listener.dispose();
        resolve(value);
      }
    });
  });
}

/** The document's diagnostics from the Outcome Drafting server, once `accept` approves them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
    `diagnostics from "${SOURCE}" on ${path.basename(uri.path)}`,
  );
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Asks the runner (scripts/e2e/run.js) for a screenshot of the whole workbench and waits until
 * the PNG exists. Outside that runner (no OUTCOME_E2E_ARTIFACTS) it does nothing.
 */
export async function screenshot(name: string, timeoutMs = 15000): Promise<string | undefined> {
  const dir = process.env.OUTCOME_E2E_ARTIFACTS;
  if (!dir) return undefined;
  assert.match(name, /^[\w.-]+$/, 'screenshot names are plain file names');
  const file = path.join(dir, `${name}.png`);
  const appeared = artifact(file, timeoutMs);
  console.log(`SCREENSHOT ${name}`);
  await appeared;
  return file;
}

/** Resolves when the runner has written `file` (it writes to a temporary name and renames); an earlier copy is removed first. */
function artifact(file: string, timeoutMs: number): Promise<void> {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(file, { force: true });
  return new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(file)) finish();
    });
    const timer = setTimeout(() => finish(new Error(`no ${path.basename(file)} from the runner after ${timeoutMs} ms`)), timeoutMs);
    function finish(err?: Error) {
      clearTimeout(timer);
      watcher.close();
      if (err) reject(err);
      else resolve();
    }
    // The runner writes to a temporary name and renames, so existence means complete.
    if (fs.existsSync(file)) finish();
  });
}

/**
 * Asks the runner to answer the next question (a quick pick) by choosing the item labelled
 * `choose`, as a person would; resolves with the question's title once it has. Only under the
 * runner (OUTCOME_E2E_ARTIFACTS).
 */
export function answerQuestion(name: string, choose: string, timeoutMs = 20000): Promise<string> {
  const dir = process.env.OUTCOME_E2E_ARTIFACTS;
  assert.ok(dir, 'answering a question needs the runner (scripts/e2e/run.js)');
  assert.match(name, /^[\w.-]+$/, 'question names are plain file names');
  const file = path.join(dir, `${name}.question.txt`);
  const answered = artifact(file, timeoutMs).then(() => fs.readFileSync(file, 'utf8'));
  console.log(`ANSWER ${JSON.stringify({ name, choose })}`);
  return answered;
}

/** Asks the runner to click the preview's block that starts on source line `line`, as a person would. */
export function clickPreview(line: number): void {
  console.log(`CLICKPREVIEW ${JSON.stringify({ line })}`);
}

/** Asks the runner to type into the quick pick once it shows (holding the text `when`, if given), as a person would (see scripts/e2e/run.js). */
export function typeInQuickPick(type: string, press?: string, when?: string): void {
  console.log(`QUICKPICK ${JSON.stringify({ type, press, when })}`);
}
