#!/usr/bin/env node
// The Outcome Drafting language server for any LSP client: `outcome-lsp --stdio`.
// The bundled server reads its transport (--stdio, --node-ipc, --socket=N) from the command line.
require('../dist/server.js');
