import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusText, positionOf, REAL_DOCUMENTS, serverModule, Session, uriOf } from './session';

describe('LSP: diagnostics (pull)', () => {
  let session: Session;
  before(async () => {
    ({ session } = await Session.start());
  });
  after(async () => {
    await session.stop();
  });

  for (const name of REAL_DOCUMENTS) {
    it(`reports no error and no unknown code on the real document ${name}`, async () => {
      await session.open(uriOf(name), corpusText(name));
      const items = await session.diagnostics(uriOf(name));
      assert.deepEqual(items.filter((d) => d.severity === DiagnosticSeverity.Error), []);
      assert.deepEqual(items.filter((d) => d.code === 'codes.unknown'), []);
      for (const d of items) assert.equal(d.source, 'outcome');
    });
  }

  it('recognises the Commission communication as not an outcome: one diagnostic saying so', async () => {
    const uri = uriOf('other/iss-annual-report-2011.md');
    await session.open(uri, corpusText('other/iss-annual-report-2011.md'));
    const items = await session.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].code, 'document.not-outcome');
    assert.equal(items[0].severity, DiagnosticSeverity.Information);
  });

  it('gives the code, range and severity of each defect in an edited copy', async () => {
    const text = corpusText('13228-11.md').replace('<b>RELEX</b>', '<b>RELXE</b>').replace('**Brussels, 29 July 2011**', '**Brussels, 31 June 2011**');
    const uri = 'untitled:edited-13228.outcome.md';
    await session.open(uri, text);
    const items = await session.diagnostics(uri);
    const unknown = items.find((d) => d.code === 'codes.unknown');
    const at = positionOf(text, 'RELXE');
    assert.deepEqual(unknown?.range, { start: at, end: { line: at.line, character: at.character + 5 } });
    assert.equal(unknown?.severity, DiagnosticSeverity.Warning);
    assert.match(String(unknown!.message), /RELXE is not a Council subject code/);
    const date = items.find((d) => d.code === 'header.date-invalid');
    const dateAt = positionOf(text, '31 June 2011');
    assert.deepEqual(date?.range, { start: dateAt, end: { line: dateAt.line, character: dateAt.character + '31 June 2011'.length } });
    assert.equal(date?.severity, DiagnosticSeverity.Error);
  });

  it('re-checks after an incremental change', async () => {
    const text = corpusText('10483-17.md');
    const uri = 'untitled:incremental.outcome.md';
    await session.open(uri, text);
    assert.equal((await session.diagnostics(uri)).filter((d) => d.code === 'codes.duplicate').length, 0);
    // Turn "RELEX 558" into a second "JAIEX 558".
    const at = positionOf(text, 'RELEX 558');
    await session.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: 'JAIEX' }]);
    const after = await session.diagnostics(uri);
    const duplicate = after.find((d) => d.code === 'codes.duplicate');
    assert.deepEqual(duplicate?.range, { start: at, end: { line: at.line, character: at.character + 5 } });
    await session.change(uri, 3, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: 'RELEX' }]);
    assert.equal((await session.diagnostics(uri)).filter((d) => d.code === 'codes.duplicate').length, 0);
  });

  it('links each diagnostic to its rule in the user guide, or gives no link when none ships', async () => {
    const uri = 'untitled:link.outcome.md';
    await session.open(uri, corpusText('7725-23.md'));
    const issuer = (await session.diagnostics(uri)).find((d) => d.code === 'header.issuer-missing');
    assert.ok(issuer, '7725/23 has no issuer line');
    // The server reads the user guide next to its own folder: the checkout's for the bundle in dist/.
    const readme = path.resolve(path.dirname(serverModule()), '../README.extension.md');
    if (!fs.existsSync(readme)) return assert.equal(issuer.codeDescription, undefined);
    const row = fs.readFileSync(readme, 'utf8').split(/\r?\n/).findIndex((l) => l.startsWith('| `header.issuer-missing` |'));
    assert.equal(issuer.codeDescription?.href, `${pathToFileURL(readme).href}#L${row + 1}`);
  });

  it('checks only outcome documents: other languages unless the path matches files.include', async () => {
    const text = corpusText('7725-23.md');
    await session.open('file:///tmp/notes.md', text, 'markdown');
    assert.deepEqual(await session.diagnostics('file:///tmp/notes.md'), []);
    await session.open('file:///tmp/drafts/7725-23.outcome.md', text, 'markdown');
    assert.ok((await session.diagnostics('file:///tmp/drafts/7725-23.outcome.md')).some((d) => d.code === 'header.issuer-missing'));
  });

  it('gives a binary text one diagnostic saying so, and goes on answering', async () => {
    const uri = 'untitled:binary.outcome.md';
    await session.open(uri, 'PK\u0003\u0004\u0000\u0000binary');
    const items = await session.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.match(String(items[0].message), /binary/);
    assert.equal((await session.diagnostics(uriOf('7725-23.md'))).filter((d) => d.severity === DiagnosticSeverity.Error).length, 0);
  });

  it('gives a text over 16 MB one diagnostic saying so', async () => {
    const uri = 'untitled:huge.outcome.md';
    await session.open(uri, corpusText('13228-11.md').repeat(Math.ceil((17 * 1024 * 1024) / 19000)));
    const items = await session.diagnostics(uri);
    assert.equal(items.length, 1);
    assert.match(String(items[0].message), /too large/);
    await session.close(uri);
  });

  it('places line-0 ranges after a byte order mark the client kept in the text', async () => {
    const text = '\uFEFFCouncil of the European Unon\nBrussels, 29 July 2011\n(OR. en)\n13228/11\nRELXE 1\nOUTCOME OF PROCEEDINGS\nFrom: General Secretariat\nTo: Delegations\nSubject: Meeting, Brussels, 28 July 2011\n1. Opening\nText.\n';
    const uri = 'untitled:bom.outcome.md';
    await session.open(uri, text);
    const items = await session.diagnostics(uri);
    const issuer = items.find((d) => d.code === 'header.issuer-missing');
    // The editor's line 0 holds the BOM at column 0: "Council" starts at column 1.
    assert.deepEqual(issuer?.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 29 } });
  });
});
