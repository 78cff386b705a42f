// Bundles the server (and CLI) into dist/ so the .vsix and the bin scripts need no node_modules.
const esbuild = require('esbuild');
const { copyPdfjs, pdfjsExternal } = require('./pdfjsFiles');
// jsonc-parser's main build is UMD, whose lazy requires esbuild cannot follow: its ES module build is bundled instead.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [pdfjsExternal], alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };
copyPdfjs('dist');
Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The workspace index's workers run this file (server/src/node/parallelIndex.ts looks for it beside the server).
  esbuild.build({ ...common, entryPoints: ['server/src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  // The saved index is read and checked on this worker (server/src/node/snapshotFile.ts looks for it beside the server).
  esbuild.build({ ...common, entryPoints: ['server/src/node/snapshotWorker.ts'], outfile: 'dist/snapshotWorker.js' }),
  // The server reads Word and PDF files on this worker (server/src/node/archiveReader.ts looks for it beside the server).
  esbuild.build({ ...common, entryPoints: ['server/src/node/readerWorker.ts'], outfile: 'dist/readerWorker.js' }),
  // An extra catalogue's matcher is compiled on this worker (server/src/node/catalogueBuild.ts looks for it beside the server).
  esbuild.build({ ...common, entryPoints: ['server/src/node/catalogueWorker.ts'], outfile: 'dist/catalogueWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
]).catch(() => process.exit(1));
