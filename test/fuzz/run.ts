/**
 * The fuzz run: mutated real documents through the core (parse, validate, every quick fix
 * applied and validated again). Prints each problem found and a summary; exits 1 if any.
 *
 *   npm run fuzz                               # 100,000 documents, seed 1
 *   npm run fuzz -- --count 2000 --seed 7      # fewer, another seed
 *   npm run fuzz -- --show 5                   # print at most 5 cases per kind (default 3)
 *   npm run fuzz -- --seed 3 --dump 88         # also write document #88 to fuzz-88.txt (to keep as a case)
 */
import * as fs from 'node:fs';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { fuzz } from './fuzz';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const count = arg('--count', 100_000);
const seed = arg('--seed', 1);
const show = arg('--show', 3);
const dump = arg('--dump', -1);

const started = Date.now();
const report = fuzz({ count, seed, catalogue: loadBuiltInCatalogue(), onProgress: (done) => process.stderr.write(`\r${done.toLocaleString('en')} / ${count.toLocaleString('en')}`),
  keep: (index, text) => {
    if (index === dump) fs.writeFileSync(`fuzz-${index}.txt`, text);
  },
});
process.stderr.write('\n');
for (const [kind, cases] of report.byKind) {
  console.log(`\n${kind}: ${cases.length}`);
  for (const c of cases.slice(0, show)) console.log(`  document #${c.index} (${c.source}; ${c.applied.join(', ')}): ${c.detail.split('\n')[0]}`);
}
const s = report.slowest;
console.log(`\n${count.toLocaleString('en')} documents (seed ${seed}, ${(report.bytes / 1e6).toFixed(1)} MB), ${report.fixesApplied.toLocaleString('en')} quick fixes applied, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`exceptions: ${report.count('exception')}`);
console.log(`ranges outside the document: ${report.count('range outside the document')}`);
console.log(`quick fixes that leave their diagnostic: ${report.count('fix leaves its diagnostic')}`);
console.log(`quick fixes that add an error: ${report.count('fix adds an error')}`);
console.log(`quick fixes that edit outside their target: ${report.count('fix edits outside its target')}`);
if (s) console.log(`slowest document per MB: ${s.msPerMB.toFixed(1)} ms/MB (#${s.index}, ${(s.bytes / 1024).toFixed(0)} KB in ${s.ms.toFixed(2)} ms; ${s.applied.join(', ')})`);
process.exitCode = report.total > 0 ? 1 : 0;
