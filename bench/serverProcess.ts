/**
 * The workspace figures as the editor meets them: the language server bundle (dist/server.js)
 * spawned over stdio with a generated corpus as its workspace folder, as VS Code starts it.
 *
 *   cold index      `initialized` -> the end of the "Indexing n / N" work-done progress, no saved index
 *   warm start      the same, started again with the index it saved
 *   longest block   a cheap request (outcome/documentInfo) sent every 20 ms from `initialized`
 *                   until the end: the longest any of them waited is the longest the server
 *                   thread was blocked (as a drafter's hover or keystroke would wait); apart
 *                   from the queries below too (while indexing, and while the server saves the
 *                   index and builds its lookups), as their own replies block it meanwhile
 *   references      Find All References on a mention of PNR and on a section heading, and
 *                   workspace symbols (a few queries), each asked again and again: median and p99
 *                   right after indexing ends, and once settled (SETTLE_MS later)
 *   memory          the server process's resident set (its indexing workers included), sampled
 *                   every 50 ms: highest while indexing, highest after, and at the end
 *
 * `npm run bench` prints these at 10,000 and 100,000 documents (`--server-docs 10000,100000`).
 * On its own, and to compare two builds, alternating whole processes (before/after a change):
 *
 *   node out/bench/serverProcess.js --docs 10000 --compare /path/to/other/checkout/dist --runs 3
 *
 * `--profile DIR` (without --compare) writes each run's CPU profiles there (cold-1/, warm/).
 *
 * Prints figures; never asserts. The resident set is read from /proc (Linux).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  ReferencesRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceSymbolRequest,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { generateCorpus } from '../test/fixtures/generate';
import { registerSection, type BenchContext } from './sections';
import { median, ms, p99 } from './stats';
import { SERVER, startServer, stopServer } from './serverSpawn';
import { writeCorpus } from './corpusFolder';

const SAMPLE_MS = 50;
const PING_MS = 20;
/** How long after indexing the "settled" figures are taken: the server saves the index and builds its lookups meanwhile. */
const SETTLE_MS = 8000;
/** Requests per figure. */
const QUERIES = 25;
const SYMBOL_QUERIES = ['pnr', 'data protection', 'session 4', 'cracow', 'migration 2015', 'zzz-no-match'];

type Printer = Pick<BenchContext, 'row' | 'record'>;

interface Latencies {
  referencesMention: number[];
  referencesHeading: number[];
  symbols: number[];
}

interface Run {
  indexMs: number;
  /** CPU time from `initialized` to the end of indexing, ms: the process's and the server thread's. */
  indexCpuMs?: number;
  indexThreadCpuMs?: number;
  /** The longest a cheap request waited, ms, and how many were sent. */
  longestBlock: number;
  pings: number;
  /** The longest wait of a cheap request sent while no query was under way: while indexing, and between the two rounds of queries. */
  longestBlockIndexing: number;
  longestBlockSettling: number;
  right: Latencies;
  settled: Latencies;
  /** Locations in the last references answer on the mention, and how many the server said there are (its log line when it cut the answer). */
  referencesCount: number;
  referencesTotal?: string;
  /** Resident set, MB: highest while indexing, highest after, and at the end. */
  peakIndexing?: number;
  peakAfter?: number;
  settledMb?: number;
}

/**
 * CPU time used so far, ms: by the whole process (its workers included, those ended too), or by
 * its main thread alone (the server thread). Read from /proc (Linux); on a shared machine a
 * fairer figure than the wall clock.
 */
function cpuMs(pid: number, serverThread = false): number | undefined {
  try {
    const stat = fs.readFileSync(serverThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of stat(5)), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function residentMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A document of the folder, with where in it a mention of PNR and a section heading stand. */
function probeDocument(folder: string): { uri: string; text: string; mention: { line: number; character: number }; heading: { line: number; character: number } } {
  for (const sub of fs.readdirSync(folder).sort()) {
    const dir = path.join(folder, sub);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/);
      // A mention in a paragraph: on a heading's line, references answer the heading's topic at the earlier meetings.
      const m = lines.findIndex((l, i) => i > 15 && /\bPNR\b/.test(l) && !/^\W*(?:\d+\.|\(?[a-z]\)|Session \d+:)/.test(l));
      const h = lines.findIndex((l, i) => i > 15 && /^(?:\*\*)?(?:\d+\.|Session \d+:)\s+\S/.test(l));
      if (m >= 0 && h >= 0) {
        return { uri: pathToFileURL(file).href, text, mention: { line: m, character: lines[m].search(/\bPNR\b/) + 1 }, heading: { line: h, character: 1 } };
      }
    }
  }
  throw new Error(`no document with a PNR mention in ${folder}`);
}

async function timed<T>(ask: () => Promise<T>): Promise<[number, T]> {
  const s = performance.now();
  const r = await ask();
  return [performance.now() - s, r];
}

/** The references and symbols figures, asked one after another. */
async function latencies(connection: ProtocolConnection, probe: ReturnType<typeof probeDocument>): Promise<{ latencies: Latencies; referencesCount: number }> {
  const out: Latencies = { referencesMention: [], referencesHeading: [], symbols: [] };
  let referencesCount = 0;
  for (let i = 0; i < QUERIES; i++) {
    const [ms, locations] = await timed(() => connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: probe.uri }, position: probe.mention, context: { includeDeclaration: true } }));
    out.referencesMention.push(ms);
    referencesCount = locations?.length ?? 0;
    out.referencesHeading.push((await timed(() => connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: probe.uri }, position: probe.heading, context: { includeDeclaration: true } })))[0]);
    out.symbols.push((await timed(() => connection.sendRequest(WorkspaceSymbolRequest.type, { query: SYMBOL_QUERIES[i % SYMBOL_QUERIES.length] })))[0]);
  }
  return { latencies: out, referencesCount };
}

/** Starts the server bundle `server` on `folder` with `storage` for its saved index, and follows it until SETTLE_MS after indexing. */
async function serverRun(server: string, folder: string, storage: string, nodeOptions: string[] = []): Promise<Run> {
  const { proc, connection } = startServer(server, nodeOptions);
  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => {
    const mb = residentMb(proc.pid!);
    if (mb !== undefined) samples.push({ at: performance.now(), mb });
  }, SAMPLE_MS);
  let pinger: NodeJS.Timeout | undefined;
  try {
    let cpuAtEnd: (number | undefined)[] = [];
    const ended = new Promise<number>((resolve) => {
      connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
      connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
        if (p.value?.kind === 'end') {
          cpuAtEnd = [cpuMs(proc.pid!), cpuMs(proc.pid!, true)];
          resolve(performance.now());
        }
      });
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    let referencesTotal: string | undefined;
    connection.onNotification('window/logMessage', (m: { message: string }) => {
      const total = /^References: [\d,]+ of ([\d,]+) shown/.exec(m.message);
      if (total) referencesTotal = total[1];
    });
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.listen();
    const uri = pathToFileURL(folder).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
      initializationOptions: { storagePath: storage },
    });
    const started = performance.now();
    const cpuAtStart = [cpuMs(proc.pid!), cpuMs(proc.pid!, true)];
    await connection.sendNotification(InitializedNotification.type, {});
    // The cheap request: answered from what the server holds, whatever the index is doing.
    const longest = { indexing: 0, queries: 0, settling: 0 };
    let phase: keyof typeof longest = 'indexing';
    let pings = 0;
    const ping = () => {
      const s = performance.now();
      const sentIn = phase;
      pings++;
      void connection.sendRequest('outcome/documentInfo', { uri: 'file:///not-open.outcome.md' }).then(() => (longest[sentIn] = Math.max(longest[sentIn], performance.now() - s)));
    };
    pinger = setInterval(ping, PING_MS);
    const end = await ended;
    phase = 'queries';
    const probe = probeDocument(folder);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: probe.uri, languageId: 'council-outcome', version: 1, text: probe.text } });
    const right = await latencies(connection, probe);
    phase = 'settling';
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, end + SETTLE_MS - performance.now())));
    phase = 'queries';
    const settled = await latencies(connection, probe);
    clearInterval(pinger);
    // The last pings answered.
    await connection.sendRequest('outcome/documentInfo', { uri: 'file:///not-open.outcome.md' });
    const during = samples.filter((s) => s.at <= end).map((s) => s.mb);
    const after = samples.filter((s) => s.at > end).map((s) => s.mb);
    const spent = (k: number) => (cpuAtEnd[k] !== undefined && cpuAtStart[k] !== undefined ? cpuAtEnd[k]! - cpuAtStart[k]! : undefined);
    const run: Run = {
      indexMs: end - started,
      indexCpuMs: spent(0),
      indexThreadCpuMs: spent(1),
      longestBlock: Math.max(longest.indexing, longest.queries, longest.settling),
      longestBlockIndexing: longest.indexing,
      longestBlockSettling: longest.settling,
      pings,
      right: right.latencies, settled: settled.latencies, referencesCount: right.referencesCount, referencesTotal };
    if (during.length > 0) run.peakIndexing = Math.max(...during);
    if (after.length > 0) {
      run.peakAfter = Math.max(...after);
      run.settledMb = after[after.length - 1];
    }
    await stopServer(proc, connection);
    return run;
  } finally {
    clearInterval(pinger);
    clearInterval(sampler);
    connection.dispose();
    if (proc.exitCode === null) proc.kill();
  }
}

const mb = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MB`);
const stat = (xs: number[]) => `median ${ms(median(xs))}, p99 ${ms(p99(xs))}`;
const highest = (runs: Run[], pick: (r: Run) => number | undefined) => {
  const xs = runs.map(pick).filter((x): x is number => x !== undefined);
  return xs.length > 0 ? Math.max(...xs) : undefined;
};

/** Cold runs then one warm run of `server` on `folder`. */
async function coldAndWarm(server: string, folder: string, coldRuns: number, profileDir?: string): Promise<{ cold: Run[]; warm: Run }> {
  // Each run's CPU profiles (one file per thread) in a folder of their own.
  const profiled = (run: string) => (profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(profileDir, run)] : []);
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-bench-storage-'));
  try {
    const cold: Run[] = [];
    for (let i = 0; i < coldRuns; i++) {
      fs.rmSync(path.join(storage, 'workspace-index.json'), { force: true });
      cold.push(await serverRun(server, folder, storage, profiled(`cold-${i + 1}`)));
    }
    return { cold, warm: await serverRun(server, folder, storage, profiled('warm')) };
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}

function print(ctx: Printer, label: string, key: string, { cold, warm }: { cold: Run[]; warm: Run }): void {
  const times = cold.map((r) => r.indexMs);
  const all = [...cold, warm];
  const pool = (pick: (r: Run) => number[]) => cold.flatMap(pick);
  ctx.row(`${label}: cold index`, `median ${ms(median(times))} of ${cold.length} (${times.map(ms).join(', ')})`);
  ctx.row(`${label}: warm start from the saved index`, ms(warm.indexMs));
  const cpu = (r: Run) => (r.indexCpuMs === undefined ? 'n/a' : `${ms(r.indexCpuMs)} (server thread ${ms(r.indexThreadCpuMs ?? 0)})`);
  ctx.row(`${label}: CPU to index, cold`, cold.map(cpu).join('; '));
  ctx.row(`${label}: CPU to index, warm`, cpu(warm));
  const blocks = (pick: (r: Run) => number) => `${ms(Math.max(...all.map(pick)))} (cold runs ${cold.map((r) => ms(pick(r))).join(', ')}; warm ${ms(pick(warm))})`;
  ctx.row(`${label}: longest block (a request every ${PING_MS} ms)`, blocks((r) => r.longestBlock));
  ctx.row(`${label}: longest block while indexing`, blocks((r) => r.longestBlockIndexing));
  ctx.row(`${label}: longest block while saving, building lookups`, blocks((r) => r.longestBlockSettling));
  ctx.row(`${label}: references on a mention, right after`, `${stat(pool((r) => r.right.referencesMention))} (${cold[0].referencesCount} locations${cold[0].referencesTotal ? ` of ${cold[0].referencesTotal}` : ''})`);
  ctx.row(`${label}: references on a mention, settled`, stat(pool((r) => r.settled.referencesMention)));
  ctx.row(`${label}: references on a heading, right after`, stat(pool((r) => r.right.referencesHeading)));
  ctx.row(`${label}: references on a heading, settled`, stat(pool((r) => r.settled.referencesHeading)));
  ctx.row(`${label}: workspace symbols, right after`, stat(pool((r) => r.right.symbols)));
  ctx.row(`${label}: workspace symbols, settled`, stat(pool((r) => r.settled.symbols)));
  ctx.row(`${label}: references after a warm start, right after`, stat(warm.right.referencesMention));
  ctx.row(`${label}: resident set`, `while indexing ${mb(highest(cold, (r) => r.peakIndexing))}, after ${mb(highest(all, (r) => r.peakAfter))} (highest), ${mb(highest(cold, (r) => r.settledMb))} at the end`);
  ctx.record(`${key}.coldIndexMs`, median(times));
  ctx.record(`${key}.warmStartMs`, warm.indexMs);
  ctx.record(`${key}.longestBlockMs`, Math.max(...all.map((r) => r.longestBlock)));
  ctx.record(`${key}.longestBlockApartFromQueriesMs`, Math.max(...all.map((r) => Math.max(r.longestBlockIndexing, r.longestBlockSettling))));
  ctx.record(`${key}.referencesRightAfterP99Ms`, p99(pool((r) => r.right.referencesMention)));
  ctx.record(`${key}.symbolsRightAfterP99Ms`, p99(pool((r) => r.right.symbols)));
  const rss = highest(all, (r) => Math.max(r.peakIndexing ?? 0, r.peakAfter ?? 0));
  if (rss !== undefined) ctx.record(`${key}.rssPeakMb`, rss);
}

/** The figures for the corpus in `folder` (`count` documents), through this checkout's bundle. */
export async function serverFigures(ctx: Printer, folder: string, count: number, coldRuns = count > 20_000 ? 1 : 3, profileDir?: string): Promise<void> {
  if (!fs.existsSync(SERVER)) {
    ctx.row('language server', `not built: ${SERVER} is missing (npm run build)`);
    return;
  }
  print(ctx, `server, ${count} documents`, `server${count}`, await coldAndWarm(SERVER, folder, coldRuns, profileDir));
}

registerSection('server', async (ctx) => {
  const at = ctx.argv.indexOf('--server-docs');
  const counts = (at >= 0 ? ctx.argv[at + 1] : '10000,100000').split(',').map(Number).filter((n) => n > 0);
  for (const count of counts) {
    const folder = writeCorpus(count === ctx.corpus().length ? ctx.corpus() : generateCorpus(count, 1));
    await serverFigures(ctx, folder, count);
  }
});

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const count = Number(option('--docs')) || 10_000;
  const other = option('--compare');
  const runs = Number(option('--runs')) || 3;
  const profileDir = option('--profile');
  const ctx: Printer = { row: (label, value) => console.log(`  ${label.padEnd(58)} ${value}`), record: () => undefined };
  void (async () => {
    const folder = writeCorpus(generateCorpus(count, 1));
    if (!other) return serverFigures(ctx, folder, count, runs, profileDir && path.resolve(profileDir));
    // Before and after, whole processes alternated: the machine's load falls on both alike.
    const builds = [
      { label: 'compared', server: path.resolve(other, 'server.js') },
      { label: 'this checkout', server: SERVER },
    ];
    const results = builds.map(() => ({ cold: [] as Run[], warm: [] as Run[] }));
    for (let round = 0; round < runs; round++) {
      for (const [k, b] of builds.entries()) {
        const r = await coldAndWarm(b.server, folder, 1);
        results[k].cold.push(...r.cold);
        results[k].warm.push(r.warm);
      }
    }
    for (const [k, b] of builds.entries()) {
      console.log(`\n${b.label} (${b.server}), ${count} documents, ${runs} alternated rounds:`);
      const warmTimes = results[k].warm.map((r) => r.indexMs);
      print(ctx, b.label, b.label, { cold: results[k].cold, warm: results[k].warm[warmTimes.indexOf(median(warmTimes))] });
      ctx.row(`${b.label}: warm starts`, warmTimes.map(ms).join(', '));
    }
  })().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
