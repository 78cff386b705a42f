/**
 * An indexing worker (see parallelIndex.ts): reads and parses the files it is sent and answers
 * with what it read (size, time, packed index entry) as one JSON text per batch. Bundled on its
 * own as dist/indexWorker.js, without the catalogue's validation: the server sends it the catalogue.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalogue } from '../core/catalogue/catalogue';
import { parseForIndex } from '../core/lint';
import { packDocument } from '../core/workspace/documentEntry';
import { StringTable } from '../core/workspace/packedEntry';
import { readDocumentFile } from './documentFiles';
import { uriPath } from './fileUris';
import type { IndexRequest, IndexResponse, PackedBatch, PackedFile } from './parallelIndex';

const { data, matcher } = (workerData as { catalogue: ReturnType<Catalogue['state']> }).catalogue;
const catalogue = new Catalogue(data, matcher);
/** Strings a batch shares (see `StringTable`): entry ids, labels, numbers, series and places are shorter. */
const SHARED_STRING_LENGTH = 24;

/** One file, its entry packed against the batch's strings; null when it cannot be opened. */
function readFile(uri: string, strings: StringTable): PackedFile | null {
  if (!uri.startsWith('file:')) return null;
  const read = readDocumentFile(uriPath(uri));
  if (!read.stat) return null;
  const entry = read.ok ? packDocument(parseForIndex(read.text, catalogue), catalogue, strings) : undefined;
  return { size: read.stat.size, mtime: read.stat.mtime, entry: entry ?? 0 };
}

parentPort?.on('message', ({ id, uris }: IndexRequest) => {
  let response: IndexResponse;
  try {
    const strings = new StringTable(SHARED_STRING_LENGTH);
    const files = uris.map((uri) => readFile(uri, strings));
    response = { id, batch: JSON.stringify({ strings: strings.strings, files } satisfies PackedBatch) };
  } catch (e) {
    response = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(response);
});
