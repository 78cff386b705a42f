/**
 * The server's reader of Word and PDF files (see archiveReader.ts): reads the file it is sent
 * through documentFiles.ts, off the server thread, and answers with what it read. Bundled on its
 * own as dist/readerWorker.js.
 */
import { parentPort } from 'node:worker_threads';
import { readDocument } from './documentFiles';

export interface ReaderRequest {
  id: number;
  file: string;
}

export interface ReaderResponse {
  id: number;
  read: Awaited<ReturnType<typeof readDocument>>;
}

parentPort?.on('message', ({ id, file }: ReaderRequest) => {
  void readDocument(file).then(
    (read) => parentPort!.postMessage({ id, read } satisfies ReaderResponse),
    (e: unknown) => parentPort!.postMessage({ id, read: { ok: false, reason: `could not be read: ${e instanceof Error ? e.message : String(e)}`, format: 'text' } } satisfies ReaderResponse),
  );
});
