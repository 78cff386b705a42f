import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileRead } from './documentFiles';
import type { ReaderRequest, ReaderResponse } from './readerWorker';

/** The worker script beside this module (dist/readerWorker.js in the bundle, out/…/readerWorker.js under tsc). */
const WORKER_FILE = path.join(__dirname, 'readerWorker.js');
/** Text of Word and PDF files kept for the next ask (the read-only view, Topic History, a refresh): characters, all files together. */
const CACHE_CHARS = 16 * 1024 * 1024;
/** A reader that runs away (a hostile PDF) stops at this heap rather than taking the machine. */
const WORKER_HEAP_MB = 512;

/**
 * Reads Word and PDF files for the server on a worker thread of its own, started when first
 * needed: their readers never run on the server thread, which keeps answering meanwhile. What
 * was read is kept for unchanged files (size and time), within a bound.
 */
export class ArchiveReader {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (read: FileRead) => void>();
  private nextId = 0;
  private readonly cache = new Map<string, FileRead & { stat: { size: number; mtime: number } }>();
  private cachedChars = 0;

  constructor(private readonly workerFile = WORKER_FILE) {}

  /**
   * The file as its reader reads it. `councilDocumentsOnly`: no further than its first page
   * when that is no Council document's (see councilFirstPage.ts); such a read is not kept, so
   * the file's view still shows it whole.
   */
  async read(file: string, options: { councilDocumentsOnly?: boolean } = {}): Promise<FileRead> {
    const cached = this.cache.get(file);
    if (cached) {
      const now = await fs.promises.stat(file).catch(() => undefined);
      if (now && now.size === cached.stat.size && now.mtimeMs === cached.stat.mtime) {
        // Most recently used last.
        this.cache.delete(file);
        this.cache.set(file, cached);
        return cached;
      }
      this.forget(file);
    }
    const read = await this.inWorker(file, options.councilDocumentsOnly === true);
    if (read.stat && !read.firstPageOnly) this.keep(file, { ...read, stat: read.stat });
    return read;
  }

  /** Stops the worker (the next read starts another). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private inWorker(file: string, councilDocumentsOnly: boolean): Promise<FileRead> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = this.worker ?? this.start();
      } catch (e) {
        resolve({ ok: false, reason: `the Word and PDF reader could not start: ${e instanceof Error ? e.message : String(e)}` });
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, resolve);
      worker.postMessage({ id, file, councilDocumentsOnly } satisfies ReaderRequest);
    });
  }

  private start(): Worker {
    if (!fs.existsSync(this.workerFile)) throw new Error(`${path.basename(this.workerFile)} is missing`);
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // Idle, it does not keep the process alive.
    worker.unref();
    worker.on('message', ({ id, read }: ReaderResponse) => {
      const resolve = this.pending.get(id);
      this.pending.delete(id);
      resolve?.(read);
    });
    const lost = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const resolve of this.pending.values()) resolve({ ok: false, reason: `the reader stopped (${why}); the file is tried again when next asked for` });
      this.pending.clear();
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit ${code}`));
    this.worker = worker;
    return worker;
  }

  private keep(file: string, read: FileRead & { stat: { size: number; mtime: number } }): void {
    const chars = read.ok ? read.text.length : 0;
    if (chars > CACHE_CHARS) return;
    this.cache.set(file, read);
    this.cachedChars += chars;
    for (const oldest of this.cache.keys()) {
      if (this.cachedChars <= CACHE_CHARS) break;
      this.forget(oldest);
    }
  }

  private forget(file: string): void {
    const read = this.cache.get(file);
    if (!read) return;
    this.cache.delete(file);
    if (read.ok) this.cachedChars -= read.text.length;
  }
}
