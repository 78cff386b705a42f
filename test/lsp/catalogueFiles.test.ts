import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusText, positionOf, Session } from './session';

/** 7725/23 with a code only the good extra file knows. */
const TEXT = corpusText('7725-23.md').replace('COSI 46', 'ZZTEST 46');
const uri = 'untitled:extra-catalogue.outcome.md';

describe('LSP: extra catalogue files the server will not read, or reads with care', () => {
  let folder: string;
  let session: Session | undefined;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-catalogue-files-'));
    fs.writeFileSync(path.join(folder, 'good.json'), JSON.stringify({ subjectCodes: [{ code: 'ZZTEST', description: 'A code for the tests' }] }));
  });
  afterEach(async () => {
    await session?.stop();
    session = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Starts with `bad` and good.json as extra files; resolves with the catalogue warning once the server answers with good.json loaded. */
  async function startWith(bad: string): Promise<string> {
    ({ session } = await Session.start({ workspaceFolder: folder, settings: { catalogue: { extraFiles: [bad, 'good.json'] } } }));
    const s = session;
    const message = await s.until(() => s.messages.find((m) => /extra catalogue files/.test(m.message)));
    await s.open(uri, TEXT);
    assert.ok(!(await s.diagnostics(uri)).some((d) => d.code === 'codes.unknown'), 'good.json is loaded');
    return message.message;
  }

  it('refuses a FIFO, and goes on with the others', async () => {
    execFileSync('mkfifo', [path.join(folder, 'pipe.json')]);
    const message = await startWith('pipe.json');
    assert.match(message, /pipe\.json: cannot read the file: not a regular file/);
  });

  it('refuses a link to /dev/zero', async () => {
    fs.symlinkSync('/dev/zero', path.join(folder, 'zero.json'));
    const message = await startWith('zero.json');
    assert.match(message, /zero\.json: cannot read the file: not a regular file/);
  });

  it('refuses a file over the size limit', async () => {
    const entries = Array.from({ length: 12_000 }, (_, i) => ({ id: `instrument-${i}`, name: `Instrument ${i} of the tests`, kind: 'agreement', aliases: [`Alias number ${i}`] }));
    fs.writeFileSync(path.join(folder, 'large.json'), JSON.stringify({ instruments: entries }));
    assert.ok(fs.statSync(path.join(folder, 'large.json')).size > 1024 * 1024);
    const message = await startWith('large.json');
    assert.match(message, /large\.json: cannot read the file: larger than the limit of 1 MB for an extra catalogue file/);
  });

  it('never quotes the file in its message', async () => {
    fs.writeFileSync(path.join(folder, 'secret.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    const message = await startWith('secret.json');
    assert.match(message, /secret\.json: invalid JSON at line 1, column 1 \(InvalidSymbol\)/);
    assert.doesNotMatch(message, /root:x|bin\/bash/);
    const diagnostics = session!.published.get(pathToFileURL(path.join(folder, 'secret.json')).href);
    assert.deepEqual(diagnostics?.map((d) => [d.message, d.range]), [
      ['invalid JSON at line 1, column 1 (InvalidSymbol)', { start: { line: 0, character: 0 }, end: { line: 0, character: 31 } }],
    ]);
  });

  it('places the first hundred of 8,000 bad entries at their own lines, counts the rest in one more, says how many in one message, and loads the rest', async () => {
    const entries = Array.from({ length: 8000 }, (_, i) => ({ id: `Bad Id ${i}`, name: `Entry ${i}`, kind: 'agreement' }));
    const text = JSON.stringify({ instruments: entries }, null, 1);
    fs.writeFileSync(path.join(folder, 'bad.json'), text);
    const message = await startWith('bad.json');
    assert.match(message, /bad\.json: instruments\[0\]\.id: expected a kebab-case id .*; and 7995 more, listed in the files' diagnostics$/);
    const diagnostics = session!.published.get(pathToFileURL(path.join(folder, 'bad.json')).href)!;
    assert.equal(diagnostics.length, 101);
    const last = positionOf(text, '"id": "Bad Id 99"');
    const range = { start: last, end: { line: last.line, character: last.character + '"id": "Bad Id 99"'.length } };
    assert.deepEqual(diagnostics[99].range, range);
    assert.equal(diagnostics[99].message, 'instruments[99].id: expected a kebab-case id such as eu-us-pnr-agreement');
    assert.deepEqual(diagnostics[100].range, range);
    assert.equal(diagnostics[100].message, '7,900 more problems in this file are not shown (from here on): fix the ones above first.');
  });
});
