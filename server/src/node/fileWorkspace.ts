import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileStat, Workspace } from '../core/workspace/workspace';
import { decodeDocument, MAX_DOCUMENT_BYTES } from './documentFiles';
import { fileUri, uriPath } from './fileUris';

const TEXT_NAME = /\.(?:md|txt)$/i;

/** The workspace index's view of folders on disk: every `.md`/`.txt` under them (hidden folders and node_modules aside). */
export class FileWorkspace implements Workspace {
  constructor(private readonly folders: readonly string[]) {}

  async listFiles(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      const subfolders: Promise<void>[] = [];
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && e.name !== 'node_modules') subfolders.push(walk(full));
        } else if (e.isFile() && TEXT_NAME.test(e.name)) found.push(fileUri(full));
      }
      await Promise.all(subfolders);
    };
    // Folders may repeat or nest (a root URI and its workspace folder, multi-root workspaces).
    const folders = [...new Set(this.folders.map((f) => path.resolve(f)))].filter((f, _, all) => !all.some((o) => o !== f && !path.relative(o, f).startsWith('..')));
    await Promise.all(folders.map(walk));
    return [...new Set(found)].sort();
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      // Synchronous: a warm start stats every file, and one stat is microseconds, far less than a promise round trip.
      const s = fs.statSync(uriPath(uri));
      return s.isFile() ? { size: s.size, mtime: s.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  async readFile(uri: string): Promise<string | undefined> {
    try {
      const file = uriPath(uri);
      if ((await fs.promises.stat(file)).size > MAX_DOCUMENT_BYTES) return undefined;
      const read = decodeDocument(await fs.promises.readFile(file));
      return read.ok ? read.text : undefined;
    } catch {
      return undefined;
    }
  }
}
