// Cross-document features over the workspace index, through VS Code's command layer: document
// links, go to definition on a meeting reference, find references on an instrument.
// The workspace: 10512-22 (Ministerial, June 2022) → 12001-22 (Senior Officials, September)
// → 14105-22 (Senior Officials, October, whose "No. prev. doc." is 12001/22).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, waitFor, waitForDiagnostics } from './helpers';

function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${path.basename(document.uri.path)}`);
  return document.positionAt(at + offset);
}

const fileOf = (uri: vscode.Uri | undefined) => (uri ? path.basename(uri.path) : '(none)');

/** Location or LocationLink, as the definition provider may answer either. */
function target(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };
}

describe('workspace features', () => {
  it('links the "No. prev. doc." number of a draft to the earlier outcome file', async () => {
    await activateExtension();
    const { document } = await openInEditor('14105-22.outcome.md');
    // Diagnostics come once the server has the document and its workspace.
    await waitForDiagnostics(document.uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const prevDocLine = positionOf(document, 'No. prev. doc.').line;
    const prev = links.find((l) => l.range.start.line === prevDocLine);
    assert.ok(prev, `no link on the "No. prev. doc." line among ${links.map((l) => `${l.range.start.line}:${fileOf(l.target)}`).join(', ')}`);
    assert.strictEqual(document.getText(prev.range), '12001/22');
    assert.strictEqual(fileOf(prev.target), '12001-22.outcome.md');
    // The same number cited in the body links there too.
    const cited = links.find((l) => l.range.start.line === positionOf(document, '(doc. 12001/22)').line);
    assert.strictEqual(fileOf(cited?.target), '12001-22.outcome.md');
  });

  it('goes from "the next Senior Officials Meeting" to that meeting\'s outcome file', async () => {
    await activateExtension();
    const { document } = await openInEditor('10512-22.outcome.md');
    const phrase = 'the next Senior Officials Meeting';
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, phrase, 'the next Sen'.length),
    );
    assert.deepStrictEqual(locations.map((l) => fileOf(target(l).uri)), ['12001-22.outcome.md']);
    // It lands on the earlier outcome's subject line.
    const earlier = await vscode.workspace.openTextDocument(target(locations[0]).uri);
    const landed = earlier.lineAt(target(locations[0]).range.start.line).text;
    assert.match(landed, /Subject:.*Senior Officials Meeting \(Prague, 14-15 September 2022\)/);
  });

  it('finds the references of an instrument across files, oldest meeting first', async () => {
    await activateExtension();
    const { document } = await openInEditor('10512-22.outcome.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'Second Additional Protocol for signature', 4),
    );
    const files = locations.map((l) => fileOf(l.uri));
    assert.ok(new Set(files).size > 1, `references in more than one file: ${files.join(', ')}`);
    // June 2022 (10512-22), then September 2022 (12001-22): oldest meeting first, each file's in one run.
    assert.deepStrictEqual([...new Set(files)], ['10512-22.outcome.md', '12001-22.outcome.md']);
    assert.deepStrictEqual(files, [...files].sort((a, b) => ['10512-22.outcome.md', '12001-22.outcome.md'].indexOf(a) - ['10512-22.outcome.md', '12001-22.outcome.md'].indexOf(b)));
    // Every location is a mention of the protocol.
    for (const l of locations) {
      const text = (await vscode.workspace.openTextDocument(l.uri)).getText(l.range);
      assert.match(text, /Second Additional Protocol/, `${fileOf(l.uri)} ${l.range.start.line}: "${text}"`);
    }
  });

  it('answers at most outcomeDrafting.references.limit locations, and says how many there are, as the Topic History does', async () => {
    const api = await activateExtension();
    const { document } = await openInEditor('10512-22.outcome.md');
    const at = positionOf(document, 'Second Additional Protocol for signature', 4);
    const all = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
    assert.ok(all.length > 1, `${all.length} locations`);
    const config = vscode.workspace.getConfiguration('outcomeDrafting');
    await config.update('references.limit', 1, vscode.ConfigurationTarget.Workspace);
    try {
      let told: { message: string; topic?: string } | undefined;
      const listening = api.onDidBoundReferences((n) => (told = n));
      const cut = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
      const notice = await waitFor(api.onDidBoundReferences, () => told, 15000, 'the message that the references were cut');
      listening.dispose();
      assert.deepStrictEqual(cut.map((l) => [fileOf(l.uri), l.range.start.line, l.range.start.character]), [[fileOf(all[0].uri), all[0].range.start.line, all[0].range.start.character]]);
      assert.strictEqual(notice.message, `References: 1 of ${all.length} shown, oldest meeting first (outcomeDrafting.references.limit) — the Topic History lists them all`);
      // The Topic History (what the message's button opens; the command returns once the view shows it) counts them all.
      await vscode.commands.executeCommand('outcomeDrafting.showTopicHistory', notice.topic);
      assert.match(api.topicHistory.message() ?? '', new RegExp(`; ${all.length} mentions in all$`));
    } finally {
      await config.update('references.limit', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
