import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GeneratedDocument } from '../test/fixtures/generate';

/** The corpus on disk, written once and reused by later runs while the generator's output stays the same. */
export function writeCorpus(docs: GeneratedDocument[]): string {
  const dir = path.join(os.tmpdir(), `outcome-bench-workspace-${docs.length}`);
  const marker = path.join(dir, '.complete');
  const fingerprint = String(docs.reduce((n, d) => n + d.text.length, 0));
  if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== fingerprint) {
    fs.rmSync(dir, { recursive: true, force: true });
    docs.forEach((d, i) => {
      // A few hundred files per folder, as a real archive would be sorted.
      const sub = path.join(dir, String(Math.floor(i / 500)).padStart(3, '0'));
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, d.fileName), d.text);
    });
    fs.writeFileSync(marker, fingerprint);
  }
  return dir;
}
