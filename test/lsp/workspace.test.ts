import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ReferencesRequest,
  RegistrationRequest,
  RequestType,
  RequestType0,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  WorkspaceSymbolRequest,
  type Location,
  type ProgressToken,
  type SymbolInformation,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { generateDocument, mulberry32, type DocumentSpec } from '../fixtures/generate';
import { corpusText, positionOf, REAL_DOCUMENTS, serverModule, Session } from './session';

interface TopicHistory {
  topic: string;
  meetings: { uri: string; label: string; mentions: { text: string; section?: string }[] }[];
}

/** A workspace folder on disk: the four real documents and three generated meetings around them. */
function writeWorkspace(dir: string): void {
  for (const name of REAL_DOCUMENTS) fs.writeFileSync(path.join(dir, name), corpusText(name));
  const meeting = (seed: number, spec: DocumentSpec) => generateDocument(mulberry32(seed), { series: 'EU-US JHA', references: [], ...spec }).text;
  fs.writeFileSync(path.join(dir, '8000-11.outcome.md'), meeting(1, { serial: 8000, date: '2011-04-12', level: 'Senior Officials', place: 'Budapest', meetingStart: '2011-03-30', meetingEnd: '2011-03-31', prevDocs: ['13228/11'] }));
  fs.writeFileSync(path.join(dir, '17600-11.outcome.md'), meeting(2, { serial: 17600, date: '2011-12-02', level: 'Ministerial', place: 'Washington', meetingStart: '2011-11-21', meetingEnd: '2011-11-21', prevDocs: ['13228/11'] }));
  fs.writeFileSync(path.join(dir, '11000-23.outcome.md'), meeting(3, { serial: 11000, date: '2023-06-30', level: 'Ministerial', place: 'Stockholm', meetingStart: '2023-06-21', meetingEnd: '2023-06-21', prevDocs: ['7725/23'] }));
}

describe('LSP: workspace index (links, definition, references, symbols, code lens)', () => {
  let dir: string;
  let storage: string;
  let session: Session;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const text = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-workspace-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-storage-'));
    writeWorkspace(dir);
    ({ session } = await Session.start({ workspaceFolder: dir, initializationOptions: { storagePath: storage } }));
    // The server asks for fresh diagnostics once the index is built.
    await session.until(() => session.refreshes > 0);
  });
  after(async () => {
    await session.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('saves the index in the storage folder given by the client once it is built', async () => {
    await session.until(() => session.logs.some((l) => l.startsWith('Workspace index: saved')));
    const saved = JSON.parse(fs.readFileSync(path.join(storage, 'workspace-index.json'), 'utf8')) as { files: { uri: string }[] };
    assert.equal(saved.files.length, 7);
  });

  it('links every document number whose document is in the workspace, "No. prev. doc." included', async () => {
    await session.open(uri('17600-11.outcome.md'), text('17600-11.outcome.md'));
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri('17600-11.outcome.md') } });
    const at = positionOf(text('17600-11.outcome.md'), '13228/11');
    const link = links?.find((l) => l.range.start.line === at.line);
    assert.equal(link?.target, uri('13228-11.md'));
    assert.deepEqual(link?.range, { start: at, end: { line: at.line, character: at.character + 8 } });
    assert.equal(link?.tooltip, '13228/11, Cracow, 25–26 July 2011');
  });

  it('goes from a meeting reference to that meeting\'s outcome, and from a number to its document', async () => {
    const source = text('13228-11.md');
    await session.open(uri('13228-11.md'), source);
    const phrase = positionOf(source, 'the next ministerial meeting (November');
    const found = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('13228-11.md') }, position: { line: phrase.line, character: phrase.character + 12 } })) as Location[];
    const subject = positionOf(text('17600-11.outcome.md'), 'Subject:');
    assert.equal(found.length, 1);
    assert.equal(found[0].uri, uri('17600-11.outcome.md'));
    assert.equal(found[0].range.start.line, subject.line);
    const number = positionOf(text('17600-11.outcome.md'), '13228/11');
    const toNumber = (await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('17600-11.outcome.md') }, position: number })) as Location[];
    assert.deepEqual(toNumber.map((l) => l.uri), [uri('13228-11.md')]);
  });

  it('finds from a heading its topic at the earlier meetings, oldest first (not the later ones)', async () => {
    const source = text('9278-18.md');
    await session.open(uri('9278-18.md'), source);
    const heading = positionOf(source, '1. Counterterrorism');
    const refs = (await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('9278-18.md') }, position: heading, context: { includeDeclaration: true } }))!;
    const files = [...new Set(refs.map((r) => path.basename(new URL(r.uri).pathname)))];
    // Not 7725/23 nor 11000/23 (2023), nor the Sofia meeting's own document.
    assert.deepEqual(files, ['8000-11.outcome.md', '13228-11.md', '17600-11.outcome.md', '10483-17.md']);
    const earlier = positionOf(text('10483-17.md'), 'Counter-terrorism**');
    assert.ok(refs.some((r) => r.uri === uri('10483-17.md') && r.range.start.line === earlier.line && r.range.start.character === earlier.character), JSON.stringify(refs));
  });

  it('lists section and item headings as workspace symbols', async () => {
    const symbols = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'pnr issues cracow' })) as SymbolInformation[];
    assert.equal(symbols[0].name, 'Session 4: PNR issues — 13228/11, Cracow, July 2011');
    assert.equal(symbols[0].location.uri, uri('13228-11.md'));
    assert.deepEqual(symbols[0].location.range.start, positionOf(text('13228-11.md'), 'Session 4: PNR issues'));
  });

  it('puts "Discussed at N earlier meetings" over each section heading', async () => {
    await session.open(uri('9278-18.md'), text('9278-18.md'));
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('9278-18.md') } });
    assert.equal(lenses?.length, 5);
    const first = await session.connection.sendRequest(CodeLensResolveRequest.type, lenses![0]);
    assert.match(first.command!.title, /^Discussed at \d+ earlier meetings?$/);
    assert.equal(first.command!.command, 'outcomeDrafting.showReferences');
    const [target, , locations] = first.command!.arguments as [string, unknown, Location[]];
    assert.equal(target, uri('9278-18.md'));
    assert.ok(locations.some((l) => l.uri === uri('13228-11.md')));
  });

  it('adds when a topic was last discussed to the hover on its mention', async () => {
    const source = text('7725-23.md');
    await session.open(uri('7725-23.md'), source);
    const at = positionOf(source, 'Europol');
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('7725-23.md') }, position: at });
    const value = (hover?.contents as { value: string }).value;
    const last = /\n\nLast discussed: \[(\d+\/\d\d, [A-Z][a-z]+, [^\]]*)\]\(file:[^)]+#L\d+\)$/.exec(value);
    assert.ok(last, value);
    assert.match(last[1], /\d{4}/);
  });

  it('answers the Topic history requests: the entries to choose from, then meetings oldest first with their sentences', async () => {
    const topics = await session.connection.sendRequest(new RequestType0<{ id: string; name: string; kind: string }[], void>('outcome/topics'));
    assert.ok(topics.some((t) => t.id === 'pnr' && t.kind === 'topic'));
    const history = await session.connection.sendRequest(new RequestType<{ query: string }, TopicHistory, void>('outcome/topicHistory'), { query: 'pnr' });
    assert.equal(history.topic, topics.find((t) => t.id === 'pnr')!.name);
    const files = history.meetings.map((m) => path.basename(new URL(m.uri).pathname));
    assert.ok(files.indexOf('13228-11.md') < files.indexOf('9278-18.md'), files.join(' '));
    const cracow = history.meetings.find((m) => m.uri === uri('13228-11.md'))!;
    assert.equal(cracow.label, '13228/11, Cracow, 25–26 July 2011');
    assert.ok(cracow.mentions.some((m) => m.section === 'Session 4: PNR issues' && /PNR/.test(m.text)));
  });

  it('merges cross-document findings into the pull diagnostics, and refreshes when a referenced file goes', async () => {
    await session.open(uri('10483-17.md'), text('10483-17.md'));
    const items = await session.diagnostics(uri('10483-17.md'));
    assert.deepEqual(items.filter((d) => d.code === 'reference.unresolved').map((d) => d.range.start), [positionOf(text('10483-17.md'), '10084/17')]);

    const refreshes = session.refreshes;
    fs.rmSync(path.join(dir, '13228-11.md'));
    await session.close(uri('13228-11.md'));
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('13228-11.md'), type: FileChangeType.Deleted }] });
    await session.until(() => session.refreshes > refreshes);
    const after = await session.diagnostics(uri('17600-11.outcome.md'));
    assert.ok(after.some((d) => d.code === 'reference.unresolved' && /13228\/11/.test(String(d.message))));
  });
});

describe('LSP: workspace indexing progress', () => {
  it('reports "Indexing n / N" through work-done progress', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-progress-'));
    writeWorkspace(dir);
    const proc = spawn(process.execPath, [serverModule(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const tokens: ProgressToken[] = [];
    const values: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    let ended: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => void tokens.push(p.token));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification('$/progress', (p: { token: ProgressToken; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }) => {
      assert.ok(tokens.includes(p.token), 'progress on a token the server created');
      values.push(p.value);
      if (p.value.kind === 'end') ended();
    });
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(dir).href,
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
        capabilities: { window: { workDoneProgress: true } },
      });
      await connection.sendNotification(InitializedNotification.type, {});
      await end;
      assert.equal(values[0].kind, 'begin');
      const reports = values.filter((v): v is WorkDoneProgressReport => v.kind === 'report');
      assert.ok(reports.length > 0);
      assert.equal(reports[reports.length - 1].message, 'Indexing 7 / 7');
      assert.equal(values[values.length - 1].kind, 'end');
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      if (proc.exitCode === null) proc.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('LSP: an index that cannot be saved', () => {
  it('says so in the log, leaves no half-written file and keeps answering', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-workspace-'));
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-storage-'));
    writeWorkspace(dir);
    // The saved index's place is taken by a folder holding a file: the index cannot be put there.
    const taken = path.join(storage, 'workspace-index.json');
    fs.mkdirSync(taken);
    fs.writeFileSync(path.join(taken, 'notes.txt'), 'kept');
    const { session } = await Session.start({ workspaceFolder: dir, initializationOptions: { storagePath: storage } });
    try {
      await session.until(() => session.logs.some((l) => l.startsWith('Workspace index: could not save')));
      assert.deepEqual(fs.readdirSync(storage), ['workspace-index.json']);
      assert.equal(fs.readFileSync(path.join(taken, 'notes.txt'), 'utf8'), 'kept');
      const symbols = await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'cracow' });
      assert.ok((symbols?.length ?? 0) > 0);
    } finally {
      await session.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});
