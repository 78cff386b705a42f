/**
 * pdf.js, loaded once per process. The readers already run in the index's workers, so pdf.js
 * gets no worker thread of its own: its worker module is loaded here, on this thread, and handed
 * to it (`globalThis.pdfjsWorker`, the hook pdf.js reads before it would import its worker file
 * from a URL). The legacy build is the one made for Node. Both are ES modules; `import()` keeps
 * them out of the load of any module that never reads a PDF, and the bundler inlines them.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let loading: Promise<PdfJs> | undefined;

export function pdfjs(): Promise<PdfJs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJs> {
  // pdf.js looks for a canvas package as it loads, for drawing pages, which text reading never
  // does: it warns on the console when there is none (the warnings would reach the CLI's output
  // and the server's log), and makes a DOMMatrix, which Node lacks, when its module is run. An
  // empty one stands in while it loads and is taken away after: nothing else sees it.
  const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
  const warn = console.warn;
  const standIn = g.DOMMatrix === undefined;
  console.warn = () => {};
  if (standIn) g.DOMMatrix = class DOMMatrix {};
  const builtIns = snapshotBuiltIns();
  try {
    g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.warn = warn;
    if (standIn) delete g.DOMMatrix;
    restoreBuiltIns(builtIns);
  }
}

/** Reads in progress on this thread, while which pdf.js sees no DecompressionStream. */
let reading = 0;
let decompressionStream: PropertyDescriptor | undefined;

/**
 * Runs a read with the global DecompressionStream out of pdf.js's sight, put back when the last
 * read of the thread ends. pdf.js inflates a page's content stream through it when there is one,
 * and otherwise with its own inflater, in step: for the small streams of a page the web stream's
 * round trips (promises per chunk, the inflating on the thread pool) cost more than the
 * inflating. The text read is the same.
 */
export async function withoutDecompressionStream<T>(read: () => Promise<T>): Promise<T> {
  if (reading++ === 0) {
    decompressionStream = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
    if (decompressionStream?.configurable) delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  }
  try {
    return await read();
  } finally {
    if (--reading === 0 && decompressionStream?.configurable) Object.defineProperty(globalThis, 'DecompressionStream', decompressionStream);
  }
}

/**
 * The legacy build brings polyfills (core-js) that add what Node 20 lacks, which pdf.js needs
 * (`Promise.withResolvers`, `Uint8Array.prototype.toHex`, …), and also replace built-ins Node has
 * (`JSON.parse`, `JSON.stringify`, `Array.prototype.push`) with slower ones, for every module of
 * the process. What it adds stays; what it replaced is put back.
 */
const BUILT_INS: object[] = [
  globalThis,
  ...[Object, Function, Array, String, Number, Boolean, Symbol, Date, RegExp, Error, Promise, Map, Set, WeakMap, WeakSet, ArrayBuffer, DataView, Uint8Array, Object.getPrototypeOf(Uint8Array)].flatMap((c) => [c, c.prototype]),
  JSON,
  Math,
  Reflect,
];

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshotBuiltIns(): Snapshot {
  const out: Snapshot = new Map();
  for (const target of BUILT_INS) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(target)) props.set(key, Object.getOwnPropertyDescriptor(target, key)!);
    out.set(target, props);
  }
  return out;
}

function restoreBuiltIns(snapshot: Snapshot): void {
  for (const [target, props] of snapshot) {
    for (const [key, was] of props) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (!now || (now.value === was.value && now.get === was.get && now.set === was.set) || !now.configurable) continue;
      // Node's lazy globals (TextDecoder, URL, …) turn from getters into values once read: the same objects, left as they are.
      if (was.get && !was.set && now.value === was.get.call(target)) continue;
      Object.defineProperty(target, key, was);
    }
  }
}
