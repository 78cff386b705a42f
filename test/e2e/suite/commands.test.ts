import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, activateExtension, openInEditor, waitFor, waitForDiagnostics } from './helpers';

describe('commands', () => {
  it('"Treat Current File as Outcome Document" switches a Markdown file to council-outcome', async () => {
    await activateExtension();
    const editor = await openInEditor('meeting-notes.md');
    assert.strictEqual(editor.document.languageId, 'markdown');
    const switched = await vscode.commands.executeCommand<vscode.TextDocument>('outcomeDrafting.treatAsOutcome');
    assert.strictEqual(switched?.languageId, LANGUAGE_ID);
    assert.strictEqual(vscode.window.activeTextEditor?.document.languageId, LANGUAGE_ID);
    // Once switched, the server checks it like any outcome document.
    await waitForDiagnostics(switched.uri);
  });

  it('"Insert Outcome Skeleton" inserts the skeleton snippet', async function () {
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (!fs.existsSync(path.join(extension.extensionPath, 'snippets', 'outcome.code-snippets'))) this.skip();
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    await vscode.window.showTextDocument(document);
    assert.strictEqual(await vscode.commands.executeCommand('outcomeDrafting.insertSkeleton'), true);
    assert.match(document.getText(), /OUTCOME OF PROCEEDINGS/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Restart Language Server" restarts the server, which reports again', async () => {
    await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri);
    // Stopping clears the old server's diagnostics; the new server then reports afresh.
    const count = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'outcome').length;
    let cleared = false;
    const afresh = waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        if (count() === 0) cleared = true;
        return cleared && count() > 0 ? true : undefined;
      },
      30000,
      'diagnostics cleared by the restart, then reported again',
    );
    await vscode.commands.executeCommand('outcomeDrafting.restartServer');
    await afresh;
  });
});
