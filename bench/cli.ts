/**
 * The command line over a folder of generated documents, as whole processes side by side:
 * `outcome-lint mentions` against `grep -rn` for the same topic (target: within 5x), and
 * `outcome-lint` over the whole folder, with the process's peak resident memory (target: at most
 * 300 MB at 100,000 documents: `node out/bench/run.js --only cli --docs 100000`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { registerSection } from './sections';

const BIN = path.resolve(__dirname, '../../bin/outcome-lint.js');

/**
 * Runs a command; its wall time in ms and, where GNU time is installed, its CPU time in ms (user
 * and system: what a loaded machine changes least) and its peak resident set in MB.
 */
function timed(command: string, args: string[]): { ms: number; cpuMs?: number; peakMb?: number } {
  const time = fs.existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = spawnSync(time ? '/usr/bin/time' : command, time ? ['-f', '%M %U %S', command, ...args] : args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [kb, user, system] = time ? (r.stderr.trimEnd().split('\n').pop() ?? '').split(' ').map(Number) : [];
  return { ms, cpuMs: Number.isFinite(user + system) ? (user + system) * 1000 : undefined, peakMb: Number.isFinite(kb) ? kb / 1024 : undefined };
}

registerSection('cli', async (ctx) => {
  const docs = ctx.corpus();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-bench-cli-'));
  try {
    for (const d of docs) fs.writeFileSync(path.join(dir, d.fileName), d.text);
    const grep: ReturnType<typeof timed>[] = [];
    const mentions: ReturnType<typeof timed>[] = [];
    const oneThread: ReturnType<typeof timed>[] = [];
    const version: ReturnType<typeof timed>[] = [];
    // Alternated, so that the page cache and the machine's load treat them alike.
    for (let i = 0; i < 3; i++) {
      grep.push(timed('grep', ['-rn', '-i', 'PNR', dir]));
      mentions.push(timed(process.execPath, [BIN, 'mentions', 'PNR', dir]));
      oneThread.push(timed(process.execPath, [BIN, 'mentions', '--threads', '1', 'PNR', dir]));
      version.push(timed(process.execPath, [BIN, '--version']));
    }
    const best = (xs: ReturnType<typeof timed>[], pick: (t: ReturnType<typeof timed>) => number | undefined) => Math.min(...xs.map((x) => pick(x) ?? NaN));
    const cpu = (xs: ReturnType<typeof timed>[]) => best(xs, (t) => t.cpuMs);
    const cpuText = (xs: ReturnType<typeof timed>[]) => (Number.isFinite(cpu(xs)) ? `, CPU ${ctx.fmtMs(cpu(xs))}` : '');
    const wall = (xs: ReturnType<typeof timed>[]) => best(xs, (t) => t.ms);
    ctx.row(`grep -rn -i PNR, ${docs.length} documents`, `${ctx.fmtMs(wall(grep))}${cpuText(grep)}`);
    const ratio = `${(wall(mentions) / wall(grep)).toFixed(1)}x grep${Number.isFinite(cpu(grep)) ? `, CPU ${(cpu(mentions) / cpu(grep)).toFixed(1)}x` : ''}`;
    ctx.row(`outcome-lint mentions PNR, ${docs.length} documents`, `${ctx.fmtMs(wall(mentions))}${cpuText(mentions)} (${ratio}; target <= 5x; ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)})`);
    ctx.row(`  the same, --threads 1`, `${ctx.fmtMs(wall(oneThread))}${cpuText(oneThread)} (${(wall(oneThread) / wall(grep)).toFixed(1)}x grep)`);
    ctx.row(`outcome-lint --version (the process's start)`, `${ctx.fmtMs(wall(version))}${cpuText(version)}`);
    ctx.record('cli.grepMs', wall(grep));
    ctx.record('cli.mentionsMs', wall(mentions));
    ctx.record('cli.mentionsOneThreadMs', wall(oneThread));
    ctx.record('cli.versionMs', wall(version));
    const lint = timed(process.execPath, [BIN, '--format', 'json', dir]);
    ctx.row(`outcome-lint --format json, ${docs.length} documents`, `${ctx.fmtMs(lint.ms)}${lint.peakMb ? `, peak RSS ${lint.peakMb.toFixed(0)} MB` : ''}`);
    ctx.record('cli.lintMs', lint.ms);
    if (lint.peakMb) ctx.record('cli.lintPeakMb', lint.peakMb);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
