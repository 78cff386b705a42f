import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalogue } from '../../server/src/core/catalogue/catalogue';
import { lintText } from '../../server/src/core/lint';
import { mulberry32 } from '../fixtures/generate';
import { checkDocument, type ProblemKind } from './check';
import { mutate } from './mutate';

/** The real documents beside the checkout (../shared/corpus), every text file in it. */
const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

function corpusDocuments(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(?:md|txt)$/.test(entry.name)) out.push({ name: path.relative(CORPUS, file), text: fs.readFileSync(file, 'utf8') });
    }
  };
  walk(CORPUS);
  return out;
}

export interface FuzzCase {
  index: number;
  source: string;
  applied: string[];
  detail: string;
}

export interface FuzzReport {
  byKind: Map<ProblemKind, FuzzCase[]>;
  count: (kind: ProblemKind) => number;
  total: number;
  fixesApplied: number;
  bytes: number;
  slowest?: { index: number; bytes: number; ms: number; msPerMB: number; applied: string[] };
}

/** Below this size a document's time is mostly fixed cost, not a rate. */
const MIN_BYTES_FOR_RATE = 4096;

/** Documents that looked slowest, timed again at the end. */
const SLOWEST_KEPT = 10;

/** The least time of `runs` checks of `text`, in milliseconds. */
function leastTime(text: string, catalogue: Catalogue, runs: number, first = Infinity): number {
  let ms = first;
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    lintText(text, catalogue);
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms;
}

/**
 * Runs `count` mutated documents, the same ones for the same seed. A garbage collection, or
 * the machine busy with other work, can fall within one document's time: the time per MB of a
 * document that looks slow is taken again (the least of three), and the few that look slowest
 * once more at the end (the least of ten), when the run's own garbage is gone.
 */
export function fuzz(options: { count: number; seed: number; catalogue: Catalogue; onProgress?: (done: number) => void; keep?: (index: number, text: string) => void }): FuzzReport {
  const docs = corpusDocuments();
  const rng = mulberry32(options.seed);
  const byKind = new Map<ProblemKind, FuzzCase[]>();
  let fixesApplied = 0;
  let bytes = 0;
  const slow: (NonNullable<FuzzReport['slowest']> & { text: string })[] = [];
  for (let index = 0; index < options.count; index++) {
    const source = docs[Math.floor(rng() * docs.length)];
    const { text, applied } = mutate(source.text, rng);
    bytes += text.length;
    options.keep?.(index, text);
    const result = checkDocument(text, options.catalogue);
    fixesApplied += result.fixesApplied;
    for (const p of result.problems) {
      if (!byKind.has(p.kind)) byKind.set(p.kind, []);
      byKind.get(p.kind)!.push({ index, source: source.name, applied, detail: p.detail });
    }
    if (text.length >= MIN_BYTES_FOR_RATE) {
      const rate = (t: number) => t / (text.length / 1e6);
      const least = slow[slow.length - 1];
      if (slow.length < SLOWEST_KEPT || rate(result.ms) > least.msPerMB) {
        const ms = leastTime(text, options.catalogue, 2, result.ms);
        if (slow.length < SLOWEST_KEPT || rate(ms) > least.msPerMB) {
          slow.push({ index, bytes: text.length, ms, msPerMB: rate(ms), applied, text });
          slow.sort((a, b) => b.msPerMB - a.msPerMB);
          slow.length = Math.min(slow.length, SLOWEST_KEPT);
        }
      }
    }
    if (options.onProgress && (index + 1) % 500 === 0) options.onProgress(index + 1);
  }
  let slowest: FuzzReport['slowest'];
  for (const { text, ...doc } of slow) {
    const ms = leastTime(text, options.catalogue, 10, doc.ms);
    const msPerMB = ms / (text.length / 1e6);
    if (!slowest || msPerMB > slowest.msPerMB) slowest = { ...doc, ms, msPerMB };
  }
  let total = 0;
  for (const cases of byKind.values()) total += cases.length;
  return { byKind, count: (kind) => byKind.get(kind)?.length ?? 0, total, fixesApplied, bytes, slowest };
}
