import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

/** The checkout (out/test/unit -> ../../..). */
const ROOT = path.resolve(__dirname, '../../..');

/** The lint errors `npm run lint` (part of `npm test`) reports for `code` saved as `file`. */
async function lintErrors(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering (enforced by the lint step of the build)', () => {
  it('fails a core module that imports node:fs, vscode, a feature or a node module', async () => {
    for (const [file, code] of [
      ['server/src/core/workspace/probe.ts', "import * as fs from 'node:fs';\nexport const size = fs.statSync('.').size;\n"],
      ['server/src/core/probe.ts', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n"],
      ['server/src/core/rules/probe.ts', "import type { Diagnostic } from 'vscode-languageserver';\nexport type D = Diagnostic;\n"],
      ['server/src/core/workspace/probe.ts', "import { WATCHED_FILES } from '../../features/workspaceIndex';\nexport const w = WATCHED_FILES;\n"],
      ['server/src/core/workspace/probe.ts', "import { defaultWorkerCount } from '../../node/parallelIndex';\nexport const n = defaultWorkerCount;\n"],
    ]) {
      const errors = await lintErrors(file, code);
      assert.equal(errors.length, 1, `${file}: ${code}`);
      assert.match(errors[0], /^no-restricted-imports: /);
    }
  });

  it('lets the same imports be outside the core, and the core import the core', async () => {
    assert.deepEqual(await lintErrors('server/src/node/probe.ts', "import * as fs from 'node:fs';\nexport const size = fs.statSync('.').size;\n"), []);
    assert.deepEqual(await lintErrors('server/src/core/workspace/probe.ts', "import { spanRange } from './documentEntry';\nexport const r = spanRange;\n"), []);
  });
});
