import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { unzipSync, strFromU8 } from 'fflate';
import { activateExtension, answerQuestion, openInEditor, typeInQuickPick, waitForDiagnostics } from './helpers';

/** The text of the Word file's footers. */
function footerXml(file: string): string {
  const parts = unzipSync(fs.readFileSync(file));
  return Object.keys(parts)
    .filter((name) => /^word\/footer\d*\.xml$/.test(name))
    .map((name) => strFromU8(parts[name]))
    .join('\n');
}

describe('export asks first', () => {
  let dir: string;
  beforeEach(() => {
    // Outside the workspace: a Word file there would be indexed too.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-export-'));
  });
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a draft with errors: "N errors: export anyway?"; Cancel writes nothing, Export Anyway writes the file', async function () {
    this.timeout(60000);
    await activateExtension();
    const settings = vscode.workspace.getConfiguration('outcomeDrafting.export');
    await settings.update('initials', 'PC/pf', vscode.ConfigurationTarget.Global);
    await settings.update('directorate', 'JAI.1', vscode.ConfigurationTarget.Global);
    const editor = await openInEditor('14105-22.outcome.md');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const question = `${errors} error${errors === 1 ? '' : 's'}: export anyway?`;
    const target = path.join(dir, '14105-22.docx');

    const cancelled = answerQuestion('export-cancel', 'Cancel');
    const none = await vscode.commands.executeCommand<string | undefined>('outcomeDrafting.exportDocx', editor.document.uri, { target });
    assert.strictEqual(await cancelled, question);
    assert.strictEqual(none, undefined);
    assert.deepStrictEqual(fs.readdirSync(dir), [], 'nothing written on Cancel');

    const accepted = answerQuestion('export-anyway', 'Export Anyway');
    const written = await vscode.commands.executeCommand<string | undefined>('outcomeDrafting.exportDocx', editor.document.uri, { target });
    assert.strictEqual(await accepted, question);
    assert.strictEqual(written, target);
    assert.deepStrictEqual(fs.readdirSync(dir), ['14105-22.docx']);
    assert.strictEqual(fs.readFileSync(target).subarray(0, 2).toString(), 'PK');
  });

  it('asks once for the initials and the directorate when they are not set, keeps them in the settings, and does not ask again', async function () {
    this.timeout(60000);
    await activateExtension();
    const settings = () => vscode.workspace.getConfiguration('outcomeDrafting.export');
    await settings().update('initials', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('directorate', undefined, vscode.ConfigurationTarget.Global);
    const editor = await openInEditor('12001-22.outcome.md');
    await waitForDiagnostics(editor.document.uri, () => true);
    const first = path.join(dir, 'first.docx');
    typeInQuickPick('GS/ab', 'Enter', 'initials');
    typeInQuickPick('JAI.2', 'Enter', 'directorate');
    assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('outcomeDrafting.exportDocx', editor.document.uri, { target: first, force: true }), first);
    const stored = settings().inspect<string>('initials');
    assert.deepStrictEqual([stored?.globalValue, settings().inspect<string>('directorate')?.globalValue], ['GS/ab', 'JAI.2']);
    assert.match(footerXml(first), /GS\/ab[\s\S]*JAI\.2/);

    // Nothing is typed this time: had the export asked, it would wait for an answer and never resolve.
    const second = path.join(dir, 'second.docx');
    assert.strictEqual(await vscode.commands.executeCommand<string | undefined>('outcomeDrafting.exportDocx', editor.document.uri, { target: second, force: true }), second);
    assert.match(footerXml(second), /GS\/ab[\s\S]*JAI\.2/);
  });
});
