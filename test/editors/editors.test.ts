import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusText, positionOf, ROOT, serverModule } from '../lsp/session';

/**
 * Real LSP clients no one in the project wrote, driven headless against the server: Neovim 0.7's
 * built-in client (Debian's neovim) and Emacs's eglot (emacs-nox, elpa-eglot). Neither pulls
 * diagnostics: they show what the server pushes.
 *
 * Without the editor on this machine the test says it skipped and why; where
 * OUTCOME_REQUIRE_EDITORS=1 (CI, whose .ci/run installs both) a missing editor fails it.
 */

interface EditorResult {
  diagnostics: { line: number; character: number; message: string }[];
  completion: string[];
  errors: string[];
}

const SCRIPTS = path.join(ROOT, 'test/editors');
/** Whichever editor waits at most this long for each answer (the test's own limit is above both). */
const WAIT_MS = 20_000;

/** 13228/11 with an unknown subject code, and a paragraph where "Budapest Con" is being typed. */
const TEXT = corpusText('13228-11.md')
  .replace('<b>RELEX</b>', '<b>RELXE</b>')
  .replace('## *3. Any Other Business*\n\n', '## *3. Any Other Business*\n\nThe Parties recalled the Budapest Con\n\n');
const TYPED = 'The Parties recalled the Budapest Con';

/** Whether the probe command runs and succeeds. */
function available(probe: string[]): boolean {
  try {
    execFileSync(probe[0], probe.slice(1), { stdio: 'ignore', timeout: WAIT_MS });
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], dir: string): Promise<EditorResult> {
  const result = path.join(dir, 'result.json');
  const at = positionOf(TEXT, TYPED);
  const env = {
    ...process.env,
    // The editors keep their state and logs in the test's folder, not in the user's home.
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    OUTCOME_NODE: process.execPath,
    OUTCOME_SERVER: serverModule(),
    OUTCOME_FILE: path.join(dir, 'defective.outcome.md'),
    OUTCOME_LINE: String(at.line),
    OUTCOME_CHARACTER: String(at.character + TYPED.length),
    OUTCOME_RESULT: result,
    OUTCOME_TIMEOUT_MS: String(WAIT_MS),
  };
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (!fs.existsSync(result)) reject(new Error(`${command} exited with ${code} and wrote no result:\n${output.slice(-2000)}`));
      else resolve(JSON.parse(fs.readFileSync(result, 'utf8')) as EditorResult);
    });
  });
}

const EDITORS: { name: string; command: string; packages: string; probe: string[]; args: string[] }[] = [
  {
    name: 'Neovim',
    command: 'nvim',
    packages: 'neovim',
    probe: ['nvim', '--headless', '--clean', '-c', 'lua if vim.lsp.start_client then vim.cmd("qall!") else vim.cmd("cquit") end'],
    args: ['--headless', '--clean', '-c', `luafile ${path.join(SCRIPTS, 'neovim.lua')}`],
  },
  {
    name: 'Emacs with eglot',
    command: 'emacs',
    packages: 'emacs-nox, elpa-eglot',
    probe: ['emacs', '--batch', '--eval', "(kill-emacs (if (require 'eglot nil t) 0 1))"],
    args: ['--batch', '-l', path.join(SCRIPTS, 'eglot.el')],
  },
];

describe('Real editors as LSP clients', function () {
  this.timeout(3 * WAIT_MS);
  for (const editor of EDITORS) {
    it(`${editor.name} shows the pushed diagnostics of a defective document and completes an instrument`, async function () {
      if (!available(editor.probe)) {
        const missing = `${editor.name} is not installed on this machine (Debian: ${editor.packages})`;
        if (process.env.OUTCOME_REQUIRE_EDITORS === '1') assert.fail(`${missing}, and OUTCOME_REQUIRE_EDITORS=1 requires it`);
        console.log(`      skipped: ${missing}`);
        this.skip();
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `outcome-${editor.command}-`));
      try {
        fs.writeFileSync(path.join(dir, 'defective.outcome.md'), TEXT);
        const got = await run(editor.command, editor.args, dir);
        assert.deepEqual(got.errors, []);
        const unknown = got.diagnostics.find((d) => d.message.includes('RELXE is not a Council subject code'));
        assert.deepEqual(unknown && { line: unknown.line, character: unknown.character }, positionOf(TEXT, 'RELXE'));
        assert.ok(got.completion.includes('Budapest Convention'), `completion: ${got.completion.join(', ')}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
