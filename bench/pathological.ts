/**
 * Bench section "pathological": each input of test/fixtures/pathological.ts at 1 MB through
 * parse + validate (the least of three runs, ms per MB of wall-clock time and of the process's
 * CPU time, which a machine busy with other work inflates less; and how many findings), the
 * peak resident memory of a process that checks it once (pathologicalMemory.ts), and
 * parsing's rate on a 200 KB and a 2 MB generated document (linear parsing: the second should
 * take at most twice the time per MB of the first).
 *
 *   node out/bench/run.js --only pathological
 */
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { parse } from '../server/src/core/document/parse';
import { completionsAt } from '../server/src/core/editing/completion';
import { lintText } from '../server/src/core/lint';
import { PATHOLOGICAL_INPUTS, wordThenFullStop } from '../test/fixtures/pathological';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { registerSection, type BenchContext } from './sections';

const MB = 1 << 20;

function leastOf(runs: number, ctx: BenchContext, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = ctx.timer();
    f();
    best = Math.min(best, t());
  }
  return best;
}

registerSection('pathological', async (ctx) => {
  const catalogue = loadBuiltInCatalogue();
  for (const input of PATHOLOGICAL_INPUTS) {
    const text = input.build(MB);
    let findings = 0;
    let cpuMs = Infinity;
    const ms = leastOf(3, ctx, () => {
      const cpu = process.cpuUsage();
      findings = lintText(text, catalogue).findings.length;
      const used = process.cpuUsage(cpu);
      cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
    });
    const mb = text.length / MB;
    const memory = JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'pathologicalMemory.js'), input.name], { encoding: 'utf8' })) as { peakRss: number; rssBefore: number; heapHeld: number };
    const inMB = (bytes: number) => (bytes / MB).toFixed(0);
    ctx.row(`${input.name} (1 MB)`, `${(ms / mb).toFixed(1)} ms/MB (CPU ${(cpuMs / mb).toFixed(1)}), ${findings} findings; peak ${inMB(memory.peakRss)} MB resident (${inMB(memory.rssBefore)} before the check), result ${inMB(memory.heapHeld)} MB of heap`);
    ctx.record(`pathological.${input.name}.msPerMB`, ms / mb);
    ctx.record(`pathological.${input.name}.cpuMsPerMB`, cpuMs / mb);
    ctx.record(`pathological.${input.name}.peakRssMB`, memory.peakRss / MB);
  }
  const { text, line, character } = wordThenFullStop(32 * 1024);
  const { document } = lintText(text, catalogue);
  ctx.row('completion after a 32 KB word and "."', ctx.fmtMs(leastOf(3, ctx, () => completionsAt(document, catalogue, { line, character }))));

  // Parsing's rate at two sizes: documents of the generated corpus joined end to end.
  const docs = ctx.corpus().map((d) => d.text);
  const joined = (bytes: number) => {
    let out = '';
    for (let i = 0; out.length < bytes; i++) out += docs[i % docs.length] + '\n';
    return out;
  };
  const rate = (bytes: number) => {
    const t = joined(bytes);
    parse(t);
    return leastOf(3, ctx, () => parse(t)) / (t.length / MB);
  };
  const small = rate(200 * 1024);
  const large = rate(2 * MB);
  ctx.row('parse, 200 KB document', `${small.toFixed(1)} ms/MB`);
  ctx.row('parse, 2 MB document', `${large.toFixed(1)} ms/MB (${(large / small).toFixed(2)}x the 200 KB rate)`);
  ctx.record('pathological.parse200KB.msPerMB', small);
  ctx.record('pathological.parse2MB.msPerMB', large);
});
