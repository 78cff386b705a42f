import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../shared/protocol';
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

/**
 * "Insert Outcome Skeleton": the `skeleton` snippet, inserted at the cursor as a live snippet. In
 * an untitled plain-text or Markdown file the language becomes Council Outcome first, so the
 * checks start at once (a saved file keeps its language: its name says what it is).
 */
export async function insertSkeleton(extensionPath: string): Promise<boolean> {
  let editor = vscode.window.activeTextEditor;
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
  const { document } = editor;
  if (document.isUntitled && CONVERTIBLE.has(document.languageId)) {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    // Changing the language gives the document a new editor; write into that one.
    editor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : await vscode.window.showTextDocument(document);
  }
  return editor.insertSnippet(new vscode.SnippetString(body));
}
