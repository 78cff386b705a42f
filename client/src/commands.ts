import * as vscode from 'vscode';
import { LANGUAGE_ID } from './protocol';
import { readSkeletonSnippet } from './skeleton';

const CONVERTIBLE = new Set(['markdown', 'plaintext']);

/** "Treat Current File as Outcome Document": switches a Markdown/plain-text editor to council-outcome. */
export async function treatAsOutcome(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Outcome Drafting: open a Markdown or plain-text file first.');
    return undefined;
  }
  if (document.languageId === LANGUAGE_ID) return document;
  if (!CONVERTIBLE.has(document.languageId)) {
    void vscode.window.showWarningMessage(
      `Outcome Drafting: only Markdown or plain-text files can be treated as outcome documents (this one is ${document.languageId}).`,
    );
    return undefined;
  }
  return vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

/** "Insert Outcome Skeleton": the `skeleton` snippet, inserted at the cursor as a live snippet. */
export async function insertSkeleton(extensionPath: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Outcome Drafting: open an editor to insert the outcome skeleton into.');
    return false;
  }
  let body: string;
  try {
    body = readSkeletonSnippet(extensionPath);
  } catch (e) {
    void vscode.window.showErrorMessage(`Outcome Drafting: cannot insert the skeleton: ${(e as Error).message}.`);
    return false;
  }
  return editor.insertSnippet(new vscode.SnippetString(body));
}
