/**
 * Every file access the workspace index makes, behind one interface: the language server
 * backs it with the file system (and the editor's open documents), the CLI and tests with
 * texts in memory.
 */
export interface FileStat {
  size: number;
  /** Modification time, milliseconds. */
  mtime: number;
}

export interface Workspace {
  /** Candidate documents (Markdown and text files) in every workspace folder, as URIs. */
  listFiles(): Promise<string[]>;
  /** Undefined when the file no longer exists. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Undefined when the file cannot be read as a text document. */
  readFile(uri: string): Promise<string | undefined>;
}

/** A workspace held in memory; counts reads so tests can see what a warm start re-reads. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, { text: string; mtime: number }>();
  private clock = 1;
  /** URIs read since construction, in order. */
  readonly reads: string[] = [];

  constructor(files: Iterable<[string, string]> = []) {
    for (const [uri, text] of files) this.set(uri, text);
  }

  /** Creates or changes a file; its mtime moves forward. */
  set(uri: string, text: string): void {
    this.files.set(uri, { text, mtime: this.clock++ });
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  rename(from: string, to: string): void {
    const f = this.files.get(from);
    if (!f) return;
    this.files.delete(from);
    this.files.set(to, f);
  }

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()];
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const f = this.files.get(uri);
    return f && { size: f.text.length, mtime: f.mtime };
  }

  async readFile(uri: string): Promise<string | undefined> {
    this.reads.push(uri);
    return this.files.get(uri)?.text;
  }
}
