import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileStat, Workspace } from '../core/workspace/workspace';
import { ArchiveReader } from './archiveReader';
import { isArchiveFile, readDocumentFileAsync, type FileRead } from './documentFiles';
import { fileUri, uriPath } from './fileUris';
import { compileInclude, DEFAULT_INCLUDE, type PathMatcher } from './includeGlobs';

const TEXT_NAME = /\.(?:md|txt)$/i;

/** Which files of the folders the index reads, as the settings say. */
export interface FileScope {
  /** Word and PDF files are indexed where they match (`outcomeDrafting.files.include`, relative to their folder). */
  include: PathMatcher;
  /** Whether a link inside a folder to a file outside every folder is read (`outcomeDrafting.files.followLinksOutside`). */
  followLinksOutside: boolean;
}

export function fileScope(include: readonly string[] = DEFAULT_INCLUDE, followLinksOutside = false): FileScope {
  return { include: compileInclude(include).matches, followLinksOutside };
}

/**
 * The workspace index's view of folders on disk: every `.md`/`.txt` under them, and the Word and
 * PDF files the include globs name (hidden folders and node_modules aside). Nothing outside the
 * folders is read: a link whose target lies outside every folder is skipped (at the scan, and
 * when a file event names it), unless the scope says to follow it.
 */
export class FileWorkspace implements Workspace {
  private readonly folders: string[];
  /** The folders with their links resolved, to tell where a link's target lies. */
  private realFolders: string[] | undefined;
  /** Real path of each directory met, by path (a file's containment is its directory's plus its own link, if any). */
  private readonly realDirs = new Map<string, string>();

  constructor(
    folders: readonly string[],
    private scope: FileScope = fileScope(),
    /** Word and PDF files are read by it, off this thread. */
    private readonly archives = new ArchiveReader(),
  ) {
    // Folders may repeat or nest (a root URI and its workspace folder, multi-root workspaces).
    const resolved = [...new Set(folders.map((f) => path.resolve(f)))];
    this.folders = resolved.filter((f) => !resolved.some((o) => o !== f && isInside(o, f)));
  }

  setScope(scope: FileScope): void {
    this.scope = scope;
  }

  async listFiles(): Promise<string[]> {
    this.realDirs.clear();
    this.realFolders = undefined;
    const found: string[] = [];
    /** Directories walked, by real path: a followed link cannot lead round in a circle. */
    const walked = new Set<string>();
    const walk = async (dir: string, folder: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        const real = await fs.promises.realpath(dir);
        if (walked.has(real)) return;
        walked.add(real);
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      const subfolders: Promise<void>[] = [];
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && e.name !== 'node_modules') subfolders.push(walk(full, folder));
        } else if (e.isFile()) {
          if (this.isCandidate(full, folder)) found.push(fileUri(full));
        } else if (e.isSymbolicLink() && !e.name.startsWith('.')) {
          subfolders.push(this.followLink(full, folder, found, walk));
        }
      }
      await Promise.all(subfolders);
    };
    await Promise.all(this.folders.map((f) => walk(f, f)));
    return [...new Set(found)].sort();
  }

  /** A link met in the scan: a file or folder inside the folders is taken (a folder only when it lies outside them: inside, it is walked anyway); outside, only when the scope says so. */
  private async followLink(link: string, folder: string, found: string[], walk: (dir: string, folder: string) => Promise<void>): Promise<void> {
    let target: fs.Stats;
    let real: string;
    try {
      [target, real] = await Promise.all([fs.promises.stat(link), fs.promises.realpath(link)]);
    } catch {
      return;
    }
    const inside = (await this.realFoldersOf()).some((f) => isInside(f, real));
    if (target.isFile()) {
      if ((inside || this.scope.followLinksOutside) && this.isCandidate(link, folder)) found.push(fileUri(link));
    } else if (target.isDirectory() && !inside && this.scope.followLinksOutside && path.basename(link) !== 'node_modules') {
      await walk(link, folder);
    }
  }

  private isCandidate(file: string, folder: string): boolean {
    if (TEXT_NAME.test(file)) return true;
    return isArchiveFile(file) && this.scope.include(path.relative(folder, file).split(path.sep).join('/'));
  }

  private async realFoldersOf(): Promise<string[]> {
    this.realFolders ??= await Promise.all(this.folders.map((f) => fs.promises.realpath(f).catch(() => f)));
    return this.realFolders;
  }

  /**
   * Whether a file may be read: it lies in a folder, and neither it nor a directory above it
   * links outside them (unless the scope follows such links). A file event can name any path.
   */
  async contains(file: string): Promise<boolean> {
    const folders = this.folders.filter((f) => isInside(f, file));
    if (folders.length === 0) return false;
    if (this.scope.followLinksOutside) return true;
    const realFolders = await this.realFoldersOf();
    try {
      const dir = path.dirname(file);
      let realDir = this.realDirs.get(dir);
      if (realDir === undefined) {
        realDir = await fs.promises.realpath(dir);
        this.realDirs.set(dir, realDir);
      }
      const own = await fs.promises.lstat(file);
      const real = own.isSymbolicLink() ? await fs.promises.realpath(file) : path.join(realDir, path.basename(file));
      return realFolders.some((f) => isInside(f, real));
    } catch {
      return false;
    }
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      const file = uriPath(uri);
      // Synchronous: a warm start stats every file, and one stat is microseconds, far less than a promise round trip.
      const own = fs.lstatSync(file);
      const s = own.isSymbolicLink() ? (await this.contains(file)) && fs.statSync(file) : own;
      return s && s.isFile() ? { size: s.size, mtime: s.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  async readFile(uri: string): Promise<string | undefined> {
    const file = uriPath(uri);
    if (!(await this.contains(file))) return undefined;
    // For the index: a Word or PDF file whose first page is no Council document's is read no further.
    const read = isArchiveFile(file) ? await this.archives.read(file, { councilDocumentsOnly: true }) : await readDocumentFileAsync(file);
    return read.ok ? read.text : undefined;
  }

  /** Any document file as its format is read (Word and PDF on the reader's thread), wherever it lies: for a file the user opens. */
  read(file: string): Promise<FileRead> {
    return isArchiveFile(file) ? this.archives.read(file) : readDocumentFileAsync(file);
  }
}

/** Whether `file` is `folder` or lies under it (paths, no links resolved). */
function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
