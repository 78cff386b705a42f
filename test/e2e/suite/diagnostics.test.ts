import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openInEditor, screenshot, waitFor, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  it('reports the defects of a draft, with rule codes and exact lines', async () => {
    const api = await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    const lineOf = (text: string) => editor.document.getText().split(/\r?\n/).findIndex((l) => l.includes(text));

    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'codes.unknown'));
    const unknown = diagnostics.find((d) => codeOf(d) === 'codes.unknown')!;
    assert.strictEqual(unknown.range.start.line, lineOf('JAIXE'), 'codes.unknown is on the line of the misspelt code');
    assert.ok(diagnostics.every((d) => d.source === 'outcome'));

    // The status bar summarises the same diagnostics, with the number the server read.
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const expected = `${errors ? `$(error) ${errors}` : ''}${errors && warnings ? ' ' : ''}${warnings ? `$(warning) ${warnings}` : ''} — 14105/22`;
    await waitFor(api.onDidChangeStatusBar, () => (api.statusBarText() === expected ? true : undefined), 10000, () => `status bar "${expected}" (it shows "${api.statusBarText()}")`);

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await screenshot('editor');
  });

  it('updates as the drafter types: a defect appears, then goes when it is fixed', async () => {
    await activateExtension();
    const editor = await openInEditor('12001-22.outcome.md');
    const document = editor.document;
    const line = document.getText().split(/\r?\n/).findIndex((l) => /^\W*JAIEX\b/.test(l));
    assert.ok(line >= 0, 'the earlier outcome lists JAIEX');
    const code = new vscode.Range(line, document.lineAt(line).text.indexOf('JAIEX'), line, document.lineAt(line).text.indexOf('JAIEX') + 5);

    assert.ok(await editor.edit((b) => b.replace(code, 'JAIXX')));
    const broken = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'codes.unknown'));
    assert.strictEqual(broken.find((x) => codeOf(x) === 'codes.unknown')!.range.start.line, line);

    assert.ok(await editor.edit((b) => b.replace(code, 'JAIEX')));
    const fixed = await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'codes.unknown'));
    const errors = fixed.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => `${d.range.start.line}: ${codeOf(d)} ${d.message}`), [], 'the earlier outcome is sound');
    await document.save();
  });
});
