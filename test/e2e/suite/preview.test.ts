import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, screenshot, waitFor, waitForDiagnostics, type PreviewRendered } from './helpers';

describe('preview and export', () => {
  afterEach(async () => {
    // A test that failed half-way leaves its edit: put the file back before closing.
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the draft, shows the header and the sections, follows typing and marks diagnostics', async function () {
    this.timeout(60000);
    const api = await activateExtension();
    const editor = await openInEditor('12001-22.outcome.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, () => true);
    const rendered = (accept: (r: PreviewRendered) => boolean, what: string) =>
      waitFor(api.onDidRenderPreview, () => {
        const r = api.previewRendered(uri);
        return r && accept(r) ? r : undefined;
      }, 12000, () => `${what} (last: ${JSON.stringify(api.previewRendered(uri))})`);

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
    const typedText = '\n\n5. Next meeting\n\nThe Presidency will announce the date.';
    await editor.edit((e) => e.insert(end, typedText));
    const after = await typed;
    assert.strictEqual(after.headings[5], '5. Next meeting');
    assert.strictEqual(after.blocks, first.blocks + 2);

    // Scrolled in step: the editor brought to the new section scrolls the preview to its block.
    const line = editor.document.lineCount - 3;
    assert.strictEqual(editor.document.lineAt(line).text, '5. Next meeting');
    // The preview goes to the block of the editor's top line (the block starts on it or on the line above: one-line paragraphs, blank lines between).
    const top = () => editor.visibleRanges[0]?.start.line ?? 0;
    const scrolled = rendered((r) => r.scrolledTo > 30 && r.scrolledTo <= top() && top() - r.scrolledTo <= 1, `the preview scrolled to the editor's top line`);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    await scrolled;
    await screenshot('preview');
    await editor.edit((e) => e.delete(new vscode.Range(end, editor.document.positionAt(editor.document.offsetAt(end) + typedText.length))));
    if (editor.document.isDirty) await editor.document.save();
  });

  it('"Export to Word (.docx)" writes the draft beside it with the footer settings', async () => {
    await activateExtension();
    const editor = await openInEditor('12001-22.outcome.md');
    await waitForDiagnostics(editor.document.uri, () => true);
    const settings = vscode.workspace.getConfiguration('outcomeDrafting.export');
    await settings.update('initials', 'PC/pf', vscode.ConfigurationTarget.Global);
    await settings.update('directorate', 'JAI.1', vscode.ConfigurationTarget.Global);
    // Outside the workspace: a Word file there is indexed too, and would carry 12001/22 a second time.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-export-'));
    try {
      const target = path.join(dir, '12001-22.docx');
      const written = await vscode.commands.executeCommand<string | undefined>('outcomeDrafting.exportDocx', editor.document.uri, { target });
      assert.strictEqual(written, target);
      assert.strictEqual(fs.readFileSync(target).subarray(0, 2).toString(), 'PK');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
