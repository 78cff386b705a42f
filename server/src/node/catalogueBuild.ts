import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Catalogue } from '../core/catalogue/catalogue';
import type { CompiledMatcher } from '../core/catalogue/matcher';
import type { CatalogueData } from '../core/catalogue/schema';

const CATALOGUE_WORKER = path.join(__dirname, 'catalogueWorker.js');

/**
 * The catalogue of validated `data`, its matcher compiled on a worker thread (catalogueWorker.ts)
 * so that the server's thread goes on answering; on this thread when the worker cannot run.
 */
export function buildCatalogue(data: CatalogueData, workerFile = CATALOGUE_WORKER): Promise<Catalogue> {
  if (!fs.existsSync(workerFile)) return Promise.resolve(new Catalogue(data));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (matcher?: CompiledMatcher) => {
      if (settled) return;
      settled = true;
      resolve(new Catalogue(data, matcher));
    };
    const worker = new Worker(workerFile, { workerData: data });
    worker.on('message', (matcher: CompiledMatcher) => {
      settle(matcher);
      void worker.terminate();
    });
    worker.on('error', () => settle());
    worker.on('exit', () => settle());
  });
}
