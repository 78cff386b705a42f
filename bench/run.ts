/**
 * Outcome Drafting benchmark. Prints figures; never asserts, never fails on a slow result.
 *
 *   npm run bench                      # build, then: node out/bench/run.js
 *   node out/bench/run.js --docs 2000  # a smaller generated corpus (default 10000)
 *   node out/bench/run.js --only core  # comma-separated section names
 *   node out/bench/run.js --json bench-results.json   # also write the recorded figures
 *   node out/bench/run.js --markdownlint-docs 10000   # markdownlint on that many of the documents
 *                                                     # (default 1000, evenly spaced: it runs at well
 *                                                     # under 1 MB/s, so all 10,000 take ~9 minutes;
 *                                                     # the ratio compares MB/s, size-normalised)
 *
 * Sections, in order:
 *   core          "validation" = parse + validate (core/lint.ts `lintText`, the entry point the CLI and
 *                 the server share) on one thread: MB/s and per-document latency (median, p99) for
 *                 the four real corpus documents, a generated ~60 KB document and 10,000 generated
 *                 documents; peak RSS and heapUsed sampled during the runs.
 *   markdownlint  markdownlint's default rules over the same generated documents, and the ratio.
 *   cli           outcome-lint mentions against grep -rn on the generated folder, and outcome-lint over it (peak RSS).
 *   ...then every section registered through bench/sections.ts.
 *
 * Adding a section (protocol latency, workspace index timings, ...): create `bench/lsp.ts` or
 * `bench/workspace.ts` that calls `registerSection(name, async (ctx) => { ... })` from
 * `./sections`; run.ts loads those two files when they exist. For another file name, add it to
 * OPTIONAL_SECTIONS below. `ctx` gives the shared generated corpus, the real documents, the 60 KB
 * document, timing and printing helpers (see BenchContext in bench/sections.ts).
 *
 * Targets named by the issue (for the reader; not asserted): >= 100 MB/s validation on one core,
 * 60 KB document <= 0.6 ms median, >= 5x faster than markdownlint.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus, generateDocument, mulberry32, type GeneratedDocument } from '../test/fixtures/generate';
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { parse } from '../server/src/core/document/parse';
import { validate } from '../server/src/core/rules/validate';
import { lintText } from '../server/src/core/lint';
import { registerSection, registeredSections, type BenchContext, type LatencyStats } from './sections';

/** Files loaded if present (compiled names, next to run.js); each registers its own section(s). */
const OPTIONAL_SECTIONS = ['lsp', 'workspace', 'vscode', 'pdf', 'wordReader', 'archiveWorkspace', 'export', 'catalogueFiles', 'pathological', 'cli'];

/** out/bench/run.js -> the checkout's sibling shared/corpus. */
const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');
const REAL_OUTCOME_FILES = ['13228-11.md', '10483-17.md', '9278-18.md', '7725-23.md'];

// ---------------------------------------------------------------------------------------------
// Arguments, printing, memory sampling

const argv = process.argv.slice(2);
function argValue(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
const DOCS = Number(argValue('--docs') ?? 10000);
const ONLY = argValue('--only')?.split(',').map((s) => s.trim());
const JSON_OUT = argValue('--json');
const ML_DOCS = argValue('--markdownlint-docs') !== undefined ? Number(argValue('--markdownlint-docs')) : 1000;

const results: Record<string, number> = {};
const MB = 1024 * 1024;

let peakRss = 0;
let peakHeap = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}
function resetPeaks(): void {
  peakRss = 0;
  peakHeap = 0;
  sampleMemory();
}

function heading(s: string): void {
  console.log(`\n== ${s} ${'='.repeat(Math.max(0, 70 - s.length))}`);
}
function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(46)} ${value}`);
}
function fmtMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`;
}
function fmtMB(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
function timer(): () => number {
  const t0 = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - t0) / 1e6;
}
function stats(samplesNs: number[]): LatencyStats {
  const s = Float64Array.from(samplesNs).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] / 1e6;
  let sum = 0;
  for (const x of s) sum += x;
  return { count: s.length, medianMs: at(0.5), p99Ms: at(0.99), meanMs: sum / s.length / 1e6, maxMs: s[s.length - 1] / 1e6 };
}

// ---------------------------------------------------------------------------------------------
// Shared inputs

let corpusCache: GeneratedDocument[] | undefined;
let realCache: { name: string; text: string }[] | undefined;
let bigCache: string | undefined;

function corpus(): GeneratedDocument[] {
  if (!corpusCache) {
    const t = timer();
    corpusCache = generateCorpus(DOCS, 1);
    const bytes = corpusCache.reduce((a, d) => a + d.facts.bytes, 0);
    row(`generated corpus (${DOCS} documents)`, `${fmtMB(bytes)} in ${(t() / 1000).toFixed(2)} s`);
    sampleMemory();
  }
  return corpusCache;
}
function realDocuments(): { name: string; text: string }[] {
  if (!realCache) {
    realCache = [];
    for (const name of REAL_OUTCOME_FILES) {
      const file = path.join(CORPUS_DIR, name);
      if (fs.existsSync(file)) realCache.push({ name, text: fs.readFileSync(file, 'utf8') });
    }
    if (realCache.length === 0) row('real corpus', `not found at ${CORPUS_DIR}`);
  }
  return realCache;
}
function bigDocument(): string {
  bigCache ??= generateDocument(mulberry32(60), { targetBytes: 60 * 1024 }).text;
  return bigCache;
}

const ctx: BenchContext = {
  corpus, realDocuments, bigDocument, row, timer, stats, fmtMs, argv,
  record: (key, value) => {
    results[key] = value;
  },
};

// ---------------------------------------------------------------------------------------------
// Measuring

interface Pass {
  bytes: number;
  ms: number;
  samplesNs: number[];
  sink: number;
}

/** Runs `fn` on each text once, timing each call; samples memory every `memEvery` calls. */
function pass(texts: string[], fn: (text: string) => number, memEvery = 250): Pass {
  const samplesNs = new Array<number>(texts.length);
  let bytes = 0;
  let sink = 0;
  let ns = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    const t0 = process.hrtime.bigint();
    sink += fn(t);
    const d = Number(process.hrtime.bigint() - t0);
    samplesNs[i] = d;
    ns += d;
    bytes += Buffer.byteLength(t, 'utf8');
    if (i % memEvery === 0) sampleMemory();
  }
  sampleMemory();
  return { bytes, ms: ns / 1e6, samplesNs, sink };
}

/** Repeats one text `n` times. */
function repeat(text: string, n: number, fn: (text: string) => number): Pass {
  return pass(new Array<string>(n).fill(text), fn, 100);
}

function mbps(p: { bytes: number; ms: number }): number {
  return p.bytes / MB / (p.ms / 1000);
}

function report(label: string, p: Pass, key: string): void {
  const s = stats(p.samplesNs);
  row(label, `${mbps(p).toFixed(1).padStart(7)} MB/s   median ${fmtMs(s.medianMs)}   p99 ${fmtMs(s.p99Ms)}`);
  results[`${key}.mbPerSecond`] = mbps(p);
  results[`${key}.medianMs`] = s.medianMs;
  results[`${key}.p99Ms`] = s.p99Ms;
}

// ---------------------------------------------------------------------------------------------
// core

const catalogue = loadBuiltInCatalogue();
const validateText = (text: string) => lintText(text, catalogue).findings.length;
const parseOnly = (text: string) => parse(text, { isKnownCode: (c) => catalogue.subjectCode(c) !== undefined }).lineCount;

registerSection('core', async () => {
  const docs = corpus();
  const texts = docs.map((d) => d.text);
  const real = realDocuments();
  const big = bigDocument();
  resetPeaks();
  const base = process.memoryUsage();
  row('before validating (corpus texts in memory)', `RSS ${fmtMB(base.rss)}, heapUsed ${fmtMB(base.heapUsed)}`);

  // Warm-up: let the JIT settle on every code path before anything is timed.
  const warm = timer();
  pass(texts.slice(0, Math.min(2000, texts.length)), validateText);
  for (const r of real) repeat(r.text, 200, validateText);
  repeat(big, 300, validateText);
  row('warm-up', `${(warm() / 1000).toFixed(2)} s`);

  // (a) the real documents
  console.log('  (a) real corpus documents, 500 runs each');
  const all: Pass = { bytes: 0, ms: 0, samplesNs: [], sink: 0 };
  for (const r of real) {
    const p = repeat(r.text, 500, validateText);
    report(`    ${r.name} (${(Buffer.byteLength(r.text) / 1024).toFixed(1)} KB, ${p.sink / 500} findings)`, p, `core.real.${r.name}`);
    all.bytes += p.bytes;
    all.ms += p.ms;
    all.samplesNs.push(...p.samplesNs);
  }
  if (real.length > 0) report('    all four', all, 'core.real');

  // (b) one generated ~60 KB document
  const pb = repeat(big, 3000, validateText);
  report(`(b) generated ${(Buffer.byteLength(big) / 1024).toFixed(1)} KB document, 3000 runs`, pb, 'core.big');

  // (c) the generated corpus, three passes; the median pass is reported
  const passes: Pass[] = [];
  for (let k = 0; k < 3; k++) passes.push(pass(texts, validateText));
  passes.sort((x, y) => x.ms - y.ms);
  const pc = passes[1];
  report(`(c) ${texts.length} generated documents (${fmtMB(pc.bytes)})`, pc, 'core.corpus');
  row('    passes (ms)', passes.map((p) => p.ms.toFixed(0)).join(', '));
  const findings = pc.sink;
  const errors = docs.reduce((a, d) => a + lintText(d.text, catalogue).findings.filter((f) => f.severity === 'error').length, 0);
  row('    findings in the corpus', `${findings} (${errors} error-level)`);

  row('peak RSS (sampled during validation)', fmtMB(peakRss));
  row('peak heapUsed (sampled during validation)', fmtMB(peakHeap));
  results['core.peakRssMB'] = peakRss / MB;
  results['core.peakHeapUsedMB'] = peakHeap / MB;

  // Breakdown: parse alone, then the rules alone on parsed documents (in chunks, to hold few trees)
  const pp = pass(texts, parseOnly);
  row('    of which parse', `${mbps(pp).toFixed(1).padStart(7)} MB/s   (${((pp.ms / pc.ms) * 100).toFixed(0)}% of validation time)`);
  results['core.parse.mbPerSecond'] = mbps(pp);
  let vms = 0;
  let sink = 0;
  for (let i = 0; i < texts.length; i += 500) {
    const parsed = texts.slice(i, i + 500).map((t) => parse(t, { isKnownCode: (c) => catalogue.subjectCode(c) !== undefined }));
    const tv = timer();
    for (const d of parsed) sink += validate(d, catalogue).length;
    vms += tv();
  }
  row('    of which rules (validate on parsed)', `${(pc.bytes / MB / (vms / 1000)).toFixed(1).padStart(7)} MB/s   (${((vms / pc.ms) * 100).toFixed(0)}%, ${sink} findings)`);
  results['core.rules.mbPerSecond'] = pc.bytes / MB / (vms / 1000);
});

// ---------------------------------------------------------------------------------------------
// markdownlint

type LintSync = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;
// tsc (module: commonjs) would turn import() into require(); markdownlint is ESM-only.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ lint: LintSync }>;

registerSection('markdownlint', async () => {
  let lint: LintSync;
  try {
    lint = (await importEsm('markdownlint/sync')).lint;
  } catch (e) {
    row('markdownlint', `not available: ${(e as Error).message}`);
    return;
  }
  const all = corpus().map((d) => d.text);
  const step = ML_DOCS && ML_DOCS < all.length ? all.length / ML_DOCS : 1;
  const texts = step === 1 ? all : Array.from({ length: ML_DOCS! }, (_x, i) => all[Math.floor(i * step)]);
  const lintOne = (text: string) => (lint({ strings: { doc: text } }).doc ?? []).length;
  resetPeaks();
  const warm = timer();
  pass(texts.slice(0, Math.min(100, texts.length)), lintOne);
  row('warm-up', `${(warm() / 1000).toFixed(2)} s`);
  const p = pass(texts, lintOne);
  report(`${texts.length}${step === 1 ? '' : ` of the ${all.length}`} generated documents, default rules`, p, 'markdownlint.corpus');
  row('    issues reported', String(p.sink));
  const big = bigDocument();
  const pb = repeat(big, 30, lintOne);
  report(`generated ${(Buffer.byteLength(big) / 1024).toFixed(1)} KB document, 30 runs`, pb, 'markdownlint.big');
  row('peak RSS (sampled)', fmtMB(peakRss));
  const ours = results['core.corpus.mbPerSecond'];
  if (ours !== undefined) {
    const ratio = ours / mbps(p);
    results['markdownlint.ratio'] = ratio;
    row('ratio (corpus throughput)', `outcome-lint is ${ratio.toFixed(1)}× faster than markdownlint`);
    const bigOurs = results['core.big.medianMs'];
    if (bigOurs !== undefined) row('ratio (60 KB median latency)', `${(stats(pb.samplesNs).medianMs / bigOurs).toFixed(1)}×`);
  }
});

// ---------------------------------------------------------------------------------------------
// Optional sections from other files, then run

function loadOptionalSections(): void {
  for (const name of OPTIONAL_SECTIONS) {
    if (fs.existsSync(path.join(__dirname, `${name}.js`))) {
      try {
        // Optional sections register themselves when loaded; their presence is only known at run time.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(`./${name}`);
      } catch (e) {
        console.log(`(bench/${name}: could not load: ${(e as Error).message})`);
      }
    }
  }
}

async function main(): Promise<void> {
  loadOptionalSections();
  console.log('Outcome Drafting bench');
  row('node', `${process.version} ${os.platform()}-${os.arch()}`);
  row('cpu', `${os.cpus()[0]?.model ?? '?'} (${os.cpus().length} logical; measurements on one thread)`);
  row('load average (1, 5, 15 min)', os.loadavg().map((x) => x.toFixed(2)).join(', ') + '  (other load skews the figures)');
  for (const { name, fn } of registeredSections()) {
    if (ONLY && !ONLY.includes(name)) continue;
    heading(name);
    const t = timer();
    try {
      await fn(ctx);
    } catch (e) {
      console.log(`  section failed: ${(e as Error).stack ?? e}`);
    }
    row('section time', `${(t() / 1000).toFixed(1)} s`);
  }
  if (JSON_OUT) {
    fs.writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, docs: DOCS, results }, null, 2) + '\n');
    console.log(`\nfigures written to ${JSON_OUT}`);
  }
}

void main();
