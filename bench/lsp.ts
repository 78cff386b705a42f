/**
 * Language-server latency, through the protocol: the bundle (dist/server.js) spawned over stdio,
 * as an editor runs it. Prints figures; never asserts.
 *
 *   npm run bench                    # run.ts loads this file as the "lsp" section
 *   node out/bench/lsp.js            # this section alone (after npm run build)
 *
 * (a) edit -> diagnostics: a one-character incremental didChange, then a diagnostic pull right
 *     after it, timed to the report; ≥ 200 edits at varied places of a ~60 KB document. The
 *     server-side share is `lintText` on the same texts in this process (what the server does
 *     once per version).
 * (b) completion: ≥ 500 requests at varied positions (word ends in the text, the code block,
 *     line starts in the body), round trip; and `completionsAt` alone in this process.
 */
import * as fs from 'node:fs';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { completionsAt } from '../server/src/core/editing/completion';
import { lintText } from '../server/src/core/lint';
import { generateDocument, mulberry32, type Rng } from '../test/fixtures/generate';
import { registerSection, type BenchContext, type LatencyStats } from './sections';
import { SERVER, startServer } from './serverSpawn';

const EDITS = 240;
const COMPLETIONS = 600;
const URI = 'untitled:bench.outcome.md';

type Printer = Pick<BenchContext, 'row' | 'record' | 'stats' | 'fmtMs'>;

export async function lspSection(text: string, out: Printer): Promise<void> {
  if (!fs.existsSync(SERVER)) {
    out.row('language server', `not built: ${SERVER} is missing (npm run build)`);
    return;
  }
  const rng = mulberry32(7);
  const { proc, connection } = startServer();
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'council-outcome', version: 1, text } });
    await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } });
    out.row('document', `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${text.split('\n').length} lines`);

    // (a) Each edit types one character into a body line, the next one deletes it: the text
    // alternates between two versions, as when a drafter types and corrects.
    const lines = text.split('\n');
    const bodyLines = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > 40 && l.length > 20);
    const roundTrips: number[] = [];
    const texts: string[] = [];
    let version = 1;
    for (let k = 0; k < EDITS; k++) {
      const { l, i } = bodyLines[Math.floor(rng() * bodyLines.length)];
      const at: Position = { line: i, character: Math.floor(rng() * l.length) };
      const t0 = process.hrtime.bigint();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version: ++version },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
      await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } });
      roundTrips.push(Number(process.hrtime.bigint() - t0));
      if (k < 20) texts.push([...lines.slice(0, i), l.slice(0, at.character) + 'x' + l.slice(at.character), ...lines.slice(i + 1)].join('\n'));
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: URI, version: ++version },
        contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }],
      });
    }
    const catalogue = loadBuiltInCatalogue();
    const lintSamples: number[] = [];
    for (let k = 0; k < EDITS; k++) {
      const t = texts[k % texts.length];
      const t0 = process.hrtime.bigint();
      lintText(t, catalogue);
      lintSamples.push(Number(process.hrtime.bigint() - t0));
    }
    report(out, '(a) didChange -> diagnostic report (round trip)', out.stats(roundTrips), 'lsp.editToDiagnostics');
    report(out, '    of which lintText (parse + rules, in process)', out.stats(lintSamples), 'lsp.lintText');

    // (b) Completion where a drafter asks for it.
    await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } });
    const positions = completionPositions(lines, rng, COMPLETIONS);
    // The first requests build the server's name tables once: not what a drafter waits for.
    for (const position of positions.slice(0, 20)) await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position });
    const completionTrips: number[] = [];
    for (const position of positions) {
      const t0 = process.hrtime.bigint();
      await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position });
      completionTrips.push(Number(process.hrtime.bigint() - t0));
    }
    const document = lintText(text, catalogue).document;
    const completionSamples: number[] = [];
    let items = 0;
    completionsAt(document, catalogue, positions[0]);
    for (const position of positions) {
      const t0 = process.hrtime.bigint();
      items += completionsAt(document, catalogue, position).items.length;
      completionSamples.push(Number(process.hrtime.bigint() - t0));
    }
    report(out, `(b) completion, ${positions.length} requests (round trip)`, out.stats(completionTrips), 'lsp.completion');
    report(out, `    of which completionsAt (in process, ${(items / positions.length).toFixed(1)} items on average)`, out.stats(completionSamples), 'lsp.completionsAt');

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
  } finally {
    connection.dispose();
    if (proc.exitCode === null) proc.kill();
  }
}

/** Word ends anywhere (catalogue names), line starts (labels, headings) and code-block lines. */
function completionPositions(lines: string[], rng: Rng, n: number): Position[] {
  const out: Position[] = [];
  while (out.length < n) {
    const line = Math.floor(rng() * lines.length);
    const text = lines[line];
    const wordEnds = [...text.matchAll(/[A-Z]{3,}/gi)].map((m) => m.index + 3);
    out.push({ line, character: wordEnds.length && rng() < 0.8 ? wordEnds[Math.floor(rng() * wordEnds.length)] : 0 });
  }
  return out;
}

function report(out: Printer, label: string, s: LatencyStats, key: string): void {
  out.row(label, `median ${out.fmtMs(s.medianMs)}   p99 ${out.fmtMs(s.p99Ms)}   max ${out.fmtMs(s.maxMs)}`);
  out.record(`${key}.medianMs`, s.medianMs);
  out.record(`${key}.p99Ms`, s.p99Ms);
}

registerSection('lsp', (ctx) => lspSection(ctx.bigDocument(), ctx));

/** Alone: the same ~60 KB document run.ts uses, figures printed the same way. */
if (require.main === module) {
  const stats = (samplesNs: number[]): LatencyStats => {
    const ms = samplesNs.map((n) => n / 1e6).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
    return { count: ms.length, medianMs: at(0.5), p99Ms: at(0.99), meanMs: ms.reduce((a, b) => a + b, 0) / ms.length, maxMs: ms[ms.length - 1] };
  };
  const printer: Printer = {
    row: (label, value) => console.log(`  ${label.padEnd(46)} ${value}`),
    record: () => undefined,
    stats,
    fmtMs: (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`),
  };
  console.log('== lsp');
  lspSection(generateDocument(mulberry32(60), { targetBytes: 60 * 1024 }).text, printer).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
