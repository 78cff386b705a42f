// The root tsconfig resolves modules the classic Node way ("moduleResolution": "node"), which ignores
// package "exports"; the vscode-languageclient 11 family publishes its entry points only through
// "exports". esbuild follows "exports" when bundling; these lines map the same names for the type
// checker. Delete this file once the tsconfig uses "module"/"moduleResolution": "node16".
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
