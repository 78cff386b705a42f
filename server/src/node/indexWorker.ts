/**
 * An indexing worker (see parallelIndex.ts): reads and parses the files it is sent and answers
 * with what it read (size, time, index entry) as one JSON array. Bundled on its own as
 * dist/indexWorker.js, without the catalogue's validation: the server sends it the catalogue.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalogue } from '../core/catalogue/catalogue';
import { parseForIndex } from '../core/lint';
import { entryJson } from '../core/workspace/documentEntry';
import { readDocumentFile } from './documentFiles';
import { uriPath } from './fileUris';
import type { IndexRequest, IndexResponse } from './parallelIndex';

const { data, matcher } = (workerData as { catalogue: ReturnType<Catalogue['state']> }).catalogue;
const catalogue = new Catalogue(data, matcher);

/** One file as a `ReadFile` in JSON, or null when it cannot be opened. */
function fileJson(uri: string): string {
  if (!uri.startsWith('file:')) return 'null';
  const read = readDocumentFile(uriPath(uri));
  if (!read.stat) return 'null';
  const entry = (read.ok && entryJson(uri, parseForIndex(read.text, catalogue), catalogue)) || 'null';
  return `{"size":${read.stat.size},"mtime":${read.stat.mtime},"entry":${entry}}`;
}

parentPort?.on('message', ({ id, uris }: IndexRequest) => {
  let response: IndexResponse;
  try {
    response = { id, files: `[${uris.map(fileJson).join(',')}]` };
  } catch (e) {
    response = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(response);
});
