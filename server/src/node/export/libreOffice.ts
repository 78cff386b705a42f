import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What to do when LibreOffice is not there, in one line. */
export const LIBREOFFICE_MISSING =
  'exporting to PDF needs LibreOffice (its "soffice" program): install it (Debian/Ubuntu: apt install libreoffice-writer-nogui; Windows, macOS: libreoffice.org), or set outcomeDrafting.export.libreOffice to the soffice program';

const PROGRAMS = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
const USUAL_PLACES =
  process.platform === 'win32'
    ? [path.join(process.env.ProgramFiles ?? 'C:\\Program Files', 'LibreOffice', 'program', 'soffice.exe')]
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : [];
const CONVERSION_TIMEOUT_MS = 120_000;

/** The soffice program: the one configured, else the first on PATH or in the usual install place. */
export function findLibreOffice(configured?: string): { ok: true; program: string } | { ok: false; reason: string } {
  if (configured) {
    return isExecutable(configured) ? { ok: true, program: configured } : { ok: false, reason: `the LibreOffice program ${configured} (outcomeDrafting.export.libreOffice) does not exist or cannot be run` };
  }
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const candidate of [...dirs.flatMap((d) => PROGRAMS.map((p) => path.join(d, p))), ...USUAL_PLACES]) {
    if (isExecutable(candidate)) return { ok: true, program: candidate };
  }
  return { ok: false, reason: LIBREOFFICE_MISSING };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Converts documents with LibreOffice headless (`--convert-to pdf`, or `txt`), in one run, in a
 * throw-away folder with a profile of its own, so that a LibreOffice already open, or another
 * conversion running at the same time, neither takes the job nor locks the profile.
 */
export async function convertWithLibreOffice(
  program: string,
  inputs: readonly { name: string; bytes: Uint8Array }[],
  to: 'pdf' | 'txt',
): Promise<{ ok: true; outputs: Buffer[] } | { ok: false; reason: string }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'outcome-export-'));
  try {
    const sources = inputs.map((input) => path.join(dir, path.basename(input.name)));
    await Promise.all(inputs.map((input, i) => fs.promises.writeFile(sources[i], input.bytes)));
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const filter = to === 'pdf' ? 'pdf' : 'txt:Text (encoded):UTF8';
    const result = await new Promise<{ error?: Error & { killed?: boolean }; stderr: string }>((resolve) => {
      execFile(program, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, ...sources], { timeout: CONVERSION_TIMEOUT_MS, windowsHide: true }, (error, _stdout, stderr) =>
        resolve({ error: error ?? undefined, stderr: String(stderr) }),
      );
    });
    const outputs: Buffer[] = [];
    for (const source of sources) {
      const output = path.join(dir, `${path.parse(source).name}.${to}`);
      if (!fs.existsSync(output)) {
        const why = result.error ? (result.error.killed ? `it did not finish within ${CONVERSION_TIMEOUT_MS / 1000} s` : result.error.message) : result.stderr.trim().split('\n').pop() || 'it wrote nothing';
        return { ok: false, reason: `LibreOffice could not convert ${path.basename(source)}: ${why}` };
      }
      outputs.push(await fs.promises.readFile(output));
    }
    return { ok: true, outputs };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
