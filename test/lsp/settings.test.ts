import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { corpusText, positionOf, Session, uriOf } from './session';

describe('LSP: settings', () => {
  const sessions: Session[] = [];
  afterEach(() => sessions.splice(0).forEach((s) => s.kill()));
  const start = async (...args: Parameters<typeof Session.start>) => {
    const started = await Session.start(...args);
    sessions.push(started.session);
    return started.session;
  };

  it('applies the rule levels read through workspace/configuration', async () => {
    const session = await start({ settings: { rules: { 'header.issuer-missing': 'error', 'subject.meeting-date-missing': 'off' } } });
    await session.open(uriOf('7725-23.md'), corpusText('7725-23.md'));
    const issuer = (await session.diagnostics(uriOf('7725-23.md'))).find((d) => d.code === 'header.issuer-missing');
    assert.equal(issuer?.severity, DiagnosticSeverity.Error);
  });

  it('takes initializationOptions from a client without workspace/configuration', async () => {
    const session = await start({ configuration: false, initializationOptions: { rules: { 'header.issuer-missing': 'off' } } });
    await session.open(uriOf('7725-23.md'), corpusText('7725-23.md'));
    assert.ok(!(await session.diagnostics(uriOf('7725-23.md'))).some((d) => d.code === 'header.issuer-missing'));
  });

  it('warns once, naming the bad setting, and goes on with its default', async () => {
    const session = await start({ settings: { rules: { 'codes.unknown': 'loud', 'header.issuer-missing': 'hint' }, files: { include: 'drafts' } } });
    const message = await session.until(() => session.messages.find((m) => m.type === MessageType.Warning));
    assert.match(message.message, /outcomeDrafting\.rules\["codes\.unknown"\]: expected one of off, hint, information, warning, error; got "loud"/);
    assert.match(message.message, /outcomeDrafting\.files\.include: expected an array of glob patterns; got "drafts"/);
    const text = corpusText('7725-23.md').replace('COSI 46', 'COSY 46');
    await session.open('untitled:bad-settings.outcome.md', text);
    const items = await session.diagnostics('untitled:bad-settings.outcome.md');
    assert.equal(items.find((d) => d.code === 'codes.unknown')?.severity, DiagnosticSeverity.Warning, 'the default level');
    assert.equal(items.find((d) => d.code === 'header.issuer-missing')?.severity, DiagnosticSeverity.Hint, 'the good value still applies');
    assert.equal(session.messages.length, 1);
  });

  it('re-reads the settings on didChangeConfiguration and asks the client to pull again', async () => {
    const session = await start();
    const uri = uriOf('7725-23.md');
    await session.open(uri, corpusText('7725-23.md'));
    assert.equal((await session.diagnostics(uri)).find((d) => d.code === 'header.issuer-missing')?.severity, DiagnosticSeverity.Warning);
    await session.changeSettings({ rules: { 'header.issuer-missing': 'information' } });
    await session.until(() => session.refreshes > 0);
    assert.equal((await session.diagnostics(uri)).find((d) => d.code === 'header.issuer-missing')?.severity, DiagnosticSeverity.Information);
  });

  describe('extra catalogue files', () => {
    let folder: string;
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-catalogue-'));
      fs.writeFileSync(path.join(folder, 'good.json'), JSON.stringify({ subjectCodes: [{ code: 'ZZTEST', description: 'A code for the tests' }] }));
      fs.writeFileSync(path.join(folder, 'broken.json'), '{\n  "subjectCodes": [\n    { "code": "OK", "description": "x" },\n  ]\n');
      fs.writeFileSync(path.join(folder, 'wrong.json'), JSON.stringify({ instruments: [{ id: 'Bad Id', name: 'X', kind: 'agreement' }], subjectCodes: [{ code: 'YYTEST', description: 'Another code' }] }, null, 2));
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('publishes a diagnostic on a broken file, says so, and loads everything else', async () => {
      const session = await start({ workspaceFolder: folder, settings: { catalogue: { extraFiles: ['good.json', 'broken.json', 'wrong.json'] } } });
      const broken = pathToFileURL(path.join(folder, 'broken.json')).href;
      const wrong = pathToFileURL(path.join(folder, 'wrong.json')).href;
      const brokenDiagnostics = await session.until(() => session.published.get(broken));
      assert.equal(brokenDiagnostics.length, 1);
      assert.match(String(brokenDiagnostics[0].message), /invalid JSON/);
      const wrongDiagnostics = await session.until(() => session.published.get(wrong));
      assert.match(String(wrongDiagnostics[0].message), /instruments\[0\]\.id/);
      const message = await session.until(() => session.messages.find((m) => /catalogue/.test(m.message)));
      assert.match(message.message, /broken\.json/);

      // The good file's code and the wrong file's valid code are known; the built-in ones still are.
      const text = corpusText('7725-23.md').replace('COSI 46', 'ZZTEST 46').replace('COTRA 7', 'YYTEST 7');
      await session.open('untitled:extra-codes.outcome.md', text);
      assert.ok(!(await session.diagnostics('untitled:extra-codes.outcome.md')).some((d) => d.code === 'codes.unknown'));
      const at = positionOf(text, 'ZZTEST');
      const list = (await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'untitled:extra-codes.outcome.md' }, position: { line: at.line, character: 2 } })) as CompletionList;
      assert.equal(list.items.find((i) => i.label === 'ZZTEST')?.detail, 'A code for the tests');

      // Repaired on disk: the client reports the change, the diagnostic goes, the new code is known.
      fs.writeFileSync(path.join(folder, 'broken.json'), JSON.stringify({ subjectCodes: [{ code: 'XXTEST', description: 'Repaired' }] }));
      const refreshes = session.refreshes;
      await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: broken, type: FileChangeType.Changed }] });
      await session.until(() => session.published.get(broken)?.length === 0 && session.refreshes > refreshes);
      const repaired = text.replace('JAIEX 14', 'XXTEST 14');
      assert.notEqual(repaired, text);
      await session.open('untitled:repaired.outcome.md', repaired);
      assert.ok(!(await session.diagnostics('untitled:repaired.outcome.md')).some((d) => d.code === 'codes.unknown'));
    });
  });
});

describe('LSP: lifecycle', () => {
  it('announces its capabilities and exits cleanly after shutdown', async () => {
    const { session, initialized } = await Session.start();
    const caps = initialized.capabilities;
    assert.deepEqual(caps.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
    assert.ok(caps.completionProvider && caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider && caps.codeActionProvider);
    assert.equal(await session.stop(), 0);
  });
});
