import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { workspaceFolder } = require('../../../scripts/startFolder.js') as { workspaceFolder: (example: string, state: string, given?: string) => string };

describe('npm start: the folder it opens', () => {
  const example = path.resolve(__dirname, '../../../example');
  let state: string;
  beforeEach(() => (state = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-start-'))));
  afterEach(() => fs.rmSync(state, { recursive: true, force: true }));

  it('is a fresh copy of example/, made anew at each start, outside the repository', () => {
    const first = workspaceFolder(example, state);
    assert.ok(!first.startsWith(example));
    assert.deepEqual(fs.readdirSync(first).sort(), fs.readdirSync(example).sort());
    const draft = fs.readdirSync(example).find((n) => n.startsWith('draft-'))!;
    // A fix saved in the copy is gone at the next start, and example/ never saw it.
    fs.writeFileSync(path.join(first, draft), 'fixed');
    const second = workspaceFolder(example, state);
    assert.equal(fs.readFileSync(path.join(second, draft), 'utf8'), fs.readFileSync(path.join(example, draft), 'utf8'));
  });

  it('is the folder given with --folder, untouched', () => {
    assert.equal(workspaceFolder(example, state, state), state);
    assert.deepEqual(fs.readdirSync(state), []);
  });
});
