import * as fs from 'node:fs';
import type { Catalogue } from '../core/catalogue/catalogue';
import { catalogueFingerprint, parseSnapshot, type IndexSnapshot } from '../core/workspace/snapshot';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';

/** The index saved in `file`, if it is there, readable, and made with this catalogue. */
export function loadSnapshot(file: string, catalogue: Catalogue): IndexSnapshot | undefined {
  try {
    return parseSnapshot(fs.readFileSync(file, 'utf8'), catalogueFingerprint(catalogue));
  } catch {
    return undefined;
  }
}

/**
 * Saves the index to `file`, written beside it a piece at a time and then renamed: a crash
 * mid-write leaves the previous snapshot whole, and a write that fails (a full disk) leaves no
 * half-written file behind. Returns the bytes written; throws when the index could not be saved.
 */
export function saveSnapshot(index: WorkspaceIndex, file: string): number {
  const partial = `${file}.tmp`;
  try {
    const fd = fs.openSync(partial, 'w');
    let bytes = 0;
    try {
      index.writeSnapshot((piece) => (bytes += fs.writeSync(fd, piece)));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    return bytes;
  } catch (e) {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Not ours to remove (a folder of that name): left as it is.
    }
    throw e;
  }
}
