import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, activateExtension, openInEditor, screenshot, typeInQuickPick, waitFor, waitForDiagnostics } from './helpers';

describe('drafting comfort', () => {
  it('ships the user guide as the extension page, with its picture and the licence', async () => {
    await activateExtension();
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const page = fs.readFileSync(path.join(root, fs.readdirSync(root).find((n) => n.toLowerCase() === 'readme.md')!), 'utf8');
    assert.match(page, /^## Rules$/m);
    assert.match(page, /^\| `codes\.unknown` \|/m);
    // The developers' README (build layout, npm start) stays in the repository.
    assert.doesNotMatch(page, /npm start|How it is built/);
    const picture = /!\[[^\]]*\]\(([^)]+)\)/.exec(page);
    assert.ok(picture && fs.existsSync(path.join(root, picture[1])), `the picture ${picture?.[1]} ships`);
    assert.ok(fs.readdirSync(root).some((n) => /^licen[cs]e/i.test(n)), 'a LICENSE file ships');
  });

  it('opens a draft wrapped, with no boxes around en dashes', async () => {
    await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    const settings = vscode.workspace.getConfiguration('editor', editor.document);
    assert.strictEqual(settings.get('wordWrap'), 'on');
    assert.strictEqual(settings.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(settings.get('wordBasedSuggestions'), 'off');
    await screenshot('wrapped');
  });

  it('"Insert Outcome Skeleton" in an untitled plain-text file makes it a Council Outcome document, checked at once', async () => {
    await activateExtension();
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    await vscode.window.showTextDocument(document);
    assert.strictEqual(await vscode.commands.executeCommand('outcomeDrafting.insertSkeleton'), true);
    const now = vscode.window.activeTextEditor!.document;
    assert.strictEqual(now.languageId, LANGUAGE_ID);
    assert.match(now.getText(), /OUTCOME OF PROCEEDINGS/);
    await waitForDiagnostics(now.uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  /** Runs Show Topic History, typing `typed` and Enter into its picker; resolves with the topic shown. */
  async function pickTopicHistory(typed: string): Promise<string> {
    const api = await activateExtension();
    let topic: string | undefined;
    const listener = api.topicHistory.onDidShow((h) => (topic = h.topic));
    try {
      const shown = waitFor(api.topicHistory.onDidShow, () => topic, 20000, 'the Topic History view to show a topic');
      void vscode.commands.executeCommand('outcomeDrafting.showTopicHistory');
      typeInQuickPick(typed, 'Enter');
      return await shown;
    } finally {
      listener.dispose();
    }
  }

  it('Topic History: "PNR" and Enter picks the general topic, not the PNR Directive', async () => {
    await openInEditor('14105-22.outcome.md');
    assert.strictEqual(await pickTopicHistory('PNR'), 'PNR (passenger name records)');
  });

  it('Topic History: the picker opens on the selected words', async () => {
    const editor = await openInEditor('14105-22.outcome.md');
    const line = editor.document.getText().split('\n').findIndex((l) => l === '2. Cybercrime');
    editor.selection = new vscode.Selection(line, 3, line, 13);
    assert.match(await pickTopicHistory(''), /^Cybercrime/i);
  });
});
