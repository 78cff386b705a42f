import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, DocumentLinkRequest, LSPErrorCodes, ReferencesRequest, ResponseError, WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { generateDocument, mulberry32 } from '../fixtures/generate';
import { corpusText, positionOf, REAL_DOCUMENTS, Session } from './session';

/**
 * A client that opens a document and asks at once, as VS Code does after a window reload: the
 * answers that depend on the workspace wait for the first build and are whole.
 */
describe('LSP: requests sent with `initialized`, before the index is built', () => {
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const text = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  /** The eight generated meetings, each citing 13228/11 in its "No. prev. doc." line. */
  const generated = Array.from({ length: 8 }, (_, k) => `${9000 + k}-12.outcome.md`);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-early-'));
    for (const name of REAL_DOCUMENTS) fs.writeFileSync(path.join(dir, name), corpusText(name));
    generated.forEach((name, k) => {
      const month = String(k + 1).padStart(2, '0');
      const spec = { series: 'EU-US JHA' as const, serial: 9000 + k, date: `2012-${month}-20`, level: 'Senior Officials' as const, place: 'Copenhagen', meetingStart: `2012-${month}-10`, meetingEnd: `2012-${month}-11`, prevDocs: ['13228/11'], references: [] };
      fs.writeFileSync(path.join(dir, name), generateDocument(mulberry32(40 + k), spec).text);
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers links, references and workspace symbols in full', async () => {
    const { session } = await Session.start({ workspaceFolder: dir });
    try {
      const opened = generated[7];
      const source = text(opened);
      const mention = positionOf(text('13228-11.md'), 'PNR negotiations');
      // No wait between `initialized` (sent by start), the open and the three requests.
      const asked = Promise.all([
        session.open(uri(opened), source),
        session.open(uri('13228-11.md'), text('13228-11.md')),
        session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri(opened) } }),
        session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('13228-11.md') }, position: mention, context: { includeDeclaration: true } }),
        session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'copenhagen' }),
      ]);
      const [, , links, refs, symbols] = await asked;
      const at = positionOf(source, '13228/11');
      assert.deepEqual(
        links?.filter((l) => l.range.start.line === at.line).map((l) => [l.target, l.range.start]),
        [[uri('13228-11.md'), at]],
      );
      // Every document's sections are there: the answers are those the built index gives.
      const symbolFiles = new Set((symbols as SymbolInformation[]).map((s) => path.basename(new URL(s.location.uri).pathname)));
      for (const name of generated) assert.ok(symbolFiles.has(name), `${name} among the symbols`);
      assert.deepEqual(await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'copenhagen' }), symbols);
      assert.deepEqual(await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri(opened) } }), links);
      const again = await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('13228-11.md') }, position: mention, context: { includeDeclaration: true } });
      assert.deepEqual(refs, again);
      assert.ok(new Set(refs?.map((r) => r.uri)).size >= 2, 'mentions in other documents');
    } finally {
      await session.stop();
    }
  });

  it('stops waiting when the request is cancelled, and says the document changed when it did', async () => {
    const { session } = await Session.start({ workspaceFolder: dir });
    try {
      const source = text('13228-11.md');
      await session.open(uri('13228-11.md'), source);
      const mention = positionOf(source, 'PNR negotiations');
      const params = { textDocument: { uri: uri('13228-11.md') }, position: mention, context: { includeDeclaration: true } };
      const cancel = new CancellationTokenSource();
      const cancelled = session.connection.sendRequest(ReferencesRequest.type, params, cancel.token);
      cancel.cancel();
      const modified = session.connection.sendRequest(ReferencesRequest.type, params);
      await session.change(uri('13228-11.md'), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      const code = (e: unknown) => (e instanceof ResponseError ? e.code : e);
      await assert.rejects(cancelled, (e) => code(e) === LSPErrorCodes.RequestCancelled);
      await assert.rejects(modified, (e) => code(e) === LSPErrorCodes.ContentModified);
      // Asked again, it answers.
      const refs = await session.connection.sendRequest(ReferencesRequest.type, { ...params, position: { line: mention.line, character: mention.character + (mention.line === 0 ? 1 : 0) } });
      assert.ok((refs?.length ?? 0) > 0);
    } finally {
      await session.stop();
    }
  });
});
