// Entry point of the end-to-end suite, run by VS Code's extension host (`extensionTestsPath`).
// Every `*.test.js` beside this file (or below it) is added: a new test is just a new file.
// Measurements (`*.bench.js`) run instead of the tests when `npm run bench` asks for them
// (OUTCOME_E2E_BENCH): the tests themselves never time anything.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function testFiles(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testFiles(path.join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [path.join(dir, e.name)] : []))
    .sort();
}

export function run(): Promise<void> {
  // The runner (scripts/e2e/run.js) waits for this line to know the workbench started the suite.
  console.log('e2e: suite started');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.OUTCOME_E2E_TIMEOUT ?? 30000),
    grep: process.env.OUTCOME_E2E_GREP || undefined,
  });
  testFiles(__dirname, process.env.OUTCOME_E2E_BENCH ? '.bench.js' : '.test.js').forEach((f) => mocha.addFile(f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
      // A closing line CI reads whatever the reporter; scripts/e2e/run.js repeats it last.
      runner.on('end', () => {
        const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
        console.log(`e2e: ${passes} passed, ${failures} failed, ${pending} skipped`);
      });
    } catch (e) {
      reject(e);
    }
  });
}
