import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type CancellationToken, type Connection, type Diagnostic, type Disposable, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalogue } from '../core/catalogue/catalogue';
import type { FileStat, Workspace } from '../core/workspace/workspace';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import type { WorkspaceQueries } from '../core/workspace/queries';
import { archiveFileUri } from '../node/fileUris';
import { FileWorkspace, type FileScope } from '../node/fileWorkspace';
import { startParallelIndex, whenNeeded } from '../node/parallelIndex';
import { loadSavedIndex, saveSnapshot } from '../node/snapshotFile';
import type { Analysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import type { RuleLinks } from './ruleLinks';
import type { Severities } from '../core/workspace/references';

/** Every Markdown and text file may be an outcome document: the index decides by reading it; Word and PDF files where the include globs say. */
export const WATCHED_FILES = '**/*.{md,txt,docx,pdf}';
const WATCHED_NAME = /\.(?:md|txt|docx|pdf)$/i;
const SNAPSHOT_FILE = 'workspace-index.json';
/** File changes are saved to the snapshot after this quiet time (writing it for 10,000 documents takes a moment). */
const SAVE_DELAY_MS = 30_000;

export interface WorkspaceServiceOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** Workspace folders, as paths. */
  folders: string[];
  /** Where the index is saved between sessions (the client's storage folder), if anywhere. */
  storagePath?: string;
  catalogue: () => Catalogue;
  /** Asks the client to pull diagnostics again (cross-document findings changed). */
  refreshDiagnostics: () => void;
  /** Indexing worker threads for the first build (default: one per core beyond the first; 0: index in this thread). */
  workers?: number;
  /** The current analysis of an open document, when it is an outcome document (its tree enters the index). */
  analyse(document: TextDocument): Analysis | undefined;
}

/**
 * `file:` URIs as the index keys them: the editor and Node percent-encode differently
 * ("c%3A" vs "c:"), so every URI entering or leaving the index goes through here.
 */
export function canonicalUri(uri: string): string {
  // A Word or PDF file's read-only view stands for the file.
  uri = archiveFileUri(uri);
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The folders on disk, with the editor's open buffers read in place of their files. */
class EditorWorkspace implements Workspace {
  readonly files: FileWorkspace;

  constructor(
    folders: string[],
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    this.files = new FileWorkspace(folders);
  }

  listFiles(): Promise<string[]> {
    return this.files.listFiles();
  }

  stat(uri: string): Promise<FileStat | undefined> {
    return this.files.stat(uri);
  }

  async readFile(uri: string): Promise<string | undefined> {
    const open = this.documents.all().find((d) => canonicalUri(d.uri) === uri);
    return open ? open.getText() : uri.startsWith('file:') ? this.files.readFile(uri) : undefined;
  }
}

/**
 * The language server's workspace index: built at start-up (from the saved snapshot when there
 * is one) with progress shown in the editor, kept current from file events and the open
 * documents' events (an open buffer enters the index when it opens or changes, never through a
 * query), and saved again after changes.
 */
export class WorkspaceService {
  private current: WorkspaceIndex;
  private catalogue: Catalogue;
  private readonly workspace: EditorWorkspace;
  /** Version of each open document last given to the index. */
  private readonly synced = new Map<string, number>();
  private building: Promise<void> | undefined;
  private ready = false;
  /** Settles when the first build has ended, built or failed: requests that need the workspace wait for it. */
  private readonly firstBuild: Promise<void>;
  private firstBuildEnded!: () => void;
  private saveTimer: NodeJS.Timeout | undefined;
  /** The save under way, if any: saves follow one another (they write the same file). */
  private saving: Promise<void> | undefined;

  constructor(private readonly options: WorkspaceServiceOptions) {
    this.catalogue = options.catalogue();
    this.workspace = new EditorWorkspace(options.folders, options.documents);
    this.current = new WorkspaceIndex(this.workspace, this.catalogue);
    this.firstBuild = new Promise((resolve) => (this.firstBuildEnded = resolve));
    options.documents.onDidChangeContent((e) => this.sync(e.document));
    options.documents.onDidClose((e) => this.closed(e.document.uri));
  }

  /** What the features ask. */
  get queries(): WorkspaceQueries {
    return this.current.queries;
  }

  /** The catalogue changed: the index is built again for it (the current one answers meanwhile). */
  catalogueChanged(): void {
    if (this.options.catalogue() === this.catalogue) return;
    if (this.building) void this.building.then(() => this.catalogueChanged());
    else void this.start();
  }

  /** Which open documents are outcome documents may have changed (the include setting): each is taken again. */
  openDocumentsChanged(): void {
    for (const d of this.options.documents.all()) this.sync(d);
  }

  /** The folders on disk, as read by the index. */
  get files(): FileWorkspace {
    return this.workspace.files;
  }

  /** Which files are read (include globs for Word and PDF files, links outside the folders): a change relists the folders. */
  setFileScope(scope: FileScope): void {
    this.workspace.files.setScope(scope);
    if (this.ready) void this.start();
  }

  /** True once the first build has ended: before, cross-document findings would be guesses. */
  get isReady(): boolean {
    return this.ready;
  }

  /**
   * Waits for the first build to end (at once after it): an answer that depends on the other
   * documents is not given from half an index. False when the request was cancelled meanwhile.
   */
  async whenBuilt(token?: CancellationToken): Promise<boolean> {
    if (this.ready) return true;
    if (!token) {
      await this.firstBuild;
      return true;
    }
    if (token.isCancellationRequested) return false;
    let cancelled: Disposable | undefined;
    try {
      return await Promise.race([this.firstBuild.then(() => true), new Promise<boolean>((resolve) => (cancelled = token.onCancellationRequested(() => resolve(false))))]);
    } finally {
      cancelled?.dispose();
    }
  }

  /** Builds (or rebuilds, for another catalogue) the index, showing progress. */
  start(): Promise<void> {
    this.building ??= this.build().finally(() => {
      this.building = undefined;
      this.firstBuildEnded();
    });
    return this.building;
  }

  private async build(): Promise<void> {
    const catalogue = this.options.catalogue();
    const index = catalogue === this.catalogue ? this.current : new WorkspaceIndex(this.workspace, catalogue);
    const progress = await this.options.connection.window.createWorkDoneProgress();
    progress.begin('Outcome Drafting', 0, 'Indexing outcome documents', false);
    // Files are read and parsed on worker threads (this thread keeps answering); none: read here.
    // With a saved index they start only if a file has to be read.
    const parallel = this.options.workers === 0 ? undefined : whenNeeded(() => startParallelIndex(catalogue, this.options.workers));
    if (!this.savedIndexExists()) parallel?.start();
    // Read on its worker while the folders are listed.
    const loading = this.loadSnapshot(catalogue);
    let unsaved = false;
    let reported = -1;
    try {
      const report = await index.build({
        saved: loading,
        readEntries: parallel?.readEntries,
        onProgress: (done, total) => {
          // At most one report a percent: at 100,000 documents, one a batch wrote thousands of messages.
          const percent = Math.round((done / Math.max(1, total)) * 100);
          if (percent === reported && done < total) return;
          reported = percent;
          progress.report(percent, `Indexing ${withThousands(done)} / ${withThousands(total)}`);
        },
      });
      await parallel?.close();
      // The files were read from disk: an open document's buffer is what counts for it, taken from its analysis.
      this.synced.clear();
      for (const d of this.options.documents.all()) this.take(index, d);
      this.options.connection.console.info(`Workspace index: ${report.documents} outcome documents in ${report.files} files (${report.read} read, ${report.reused} from the saved index).`);
      this.catalogue = catalogue;
      this.current = index;
      this.ready = true;
      this.options.refreshDiagnostics();
      // Every file as saved (nothing read, nothing gone): the saved index stands as it is.
      const snapshot = await loading;
      unsaved = !(snapshot && report.read === 0 && report.reused === snapshot.files.size);
    } catch (e) {
      this.options.connection.console.error(`Workspace index: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      void parallel?.close();
      progress.done();
    }
    // The index answers from here. While the editor is idle, it is saved (first: a restart then finds it), then its lookups are built.
    if (this.ready && this.current === index) {
      if (unsaved) this.save();
      await index.prepareQueries();
    }
  }

  /** An open document opened or changed: its current text stands in the index for its file. */
  private sync(document: TextDocument): void {
    if (this.take(this.current, document)) this.options.refreshDiagnostics();
  }

  /** Puts an open document's tree in `index`; true when other documents' cross-document findings may change. */
  private take(index: WorkspaceIndex, document: TextDocument): boolean {
    const uri = canonicalUri(document.uri);
    const analysis = this.options.analyse(document);
    const tree = analysis?.lint?.document;
    if (!tree) {
      // No longer an outcome document (the include setting, the language): the file on disk stands again.
      if (this.synced.delete(uri)) void this.closed(document.uri, true);
      return false;
    }
    if (this.synced.get(uri) === document.version && index === this.current) return false;
    this.synced.set(uri, document.version);
    // Unsaved text is never saved in the snapshot: nothing to schedule here.
    return index.setDocument(uri, tree).length > 0;
  }

  /** File events from the client's watcher: created and changed files are read again, deleted ones dropped. */
  async onWatchedFiles(changes: FileEvent[]): Promise<void> {
    let affected = false;
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      if (!WATCHED_NAME.test(uri)) continue;
      // An open document's buffer is what counts while it is open.
      if (this.synced.has(uri) && change.type !== FileChangeType.Deleted) continue;
      const others = change.type === FileChangeType.Deleted ? this.current.remove(uri) : await this.current.refresh(uri);
      affected ||= others.length > 0;
    }
    if (affected) this.changed();
    else this.scheduleSave();
  }

  private async closed(uri: string, dropped = false): Promise<void> {
    const key = canonicalUri(uri);
    if (!this.synced.delete(key) && !dropped) return;
    // The buffer may have held unsaved text: the file on disk is the truth again.
    const others = key.startsWith('file:') && this.isInFolders(key) ? await this.current.refresh(key) : this.current.remove(key);
    if (others.length > 0) this.changed();
    else this.scheduleSave();
  }

  private isInFolders(uri: string): boolean {
    const file = fileURLToPath(uri);
    return this.options.folders.some((f) => !path.relative(f, file).startsWith('..'));
  }

  private changed(): void {
    this.options.refreshDiagnostics();
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.options.storagePath || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private savedIndexExists(): boolean {
    return this.options.storagePath !== undefined && fs.existsSync(path.join(this.options.storagePath, SNAPSHOT_FILE));
  }

  /** The saved index, read on a worker thread while this one answers. */
  private async loadSnapshot(catalogue: Catalogue) {
    if (!this.options.storagePath) return undefined;
    const file = path.join(this.options.storagePath, SNAPSHOT_FILE);
    return loadSavedIndex(file, catalogue, (why) => this.options.connection.console.warn(`Workspace index: the saved index ${file} is not used: ${why}. It is built again from the files.`));
  }

  /** Saves the index, a piece at a time between requests; after the save under way, if one is. */
  private save(): void {
    this.saving = (this.saving ?? Promise.resolve()).then(() => this.saveNow());
  }

  private async saveNow(): Promise<void> {
    const dir = this.options.storagePath;
    if (!dir) return;
    const file = path.join(dir, SNAPSHOT_FILE);
    try {
      fs.mkdirSync(dir, { recursive: true });
      await saveSnapshot(this.current, file);
      this.options.connection.console.log(`Workspace index: saved to ${file}.`);
    } catch (e) {
      this.options.connection.console.warn(`Workspace index: could not save to ${dir}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** 10000 -> "10,000". (`toLocaleString` goes through Intl on every call: 30 ms of this thread's work in a cold build of 10,000 documents.) */
export function withThousands(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return out;
}

/** `initializationOptions.storagePath`, when the client gives a usable one. */
export function storagePathOf(initializationOptions: unknown): string | undefined {
  const p = (initializationOptions as { storagePath?: unknown } | null | undefined)?.storagePath;
  return typeof p === 'string' && p.length > 0 && path.isAbsolute(p) ? p : undefined;
}

const SEVERITIES = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/**
 * The findings that depend on other documents (unresolved references, a previous document dated
 * later, a number carried twice), merged into the document's pull diagnostics once the index is built.
 */
export async function crossDocumentDiagnostics(analysis: Analysis, workspace: WorkspaceService, severities: Severities, links: RuleLinks): Promise<Diagnostic[]> {
  if (!workspace.isReady) return [];
  return (await workspace.queries.findings(canonicalUri(analysis.uri), severities)).map((f) => {
    const d: Diagnostic = { range: analysis.toEditor(f.range), severity: SEVERITIES[f.severity], source: DIAGNOSTIC_SOURCE, code: f.code, message: f.message };
    const href = links.get(f.code);
    if (href) d.codeDescription = { href };
    return d;
  });
}
