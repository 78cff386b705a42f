/**
 * Cold indexing on worker threads: each worker reads and parses the files it is sent (see
 * indexWorker.ts) and answers with what it read, so the main thread keeps answering requests
 * while the workspace is indexed.
 *
 * Entries travel packed and laid flat (`flatEntry`), a batch's in one Int32Array handed over
 * without a copy, and stay so in the index (`PackedDocumentEntry`): this thread parses only the
 * batch's strings, and makes no object for a heading or a mention until one is read.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '../core/catalogue/catalogue';
import { entryView, PackedStrings } from '../core/workspace/packedEntry';
import type { EntryReader, ReadFile } from '../core/workspace/workspaceIndex';

export interface IndexRequest {
  id: number;
  uris: string[];
}

/** A file as a worker read it. */
export interface FileRead {
  size: number;
  mtime: number;
}

/**
 * A batch's files, one per URI in order (null: could not be opened); file k's entry laid flat
 * in `data` from `starts[k]` to `starts[k + 1]` (none when empty: not an outcome document, or
 * not text); `strings`: the strings the entries index, as JSON text.
 */
export type IndexResponse = { id: number; files: (FileRead | null)[]; starts: Int32Array; data: Int32Array; strings: string } | { id: number; error: string };

export interface ParallelIndex {
  /** For `WorkspaceIndex.build`: rejects when the workers cannot do it (the build then reads the batch itself). */
  readEntries: EntryReader;
  workers: number;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * A worker's young generation (two semi-spaces and the young large-object space, as V8 sizes it),
 * in MB: semi-spaces of 8 MB instead of 16. A worker's garbage is short-lived (a batch's texts and
 * trees), and the larger young generation only held more of it. Measured on 10,000 documents: the
 * server's resident set while indexing 215-235 MB instead of 245-255, for about 1.5% more index
 * time over 6 alternated builds (semi-spaces of 4 MB cost a tenth more).
 */
const WORKER_YOUNG_GENERATION_MB = 24;

/** Jobs sent to one worker at a time (see `dispatch`). */
const PIPELINE_DEPTH = 2;

interface Job {
  id: number;
  uris: string[];
  resolve(files: (ReadFile | null)[]): void;
  reject(error: Error): void;
}

/**
 * One worker per core, at most four: while they index, the main thread mostly waits for their
 * batches (measured on 2 cores, 10,000 documents: 1 worker 8.1 s, 2 workers 5.4 s). The cap
 * bounds memory (each worker holds a catalogue) where a container reports the host's cores.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** The worker script beside this module (dist/indexWorker.js in the bundle, out/…/indexWorker.js under tsc). */
const WORKER_FILE = path.join(__dirname, 'indexWorker.js');

/** Starts the workers; undefined when worker threads are unavailable (the index is then built in this thread). */
export function startParallelIndex(catalogue: Catalogue, workers = defaultWorkerCount(), workerFile = WORKER_FILE): ParallelIndex | undefined {
  if (workers < 1 || !fs.existsSync(workerFile)) return undefined;
  // The catalogue as built here, automaton included: a worker that validated and compiled it
  // again would take a third of a second longer to start.
  const workerData = { catalogue: catalogue.state() };
  const queue: Job[] = [];
  /** Per live worker, the jobs sent to it, oldest first: it answers them in that order. */
  const sent = new Map<Worker, Job[]>();
  let nextId = 0;

  const dispatch = () => {
    // Each worker holds up to PIPELINE_DEPTH jobs: its next batch waits in its port while it
    // reads the current one, so it never sits idle until this thread, busy with another
    // worker's answer, gets round to sending it one.
    for (let depth = 1; depth <= PIPELINE_DEPTH; depth++) {
      for (const [worker, jobs] of sent) {
        if (queue.length === 0) return;
        if (jobs.length >= depth) continue;
        const job = queue.shift()!;
        jobs.push(job);
        worker.postMessage({ id: job.id, uris: job.uris } satisfies IndexRequest);
      }
    }
    if (sent.size === 0) for (const job of queue.splice(0)) job.reject(new Error('no indexing worker left'));
  };
  const lose = (worker: Worker, error: Error) => {
    const jobs = sent.get(worker);
    if (!jobs) return;
    sent.delete(worker);
    for (const job of jobs) job.reject(error);
    dispatch();
  };

  try {
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(workerFile, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      worker.unref();
      sent.set(worker, []);
      worker.on('message', (response: IndexResponse) => {
        const job = sent.get(worker)?.shift();
        // The next batch first: the worker reads it while this thread parses the answer.
        dispatch();
        if (job) {
          if ('error' in response) job.reject(new Error(response.error));
          else job.resolve(filesOf(job.uris, response));
        }
      });
      worker.on('error', (e) => lose(worker, e));
      worker.on('exit', (code) => lose(worker, new Error(`indexing worker exited (${code})`)));
    }
  } catch {
    for (const w of sent.keys()) void w.terminate();
    return undefined;
  }

  return {
    workers,
    readEntries: (uris) =>
      new Promise((resolve, reject) => {
        queue.push({ id: nextId++, uris, resolve, reject });
        dispatch();
      }),
    close: async () => {
      const all = [...sent];
      sent.clear();
      await Promise.all(all.map(([w]) => w.terminate()));
      for (const job of [...queue.splice(0), ...all.flatMap(([, jobs]) => jobs)]) job.reject(new Error('indexing stopped'));
    },
  };
}

/**
 * Workers started by the first batch given them, or by `start`: a warm start that finds every
 * file as saved starts none (their start-up, a catalogue each, would only compete with the
 * saved index's reading for the cores).
 */
export function whenNeeded(start: () => ParallelIndex | undefined): Pick<ParallelIndex, 'readEntries' | 'close'> & { start(): void } {
  let parallel: ParallelIndex | undefined;
  let started = false;
  const workers = () => {
    if (!started) {
      started = true;
      parallel = start();
    }
    return parallel;
  };
  return {
    start: () => void workers(),
    // Without workers, a rejected batch is read by the build itself.
    readEntries: (uris) => workers()?.readEntries(uris) ?? Promise.reject(new Error('no indexing worker')),
    close: async () => {
      started = true;
      await parallel?.close();
    },
  };
}

function filesOf(uris: readonly string[], { files, starts, data, strings }: Extract<IndexResponse, { files: unknown }>): (ReadFile | null)[] {
  const table = new PackedStrings(JSON.parse(strings) as string[]);
  return files.map((f, k) => f && { size: f.size, mtime: f.mtime, entry: starts[k + 1] > starts[k] ? entryView(uris[k], table, data.subarray(starts[k], starts[k + 1])) : null });
}
