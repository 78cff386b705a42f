/**
 * The bench's section registry. A section is a named async function that prints figures (never
 * asserts). `bench/run.ts` runs the built-in sections (core, markdownlint) and then every section
 * registered here, in registration order.
 *
 * To add one (e.g. `bench/lsp.ts`, `bench/workspace.ts`):
 *
 *   import { registerSection } from './sections';
 *   registerSection('lsp', async (ctx) => {
 *     const docs = ctx.corpus();                 // the 10,000 generated documents (shared, built once)
 *     const t = ctx.timer();  ...;  ctx.row('didOpen -> diagnostics', ctx.fmtMs(t()));
 *   });
 *
 * run.ts loads `./lsp` and `./workspace` if they exist (nothing else to wire). Another file can be
 * added to the `OPTIONAL_SECTIONS` list in run.ts.
 */
import type { GeneratedDocument } from '../test/fixtures/generate';

export interface BenchContext {
  /** The generated corpus (10,000 documents unless --docs N), built once and shared. */
  corpus(): GeneratedDocument[];
  /** The real corpus documents (TEMPLATE.md's four outcome documents): name and text. */
  realDocuments(): { name: string; text: string }[];
  /** One generated ~60 KB document. */
  bigDocument(): string;
  /** Prints a labelled figure, aligned with the other rows. */
  row(label: string, value: string): void;
  /** Records a figure for --json output (key like "core.mbPerSecond"). */
  record(key: string, value: number): void;
  /** Starts a timer; calling the result gives elapsed milliseconds. */
  timer(): () => number;
  /** Latency summary of samples in nanoseconds. */
  stats(samplesNs: number[]): LatencyStats;
  fmtMs(ms: number): string;
  /** Command-line arguments after `node out/bench/run.js`. */
  argv: string[];
}

export interface LatencyStats {
  count: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
}

export type SectionFn = (ctx: BenchContext) => Promise<void>;

const registry: { name: string; fn: SectionFn }[] = [];

/** Registers a bench section; a second registration under the same name replaces the first. */
export function registerSection(name: string, fn: SectionFn): void {
  const i = registry.findIndex((s) => s.name === name);
  if (i >= 0) registry[i] = { name, fn };
  else registry.push({ name, fn });
}

export function registeredSections(): readonly { name: string; fn: SectionFn }[] {
  return registry;
}
