// A Word file of the register in the workspace: indexed like any outcome, and a location in it
// opens its text as the server read it, read-only (scheme outcome-archive).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

describe('Word and PDF files in the editor', () => {
  const draftName = 'draft-after-15990.outcome.md';
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(draftName)).then(undefined, () => undefined);
  });

  it('opens a location in a Word file as its text, read-only', async () => {
    await activateExtension();
    // A draft whose previous document is the Word file of the workspace (register/15990-25.docx),
    // and which cites a document that is nowhere: its finding says the index is built.
    const draft = fs
      .readFileSync(workspaceUri('14105-22.outcome.md').fsPath, 'utf8')
      .replace(/^No\. prev\. doc\.:.*$/m, 'No. prev. doc.: 15990/25, 99999/25');
    assert.match(draft, /No\. prev\. doc\.: 15990\/25/);
    fs.writeFileSync(workspaceUri(draftName).fsPath, draft);
    const { document } = await openInEditor(draftName);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.message.includes('99999/25')), 20000);
    // The Word file is found: dated after this old draft, not missing.
    const messages = diagnostics.map((d) => d.message);
    assert.ok(!messages.some((m) => m.includes('15990/25 is not in the workspace')), messages.join('; '));
    assert.ok(messages.some((m) => m.startsWith('Previous document 15990/25 is dated 2025-12-12')), messages.join('; '));

    const at = document.getText().indexOf('15990/25');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const link = links.find((l) => l.range.contains(document.positionAt(at)));
    assert.ok(link?.target, `no link on 15990/25: ${links.map((l) => l.target?.toString()).join(', ')}`);
    assert.strictEqual(link.target.scheme, 'outcome-archive');
    assert.strictEqual(path.basename(link.target.path), '15990-25.docx');

    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'counter-terrorism');
    const heading = symbols.find((s) => path.basename(s.location.uri.path) === '15990-25.docx');
    assert.ok(heading, `no heading of the Word file among ${symbols.map((s) => s.name).join(', ')}`);
    assert.strictEqual(heading.location.uri.scheme, 'outcome-archive');

    const editor = await vscode.window.showTextDocument(heading.location.uri, { selection: heading.location.range });
    const shown = editor.document;
    assert.strictEqual(shown.uri.scheme, 'outcome-archive');
    assert.strictEqual(shown.lineAt(heading.location.range.start.line).text, '2.\tCounter-terrorism');
    assert.match(shown.getText(), /^OUTCOME OF PROCEEDINGS$/m);
    await waitFor(vscode.workspace.onDidOpenTextDocument, () => (editor.document.languageId === 'council-outcome' ? true : undefined), 10000, 'the text view as an outcome document');
    // Read-only: typing into it changes nothing.
    const before = shown.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.strictEqual(shown.getText(), before);
    assert.strictEqual(shown.isDirty, false);
  });
});
