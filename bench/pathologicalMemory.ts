/**
 * Child process of the "pathological" bench section: checks one input of
 * test/fixtures/pathological.ts at 1 MB once, and prints as JSON the process's peak resident
 * memory, what it was before the check (Node, the catalogue and the text), and the heap the
 * result holds. A process per input, so that no input's peak is another's.
 *
 *   node --expose-gc out/bench/pathologicalMemory.js '"1. x" lines in a section'
 */
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { lintText } from '../server/src/core/lint';
import { PATHOLOGICAL_INPUTS } from '../test/fixtures/pathological';

const input = PATHOLOGICAL_INPUTS.find((p) => p.name === process.argv[2]);
if (!input) throw new Error(`no pathological input named ${process.argv[2]}`);
const catalogue = loadBuiltInCatalogue();
const text = input.build(1 << 20);
// Run with --expose-gc: the heap is measured without the garbage of building the text.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
collect();
const before = process.memoryUsage();
const beforePeak = process.resourceUsage().maxRSS * 1024;
const result = lintText(text, catalogue);
const peak = process.resourceUsage().maxRSS * 1024;
collect();
process.stdout.write(JSON.stringify({ peakRss: peak, rssBefore: Math.max(before.rss, beforePeak), heapHeld: process.memoryUsage().heapUsed - before.heapUsed, findings: result.findings.length }));
