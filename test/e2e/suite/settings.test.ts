import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openInEditor, waitForDiagnostics } from './helpers';

describe('settings', () => {
  it('outcomeDrafting.rules turns a rule off and back on, without a restart', async () => {
    await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    const uri = editor.document.uri;
    const has = (code: string) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === code);
    await waitForDiagnostics(uri, has('codes.unknown'));

    const config = vscode.workspace.getConfiguration('outcomeDrafting');
    await config.update('rules', { 'codes.unknown': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      const off = await waitForDiagnostics(uri, (d) => d.length > 0 && !has('codes.unknown')(d));
      assert.ok(has('body.section-numbering')(off), 'the other rules still report');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, has('codes.unknown'));
  });
});
