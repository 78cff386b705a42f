import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { EntryUnpacker } from '../../server/src/core/workspace/packedEntry';
import { loadSavedIndex, loadSnapshot, sealedText } from '../../server/src/node/snapshotFile';
import { generateDocument, mulberry32 } from '../fixtures/generate';
import { corpusText, REAL_DOCUMENTS, Session } from './session';

interface SavedFile {
  uri: string;
  size: number;
  mtime: number;
  entry?: unknown[];
  seal?: number;
}
interface Saved {
  version: number;
  catalogue: string;
  files: SavedFile[];
  strings: string[];
}

/**
 * A damaged saved index: the server says so in its log, builds the index from the files,
 * answers from it, and saves a good index in its place.
 */
describe('LSP: a damaged saved index', () => {
  let dir: string;
  let storage: string;
  /** The good saved index, as the first start wrote it. */
  let good: string;
  let symbols: SymbolInformation[];
  const file = () => path.join(storage, 'workspace-index.json');
  const catalogue = loadBuiltInCatalogue();

  async function start(): Promise<Session> {
    const { session } = await Session.start({ workspaceFolder: dir, initializationOptions: { storagePath: storage } });
    return session;
  }

  const query = (session: Session) => session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'copenhagen' }) as Promise<SymbolInformation[]>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-saved-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lsp-saved-storage-'));
    for (const name of REAL_DOCUMENTS) fs.writeFileSync(path.join(dir, name), corpusText(name));
    for (let k = 0; k < 4; k++) {
      const month = String(k + 3).padStart(2, '0');
      const spec = { series: 'EU-US JHA' as const, serial: 9100 + k, date: `2012-${month}-20`, level: 'Senior Officials' as const, place: 'Copenhagen', meetingStart: `2012-${month}-10`, meetingEnd: `2012-${month}-11`, prevDocs: ['13228/11'], references: [] };
      fs.writeFileSync(path.join(dir, `${9100 + k}-12.outcome.md`), generateDocument(mulberry32(70 + k), spec).text);
    }
    const session = await start();
    try {
      await session.until(() => session.logs.some((l) => l.startsWith('Workspace index: saved')));
      symbols = await query(session);
      assert.ok(symbols.length > 4);
    } finally {
      await session.stop();
    }
    good = fs.readFileSync(file(), 'utf8');
    const snapshot = loadSnapshot(file(), catalogue);
    assert.ok(snapshot);
    // Read on the loading worker, the same files and entries.
    const saved = await loadSavedIndex(file(), catalogue);
    assert.ok(saved);
    const unpacker = new EntryUnpacker(snapshot.strings);
    assert.deepEqual(
      [...saved.files].map(([uri, f]) => [uri, f.size, f.mtime, JSON.stringify(f.entry)]),
      snapshot.files.map((f) => [f.uri, f.size, f.mtime, JSON.stringify(f.entry && unpacker.unpack(f.uri, f.entry))]),
    );
    assert.equal(saved.files.size, 8);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  /** The good index's JSON, changed by `damage` and sealed again (its checksum matches: the checks inside must find the damage). */
  function resealed(damage: (saved: Saved) => void): string {
    const saved = JSON.parse(good) as Saved & { seal?: unknown };
    delete saved.seal;
    damage(saved);
    return sealedText(JSON.stringify(saved));
  }

  async function survives(reason: RegExp): Promise<void> {
    // The loading worker refuses it too, for the same reason.
    const why: string[] = [];
    assert.equal(await loadSavedIndex(file(), catalogue, (w) => why.push(w)), undefined);
    assert.match(why.join('\n'), reason);
    const session = await start();
    try {
      await session.until(() => session.logs.some((l) => l.startsWith('Workspace index: saved')));
      const discarded = session.logs.find((l) => l.includes('saved index') && l.includes('not used'));
      assert.ok(discarded, session.logs.join('\n'));
      assert.match(discarded, reason);
      assert.ok(session.logs.some((l) => /Workspace index: 8 outcome documents in 8 files \(8 read, 0 from the saved index\)/.test(l)), session.logs.join('\n'));
      assert.deepEqual(await query(session), symbols);
    } finally {
      await session.stop();
    }
    assert.ok(fs.statSync(file()).isFile());
    assert.ok(loadSnapshot(file(), catalogue), 'a good index saved again');
  }

  it('one digit flipped', async () => {
    const at = good.search(/"mtime":\d/) + '"mtime":'.length;
    const digit = good[at];
    fs.writeFileSync(file(), good.slice(0, at) + (digit === '9' ? '8' : String(Number(digit) + 1)) + good.slice(at + 1));
    await survives(/checksum does not match/);
  });

  it('entries of the wrong shape', async () => {
    fs.writeFileSync(file(), resealed((s) => {
      const f = s.files.find((x) => x.entry)!;
      f.entry![1] = ['Session 1', 'x'];
    }));
    await survives(/wrong shape/);
  });

  it('an emptied string table', async () => {
    fs.writeFileSync(file(), resealed((s) => (s.strings = [])));
    await survives(/wrong shape/);
  });

  it("two files' entries swapped (their sizes and times still match their files)", async () => {
    fs.writeFileSync(file(), resealed((s) => {
      const [a, b] = s.files.filter((x) => x.entry);
      [a.entry, b.entry, a.seal, b.seal] = [b.entry, a.entry, b.seal, a.seal];
    }));
    await survives(/is not the one saved for it/);
  });

  it('a FIFO in its place', async function () {
    fs.rmSync(file());
    try {
      execFileSync('mkfifo', [file()]);
    } catch {
      this.skip();
    }
    await survives(/not a regular file/);
  });
});
