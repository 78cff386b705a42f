/**
 * Bench section "pdf": the PDF reader against poppler's `pdftotext -layout` on the same files
 * (the register-style fixtures of test/fixtures/archive), whole files, in one run, alternating
 * file by file so that both see the same machine load.
 *
 *   node out/bench/run.js --only pdf [--pdf-rounds 15]
 *
 * The reader runs as it does in an indexing worker: pdf.js loaded once per process (its load is
 * printed apart), each file read from disk and read whole. `pdftotext` is a process per file, as
 * it is used. A third figure is the reader in a process of its own per file (node started, pdf.js
 * loaded), what a one-file CLI run costs.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPdf } from '../server/src/readers/pdf/index';
import { registerSection } from './sections';
import { median } from './stats';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures/archive');
const FILES = ['outcome-hyphens.pdf', 'outcome-pages.pdf', 'outcome-long.pdf'];
const READER = path.resolve(__dirname, '../server/src/readers/pdf/index.js');

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}


registerSection('pdf', async (ctx) => {
  const i = ctx.argv.indexOf('--pdf-rounds');
  const rounds = i >= 0 ? Number(ctx.argv[i + 1]) : 15;
  const poppler = hasPdftotext();
  if (!poppler) ctx.row('pdftotext', 'not installed (Debian: poppler-utils): the reader alone');
  const load = ctx.timer();
  await readPdf(new Uint8Array(fs.readFileSync(path.join(FIXTURES, FILES[0]))));
  ctx.row('pdf.js load and a first 1-page file', ctx.fmtMs(load()));
  const reader = new Map<string, number[]>(FILES.map((f) => [f, []]));
  const pdftotext = new Map<string, number[]>(FILES.map((f) => [f, []]));
  const process1 = new Map<string, number[]>(FILES.map((f) => [f, []]));
  const script = `require(${JSON.stringify(READER)}).readPdf(new Uint8Array(require('fs').readFileSync(process.argv[1]))).then((r) => { if (!r.ok) process.exit(1); })`;
  for (let r = 0; r < rounds; r++) {
    for (const file of FILES) {
      const full = path.join(FIXTURES, file);
      let t = ctx.timer();
      const read = await readPdf(new Uint8Array(fs.readFileSync(full)));
      reader.get(file)!.push(t());
      if (!read.ok) throw new Error(`${file}: ${read.reason}`);
      if (poppler) {
        t = ctx.timer();
        execFileSync('pdftotext', ['-layout', full, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
        pdftotext.get(file)!.push(t());
      }
      // A process per file costs a few hundred ms: a third of the rounds is enough for a median.
      if (r % 3 === 0) {
        t = ctx.timer();
        execFileSync(process.execPath, ['-e', script, full], { stdio: 'ignore' });
        process1.get(file)!.push(t());
      }
    }
  }
  let readerSum = 0;
  let popplerSum = 0;
  for (const file of FILES) {
    const pages = /Pages:\s+(\d+)/.exec(poppler ? execFileSync('pdfinfo', [path.join(FIXTURES, file)], { encoding: 'utf8' }) : '')?.[1] ?? '?';
    const a = median(reader.get(file)!);
    readerSum += a;
    let line = `reader ${ctx.fmtMs(a)}`;
    if (poppler) {
      const b = median(pdftotext.get(file)!);
      popplerSum += b;
      line += `, pdftotext ${ctx.fmtMs(b)} (${(a / b).toFixed(2)}x)`;
    }
    line += `, reader in its own process ${ctx.fmtMs(median(process1.get(file)!))}`;
    ctx.row(`${file} (${pages} p., median of ${rounds})`, line);
    ctx.record(`pdf.${file}.readerMs`, a);
  }
  if (poppler) {
    ctx.row('all files: reader / pdftotext (target <= 3x)', `${(readerSum / popplerSum).toFixed(2)}x`);
    ctx.record('pdf.readerOverPdftotext', readerSum / popplerSum);
  }
});
