/**
 * Mocha root plugin: when the run is over but something (a server process, a worker, a timer)
 * still holds the process open, mocha would wait forever. After a grace period this names what
 * is left and ends the process with mocha's own exit code, so a leak is reported, not hung on.
 */
import { execFileSync } from 'node:child_process';

const GRACE_MS = 15_000;

export function mochaGlobalTeardown(): void {
  const timer = setTimeout(() => {
    // One Timeout is this watch's own.
    const resources = process.getActiveResourcesInfo();
    let children = '';
    try {
      children = execFileSync('ps', ['-o', 'pid,etime,args', '--ppid', String(process.pid)], { encoding: 'utf8' });
    } catch {
      children = '(ps found no child process)';
    }
    process.stderr.write(
      `\nexitWatch: the tests ended ${GRACE_MS / 1000} s ago but the process is still held open by: ` +
        `${resources.join(', ')}\n${children}\n`,
    );
    process.exit(process.exitCode ?? 0);
  }, GRACE_MS);
  // Unreferenced: it never keeps a clean run alive.
  timer.unref();
}
