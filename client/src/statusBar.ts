import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, DocumentInfo, LANGUAGE_ID } from '../../shared/protocol';

/** Asks the server for a document's number; resolves undefined when it cannot tell. */
export type DocumentInfoSource = (uri: vscode.Uri) => Promise<DocumentInfo | undefined>;

/**
 * Shows the active outcome document's number and validation state, e.g.
 * "$(check) 13228/11" or "$(error) 2 $(warning) 1 — 13228/11".
 */
export class OutcomeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('outcomeDrafting.status', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private visible = false;
  /** Last known document info per URI, refreshed when the document's diagnostics change. */
  private readonly info = new Map<string, DocumentInfo | undefined>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the new text each time the item is drawn or hidden. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly documentInfo: DocumentInfoSource) {
    this.item.name = 'Outcome Drafting';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(true)),
      vscode.workspace.onDidCloseTextDocument((d) => this.info.delete(d.uri.toString())),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.refresh(true);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh(true);
      }),
    );
    this.refresh(true);
  }

  /** The text shown now ('' when hidden): lets tests read the state without the DOM. */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  refresh(askServer: boolean): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.visible = false;
      this.item.hide();
      this.changed.fire('');
      return;
    }
    const key = doc.uri.toString();
    this.render(doc.uri, this.info.get(key));
    if (!askServer) return;
    const generation = ++this.generation;
    this.documentInfo(doc.uri).then(
      (info) => {
        this.info.set(key, info);
        // Only the latest answer for the editor still active is drawn.
        if (generation === this.generation && vscode.window.activeTextEditor?.document.uri.toString() === key) {
          this.render(doc.uri, info);
        }
      },
      () => undefined,
    );
  }

  private render(uri: vscode.Uri, info: DocumentInfo | undefined): void {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const label = info?.kind === 'other' ? 'not an outcome document' : info?.number ?? 'Outcome';
    const state = errors + warnings === 0 ? '$(check)' : `${errors ? `$(error) ${errors}` : ''}${errors && warnings ? ' ' : ''}${warnings ? `$(warning) ${warnings}` : ''} —`;
    this.item.text = `${state} ${label}`;
    this.item.tooltip =
      info?.kind === 'other'
        ? 'Outcome Drafting: this file is not an outcome of proceedings document'
        : `Outcome Drafting: ${info?.number ? `document ${info.number}, ` : ''}${errors} error(s), ${warnings} warning(s), ${diagnostics.length - errors - warnings} other note(s). Click to open Problems.`;
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.visible = true;
    this.item.show();
    this.changed.fire(this.item.text);
  }

  dispose(): void {
    this.changed.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
