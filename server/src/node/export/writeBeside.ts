import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes `bytes` to `target` through a temporary file beside it, renamed over the target once
 * complete: the target is either the old file or the whole new one, never half written. When
 * anything fails the temporary file is removed and the reason given in one line.
 */
export async function writeBeside(target: string, bytes: Uint8Array): Promise<{ ok: true } | { ok: false; reason: string }> {
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.part`);
  try {
    const stat = await fs.stat(target).catch(() => undefined);
    if (stat?.isDirectory()) return { ok: false, reason: `${target} is a folder` };
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
  } catch (e) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, reason: writeFailure(e, target, dir) };
  }
  try {
    await fs.rename(temporary, target);
    return { ok: true };
  } catch (e) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    // Windows refuses to replace a file another program holds open (Word locks the document it shows).
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') return { ok: false, reason: `${target} is open in another program or read-only: close it there, or export under another name (nothing was written)` };
    return { ok: false, reason: writeFailure(e, target, dir) };
  }
}

function writeFailure(e: unknown, target: string, dir: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `cannot write ${target}: the folder ${dir} does not exist`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `cannot write ${target}: no permission to write in ${dir}`;
  if (code === 'ENOSPC') return `cannot write ${target}: the disk is full`;
  return `cannot write ${target}: ${(e as Error).message}`;
}
