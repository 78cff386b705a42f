/**
 * Builds a catalogue's matcher on its own thread (see `buildCatalogue` in catalogueBuild.ts):
 * an extra catalogue of tens of thousands of names takes a while to compile, and the server's
 * thread answers meanwhile. Bundled on its own as dist/catalogueWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Catalogue } from '../core/catalogue/catalogue';
import type { CatalogueData } from '../core/catalogue/schema';

const { matcher } = new Catalogue(workerData as CatalogueData).state();
// Copied, not transferred: its typed arrays copy at memory speed.
parentPort!.postMessage(matcher);
