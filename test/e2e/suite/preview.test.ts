import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, screenshot, waitFor, waitForDiagnostics, workspaceUri, type PreviewRendered } from './helpers';

describe('preview and export', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the draft, shows the header and the sections, follows typing and marks diagnostics', async () => {
    const api = await activateExtension();
    const editor = await openInEditor('12001-22.outcome.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, () => true);
    const rendered = (accept: (r: PreviewRendered) => boolean, what: string) =>
      waitFor(api.onDidRenderPreview, () => {
        const r = api.previewRendered(uri);
        return r && accept(r) ? r : undefined;
      }, 20000, () => `${what} (last: ${JSON.stringify(api.previewRendered(uri))})`);

    const shown = rendered((r) => r.headings.length > 0, 'the preview of 12001/22');
    await vscode.commands.executeCommand('outcomeDrafting.showPreviewToSide');
    const first = await shown;
    assert.strictEqual(first.header, 'Council of the European Union Brussels, 21 September 2022 (OR. en) 12001/22 LIMITE JAIEX 61 RELEX 1190 CYBER 287 CRIMORG 110 USA 41');
    assert.deepStrictEqual(first.headings, ['1. Opening of the meeting', '2. Cybercrime and electronic evidence', 'a) Second Additional Protocol to the Budapest Convention', 'b) Ransomware', '3. Any other business']);
    assert.strictEqual(first.created, first.blocks, 'the first rendering makes every block');

    // A new section typed at the end, numbered 5 after 3: the preview shows it, makes only its two
    // blocks anew, and marks the numbering error in the margin.
    const typed = rendered((r) => r.headings.includes('5. Next meeting') && r.marks > 0, 'the typed section and its diagnostic');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\n5. Next meeting\n\nThe Presidency will announce the date.'));
    const after = await typed;
    assert.strictEqual(after.headings[5], '5. Next meeting');
    assert.strictEqual(after.blocks, first.blocks + 2);
    await screenshot('preview');
    await vscode.commands.executeCommand('workbench.action.files.revert', uri);
  });

  it('"Export to Word (.docx)" writes the draft beside it with the footer settings', async () => {
    await activateExtension();
    const editor = await openInEditor('12001-22.outcome.md');
    await waitForDiagnostics(editor.document.uri, () => true);
    const settings = vscode.workspace.getConfiguration('outcomeDrafting.export');
    await settings.update('initials', 'PC/pf', vscode.ConfigurationTarget.Global);
    await settings.update('directorate', 'JAI.1', vscode.ConfigurationTarget.Global);
    const target = workspaceUri('12001-22.docx').fsPath;
    const written = await vscode.commands.executeCommand<string | undefined>('outcomeDrafting.exportDocx', editor.document.uri, { target });
    assert.strictEqual(written, target);
    assert.strictEqual(fs.readFileSync(target).subarray(0, 2).toString(), 'PK');
  });
});
