/**
 * An indexing worker (see parallelIndex.ts): reads and parses the files it is sent and answers
 * with what it read (size, time, index entry): the batch's entries laid flat in one Int32Array
 * handed over (transferred, not copied), their strings as one JSON text. Bundled on its
 * own as dist/indexWorker.js, without the catalogue's validation: the server sends it the catalogue.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalogue } from '../core/catalogue/catalogue';
import { parseForIndex } from '../core/lint';
import { packDocument } from '../core/workspace/documentEntry';
import { flatEntry, StringTable } from '../core/workspace/packedEntry';
import { councilDocumentsOnly } from './councilFirstPage';
import { isArchiveFile, readDocument, readDocumentFile } from './documentFiles';
import { uriPath } from './fileUris';
import type { FileRead, IndexRequest, IndexResponse } from './parallelIndex';

const { data, matcher } = (workerData as { catalogue: ReturnType<Catalogue['state']> }).catalogue;
const catalogue = new Catalogue(data, matcher);
const councilFirstPage = councilDocumentsOnly(catalogue);
/** Strings a batch shares (see `StringTable`): entry ids, labels, numbers, series and places are shorter. */
const SHARED_STRING_LENGTH = 24;

/** One file, its entry packed against the batch's strings and laid flat; null when it cannot be opened. Word and PDF files are read by their readers, here in the worker. */
async function readFile(uri: string, strings: StringTable): Promise<{ file: FileRead; entry?: Int32Array } | null> {
  if (!uri.startsWith('file:')) return null;
  const file = uriPath(uri);
  // A Word or PDF file whose first page shows no Council document is read no further, and kept (by size and time) as none.
  const read = isArchiveFile(file) ? await readDocument(file, councilFirstPage) : readDocumentFile(file);
  if (!read.stat) return null;
  const entry = read.ok && !read.firstPageOnly ? packDocument(parseForIndex(read.text, catalogue), catalogue, strings) : undefined;
  return { file: { size: read.stat.size, mtime: read.stat.mtime }, entry: entry && flatEntry(entry) };
}

/** Batches are answered in the order they came (parallelIndex.ts counts on it), one at a time, though a PDF is read across awaits. */
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (request: IndexRequest) => {
  queue = queue.then(() => answer(request));
});

async function answer({ id, uris }: IndexRequest): Promise<void> {
  let response: IndexResponse;
  try {
    const strings = new StringTable(SHARED_STRING_LENGTH);
    // One file after another: a PDF's reads interleaved with the next file's would only hold more in memory.
    const read = [];
    for (const uri of uris) read.push(await readFile(uri, strings));
    // Entry k is data[starts[k]] to data[starts[k + 1]]; empty for a file without one.
    const starts = new Int32Array(uris.length + 1);
    let length = 0;
    read.forEach((r, k) => {
      starts[k] = length;
      length += r?.entry?.length ?? 0;
    });
    starts[uris.length] = length;
    const data = new Int32Array(length);
    read.forEach((r, k) => r?.entry && data.set(r.entry, starts[k]));
    response = { id, files: read.map((r) => r && r.file), starts, data, strings: JSON.stringify(strings.strings) };
  } catch (e) {
    response = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(response, 'data' in response ? [response.data.buffer as ArrayBuffer, response.starts.buffer as ArrayBuffer] : []);
}
