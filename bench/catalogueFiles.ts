/**
 * Bench section "catalogue": the language server's loading of extra catalogue files (read,
 * validated a slice at a time, each problem placed in its file), whole, and the longest stretch
 * it held the thread (the event loop's largest delay meanwhile).
 *
 *   node out/bench/run.js --only catalogue
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadWithExtraFiles } from '../server/src/features/catalogueFiles';
import { registerSection } from './sections';

const FILES: { label: string; key: string; json: () => unknown }[] = [
  {
    label: '8,000 invalid instruments',
    key: 'invalid8000',
    json: () => ({ instruments: Array.from({ length: 8000 }, (_, i) => ({ id: `Bad Id ${i}`, name: '', kind: 'nope', aliases: [i] })) }),
  },
  {
    label: '3,000 valid instruments',
    key: 'valid3000',
    json: () => ({
      instruments: Array.from({ length: 3000 }, (_, i) => ({ id: `instrument-${i}`, name: `Instrument number ${i} of the Council`, kind: 'agreement', aliases: [`Alias ${i} agreement`, `Other ${i}`], abbreviations: [`IN${i}`], title: `The full title of instrument ${i}`, year: 2000 + (i % 20) })),
    }),
  },
  {
    // Tens of thousands of names: the matcher's compilation, on a worker thread, is the longest step.
    label: '15,000 valid instruments',
    key: 'valid15000',
    json: () => ({ instruments: Array.from({ length: 15000 }, (_, i) => ({ id: `i-${i}`, name: `Instrument ${i}`, kind: 'agreement' })) }),
  },
];

registerSection('catalogue', async (ctx) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-bench-catalogue-'));
  try {
    for (const f of FILES) {
      const file = path.join(dir, `${f.key}.json`);
      fs.writeFileSync(file, JSON.stringify(f.json(), null, f.key === 'valid15000' ? 0 : 1));
      const size = fs.statSync(file).size;
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const elapsed = ctx.timer();
      const loaded = await loadWithExtraFiles([file], dir);
      const ms = elapsed();
      delay.disable();
      const heldMs = delay.max / 1e6;
      ctx.row(`${f.label} (${(size / 1048576).toFixed(2)} MB, ${loaded.problems.length} problems)`, `${ctx.fmtMs(ms)} in all, thread held at most ${ctx.fmtMs(heldMs)}`);
      ctx.record(`catalogue.${f.key}.ms`, ms);
      ctx.record(`catalogue.${f.key}.maxHeldMs`, heldMs);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
