/**
 * Bench section "archives": a workspace of 10,000 outcomes as drafters hold them, a quarter as
 * Word files and a quarter as PDFs from the register, indexed by the language server's own
 * process (dist/server.js over stdio, as VS Code starts it):
 *
 *   cold index      `initialized` -> the end of the "Indexing n / N" progress, no saved index
 *                   (target <= 30 s on 2 cores): the readers run in the indexing workers
 *   warm start      the same, started again with the index it saved (target <= 1 s: an
 *                   unchanged Word or PDF file is never read again)
 *   hover latency   a hover on a draft open in the editor, sent every 50 ms from `initialized`
 *                   until indexing ends: how long each waited (target: within 50 ms)
 *
 * The workspace is made once and kept in the temporary folder (outcome-bench-archives-N): the
 * generated Markdown outcomes (test/fixtures/generate.ts); a quarter exported to Word by the
 * project's own export (`wordDocument`), 250 of them distinct and the others their copies with
 * the document number changed in the XML; a quarter converted to PDF by LibreOffice (250
 * distinct, copied under the other names: a conversion takes a second or more). Without
 * LibreOffice the PDFs are left out and the section says so.
 *
 *   node out/bench/run.js --only archives [--archive-docs 10000] [--archive-runs 2]
 *   node out/bench/archiveWorkspace.js [--docs 10000] [--runs 2]
 *
 * Prints figures; never asserts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { parseForIndex, parseWith } from '../server/src/core/lint';
import { packDocument } from '../server/src/core/workspace/documentEntry';
import { StringTable } from '../server/src/core/workspace/packedEntry';
import { councilDocumentsOnly } from '../server/src/node/councilFirstPage';
import { readDocument, readDocumentFile } from '../server/src/node/documentFiles';
import { layoutOfDraft } from '../server/src/node/export/exportDraft';
import { convertWithLibreOffice, findLibreOffice } from '../server/src/node/export/libreOffice';
import { wordDocument } from '../server/src/node/export/wordDocument';
import { generateCorpus, type GeneratedDocument } from '../test/fixtures/generate';
import { registerSection, type BenchContext } from './sections';
import { median, ms, p99 } from './stats';
import { SERVER, startServer, stopServer } from './serverSpawn';

type Printer = Pick<BenchContext, 'row' | 'record'>;

/** Distinct Word files and distinct PDFs made; the rest of each quarter are their copies. */
const DISTINCT = 250;
/** Files given to one LibreOffice run. */
const CONVERSION_BATCH = 25;
const HOVER_EVERY_MS = 50;

interface Made {
  dir: string;
  counts: { markdown: number; docx: number; pdf: number };
  /** Seconds spent making it now; 0 when it was made before. */
  madeIn: number;
  note?: string;
}

/** "13798-07.outcome.md" -> "13798-07.docx". */
const renamed = (fileName: string, ext: string) => fileName.replace(/\.outcome\.(?:md|txt)$/i, `.${ext}`);

/** Where the k-th document lies: a few hundred files per folder, as a real archive is sorted. */
const placeOf = (dir: string, k: number, name: string) => path.join(dir, String(Math.floor(k / 500)).padStart(3, '0'), name);

/** The workspace of `docs`: every fourth from the second a Word file, every fourth from the third a PDF, the rest Markdown. */
async function makeWorkspace(docs: GeneratedDocument[], log: (line: string) => void): Promise<Made> {
  const soffice = findLibreOffice();
  const dir = path.join(os.tmpdir(), `outcome-bench-archives-${docs.length}${soffice.ok ? '' : '-no-pdf'}`);
  const marker = path.join(dir, '.complete');
  const fingerprint = `${docs.reduce((n, d) => n + d.text.length, 0)} ${DISTINCT}`;
  const kindOf = (k: number) => (k % 4 === 1 ? 'docx' : k % 4 === 2 && soffice.ok ? 'pdf' : 'markdown');
  const counts = { markdown: 0, docx: 0, pdf: 0 };
  docs.forEach((_, k) => counts[kindOf(k)]++);
  const note = soffice.ok ? undefined : `no PDFs: ${soffice.reason}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === fingerprint) return { dir, counts, madeIn: 0, note };

  const started = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  const catalogue = loadBuiltInCatalogue();
  const words: { k: number; number: string; bytes: Uint8Array }[] = [];
  const pdfSources: { k: number; name: string; bytes: Uint8Array }[] = [];
  const pdfs: Buffer[] = [];
  for (let k = 0; k < docs.length; k++) {
    const d = docs[k];
    const kind = kindOf(k);
    const file = placeOf(dir, k, kind === 'markdown' ? d.fileName : renamed(d.fileName, kind));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (kind === 'markdown') {
      fs.writeFileSync(file, d.text);
      continue;
    }
    const distinct = kind === 'docx' ? words.length < DISTINCT : pdfSources.length < DISTINCT;
    if (!distinct) {
      if (kind === 'docx') {
        // A copy of a distinct Word file carrying this document's number.
        const from = words[k % words.length];
        fs.writeFileSync(file, withNumber(from.bytes, from.number, d.facts.number));
      }
      continue;
    }
    const layout = layoutOfDraft(d.text, catalogue);
    if (!layout.ok) throw new Error(`${d.fileName}: ${layout.reason}`);
    const bytes = await wordDocument(layout.layout, { initials: 'AB/cd', directorate: 'JAI.1' });
    if (kind === 'docx') {
      words.push({ k, number: d.facts.number, bytes });
      fs.writeFileSync(file, bytes);
    } else pdfSources.push({ k, name: renamed(d.fileName, 'docx'), bytes });
    if ((words.length + pdfSources.length) % 100 === 0) log(`  made ${words.length} Word files and ${pdfSources.length} for PDF`);
  }
  if (soffice.ok) {
    for (let at = 0; at < pdfSources.length; at += CONVERSION_BATCH) {
      const batch = pdfSources.slice(at, at + CONVERSION_BATCH);
      const converted = await convertWithLibreOffice(soffice.program, batch, 'pdf');
      if (!converted.ok) throw new Error(converted.reason);
      pdfs.push(...converted.outputs);
      log(`  converted ${pdfs.length} of ${pdfSources.length} to PDF`);
    }
    let distinct = 0;
    docs.forEach((d, k) => {
      if (kindOf(k) !== 'pdf') return;
      // The distinct ones under their own names, then copies of them under the others'.
      fs.writeFileSync(placeOf(dir, k, renamed(d.fileName, 'pdf')), pdfs[distinct++ % pdfs.length]);
    });
  }
  fs.writeFileSync(marker, fingerprint);
  return { dir, counts, madeIn: (performance.now() - started) / 1000, note };
}

/** The Word file with its document number changed wherever document.xml and the footers hold it. */
function withNumber(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const parts = unzipSync(bytes);
  for (const name of Object.keys(parts)) {
    if (!/^word\/(?:document|footer\d*)\.xml$/.test(name)) continue;
    parts[name] = strToU8(strFromU8(parts[name]).split(from).join(to));
  }
  return zipSync(parts);
}

interface Run {
  indexMs: number;
  /** CPU time of the server process, all its threads (the indexing workers too), from start to the end of indexing: what the machine's other load does not change. */
  cpuMs?: number;
  hovers: number[];
  /** When each hover was sent, ms after `initialized`. */
  sentAt: number[];
  /** Hovers that had content (a subject code's). */
  answered: number;
  /** The server's own line on the build: "… (9,750 read, 0 from the saved index)". */
  report?: string;
}

/** CPU time (user and system) of a process so far, from /proc (Linux), in ms. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** How long a run waits after indexing for the server to save its index (it saves a piece at a time between requests). */
const SAVE_TIMEOUT_MS = 120_000;

/** A draft open in the editor, not in the workspace, and where a hover on it needs nothing of the index: its first subject code. */
function draftProbe(text: string): { text: string; position: { line: number; character: number } } {
  const doc = parseWith(text, loadBuiltInCatalogue());
  const code = doc.header.subjectCodes[0];
  if (!code) throw new Error('the probe draft has no subject code');
  return { text, position: code.codeRange.start };
}

async function serverRun(folder: string, storage: string, probe: ReturnType<typeof draftProbe>): Promise<Run> {
  const { proc, connection } = startServer(SERVER);
  let hoverer: NodeJS.Timeout | undefined;
  try {
    const ended = new Promise<number>((resolve) => {
      connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
      connection.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
        if (p.value?.kind === 'end') resolve(performance.now());
      });
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    let report: string | undefined;
    let savedNow: () => void = () => undefined;
    const saved = new Promise<void>((resolve) => (savedNow = resolve));
    connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      if (/^Workspace index: \d+ outcome documents/.test(message)) report = message.replace(/^Workspace index: /, '');
      if (message.startsWith('Workspace index: saved to')) savedNow();
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
    const cpuAtStart = cpuMsOf(proc.pid!);
    const draft = pathToFileURL(path.join(storage, 'draft.outcome.md')).href;
    const started = performance.now();
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draft, languageId: 'council-outcome', version: 1, text: probe.text } });
    const hovers: Promise<[number, boolean]>[] = [];
    const sentAt: number[] = [];
    let indexing = true;
    const hover = () => {
      if (!indexing) return;
      const s = performance.now();
      sentAt.push(s - started);
      hovers.push(connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: probe.position }).then((h) => [performance.now() - s, h !== null]));
    };
    hover();
    hoverer = setInterval(hover, HOVER_EVERY_MS);
    const end = await ended;
    const cpuAtEnd = cpuMsOf(proc.pid!);
    indexing = false;
    clearInterval(hoverer);
    const answers = await Promise.all(hovers);
    const run: Run = { indexMs: end - started, hovers: answers.map(([ms]) => ms), sentAt, answered: answers.filter(([, has]) => has).length, report };
    if (cpuAtStart !== undefined && cpuAtEnd !== undefined) run.cpuMs = cpuAtEnd - cpuAtStart;
    // The next run starts from the index this one saves.
    await Promise.race([saved, new Promise((resolve) => setTimeout(resolve, SAVE_TIMEOUT_MS).unref())]);
    await stopServer(proc, connection);
    return run;
  } finally {
    clearInterval(hoverer);
    connection.dispose();
    if (proc.exitCode === null) proc.kill();
  }
}


/** A Word and a PDF file of the workspace, read as the indexing workers read them: both outcomes, read whole. */
async function sampleReads(dir: string): Promise<string> {
  const catalogue = loadBuiltInCatalogue();
  const out: string[] = [];
  for (const ext of ['docx', 'pdf']) {
    const sub = path.join(dir, '000');
    const name = fs.readdirSync(sub).find((n) => n.endsWith(`.${ext}`));
    if (!name) continue;
    const read = await readDocument(path.join(sub, name), councilDocumentsOnly(catalogue));
    const doc = read.ok ? parseWith(read.text, catalogue) : undefined;
    out.push(`${name}: ${!read.ok ? read.reason : read.firstPageOnly ? 'first page only' : `${doc!.kind}, ${doc!.header.number?.text}, ${doc!.sections.length} sections`}`);
  }
  return out.join('; ');
}

/** Files of each kind timed in this process (as one indexing worker reads and parses them), for the cold index's share of each. */
const PER_KIND_SAMPLE = 40;

/**
 * CPU time per file of each kind as one indexing worker spends it (read, first-page test,
 * parse, entry packed), and what the workspace's files of that kind come to: where a cold
 * index's time goes.
 */
async function perKind(dir: string, counts: Made['counts']): Promise<string> {
  const catalogue = loadBuiltInCatalogue();
  const firstPage = councilDocumentsOnly(catalogue);
  const sub = path.join(dir, '000');
  const names = fs.readdirSync(sub);
  const out: string[] = [];
  for (const [ext, count] of [['.md', counts.markdown], ['.docx', counts.docx], ['.pdf', counts.pdf]] as const) {
    const files = names.filter((n) => n.endsWith(ext)).slice(0, PER_KIND_SAMPLE).map((n) => path.join(sub, n));
    if (files.length === 0) continue;
    const index = async (file: string) => {
      const read = ext === '.md' ? readDocumentFile(file) : await readDocument(file, firstPage);
      if (read.ok) packDocument(parseForIndex(read.text, catalogue), catalogue, new StringTable());
    };
    for (const f of files.slice(0, 5)) await index(f);
    const start = process.cpuUsage();
    for (const f of files) await index(f);
    const used = process.cpuUsage(start);
    const each = (used.user + used.system) / 1000 / files.length;
    out.push(`${ext.slice(1)} ${ms(each)} (x ${count} = ${(each * count / 1000).toFixed(1)} s)`);
  }
  return out.join(', ');
}

export async function archiveFigures(ctx: Printer, docs: GeneratedDocument[], coldRuns: number): Promise<void> {
  if (!fs.existsSync(SERVER)) {
    ctx.row('language server', `not built: ${SERVER} is missing (npm run build)`);
    return;
  }
  const made = await makeWorkspace(docs, (line) => console.log(line));
  const { counts } = made;
  ctx.row('workspace', `${docs.length} files in ${made.dir}: ${counts.markdown} Markdown, ${counts.docx} Word (${Math.min(DISTINCT, counts.docx)} distinct), ${counts.pdf} PDF (${Math.min(DISTINCT, counts.pdf)} distinct)${made.note ? `; ${made.note}` : ''}`);
  if (made.madeIn > 0) ctx.row('made in', `${made.madeIn.toFixed(0)} s (once: kept for the next runs)`);
  ctx.row('a Word and a PDF file as the workers read them', await sampleReads(made.dir));
  // In this process, whose heap holds the generated corpus (collections cost more): an upper bound, for the shares.
  ctx.row('CPU per file as a worker indexes it (this process)', await perKind(made.dir, counts));
  const probe = draftProbe(docs[0].text);
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-bench-archive-storage-'));
  try {
    const cold: Run[] = [];
    for (let i = 0; i < coldRuns; i++) {
      fs.rmSync(path.join(storage, 'workspace-index.json'), { force: true });
      cold.push(await serverRun(made.dir, storage, probe));
    }
    const warm = await serverRun(made.dir, storage, probe);
    const times = cold.map((r) => r.indexMs);
    ctx.row('cold index (target <= 30 s)', `median ${ms(median(times))} of ${cold.length} (${times.map(ms).join(', ')}); ${cold[0].report ?? 'no report from the server'}`);
    const cpu = cold.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
    if (cpu.length > 0) ctx.row('cold index: CPU time of the server process', `median ${ms(median(cpu))} (all threads; ${(median(cpu) / median(times)).toFixed(2)} cores busy on average)`);
    ctx.row('warm start from the saved index (target <= 1 s)', `${ms(warm.indexMs)}; ${warm.report ?? 'no report from the server'}`);
    const hovers = cold.flatMap((r) => r.hovers);
    const late = hovers.filter((x) => x > HOVER_EVERY_MS).length;
    ctx.row(`hover while indexing cold (every ${HOVER_EVERY_MS} ms)`, `${hovers.length} hovers (${cold.reduce((n, r) => n + r.answered, 0)} with content): median ${ms(median(hovers))}, p99 ${ms(p99(hovers))}, max ${ms(Math.max(...hovers))}; ${late} over ${HOVER_EVERY_MS} ms (target: none)`);
    const slowest = cold
      .flatMap((r, k) => r.hovers.map((x, i) => ({ x, at: r.sentAt[i], k })))
      .sort((a, b) => b.x - a.x)
      .slice(0, 5);
    ctx.row('slowest hovers while indexing cold', slowest.map((h) => `${ms(h.x)} (run ${h.k + 1}, sent at ${(h.at / 1000).toFixed(1)} s)`).join(', '));
    ctx.row('hover during the warm start', `${warm.hovers.length} hovers: max ${ms(Math.max(...warm.hovers))}`);
    ctx.record('archives.coldIndexMs', median(times));
    ctx.record('archives.warmStartMs', warm.indexMs);
    ctx.record('archives.hoverP99Ms', p99(hovers));
    ctx.record('archives.hoverMaxMs', Math.max(...hovers));
  } finally {
    fs.rmSync(storage, { recursive: true, force: true });
  }
}

registerSection('archives', async (ctx) => {
  const at = ctx.argv.indexOf('--archive-docs');
  const count = at >= 0 ? Number(ctx.argv[at + 1]) : ctx.corpus().length;
  const runs = ctx.argv.indexOf('--archive-runs');
  await archiveFigures(ctx, count === ctx.corpus().length ? ctx.corpus() : generateCorpus(count, 1), runs >= 0 ? Number(ctx.argv[runs + 1]) : 2);
});

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const ctx: Printer = { row: (label, value) => console.log(`  ${label.padEnd(58)} ${value}`), record: () => undefined };
  archiveFigures(ctx, generateCorpus(Number(option('--docs')) || 10_000, 1), Number(option('--runs')) || 2).then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
