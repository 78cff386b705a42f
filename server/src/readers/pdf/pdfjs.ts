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
  try {
    g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.warn = warn;
    if (standIn) delete g.DOMMatrix;
  }
}
