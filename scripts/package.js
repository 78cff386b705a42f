// npm run package: bundles client, server and CLI with esbuild and packages the .vsix with
// @vscode/vsce run by Node 24 from .tools/ (vsce 4 needs Node >= 22; filled by scripts/e2e/setup.sh).
const { buildVsix } = require('./e2e/tools');

buildVsix().then(
  (vsix) => console.log(`packaged ${vsix}`),
  (err) => {
    console.error(`package failed: ${err.message}`);
    process.exit(1);
  },
);
