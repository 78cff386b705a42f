import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, clickPreview, openInEditor, screenshot, waitFor, waitForDiagnostics, type OutcomeDraftingApi, type PreviewRendered } from './helpers';

/** Resolves with the preview's next report on `uri` that `accept` approves. */
function rendered(api: OutcomeDraftingApi, uri: vscode.Uri, accept: (r: PreviewRendered) => boolean, what: string): Promise<PreviewRendered> {
  return waitFor(api.onDidRenderPreview, () => {
    const r = api.previewRendered(uri);
    return r && accept(r) ? r : undefined;
  }, 15000, () => `${what} (last: ${JSON.stringify(api.previewRendered(uri))})`);
}

describe('preview pages', () => {
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flows a long draft into A4 pages, each with the Council footer; an edit changes only its page; a classified marking heads every page; an annex starts a page', async function () {
    this.timeout(90000);
    const api = await activateExtension();
    const settings = vscode.workspace.getConfiguration('outcomeDrafting.export');
    await settings.update('initials', 'PC/pf', vscode.ConfigurationTarget.Global);
    await settings.update('directorate', 'JAI.1', vscode.ConfigurationTarget.Global);
    const editor = await openInEditor('12001-22.outcome.md');
    const document = editor.document;
    const uri = document.uri;
    await waitForDiagnostics(uri, () => true);
    const shown = rendered(api, uri, (r) => r.headings.length > 0, 'the preview of 12001/22');
    await vscode.commands.executeCommand('outcomeDrafting.showPreviewToSide');
    await shown;

    // Forty paragraphs typed into section 2: the draft now runs over several pages.
    const before = document.getText().indexOf('3. Any other business');
    const paragraphs = Array.from({ length: 40 }, (_, i) => `The delegations went through point ${i + 1} of the joint work programme and agreed to come back to it at the next meeting.\n\n`).join('');
    // Awaited after the edit: the last report is looked at first, so none is missed.
    await editor.edit((e) => e.insert(document.positionAt(before), paragraphs));
    const paged = await rendered(api, uri, (r) => r.version === document.version && r.pages >= 3, 'the long draft in pages');
    assert.deepStrictEqual(paged.footers, paged.footers.map((_, i) => `12001/22 PC/pf ${i + 1} JAI.1 LIMITE EN`));
    assert.deepStrictEqual(paged.pageTops, paged.footers.map(() => ''), 'LIMITE is no classified marking: no page header');
    assert.strictEqual(paged.pageLines[0], 0, 'the first page starts with the header');
    paged.pageLines.forEach((line, i) => i > 0 && assert.ok(line > paged.pageLines[i - 1], `page ${i + 1} starts after page ${i}: ${paged.pageLines}`));

    // One letter changed in a one-line paragraph: one block made anew, one page touched.
    const at = document.getText().indexOf('raised.') + 'raised'.length;
    await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 1)), '!'));
    const one = await rendered(api, uri, (r) => r.version === document.version, 'the edit');
    assert.strictEqual(one.received, 1, 'the answer brings the edited block only');
    assert.strictEqual(one.created, 1);
    assert.strictEqual(one.pagesChanged, 1);
    assert.strictEqual(one.pages, paged.pages);

    // A classified marking: printed at the top of every page and in every footer.
    const marking = 'RESTREINT UE/EU RESTRICTED';
    await editor.edit((e) => e.replace(document.lineAt(8).range, marking));
    const classified = await rendered(api, uri, (r) => r.version === document.version && r.pageTops.length > 0 && r.pageTops.every((t) => t === marking), 'the marking at the top of every page');
    assert.deepStrictEqual(classified.footers, classified.footers.map((_, i) => `12001/22 PC/pf ${i + 1} JAI.1 ${marking} EN`));
    // The editor brought to page 2's first line: the preview follows (to the block of the editor's top line), and the picture shows a page break.
    const top = () => editor.visibleRanges[0]?.start.line ?? 0;
    const pageTwo = rendered(api, uri, (r) => r.scrolledTo > 30 && r.scrolledTo <= top() && top() - r.scrolledTo <= 1, 'the preview scrolled to page 2');
    editor.revealRange(new vscode.Range(classified.pageLines[1], 0, classified.pageLines[1], 0), vscode.TextEditorRevealType.AtTop);
    await pageTwo;
    await screenshot('preview-pages');

    // An annex at the end starts a page of its own, though the last page has room.
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\nANNEX\n\nThe joint statement of the meeting.'));
    const annexLine = document.lineCount - 3;
    assert.strictEqual(document.lineAt(annexLine).text, 'ANNEX');
    const annexed = await rendered(api, uri, (r) => r.version === document.version, 'the annex');
    assert.strictEqual(annexed.pages, classified.pages + 1);
    assert.strictEqual(annexed.pageLines[annexed.pages - 1], annexLine);
  });

  it('a click on a paragraph in the preview puts the cursor at the start of its line in the editor', async function () {
    this.timeout(60000);
    const api = await activateExtension();
    const editor = await openInEditor('12001-22.outcome.md');
    const uri = editor.document.uri;
    const line = 32;
    assert.match(editor.document.lineAt(line).text, /^Both sides reported/);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const shown = rendered(api, uri, (r) => r.headings.length > 0, 'the preview of 12001/22');
    await vscode.commands.executeCommand('outcomeDrafting.showPreviewToSide');
    await shown;
    const moved = waitFor(
      vscode.window.onDidChangeTextEditorSelection,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === uri.toString() && active.selection.active.line === line ? active : undefined;
      },
      15000,
      () => `the cursor on line ${line} (it is at ${vscode.window.activeTextEditor?.selection.active.line} in ${vscode.window.activeTextEditor?.document.uri.path})`,
    );
    clickPreview(line);
    const active = await moved;
    assert.deepStrictEqual([active.selection.active.line, active.selection.active.character, active.selection.isEmpty], [line, 0, true]);
    assert.ok(active.visibleRanges.some((r) => r.contains(new vscode.Position(line, 0))), 'the line is in view');
  });
});
