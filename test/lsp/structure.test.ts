import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { DocumentInfoRequest, type DocumentInfo } from '../../shared/protocol';
import { applyEdits, corpusText, positionOf, Session, uriOf } from './session';

describe('LSP: document symbols and folding', () => {
  let session: Session;
  const uri = uriOf('9278-18.md');
  const text = corpusText('9278-18.md');
  before(async () => {
    ({ session } = await Session.start());
    await session.open(uri, text);
  });
  after(async () => {
    await session.stop();
  });

  it('outlines the header, the addressing block and each section with its items', async () => {
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    assert.equal(names[0], 'Header');
    assert.ok(names.includes('Addressing'));
    const header = symbols[0].children!.map((c) => c.name);
    assert.ok(header.includes('9278/18'), header.join(' | '));
    assert.ok(header.some((n) => /^JAIEX /.test(n)));
    const addressing = symbols.find((s) => s.name === 'Addressing')!.children!.map((c) => c.name);
    assert.deepEqual(addressing.slice(0, 2), ['From', 'To']);
    const first = symbols.find((s) => /^1\. /.test(s.name));
    assert.ok(first, names.join(' | '));
    assert.deepEqual(first.children!.map((c) => c.name.slice(0, 2)), ['a)', 'b)', 'c)']);
    assert.deepEqual(first.selectionRange.start, positionOf(text, first.name.slice(0, 12)));
  });

  it('folds the header, each section and each item', async () => {
    const folds = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds);
    const sectionLine = positionOf(text, '2. Security and judicial cooperation').line;
    assert.ok(folds.some((f) => f.startLine === sectionLine && f.endLine > sectionLine), 'section 2 folds');
    const itemLine = positionOf(text, 'a) Cross-border access').line;
    assert.ok(folds.some((f) => f.startLine === itemLine), 'its first item folds');
    assert.ok(folds.some((f) => f.startLine <= positionOf(text, '9278/18').line && f.endLine >= positionOf(text, 'JAIEX').line), 'the header folds');
  });

  it('answers outcome/documentInfo for the status bar', async () => {
    // The server's RequestType comes from its own copy of vscode-jsonrpc: send by method name.
    const documentInfo = (u: string) => session.connection.sendRequest<DocumentInfo | null>(DocumentInfoRequest.method, { uri: u });
    assert.deepEqual(await documentInfo(uri), { kind: 'outcome', number: '9278/18', date: '2018-05-31', errors: 0, warnings: 0 });
    const other = uriOf('other/iss-annual-report-2011.md');
    await session.open(other, corpusText('other/iss-annual-report-2011.md'));
    assert.equal((await documentInfo(other))?.kind, 'other');
    assert.equal(await documentInfo('untitled:not-open'), null);
  });
});

describe('LSP: quick fixes', () => {
  let session: Session;
  let n = 0;
  before(async () => {
    ({ session } = await Session.start());
  });
  after(async () => {
    await session.stop();
  });

  /** Opens `text`, finds the diagnostic with `code`, asks for its quick fixes. */
  async function fixes(text: string, code: string): Promise<{ uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const uri = `untitled:fix-${++n}.outcome.md`;
    await session.open(uri, text);
    const diagnostic = (await session.diagnostics(uri)).find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code}`);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    return { uri, diagnostic, actions };
  }

  function applied(text: string, action: CodeAction): string {
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    return applyEdits(text, change.edits as { range: Diagnostic['range']; newText: string }[]);
  }

  it('renames an unknown code to the closest known one, touching nothing else', async () => {
    const text = corpusText('7725-23.md').replace('COSI 46', 'COSY 46');
    const { diagnostic, actions } = await fixes(text, 'codes.unknown');
    assert.ok(actions.length >= 1);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].kind, 'quickfix');
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    const cosi = actions.find((a) => /^Change to COSI /.test(a.title));
    assert.ok(cosi, actions.map((a) => a.title).join(' | '));
    assert.equal(applied(text, cosi), corpusText('7725-23.md'));
  });

  it('renumbers the sections from the first wrong one', async () => {
    const original = corpusText('9278-18.md');
    const text = original.replace('\n3. Migration', '\n4. Migration').replace('\n4. Transnational', '\n5. Transnational').replace('\n5. Priorities', '\n6. Priorities');
    const { actions } = await fixes(text, 'body.section-numbering');
    assert.equal(applied(text, actions[0]), original);
  });

  it('changes the number year to the date year', async () => {
    const original = corpusText('10483-17.md');
    const text = original.replace('\n10483/17', '\n10483/16');
    const { actions } = await fixes(text, 'header.number-year');
    assert.equal(applied(text, actions[0]), original);
  });

  it('inserts a missing "To:" line where it belongs, in the document\'s line breaks', async () => {
    const original = corpusText('10483-17.md');
    const text = original.replace(/To:\tDelegations\r?\n/, '');
    const { actions } = await fixes(text, 'addressing.to-missing');
    const result = applied(text, actions[0]);
    assert.match(result, /From:\tGeneral Secretariat of the Council\r?\nTo:/);
    assert.equal(result.replace(/To:[^\n]*\n/, ''), text, 'nothing but the inserted line changed');
  });

  it('puts the Presidency of the rota in place of the wrong one', async () => {
    const original = corpusText('7725-23.md');
    const text = original.replace('The Swedish Presidency confirmed', 'The Finnish Presidency confirmed');
    const { actions } = await fixes(text, 'text.presidency-rota');
    assert.equal(applied(text, actions[0]), original);
  });

  it('gives no fix for a diagnostic of an older version of the document', async () => {
    const text = corpusText('7725-23.md').replace('COSI 46', 'COSY 46');
    const { uri, diagnostic } = await fixes(text, 'codes.unknown');
    await session.change(uri, 2, [{ text: `${text}\n` }]);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.deepEqual(actions, []);
  });
});

describe('LSP: a renumbering fix resolved when chosen', () => {
  let session: Session;
  before(async () => {
    ({ session } = await Session.start({ resolveCodeActions: true }));
  });
  after(async () => {
    await session.stop();
  });

  it('offers the renumbering without its edits, and gives them on codeAction/resolve', async () => {
    const uri = 'untitled:resolve.outcome.md';
    const original = corpusText('9278-18.md');
    const text = original.replace('\n3. Migration', '\n4. Migration').replace('\n4. Transnational', '\n5. Transnational').replace('\n5. Priorities', '\n6. Priorities');
    await session.open(uri, text);
    const diagnostic = (await session.diagnostics(uri)).find((d) => d.code === 'body.section-numbering');
    assert.ok(diagnostic);
    const [action] = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as CodeAction[];
    assert.equal(action.title, 'Renumber the sections from here');
    assert.equal(action.edit, undefined);
    const resolved = await session.connection.sendRequest(CodeActionResolveRequest.type, action);
    const change = resolved.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(applyEdits(text, change.edits as { range: Diagnostic['range']; newText: string }[]), original);
  });
});
