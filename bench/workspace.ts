/**
 * Workspace index figures (printed, never asserted), on the shared generated corpus written
 * to a temporary folder and read through the file system as the server reads it:
 *
 *   cold index            list, read, parse and index every file (median of 3)  (target <= 3 s)
 *   warm start            read the snapshot, stat every file, read none (med.)  (target <= 0.5 s)
 *   references p99        every mention of a catalogue entry, oldest first      (target <= 10 ms)
 *   workspace symbols p99 a heading query over every document                   (target <= 20 ms)
 *   memory                heap held by the index with everything indexed        (target <= 250 MB)
 *
 * The figures are taken in a process of their own, as the language server is one: the bench's
 * own process holds the generated texts (hundreds of MB), which would slow every collection.
 *
 * Runs as a section of `npm run bench`, or alone: `node out/bench/workspace.js [--docs N] [--workers N]`
 * (`--workers 0` builds in this thread; the default is one worker per core).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { WorkspaceIndex } from '../server/src/core/workspace/workspaceIndex';
import { FileWorkspace } from '../server/src/node/fileWorkspace';
import { defaultWorkerCount, startParallelIndex } from '../server/src/node/parallelIndex';
import { loadSnapshot, saveSnapshot } from '../server/src/node/snapshotFile';
import { generateCorpus } from '../test/fixtures/generate';
import { topicReferences } from '../test/fixtures/topicReferences';
import { DEFAULT_REFERENCES_LIMIT } from '../server/src/features/settings';
import { registerSection, type BenchContext } from './sections';
import { writeCorpus } from './corpusFolder';
// Registers the server section (the language server's own process), run after this one.
import './serverProcess';

const BUNDLED_WORKER = path.join(__dirname, '..', '..', 'dist', 'indexWorker.js');
const SYMBOL_QUERIES = ['pnr', 'data protection', 'counter-terrorism', 'session 4', 'visa reciprocity', 'priorities incoming', 'cracow', 'migration 2015', 'cybercrime', 'mla', 'zzz-no-match', 'e-evidence washington'];

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

type Printer = Pick<BenchContext, 'row' | 'record' | 'timer' | 'stats' | 'fmtMs'>;

/** Builds timed per figure (cold index, warm start). */
const RUNS = 3;

/**
 * Times `build` RUNS times, collecting garbage after each: the runs, their median (timings on a
 * shared machine vary by a third from run to run) and the last build's result.
 */
async function timedRuns<T>(ctx: Printer, build: () => Promise<T>): Promise<{ median: number; text: string; last: T }> {
  const runs: number[] = [];
  let last!: T;
  for (let run = 0; run < RUNS; run++) {
    const timer = ctx.timer();
    last = await build();
    runs.push(timer());
    global.gc?.();
  }
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { median, text: `median ${ctx.fmtMs(median)} of ${runs.length} (${runs.map((ms) => ctx.fmtMs(ms)).join(', ')})`, last };
}

/** The figures, on the corpus already written to `dir` (`count` documents, `bytes` characters). */
async function measure(ctx: Printer, dir: string, count: number, bytes: number, workers: number): Promise<void> {
  const catalogue = loadBuiltInCatalogue();
  const snapshotFile = path.join(dir, '.index-snapshot.json');
  ctx.row('documents', `${count} (${(bytes / 1048576).toFixed(1)} MB) in ${dir}`);

  const heapBefore = heapMb();
  let progressCalls = 0;
  let how = '';
  const cold = await timedRuns(ctx, async () => {
    const index = new WorkspaceIndex(new FileWorkspace([dir]), catalogue);
    progressCalls = 0;
    // As the server does it: worker threads (the bundled worker the extension ships) started for the build and stopped after it.
    const parallel = startParallelIndex(catalogue, workers, BUNDLED_WORKER);
    const report = await index.build({ onProgress: () => progressCalls++, readEntries: parallel?.readEntries });
    await parallel?.close();
    how = parallel ? `${parallel.workers} worker${parallel.workers > 1 ? 's' : ''}` : 'in this thread';
    return { index, report };
  });
  const index = cold.last.index;
  ctx.row('cold index', `${cold.text} (${cold.last.report.documents} documents, ${how}, ${progressCalls} progress reports, ${(bytes / 1048576 / (cold.median / 1000)).toFixed(1)} MB/s)`);
  ctx.record('workspace.coldIndexMs', cold.median);
  const heapIndex = heapMb() - heapBefore;
  ctx.row('index memory (heap)', `${heapIndex.toFixed(0)} MB; process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  ctx.record('workspace.heapMb', heapIndex);

  let t = ctx.timer();
  await index.prepareQueries();
  ctx.row('symbol index built after indexing (in slices)', ctx.fmtMs(t()));
  // As the server holds it once indexing is done: every lookup built, the symbols' word index too. RSS is the whole process (this bench's own data included).
  const withLookups = heapMb() - heapBefore;
  ctx.row('index memory with query lookups (heap)', `${withLookups.toFixed(0)} MB; process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  ctx.record('workspace.heapWithLookupsMb', withLookups);
  ctx.record('workspace.rssWithLookupsMb', process.memoryUsage().rss / 1048576);

  // Queries as a drafter makes them once indexing is done (before the snapshot steps below fill the heap).
  // The first query of a topic puts its documents in order and counts its mentions; later ones reuse the count until a document mentioning it changes.
  const ids = [...catalogue.instruments, ...catalogue.topics, ...catalogue.bodies].map((e) => e.id);
  const first: number[] = [];
  const repeated: number[] = [];
  let most = { id: '', count: 0 };
  for (let round = 0; round < 5; round++) {
    for (const id of ids) {
      const s = process.hrtime.bigint();
      const n = topicReferences(index, id, { limit: DEFAULT_REFERENCES_LIMIT }).total;
      (round === 0 ? first : repeated).push(Number(process.hrtime.bigint() - s));
      if (n > most.count) most = { id, count: n };
    }
  }
  const refsFirst = ctx.stats(first);
  const refs = ctx.stats(repeated);
  ctx.row('references, first query of each entry', `median ${ctx.fmtMs(refsFirst.medianMs)}, p99 ${ctx.fmtMs(refsFirst.p99Ms)}, max ${ctx.fmtMs(refsFirst.maxMs)} (largest: ${most.id}, ${most.count} mentions)`);
  ctx.row('references, repeated (x4)', `median ${ctx.fmtMs(refs.medianMs)}, p99 ${ctx.fmtMs(refs.p99Ms)}`);
  ctx.record('workspace.referencesFirstP99Ms', refsFirst.p99Ms);
  ctx.record('workspace.referencesP99Ms', refs.p99Ms);

  const symbolSamples: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of SYMBOL_QUERIES) {
      const s = process.hrtime.bigint();
      index.queries.workspaceSymbols(q);
      symbolSamples.push(Number(process.hrtime.bigint() - s));
    }
  }
  const symbols = ctx.stats(symbolSamples);
  ctx.row('workspace symbols (12 queries x10)', `median ${ctx.fmtMs(symbols.medianMs)}, p99 ${ctx.fmtMs(symbols.p99Ms)}`);
  ctx.record('workspace.symbolsP99Ms', symbols.p99Ms);

  // As the server saves it.
  t = ctx.timer();
  const written = await saveSnapshot(index, snapshotFile, async () => undefined);
  ctx.row('snapshot save', `${ctx.fmtMs(t())} (${(written / 1048576).toFixed(1)} MB)`);

  const warm = await timedRuns(ctx, () => {
    const snapshot = loadSnapshot(snapshotFile, catalogue);
    return new WorkspaceIndex(new FileWorkspace([dir]), catalogue).build({ snapshot });
  });
  ctx.row('warm start from snapshot', `${warm.text} (${warm.last.reused} reused, ${warm.last.read} read)`);
  ctx.record('workspace.warmStartMs', warm.median);

  const one = [...index.entries()][Math.floor(count / 2)];
  t = ctx.timer();
  await index.refresh(one.uri);
  ctx.row('one changed file re-indexed', ctx.fmtMs(t()));

  // A drafter edits a document that mentions the most mentioned topic, then asks for its references again.
  const topic = index.queries.topicOf(most.id);
  const mentioning = index.queries.documentsForTopic(topic);
  const afterChange: number[] = [];
  for (let k = 0; k < 20; k++) {
    await index.refresh(mentioning[(k * 7919) % mentioning.length].uri);
    const s = process.hrtime.bigint();
    topicReferences(index, most.id, { limit: DEFAULT_REFERENCES_LIMIT });
    afterChange.push(Number(process.hrtime.bigint() - s));
  }
  const changed = ctx.stats(afterChange);
  ctx.row(`references of ${most.id} after one of its documents changed (x20)`, `median ${ctx.fmtMs(changed.medianMs)}, max ${ctx.fmtMs(changed.maxMs)}`);
  ctx.record('workspace.referencesAfterChangeMaxMs', changed.maxMs);
}

/** Rows and figures cross from the measuring process as tab-separated lines. */
const ROW = 'ROW\t';
const RECORD = 'RECORD\t';

registerSection('workspace', async (ctx) => {
  const docs = ctx.corpus();
  const dir = writeCorpus(docs);
  const bytes = docs.reduce((n, d) => n + d.text.length, 0);
  const args = ['--expose-gc', __filename, '--dir', dir, '--docs', String(docs.length), '--bytes', String(bytes), '--report'];
  const at = ctx.argv.indexOf('--workers');
  if (at >= 0) args.push('--workers', ctx.argv[at + 1]);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [kind, key, value] = line.split('\t');
        if (`${kind}\t` === ROW) ctx.row(key, value);
        else if (`${kind}\t` === RECORD) ctx.record(key, Number(value));
        else if (line) console.log(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the workspace measurement exited with ${code}`))));
  });
});

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const count = Number(option('--docs')) || 10_000;
  // --workers 0: the in-thread build.
  const workers = option('--workers') !== undefined ? Number(option('--workers')) : defaultWorkerCount();
  // --report: rows for the parent bench process (above); else printed for a reader.
  const report = argv.includes('--report');
  const fmtMs = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
  let dir = option('--dir');
  let bytes = Number(option('--bytes'));
  if (!dir) {
    const docs = generateCorpus(count, 1);
    dir = writeCorpus(docs);
    bytes = docs.reduce((n, d) => n + d.text.length, 0);
  }
  measure({
    row: (label, value) => console.log(report ? `${ROW}${label}\t${value}` : `${label.padEnd(40)} ${value}`),
    record: (key, value) => report && console.log(`${RECORD}${key}\t${value}`),
    timer: () => {
      const s = process.hrtime.bigint();
      return () => Number(process.hrtime.bigint() - s) / 1e6;
    },
    stats: (ns) => {
      const sorted = [...ns].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
      return { count: ns.length, medianMs: at(0.5), p99Ms: at(0.99), meanMs: ns.reduce((a, b) => a + b, 0) / ns.length / 1e6, maxMs: sorted[sorted.length - 1] / 1e6 };
    },
    fmtMs,
  }, dir, count, bytes, workers).then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
