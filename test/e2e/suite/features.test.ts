// Editing features through VS Code's own command layer (vscode.execute*Provider): what a
// drafter gets from completion, hover, quick fixes and the outline in the real workbench.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openInEditor, screenshot, waitFor, waitForDiagnostics } from './helpers';

/** The position of the first occurrence of `needle` (plus `offset` characters) in the document. */
function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in ${document.fileName}`);
  return document.positionAt(at + offset);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  assert.ok(list, 'no completion list');
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Applies a WorkspaceEdit and waits until the document shows it (applyEdit resolves on acceptance). */
async function edit(document: vscode.TextDocument, build: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  build(e);
  assert.ok(await vscode.workspace.applyEdit(e), 'the edit was refused');
}

describe('editing features', () => {
  it('completes "Budap" in the body to the Budapest Convention, and subject codes with descriptions in the header', async () => {
    await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    const document = editor.document;
    const original = document.getText();
    await waitForDiagnostics(document.uri);
    const sentence = 'No other business was raised.';
    const end = positionOf(document, sentence, sentence.length);
    const typed = ' Budap';
    await edit(document, (e) => e.insert(document.uri, end, typed));
    try {
      const cursor = end.translate(0, typed.length);
      assert.strictEqual(document.getText(new vscode.Range(end, cursor)), typed);
      const items = await completionsAt(document, cursor);
      const budapest = items.find((i) => labelOf(i) === 'Budapest Convention');
      assert.ok(budapest, `no Budapest Convention among ${items.map(labelOf).join(', ')}`);
      // It replaces exactly what was typed.
      const range = budapest.range instanceof vscode.Range ? budapest.range : budapest.range?.replacing;
      assert.ok(range, 'the item carries the range it replaces');
      assert.deepStrictEqual(
        [range.start.line, range.start.character, range.end.character],
        [cursor.line, cursor.character - 'Budap'.length, cursor.character],
      );
      assert.strictEqual(typeof budapest.insertText === 'string' ? budapest.insertText : budapest.insertText?.value, 'Budapest Convention');
    } finally {
      await edit(document, (e) => e.delete(document.uri, new vscode.Range(end, end.translate(0, typed.length))));
    }
    assert.strictEqual(document.getText(), original);

    // In the subject-code block: "**JAI|EX 68" offers the JAI… codes, each with its description.
    const codes = await completionsAt(document, positionOf(document, '**JAIEX', '**JAI'.length));
    assert.ok(codes.length > 0, 'no subject codes offered in the code block');
    const jaiex = codes.find((i) => labelOf(i) === 'JAIEX');
    assert.ok(jaiex, `no JAIEX among ${codes.map(labelOf).join(', ')}`);
    assert.match(String(jaiex.detail), /justice and home affairs/i);
    assert.ok(codes.every((i) => labelOf(i).startsWith('JAI') && typeof i.detail === 'string' && i.detail.length > 0), codes.map((i) => `${labelOf(i)}: ${i.detail}`).join('; '));
    assert.ok(!codes.some((i) => labelOf(i) === 'CYBER'), 'only codes starting with what was typed');
    await document.save();
  });

  it('hovers an instrument with its full title and a date with its weekday', async () => {
    await activateExtension();
    const { document } = await openInEditor('12001-22.outcome.md');

    const instrument = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'Second Additional Protocol', 3));
    const text = hoverText(instrument);
    assert.match(text, /\*\*Second Additional Protocol to the Budapest Convention\*\*/);
    assert.ok(text.includes('Second Additional Protocol to the Convention on Cybercrime on enhanced co-operation and disclosure of electronic evidence'), text);
    assert.match(text, /CETS No\. 224/);

    const date = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '21 September 2022', 4));
    assert.match(hoverText(date), /Wednesday 21 September 2022/);
    const range = date[0].range;
    assert.ok(range, 'the date hover names its range');
    assert.strictEqual(document.getText(range), '21 September 2022');
  });

  it('applies the quick fix for an unknown subject code: the closest code, exactly there, and the diagnostic goes', async () => {
    await activateExtension();
    const editor = await openInEditor('14105-22.outcome.md');
    const document = editor.document;
    const original = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'codes.unknown'));
    const unknown = diagnostics.find((d) => codeOf(d) === 'codes.unknown')!;
    assert.strictEqual(document.getText(unknown.range), 'JAIXE');
    const suggested = /did you mean (\w+)\?/.exec(unknown.message)?.[1];
    assert.ok(suggested, `the message names the closest code: ${unknown.message}`);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      unknown.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined);
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, new RegExp(`^Change to ${suggested}\\b`));

    try {
      const gone = waitForDiagnostics(document.uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'codes.unknown'));
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix was refused');
      // Exactly the code changed: the text before and after it is untouched.
      const offset = document.offsetAt(unknown.range.start);
      const expected = original.slice(0, offset) + suggested + original.slice(document.offsetAt(unknown.range.end));
      assert.strictEqual(document.getText(), expected);
      await gone;
      assert.ok(!vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'codes.unknown'));
    } finally {
      // Back to the draft as written, for the tests that follow.
      await edit(document, (e) => e.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original));
      await document.save();
    }
    await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'codes.unknown'));
  });

  it('outlines the header, the addressing and each section with its items; screenshot with the Outline view', async () => {
    await activateExtension();
    const { document } = await openInEditor('12001-22.outcome.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.ok(symbols?.length, 'no symbols');
    const names = symbols.map((s) => s.name);
    assert.deepStrictEqual(names, [
      'Header',
      'OUTCOME OF PROCEEDINGS',
      'Addressing',
      '1. Opening of the meeting',
      '2. Cybercrime and electronic evidence',
      '3. Any other business',
    ]);
    const children = (name: string) => symbols.find((s) => s.name === name)!.children.map((c) => c.name);
    const header = children('Header');
    for (const part of ['12001/22', 'LIMITE', 'JAIEX 61', 'RELEX 1190', 'CYBER 287', 'CRIMORG 110', 'USA 41']) assert.ok(header.includes(part), `${part} in ${header.join(' | ')}`);
    assert.ok(header.some((h) => /21 September 2022/.test(h)), header.join(' | '));
    assert.deepStrictEqual(children('Addressing'), ['From', 'To', 'Subject', 'Summary']);
    assert.deepStrictEqual(children('2. Cybercrime and electronic evidence'), ['a) Second Additional Protocol to the Budapest Convention', 'b) Ransomware']);
    assert.deepStrictEqual(children('1. Opening of the meeting'), []);
    // Each symbol's range holds what it names.
    const section = symbols.find((s) => s.name.startsWith('2. '))!;
    assert.strictEqual(document.getText(section.selectionRange), '2. Cybercrime and electronic evidence');
    assert.ok(section.range.contains(section.children[1].range), 'items lie inside their section');

    // The picture: the draft with its squiggles, the Problems panel and the Outline view.
    const draft = await openInEditor('14105-22.outcome.md');
    await waitForDiagnostics(draft.document.uri, (d) => d.some((x) => codeOf(x) === 'codes.unknown'));
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const shown = await vscode.window.showTextDocument(draft.document, { preview: false, preserveFocus: false });
    shown.selection = new vscode.Selection(positionOf(draft.document, '2. Cybercrime'), positionOf(draft.document, '2. Cybercrime'));
    await waitFor(vscode.window.onDidChangeActiveTextEditor, () => (vscode.window.activeTextEditor?.document === draft.document ? true : undefined), 10000, 'the draft to be the active editor');
    // The Outline view asks the same provider for the active editor; its answer is in by now.
    const draftSymbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', draft.document.uri);
    assert.deepStrictEqual(draftSymbols.map((s) => s.name).slice(-3), ['1. Opening of the meeting', '2. Cybercrime', '4. Any other business']);
    // Top level only: the document's structure at a glance (the header's parts fill the view otherwise).
    if ((await vscode.commands.getCommands(true)).includes('outline.collapse')) await vscode.commands.executeCommand('outline.collapse');
    await screenshot('outline');
  });
});
