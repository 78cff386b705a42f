import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeLensRequest,
  CodeLensResolveRequest,
  LSPErrorCodes,
  ReferencesRequest,
  ResponseError,
  type Location,
  ProgressType,
  type ProgressToken,
} from 'vscode-languageserver-protocol/node';
import { generateCorpus, type GeneratedDocument } from '../fixtures/generate';
import { Session } from './session';
import type { ReferencesBounded } from '../../shared/protocol';

/** The reply's bound in these tests: a few locations, so that a small workspace has many more. */
const LIMIT = 7;

describe('LSP: bounded references (outcomeDrafting.references.limit, partial results, cancellation)', () => {
  let dir: string;
  let session: Session;
  let docs: GeneratedDocument[];
  const bounded: ReferencesBounded[] = [];
  const meetingOf = new Map<string, string>();
  /** A document mentioning PNR, and where its first mention stands. */
  let probe: { uri: string; position: { line: number; character: number } };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-references-'));
    docs = generateCorpus(60, 11);
    for (const d of docs) {
      const file = path.join(dir, d.fileName);
      fs.writeFileSync(file, d.text);
      meetingOf.set(pathToFileURL(file).href, d.facts.meetingStart);
    }
    // A mention in a paragraph (on a heading, references answer the heading's topic at earlier meetings).
    const inParagraph = (l: string, i: number) => i >= 20 && /\bPNR\b/.test(l) && !/^\W*(?:\d+\.|\(?[a-z]\)|Session \d+:)/.test(l);
    const d = docs.find((g) => g.text.split('\n').some(inParagraph))!;
    const lines = d.text.split('\n');
    const line = lines.findIndex(inParagraph);
    probe = { uri: pathToFileURL(path.join(dir, d.fileName)).href, position: { line, character: lines[line].search(/\bPNR\b/) + 1 } };
    ({ session } = await Session.start({ workspaceFolder: dir, settings: { references: { limit: LIMIT } }, initializationOptions: { referencesBoundedNotice: true } }));
    session.connection.onNotification('outcome/referencesBounded', (n: ReferencesBounded) => void bounded.push(n));
    await session.until(() => session.refreshes > 0);
    await session.open(probe.uri, fs.readFileSync(new URL(probe.uri), 'utf8'));
  });
  after(async () => {
    await session.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every location, streamed in `$/progress` batches: the batches, and the reply. */
  async function streamed(at = probe, cancelAfterFirst = false): Promise<{ batches: Location[][]; reply: Location[] | null | undefined; error?: ResponseError<unknown> }> {
    const token: ProgressToken = `refs-${Math.random()}`;
    const batches: Location[][] = [];
    const cancel = new CancellationTokenSource();
    const listening = session.connection.onProgress(new ProgressType<Location[]>(), token, (batch) => {
      batches.push(batch);
      if (cancelAfterFirst) cancel.cancel();
    });
    try {
      const reply = await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: at.uri }, position: at.position, context: { includeDeclaration: true }, partialResultToken: token }, cancel.token);
      return { batches, reply };
    } catch (e) {
      return { batches, reply: undefined, error: e as ResponseError<unknown> };
    } finally {
      listening.dispose();
    }
  }

  it('answers at most the limit, the oldest meetings first, and says how many there are in all', async () => {
    const { batches } = await streamed();
    const all = batches.flat();
    assert.ok(all.length > 3 * LIMIT, `${all.length} locations`);
    const logged = session.logs.length;
    const reply = await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: probe.uri }, position: probe.position, context: { includeDeclaration: true } });
    assert.deepEqual(reply, all.slice(0, LIMIT));
    const dates = all.map((l) => meetingOf.get(l.uri)!);
    assert.deepEqual(dates, [...dates].sort());
    await session.until(() => bounded.length > 0);
    const { topic } = bounded.at(-1)!;
    assert.deepEqual(bounded.at(-1), { shown: LIMIT, total: all.length, topic });
    assert.match(String(topic), /pnr/);
    const line = await session.until(() => session.logs.slice(logged).find((l) => l.startsWith('References:')));
    assert.equal(line, `References: ${LIMIT} of ${all.length.toLocaleString('en-GB')} shown, oldest meeting first (outcomeDrafting.references.limit) — the Topic History lists them all.`);
  });

  it('streams every location to a client that takes partial results, a batch of at most the limit at a time, then an empty reply', async () => {
    const { batches, reply } = await streamed();
    assert.deepEqual(reply, []);
    assert.ok(batches.length > 3);
    assert.ok(batches.every((b) => b.length === LIMIT) || batches.slice(0, -1).every((b) => b.length === LIMIT));
    assert.ok(batches.at(-1)!.length >= 1 && batches.at(-1)!.length <= LIMIT);
    // Every mention of the topic in the folder, as the Topic History counts them.
    await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: probe.uri }, position: probe.position, context: { includeDeclaration: true } });
    const { topic } = await session.until(() => bounded.at(-1));
    const history = await session.connection.sendRequest<{ mentions?: number }>('outcome/topicHistory', { query: topic, limit: 1 });
    assert.equal(batches.flat().length, history.mentions);
  });

  it('stops streaming when the request is cancelled, and answers RequestCancelled', async () => {
    // One location a batch: more batches than the server sends before the cancellation reaches it.
    await session.changeSettings({ references: { limit: 1 } });
    try {
      const whole = (await streamed()).batches.length;
      const { batches, error } = await streamed(probe, true);
      assert.equal(error?.code, LSPErrorCodes.RequestCancelled);
      assert.ok(batches.length >= 1 && batches.length < whole, `${batches.length} of ${whole} batches`);
    } finally {
      await session.changeSettings({ references: { limit: LIMIT } });
    }
  });

  it('counts again when a document mentioning the topic changes', async () => {
    const all = (await streamed()).batches.flat();
    const text = fs.readFileSync(new URL(probe.uri), 'utf8');
    const line = text.split('\n')[probe.position.line];
    const onLine = all.filter((l) => l.uri === probe.uri && l.range.start.line === probe.position.line).length;
    const end = text.split('\n').length - 1;
    // The probe's line once more at the end of its document: its mentions once more.
    await session.change(probe.uri, 2, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: `\n${line}\n` }]);
    const told = bounded.length;
    await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: probe.uri }, position: probe.position, context: { includeDeclaration: true } });
    const notice = await session.until(() => bounded[told]);
    assert.ok(onLine > 0);
    assert.equal(notice.total, all.length + onLine);
    assert.equal((await streamed()).batches.flat().length, all.length + onLine);
  });

  it('answers on a heading its topic at the earlier meetings only, one document per meeting, as its code lens counts them', async () => {
    // The latest meeting whose document has a section on PNR.
    const latest = [...docs].sort((a, b) => b.facts.meetingStart.localeCompare(a.facts.meetingStart)).find((d) => d.facts.sectionTitles.some((t) => /\bPNR\b/.test(t)))!;
    const text = latest.text;
    const lines = text.split('\n');
    const title = latest.facts.sectionTitles.findIndex((t) => /\bPNR\b/.test(t));
    const line = lines.findIndex((l) => l.includes(latest.facts.sectionTitles[title]) && /^\W*(?:\d+\.|Session \d+:)/.test(l));
    const uri = pathToFileURL(path.join(dir, latest.fileName)).href;
    await session.open(uri, text);
    const { batches } = await streamed({ uri, position: { line, character: lines[line].indexOf(latest.facts.sectionTitles[title]) } });
    const refs = batches.flat();
    assert.ok(refs.length > 0);
    const own = latest.facts.meetingStart;
    assert.ok(refs.every((r) => meetingOf.get(r.uri)! < own), 'only earlier meetings');
    const dates = refs.map((r) => meetingOf.get(r.uri)!);
    assert.deepEqual(dates, [...dates].sort());
    // The same meetings as the section's code lens lists.
    const lenses = (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
    const lens = lenses.find((l) => l.range.start.line === line)!;
    const resolved = await session.connection.sendRequest(CodeLensResolveRequest.type, lens);
    const [, , locations] = resolved.command!.arguments as [string, unknown, Location[]];
    assert.deepEqual([...new Set(refs.map((r) => r.uri))], locations.map((l) => l.uri));
  });
});
