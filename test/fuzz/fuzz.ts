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

/**
 * Runs `count` mutated documents, the same ones for the same seed. The time per MB of a
 * document that looks slow is taken again (the least of three) so that a garbage collection
 * falling within it is not counted as the document's.
 */
export function fuzz(options: { count: number; seed: number; catalogue: Catalogue; onProgress?: (done: number) => void; keep?: (index: number, text: string) => void }): FuzzReport {
  const docs = corpusDocuments();
  const rng = mulberry32(options.seed);
  const byKind = new Map<ProblemKind, FuzzCase[]>();
  let fixesApplied = 0;
  let bytes = 0;
  let slowest: FuzzReport['slowest'];
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
      let ms = result.ms;
      const rate = (t: number) => t / (text.length / 1e6);
      if (!slowest || rate(ms) > slowest.msPerMB) {
        for (let k = 0; k < 2; k++) {
          const t0 = process.hrtime.bigint();
          lintText(text, options.catalogue);
          ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
        }
        if (!slowest || rate(ms) > slowest.msPerMB) slowest = { index, bytes: text.length, ms, msPerMB: rate(ms), applied };
      }
    }
    if (options.onProgress && (index + 1) % 500 === 0) options.onProgress(index + 1);
  }
  let total = 0;
  for (const cases of byKind.values()) total += cases.length;
  return { byKind, count: (kind) => byKind.get(kind)?.length ?? 0, total, fixesApplied, bytes, slowest };
}
