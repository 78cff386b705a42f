// pdf.js in the bundles: its two ES modules are shipped beside them in dist/pdfjs/ and loaded by
// the PDF reader's import() when a PDF is first read, so that a process reading no PDF does not
// load 2 MB of script (server/src/readers/pdf/pdfjs.ts). The bundles' import() of the package
// files points at those copies.
const fs = require('node:fs');
const path = require('node:path');

const FROM = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy', 'build');
/** The package's file name, and the copy's in dist/pdfjs/ (the minified build, the same code). */
const FILES = { 'pdf.mjs': 'pdf.min.mjs', 'pdf.worker.mjs': 'pdf.worker.min.mjs' };

/** An esbuild plugin that keeps the pdf.js modules out of a bundle written to dist/. */
const pdfjsExternal = {
  name: 'pdfjs-external',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/ }, (args) => ({
      path: `./pdfjs/${FILES[path.basename(args.path)]}`,
      external: true,
    }));
  },
};

function copyPdfjs(dist) {
  const to = path.join(dist, 'pdfjs');
  fs.mkdirSync(to, { recursive: true });
  for (const file of Object.values(FILES)) fs.copyFileSync(path.join(FROM, file), path.join(to, file));
  fs.copyFileSync(path.join(FROM, '..', '..', 'LICENSE'), path.join(to, 'LICENSE'));
}

module.exports = { pdfjsExternal, copyPdfjs };
