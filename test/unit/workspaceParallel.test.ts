import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltInCatalogue, loadCatalogue } from '../../server/src/core/catalogue/load';
import type { Catalogue } from '../../server/src/core/catalogue/catalogue';
import type { DocumentEntry } from '../../server/src/core/workspace/documentEntry';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { FileWorkspace } from '../../server/src/node/fileWorkspace';
import { startParallelIndex } from '../../server/src/node/parallelIndex';
import { generateCorpus } from '../fixtures/generate';
import { corpusText, OTHER_FILE, OUTCOME_FILES } from './corpus';

/** The real documents, 150 generated ones, a note and a binary file, in a temporary folder. */
function writeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-parallel-'));
  for (const f of [...OUTCOME_FILES, OTHER_FILE]) fs.writeFileSync(path.join(dir, path.basename(f)), corpusText(f));
  fs.mkdirSync(path.join(dir, 'generated'));
  for (const d of generateCorpus(150, 7)) fs.writeFileSync(path.join(dir, 'generated', d.fileName), d.text);
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nNot an outcome document.\n');
  fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
  return dir;
}

function entriesOf(index: WorkspaceIndex): Map<string, DocumentEntry> {
  return new Map([...index.entries()].map((e) => [e.uri, e]));
}

async function inThread(dir: string, catalogue: Catalogue): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(new FileWorkspace([dir]), catalogue);
  await index.build();
  return index;
}

describe('parallel workspace indexing', () => {
  let dir: string;
  before(() => (dir = writeWorkspace()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const workers of [1, 2]) {
    it(`gives the same entries with ${workers} worker(s) as the in-thread build`, async () => {
      const catalogue = loadBuiltInCatalogue();
      const expected = await inThread(dir, catalogue);
      const parallel = startParallelIndex(catalogue, workers);
      assert.ok(parallel, 'workers start');
      const index = new WorkspaceIndex(new FileWorkspace([dir]), catalogue);
      const progress: number[] = [];
      try {
        const report = await index.build({ readEntries: parallel.readEntries, batchSize: 16, onProgress: (done) => progress.push(done) });
        assert.equal(report.read, report.files);
        assert.equal(report.documents, 154);
      } finally {
        await parallel.close();
      }
      assert.deepEqual(entriesOf(index), entriesOf(expected));
      assert.deepEqual(index.snapshot(), expected.snapshot());
      assert.equal(progress.at(-1), 157);
      assert.ok(progress.every((n, i) => i === 0 || n > progress[i - 1]), 'progress moves forward');
    });
  }

  it('builds the workers a catalogue with extra entries', async () => {
    const extra = path.join(dir, '..', `${path.basename(dir)}-catalogue.json`);
    fs.writeFileSync(extra, JSON.stringify({ instruments: [{ id: 'cracow-programme', kind: 'programme', name: 'Cracow Programme', aliases: ['Cracow'], abbreviations: [] }] }));
    try {
      const { catalogue, problems } = loadCatalogue([extra], (p) => fs.readFileSync(p, 'utf8'));
      assert.deepEqual(problems, []);
      const expected = await inThread(dir, catalogue);
      assert.ok([...expected.entries()].some((e) => e.mentions.some((g) => g.id === 'cracow-programme')), 'the extra entry is found');
      const parallel = startParallelIndex(catalogue, 1)!;
      const index = new WorkspaceIndex(new FileWorkspace([dir]), catalogue);
      try {
        await index.build({ readEntries: parallel.readEntries });
      } finally {
        await parallel.close();
      }
      assert.deepEqual(entriesOf(index), entriesOf(expected));
    } finally {
      fs.rmSync(extra, { force: true });
    }
  });

  it('reads in this thread when the workers fail or cannot start', async () => {
    const catalogue = loadBuiltInCatalogue();
    assert.equal(startParallelIndex(catalogue, 1, path.join(dir, 'no-such-worker.js')), undefined);
    const expected = await inThread(dir, catalogue);
    const index = new WorkspaceIndex(new FileWorkspace([dir]), catalogue);
    await index.build({ readEntries: () => Promise.reject(new Error('worker died')) });
    assert.deepEqual(entriesOf(index), entriesOf(expected));
  });

  it('drops a file deleted between listing and reading, in a worker and in this thread', async () => {
    const catalogue = loadBuiltInCatalogue();
    const parallel = startParallelIndex(catalogue, 1)!;
    try {
      for (const readEntries of [parallel.readEntries, undefined]) {
        const small = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-gone-'));
        const [kept, gone] = OUTCOME_FILES.slice(0, 2).map((f) => path.join(small, path.basename(f)));
        fs.writeFileSync(kept, corpusText(OUTCOME_FILES[0]));
        fs.writeFileSync(gone, corpusText(OUTCOME_FILES[1]));
        const workspace = new FileWorkspace([small]);
        const listFiles = workspace.listFiles.bind(workspace);
        // Listed, then deleted before anything reads it.
        workspace.listFiles = async () => {
          const uris = await listFiles();
          fs.rmSync(gone);
          return uris;
        };
        const index = new WorkspaceIndex(workspace, catalogue);
        const report = await index.build({ readEntries });
        assert.deepEqual({ files: report.files, read: report.read, documents: report.documents }, { files: 2, read: 1, documents: 1 });
        assert.deepEqual([...index.entries()].map((e) => path.basename(new URL(e.uri).pathname)), [path.basename(kept)]);
        // What the reader found on disk is what the saved index records.
        const saved = index.snapshot().files.find((f) => f.uri.endsWith(path.basename(kept)))!;
        const s = fs.statSync(kept);
        assert.deepEqual([saved.size, saved.mtime], [s.size, s.mtimeMs]);
        fs.rmSync(small, { recursive: true, force: true });
      }
    } finally {
      await parallel.close();
    }
  });

  it('gives up pending batches when stopped', async () => {
    const parallel = startParallelIndex(loadBuiltInCatalogue(), 1)!;
    const pending = parallel.readEntries([`file://${dir}/notes.md`]);
    await parallel.close();
    await assert.rejects(pending);
  });
});
