// The folder npm start opens: the one given with --folder, else a fresh copy of example/ made
// anew at each start, so that trying the quick fixes (code-server saves after a delay) never
// changes the repository and the next person still finds a draft with defects.
const fs = require('fs');
const path = require('path');

/** `given` resolved, or a fresh copy of `example` inside `stateDir`. */
function workspaceFolder(example, stateDir, given) {
  if (given) return path.resolve(given);
  const copy = path.join(stateDir, 'example');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(example, copy, { recursive: true });
  return copy;
}

module.exports = { workspaceFolder };
