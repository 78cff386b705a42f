import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { generateDocument, mulberry32 } from '../fixtures/generate';
import { corpusText, positionOf, Session } from './session';

const codes = (items: Diagnostic[] | undefined) => (items ?? []).map((d) => d.code);

/** 13228/11 with an unknown subject code, RELXE for RELEX. */
const DEFECTIVE = corpusText('13228-11.md').replace('<b>RELEX</b>', '<b>RELXE</b>');

describe('LSP: pushed diagnostics, for a client that does not pull them', () => {
  let session: Session;
  beforeEach(async () => {
    ({ session } = await Session.start({ pullDiagnostics: false }));
  });
  afterEach(async () => {
    await session.stop();
  });

  it('publishes on open, again after a change, and clears them on close', async () => {
    const uri = 'untitled:push.outcome.md';
    await session.open(uri, DEFECTIVE);
    const opened = await session.until(() => session.published.get(uri));
    const at = positionOf(DEFECTIVE, 'RELXE');
    assert.deepEqual(opened.find((d) => d.code === 'codes.unknown')?.range, { start: at, end: { line: at.line, character: at.character + 5 } });

    await session.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: 'RELEX' }]);
    const changed = await session.until(() => session.published.get(uri) !== opened && session.published.get(uri));
    assert.ok(!codes(changed).includes('codes.unknown'));

    await session.change(uri, 3, [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: 'RELXE' }]);
    await session.until(() => codes(session.published.get(uri)).includes('codes.unknown'));
    await session.close(uri);
    await session.until(() => session.published.get(uri)?.length === 0);
  });

  it('publishes again when the settings change', async () => {
    const uri = 'untitled:push-settings.outcome.md';
    await session.open(uri, DEFECTIVE);
    await session.until(() => codes(session.published.get(uri)).includes('codes.unknown'));
    await session.changeSettings({ rules: { 'codes.unknown': 'off' } });
    await session.until(() => session.published.has(uri) && !codes(session.published.get(uri)).includes('codes.unknown'));
  });

  it('publishes again when an extra catalogue file adds the unknown code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-push-catalogue-'));
    try {
      const file = path.join(dir, 'extra.json');
      fs.writeFileSync(file, JSON.stringify({ subjectCodes: [{ code: 'RELXE', description: 'A code of this office' }] }));
      const uri = 'untitled:push-catalogue.outcome.md';
      await session.open(uri, DEFECTIVE);
      await session.until(() => codes(session.published.get(uri)).includes('codes.unknown'));
      await session.changeSettings({ catalogue: { extraFiles: [file] } });
      await session.until(() => session.published.has(uri) && !codes(session.published.get(uri)).includes('codes.unknown'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends nothing for a file that is no outcome document', async () => {
    const uri = 'untitled:notes.md';
    await session.open(uri, '# Notes\n\nNothing to check here.\n', 'markdown');
    const outcome = 'untitled:after-notes.outcome.md';
    await session.open(outcome, DEFECTIVE);
    await session.until(() => session.published.get(outcome));
    assert.equal(session.published.has(uri), false);
  });
});

describe('LSP: pushed cross-document diagnostics', () => {
  it('publishes an open document again when another one\'s change resolves its reference', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-push-workspace-'));
    const later = generateDocument(mulberry32(1), {
      series: 'EU-US JHA', references: [], serial: 8000, date: '2011-04-12', level: 'Senior Officials', place: 'Budapest',
      meetingStart: '2011-03-30', meetingEnd: '2011-03-31', prevDocs: ['13228/11'],
    }).text;
    fs.writeFileSync(path.join(dir, '8000-11.outcome.md'), later);
    const { session } = await Session.start({ pullDiagnostics: false, workspaceFolder: dir });
    try {
      const laterUri = pathToFileURL(path.join(dir, '8000-11.outcome.md')).href;
      await session.open(laterUri, later);
      // Once the index is built, 13228/11 is known to be missing from the workspace.
      const unresolved = (items: Diagnostic[] | undefined) => (items ?? []).filter((d) => d.code === 'reference.unresolved' && String(d.message).includes('13228/11'));
      const before = await session.until(() => unresolved(session.published.get(laterUri)).length > 0 && unresolved(session.published.get(laterUri)));
      assert.deepEqual(before.map((d) => d.range.start), [positionOf(later, '13228/11')]);

      // A new document in the workspace carries that number: the first one's finding goes.
      const earlierUri = pathToFileURL(path.join(dir, '13228-11.outcome.md')).href;
      await session.open(earlierUri, 'draft\n');
      await session.change(earlierUri, 2, [{ text: corpusText('13228-11.md') }]);
      await session.until(() => unresolved(session.published.get(laterUri)).length === 0);
    } finally {
      await session.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('LSP: a client that pulls diagnostics', () => {
  it('gets them by pull only: nothing is pushed for its documents', async () => {
    const { session } = await Session.start();
    try {
      const uri = 'untitled:pull.outcome.md';
      await session.open(uri, DEFECTIVE);
      assert.ok(codes(await session.diagnostics(uri)).includes('codes.unknown'));
      await session.change(uri, 2, [{ text: DEFECTIVE.replace('RELXE', 'RELEX') }]);
      assert.ok(!codes(await session.diagnostics(uri)).includes('codes.unknown'));
      assert.equal(session.published.has(uri), false);
    } finally {
      await session.stop();
    }
  });
});
