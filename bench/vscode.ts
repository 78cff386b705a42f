/**
 * Open-to-diagnostics in the real VS Code (code-server 4.139.1 driven by headless chromium): the
 * end-to-end suite's measurement (test/e2e/suite/timing.bench.ts) opens a few fresh real-sized
 * documents and logs `TIMING open-to-diagnostics median=<ms> max=<ms>`; this section runs it as a
 * child process and prints that figure. Prints figures; never asserts.
 *
 *   node out/bench/vscode.js         # this section alone (after npm run build)
 *
 * Optional: skipped with a message when .tools/ has no code-server (scripts/e2e/setup.sh installs
 * it; `npm run test:e2e` does so on first use). A run takes about a minute: it compiles, packages
 * the .vsix and starts code-server, as `node scripts/e2e/run.js --bench` always does (and,
 * like it, replaces test-artifacts/).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { registerSection, type BenchContext } from './sections';

/** out/bench/vscode.js -> the checkout. */
const ROOT = path.resolve(__dirname, '../..');
const RUNNER = path.join(ROOT, 'scripts', 'e2e', 'run.js');
const CODE_SERVER = path.join(ROOT, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** The runner's own limit: past it, it ends code-server and chromium and exits. */
const SUITE_TIMEOUT_MS = 8 * 60 * 1000;
/** A last resort should the runner itself hang (compiling, packaging). */
const KILL_AFTER_MS = SUITE_TIMEOUT_MS + 4 * 60 * 1000;
const TIMING = /^TIMING open-to-diagnostics median=(\d+(?:\.\d+)?) max=(\d+(?:\.\d+)?)/m;

type Printer = Pick<BenchContext, 'row' | 'record'>;

/** Runs the e2e measurement; resolves with its whole output and exit code. */
function runTimingTest(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, '--bench'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OUTCOME_E2E_TOTAL_TIMEOUT: String(SUITE_TIMEOUT_MS) },
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function vscodeSection(out: Printer): Promise<void> {
  if (!fs.existsSync(CODE_SERVER)) {
    out.row('VS Code (code-server)', 'skipped: .tools/ has no code-server (run scripts/e2e/setup.sh or npm run test:e2e once)');
    return;
  }
  const t0 = Date.now();
  const { code, output } = await runTimingTest();
  const m = TIMING.exec(output);
  if (!m) {
    const tail = output.trimEnd().split('\n').slice(-8).map((l) => `      ${l}`).join('\n');
    out.row('open -> first diagnostics', `no TIMING line (runner exit ${code}); last lines:\n${tail}`);
    return;
  }
  const median = Number(m[1]);
  const max = Number(m[2]);
  out.row('open -> first diagnostics (real VS Code)', `median ${median} ms   max ${max} ms`);
  const detail = output.slice(m.index).split('\n')[1]?.trim();
  if (detail?.startsWith('(')) out.row('', detail);
  out.row('e2e run (compile, package, start, test)', `${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${code}`);
  out.record('vscode.openToDiagnostics.medianMs', median);
  out.record('vscode.openToDiagnostics.maxMs', max);
}

registerSection('vscode', (ctx) => vscodeSection(ctx));

if (require.main === module) {
  console.log('== vscode');
  vscodeSection({ row: (label, value) => console.log(`  ${label.padEnd(46)} ${value}`), record: () => undefined }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
