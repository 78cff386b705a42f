#!/usr/bin/env node
'use strict';
// The version is answered before the program (and its catalogue) is loaded.
if (process.argv.length === 3 && process.argv[2] === '--version') process.stdout.write(`${require('../package.json').version}\n`);
else {
  void Promise.resolve(require('../dist/cli.js').main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
