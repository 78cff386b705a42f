import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, activateExtension, openInEditor } from './helpers';

describe('activation', () => {
  it('opens *.outcome.md files as council-outcome and activates the extension', async () => {
    const editor = await openInEditor('12001-22.outcome.md');
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['outcomeDrafting.treatAsOutcome', 'outcomeDrafting.insertSkeleton', 'outcomeDrafting.restartServer']) {
      assert.ok(commands.includes(c), `command ${c} is missing`);
    }
  });
});
