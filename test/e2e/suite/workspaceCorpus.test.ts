// The four real Council documents opened beside the workspace (in a folder of their own outside
// it: an opened document enters the index). Last of the suite, so its documents stay out of the
// other tests' answers.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, screenshot, typeInQuickPick } from './helpers';

const CORPUS = ['13228-11', '10483-17', '9278-18', '7725-23'];

describe('the real documents, opened', () => {
  let folder: string;
  const opened: vscode.TextDocument[] = [];

  before(async () => {
    await activateExtension();
    // The suite runs from out/test/e2e/suite in the checkout; the corpus sits beside the checkout.
    const corpus = path.resolve(__dirname, '../../../../../shared/corpus');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-e2e-corpus-'));
    for (const name of CORPUS) {
      const file = path.join(folder, `${name}.outcome.md`);
      fs.copyFileSync(path.join(corpus, `${name}.md`), file);
      opened.push(await vscode.workspace.openTextDocument(file));
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('Topic History for PNR: one row per sentence, no row repeated under a meeting; screenshot', async () => {
    const api = await activateExtension();
    await vscode.window.showTextDocument(opened[2]);
    // The command ends once the view shows the topic and has the focus.
    const done = vscode.commands.executeCommand('outcomeDrafting.showTopicHistory');
    typeInQuickPick('PNR', 'Enter');
    await done;
    const rows = api.topicHistory.rows();
    const meetings = rows.filter((m) => CORPUS.some((n) => m.meeting.startsWith(n.replace('-', '/'))));
    assert.ok(meetings.length >= 3, `the real documents' meetings are listed: ${rows.map((m) => m.meeting).join('; ')}`);
    assert.strictEqual(rows.length, meetings.length, 'only meetings that discussed PNR');
    for (const m of meetings) assert.deepStrictEqual([...new Set(m.rows)], m.rows, `a row repeated under ${m.meeting}`);
    // Sentences that mention PNR more than once were listed once per mention before.
    assert.ok(meetings.some((m) => m.rows.length > 0));
    // Above the rows: the meetings and the mentions in all.
    assert.match(api.topicHistory.message() ?? '', new RegExp(`^PNR \\(passenger name records\\): ${meetings.length} meetings, oldest first; \\d+ mentions in all$`));
    await screenshot('topic-history-pnr');
  });

  it('the lens over 9278/18 section 2 counts the earlier meeting that discussed cyberspace, and says what it counted; screenshot', async () => {
    const editor = await vscode.window.showTextDocument(opened[2]);
    const line = editor.document.getText().split(/\r?\n/).findIndex((l) => /^2\. Security and judicial cooperation in cyberspace/.test(l));
    assert.ok(line > 0);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
    const lens = lenses.find((l) => l.range.start.line === line);
    assert.ok(lens?.command, 'a resolved lens over section 2');
    assert.match(lens.command.title, /^Discussed at [1-9]\d* earlier meetings?$/);
    assert.match(lens.command.tooltip ?? '', /Cyberspace/);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    await screenshot('lens-cyberspace');
  });

  it('a meeting phrase is a link, and its hover names the meeting or says why there is none', async () => {
    const { document } = await openInEditor('10512-22.outcome.md');
    const phrase = 'the next Senior Officials Meeting';
    const start = document.positionAt(document.getText().indexOf(phrase));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const link = links.find((l) => l.range.contains(start.translate(0, 4)));
    assert.ok(link?.target && path.basename(link.target.fsPath) === '12001-22.outcome.md', 'the phrase links to the next SOM\'s outcome');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, start.translate(0, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /12001\/22/);
    const latest = opened[3];
    const at = latest.positionAt(latest.getText().indexOf('the next EU-US JHA Ministerial meeting') + 4);
    const why = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', latest.uri, at);
    assert.match(why.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /no later EU-US JHA Ministerial in the workspace; the latest is/);
  });
});
