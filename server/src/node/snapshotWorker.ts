/**
 * Reads the saved index on its own thread (see `loadSavedIndex` in snapshotFile.ts): the file's
 * seal, its JSON and every entry checked here, then handed to the server in parts. Bundled on
 * its own as dist/snapshotWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sendSnapshot } from './snapshotFile';

const { file, catalogueKey } = workerData as { file: string; catalogueKey: string };
sendSnapshot(file, catalogueKey, (message, transfer) => parentPort!.postMessage(message, transfer ?? []));
