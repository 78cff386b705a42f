import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { FileWorkspace, fileScope } from '../../server/src/node/fileWorkspace';
import { fileUri } from '../../server/src/node/fileUris';
import { corpusText } from './corpus';

/**
 * A workspace folder beside a folder outside it: in the workspace an outcome, a link to an
 * outcome outside, a link to an outcome inside, a link to a folder outside, a FIFO and a link to
 * /dev/zero, Word and PDF files in and out of the include globs.
 */
describe('the files of the workspace folders', () => {
  let root: string;
  let ws: string;
  let outside: string;
  const catalogue = loadBuiltInCatalogue();
  const relative = (uris: string[]) => uris.map((u) => path.relative(ws, new URL(u).pathname)).sort();

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-contain-')));
    ws = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(ws, 'archive'), { recursive: true });
    fs.mkdirSync(path.join(outside, 'more'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'a.outcome.md'), corpusText('9278-18.md'));
    fs.writeFileSync(path.join(outside, 'secret.outcome.md'), corpusText('7725-23.md'));
    fs.writeFileSync(path.join(outside, 'more', 'b.outcome.md'), corpusText('10483-17.md'));
    fs.symlinkSync(path.join(outside, 'secret.outcome.md'), path.join(ws, 'secret.outcome.md'));
    fs.symlinkSync(path.join(ws, 'a.outcome.md'), path.join(ws, 'archive', 'again.outcome.md'));
    fs.symlinkSync(path.join(outside, 'more'), path.join(ws, 'more'));
    execFileSync('mkfifo', [path.join(ws, 'pipe.outcome.md')]);
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.outcome.md'));
    fs.writeFileSync(path.join(ws, 'archive', 'x.pdf'), '%PDF-1.4\n');
    fs.writeFileSync(path.join(ws, 'archive', 'y.docx'), 'PK');
    fs.writeFileSync(path.join(ws, 'z.doc'), 'not read');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists what lies inside: links to files outside and to folders outside are skipped; FIFOs and devices are no documents', async () => {
    const files = new FileWorkspace([ws]);
    assert.deepEqual(relative(await files.listFiles()), ['a.outcome.md', 'archive/again.outcome.md', 'archive/x.pdf', 'archive/y.docx']);
    // Named by a file event, they are still nothing the index reads.
    assert.equal(await files.stat(fileUri(path.join(ws, 'zero.outcome.md'))), undefined);
    assert.equal(await files.readFile(fileUri(path.join(ws, 'zero.outcome.md'))), undefined);
    assert.equal(await files.readFile(fileUri(path.join(ws, 'pipe.outcome.md'))), undefined);
  });

  it('Word and PDF files only where the include globs say', async () => {
    const files = new FileWorkspace([ws], fileScope(['**/*.outcome.md', 'archive/*.pdf']));
    assert.deepEqual(relative(await files.listFiles()).filter((f) => !f.endsWith('.md')), ['archive/x.pdf']);
  });

  it('a file event naming a link outside reads nothing: the index keeps it out', async () => {
    const files = new FileWorkspace([ws]);
    const index = new WorkspaceIndex(files, catalogue);
    await index.build();
    for (const uri of [fileUri(path.join(ws, 'secret.outcome.md')), fileUri(path.join(ws, 'more', 'b.outcome.md')), fileUri(path.join(outside, 'secret.outcome.md'))]) {
      assert.equal(await files.readFile(uri), undefined, uri);
      await index.refresh(uri);
      assert.equal(index.entry(uri), undefined, uri);
    }
    assert.deepEqual([...index.entries()].map((e) => e.number?.text).sort(), ['9278/18', '9278/18']);
  });

  it('outcomeDrafting.files.followLinksOutside follows them', async () => {
    const files = new FileWorkspace([ws], fileScope(undefined, true));
    assert.deepEqual(relative(await files.listFiles()).filter((f) => f.endsWith('.md')), ['a.outcome.md', 'archive/again.outcome.md', 'more/b.outcome.md', 'secret.outcome.md']);
    assert.ok((await files.readFile(fileUri(path.join(ws, 'secret.outcome.md'))))?.includes('7725/23'));
  });
});
