import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { DocumentInfoRequest, ExportRequest, LANGUAGE_ID, sendCustomRequest, type ExportParams } from '../../shared/protocol';

type Format = ExportParams['format'];

/** Options a caller (a test, a keybinding) may pass instead of answering the dialogs. */
export interface ExportOptions {
  target?: string;
  /** Export even when the draft has errors, without asking. */
  force?: boolean;
}

const LABEL: Record<Format, string> = { docx: 'Word', pdf: 'PDF' };

export function registerExport(context: vscode.ExtensionContext, client: LanguageClient): void {
  for (const format of ['docx', 'pdf'] as const) {
    const command = format === 'docx' ? 'outcomeDrafting.exportDocx' : 'outcomeDrafting.exportPdf';
    context.subscriptions.push(vscode.commands.registerCommand(command, (uri?: vscode.Uri, options?: ExportOptions) => exportDraft(client, format, uri, options)));
  }
}

/** Exports the draft; resolves with the file written, or undefined when nothing was (the reason shown). */
async function exportDraft(client: LanguageClient, format: Format, uri: vscode.Uri | undefined, options: ExportOptions = {}): Promise<string | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showErrorMessage('Outcome Drafting: open an outcome document (Council Outcome) to export it.');
    return undefined;
  }
  if (client.state !== State.Running) {
    void vscode.window.showErrorMessage('Outcome Drafting: the language server is not running; export needs it.');
    return undefined;
  }
  const info = await sendCustomRequest(client, DocumentInfoRequest, { uri: document.uri.toString() });
  if (!info || info.kind !== 'outcome') {
    void vscode.window.showErrorMessage(`Outcome Drafting: ${path.basename(document.uri.fsPath)} is not an outcome of proceedings document: nothing exported.`);
    return undefined;
  }
  const errors = info.errors ?? 0;
  if (errors > 0 && !options.force) {
    // A quick pick, not a modal dialog: it takes the keyboard the same way, and VS Code's test host
    // (where the end-to-end suite answers it) refuses modal dialogs.
    const question = `${errors} error${errors === 1 ? '' : 's'}: export anyway?`;
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Export Anyway', description: `the ${LABEL[format]} file carries the draft as it is` },
        { label: 'Cancel', description: 'nothing is written; the Problems view lists the errors' },
      ],
      { title: question, placeHolder: question, ignoreFocusOut: true },
    );
    if (choice?.label !== 'Export Anyway') return undefined;
  }
  const footer = await footerSettings(document.uri);
  if (!footer) return undefined;
  const target = options.target ?? (await chooseTarget(document, format));
  if (!target) return undefined;
  const settings = vscode.workspace.getConfiguration('outcomeDrafting.export', document.uri);
  const params: ExportParams = { uri: document.uri.toString(), format, target, ...footer, libreOffice: settings.get<string>('libreOffice') || undefined };
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Exporting to ${LABEL[format]}…` }, () => sendCustomRequest(client, ExportRequest, params));
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Outcome Drafting: ${result.reason}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(`Outcome Drafting: exported to ${target}`);
  return target;
}

/**
 * The footer's initials and directorate, from the settings; each asked once when missing and
 * kept in the user settings. Undefined when the drafter cancels.
 */
async function footerSettings(scope: vscode.Uri): Promise<{ initials: string; directorate: string } | undefined> {
  const settings = vscode.workspace.getConfiguration('outcomeDrafting.export', scope);
  const ask = async (key: 'initials' | 'directorate', prompt: string, placeHolder: string) => {
    const value = settings.get<string>(key)?.trim();
    if (value) return value;
    const answer = await vscode.window.showInputBox({ title: 'Outcome Drafting: export', prompt, placeHolder, ignoreFocusOut: true });
    if (answer === undefined) return undefined;
    await settings.update(key, answer.trim(), vscode.ConfigurationTarget.Global);
    return answer.trim();
  };
  const initials = await ask('initials', "The drafters' initials, as the page footer prints them (saved in outcomeDrafting.export.initials)", 'PC/pf');
  if (initials === undefined) return undefined;
  const directorate = await ask('directorate', 'The directorate, as the page footer prints it (saved in outcomeDrafting.export.directorate)', 'JAI.1');
  if (directorate === undefined) return undefined;
  return { initials, directorate };
}

async function chooseTarget(document: vscode.TextDocument, format: Format): Promise<string | undefined> {
  const source = document.uri.scheme === 'file' ? document.uri.fsPath : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'draft.md');
  const base = path.basename(source).replace(/(?:\.outcome)?\.(?:md|txt|markdown)$/i, '');
  const chosen = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(path.dirname(source), `${base}.${format}`)),
    filters: format === 'docx' ? { 'Word document': ['docx'] } : { PDF: ['pdf'] },
    saveLabel: `Export to ${LABEL[format]}`,
  });
  return chosen?.fsPath;
}
