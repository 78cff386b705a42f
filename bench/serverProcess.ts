/**
 * The workspace figures as the editor meets them: the language server bundle (dist/server.js)
 * spawned over stdio with the generated corpus as its workspace folder, as VS Code starts it.
 *
 *   index time     `initialized` -> the end of the "Indexing n / N" work-done progress
 *   memory         the server process's resident set (all its threads: the indexing workers
 *                  too), sampled every 50 ms while it indexes, and for a few seconds after, while
 *                  it saves the index and builds its query lookups
 *   warm start     the same, started again with the index it saved
 *
 * Runs as part of the workspace section of `npm run bench`. Prints figures; never asserts.
 * The resident set is read from /proc (Linux); elsewhere only the times are printed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import type { BenchContext } from './sections';
import { SERVER, startServer } from './serverSpawn';

const COLD_RUNS = 3;
/** How long the resident set is followed after indexing: saving the index and building the lookups take about a second. */
const AFTER_MS = 6000;
const SAMPLE_MS = 50;

type Printer = Pick<BenchContext, 'row' | 'record'>;

interface Run {
  indexMs: number;
  /** Resident set, MB: highest while indexing, highest in the AFTER_MS after, and at their end. */
  peakIndexing?: number;
  peakAfter?: number;
  settled?: number;
  symbols: number;
}

function residentMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the server on `folder` with `storage` for its saved index, and follows it until AFTER_MS after indexing. */
async function serverRun(folder: string, storage: string): Promise<Run> {
  const { proc, connection } = startServer();
  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => {
    const mb = residentMb(proc.pid!);
    if (mb !== undefined) samples.push({ at: performance.now(), mb });
  }, SAMPLE_MS);
  try {
    let started = 0;
    const ended = new Promise<number>((resolve) => {
      connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
      connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
        if (p.value?.kind === 'end') resolve(performance.now());
      });
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const uri = pathToFileURL(folder).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true } },
      initializationOptions: { storagePath: storage },
    });
    started = performance.now();
    await connection.sendNotification(InitializedNotification.type, {});
    const end = await ended;
    await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
    const symbols = (await connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'pnr' }))?.length ?? 0;
    const during = samples.filter((s) => s.at <= end).map((s) => s.mb);
    const after = samples.filter((s) => s.at > end).map((s) => s.mb);
    const run: Run = { indexMs: end - started, symbols };
    if (during.length > 0) run.peakIndexing = Math.max(...during);
    if (after.length > 0) {
      run.peakAfter = Math.max(...after);
      run.settled = after[after.length - 1];
    }
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return run;
  } finally {
    clearInterval(sampler);
    connection.dispose();
    if (proc.exitCode === null) proc.kill();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;
const mb = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MB`);

/** The figures for the corpus in `folder` (`count` documents). */
export async function serverFigures(ctx: Printer, folder: string, count: number): Promise<void> {
  if (!fs.existsSync(SERVER)) {
    ctx.row('language server', `not built: ${SERVER} is missing (npm run build)`);
    return;
  }
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-bench-storage-'));
  try {
    const cold: Run[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      fs.rmSync(path.join(storage, 'workspace-index.json'), { force: true });
      cold.push(await serverRun(folder, storage));
    }
    const times = cold.map((r) => r.indexMs);
    ctx.row('server: cold index (initialized -> progress end)', `median ${ms(median(times))} of ${cold.length} (${times.map(ms).join(', ')}); ${cold[0].symbols} symbols for "pnr" after`);
    ctx.record('server.coldIndexMs', median(times));
    const highest = (pick: (r: Run) => number | undefined) => {
      const xs = cold.map(pick).filter((x): x is number => x !== undefined);
      return xs.length > 0 ? Math.max(...xs) : undefined;
    };
    const indexing = highest((r) => r.peakIndexing);
    const after = highest((r) => r.peakAfter);
    const settled = highest((r) => r.settled);
    ctx.row('server: resident set while indexing (highest)', `${mb(indexing)} (the indexing workers included)`);
    ctx.row(`server: resident set with all ${count} indexed`, `highest ${mb(after)} in the ${AFTER_MS / 1000} s after indexing (index saved, lookups built); ${mb(settled)} at their end`);
    if (indexing !== undefined) ctx.record('server.rssIndexingMb', indexing);
    if (after !== undefined) ctx.record('server.rssIndexedMb', after);
    const warm = await serverRun(folder, storage);
    ctx.row('server: warm start from the saved index', `${ms(warm.indexMs)}; resident set highest ${mb(Math.max(warm.peakIndexing ?? 0, warm.peakAfter ?? 0) || undefined)}`);
    ctx.record('server.warmStartMs', warm.indexMs);
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}
