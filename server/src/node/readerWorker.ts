/**
 * The server's reader of Word and PDF files (see archiveReader.ts): reads the file it is sent
 * through documentFiles.ts, off the server thread, and answers with what it read. Bundled on its
 * own as dist/readerWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { isCouncilDocument } from '../core/document/documentType';
import { parse } from '../core/document/parse';
import type { ReadOptions } from '../readers/archive';
import { readDocument } from './documentFiles';

export interface ReaderRequest {
  id: number;
  file: string;
  /** Read no further than the first page when that is no Council document's (a file read for the index). */
  councilDocumentsOnly?: boolean;
}

/** As the indexing workers test a first page (councilFirstPage.ts): this thread holds no catalogue, and the title and the number tell without one. */
const COUNCIL_DOCUMENTS_ONLY: ReadOptions = { wanted: (firstPage) => isCouncilDocument(parse(firstPage)) };

export interface ReaderResponse {
  id: number;
  read: Awaited<ReturnType<typeof readDocument>>;
}

parentPort?.on('message', ({ id, file, councilDocumentsOnly }: ReaderRequest) => {
  void readDocument(file, councilDocumentsOnly ? COUNCIL_DOCUMENTS_ONLY : {}).then(
    (read) => parentPort!.postMessage({ id, read } satisfies ReaderResponse),
    (e: unknown) => parentPort!.postMessage({ id, read: { ok: false, reason: `could not be read: ${e instanceof Error ? e.message : String(e)}`, format: 'text' } } satisfies ReaderResponse),
  );
});
