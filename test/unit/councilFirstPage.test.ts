// Word and PDF files in the workspace are read whole only when their first page is a Council
// document's: a folder of unrelated PDFs costs a page each, once (the saved index remembers them).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { councilDocumentsOnly } from '../../server/src/node/councilFirstPage';
import { readDocument } from '../../server/src/node/documentFiles';
import { ArchiveReader } from '../../server/src/node/archiveReader';
import { FileWorkspace, fileScope } from '../../server/src/node/fileWorkspace';
import { fileUri } from '../../server/src/node/fileUris';
import { startParallelIndex } from '../../server/src/node/parallelIndex';
import { para, run, wordPackage } from '../support/wordPackage';

const ARCHIVE = path.resolve(__dirname, '../../../test/fixtures/archive');
const catalogue = loadBuiltInCatalogue();

/** A Word file of about twenty pages that is no Council document: a report, a paragraph per point. */
function unrelatedWord(): Uint8Array {
  const points = Array.from({ length: 150 }, (_, k) => para(run(`Point ${k + 1}. The reading room of the municipal library welcomed visitors throughout the year, and the lending figures rose again.`)));
  return wordPackage({ body: para(run('Annual Report of the Municipal Library')) + points.join('') });
}

/** The same length of text under a Council header: an outcome. */
function councilWord(): Uint8Array {
  const header = ['Council of the European Union', 'Brussels, 12 April 2016', '(OR. en)', '7412/16', 'LIMITE', 'JAI 280', 'OUTCOME OF PROCEEDINGS', 'From:\tGeneral Secretariat of the Council', 'To:\tDelegations', 'Subject:\tSummary of discussions', '1.\tOpening'];
  const points = Array.from({ length: 150 }, (_, k) => para(run(`Point ${k + 1}. The Chair recalled the work done on the roadmap and the delegations took note of it.`)));
  return wordPackage({ body: header.map((l) => para(run(l.replace('\t', '</w:t></w:r><w:r><w:tab/><w:t>')))).join('') + points.join('') });
}

describe('Word and PDF files read from their first page', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-first-page-'));
    fs.copyFileSync(path.join(ARCHIVE, 'unrelated-report.pdf'), file('report.pdf'));
    fs.copyFileSync(path.join(ARCHIVE, 'outcome-long.pdf'), file('7012-26.pdf'));
    fs.writeFileSync(file('report.docx'), unrelatedWord());
    fs.writeFileSync(file('7412-16.docx'), councilWord());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads an unrelated PDF of twelve pages no further than its first page, asked once', async () => {
    const asked: string[] = [];
    const read = await readDocument(file('report.pdf'), { wanted: (page) => (asked.push(page), councilDocumentsOnly(catalogue).wanted!(page)) });
    assert.equal(asked.length, 1);
    assert.match(asked[0], /^Annual Report of the Municipal Library\n\nChapter 1\n/);
    assert.ok(!asked[0].includes('Chapter 2'), 'the second page is not read');
    assert.ok(read.ok && read.firstPageOnly);
    assert.equal(read.text, asked[0]);
    assert.equal(read.warning, 'read the first of 12 pages only: no Council document');
    const whole = await readDocument(file('report.pdf'));
    assert.ok(whole.ok && !whole.firstPageOnly && whole.text.includes('Chapter 12'));
  });

  it('reads a Council PDF whole, as it reads it without the test', async () => {
    const read = await readDocument(file('7012-26.pdf'), councilDocumentsOnly(catalogue));
    const whole = await readDocument(file('7012-26.pdf'));
    assert.ok(read.ok && whole.ok && !read.firstPageOnly);
    assert.equal(read.text, whole.text);
  });

  it('reads an unrelated Word file no further than about a page of its body; a Council one whole', async () => {
    const unrelated = await readDocument(file('report.docx'), councilDocumentsOnly(catalogue));
    const whole = await readDocument(file('report.docx'));
    assert.ok(unrelated.ok && whole.ok && unrelated.firstPageOnly && !whole.firstPageOnly);
    assert.ok(whole.text.startsWith(unrelated.text) && unrelated.text.length >= 3000 && unrelated.text.length < whole.text.length / 2, `${unrelated.text.length} of ${whole.text.length}`);
    assert.equal(unrelated.warning, 'read the start of the body only: no Council document');
    const council = await readDocument(file('7412-16.docx'), councilDocumentsOnly(catalogue));
    assert.ok(council.ok && !council.firstPageOnly && council.text.endsWith('Point 150. The Chair recalled the work done on the roadmap and the delegations took note of it.'));
  });

  it('reads a file changed on disk for the index, on the server\'s reader thread, as the workers do; its view reads it whole', async () => {
    const archives = new ArchiveReader();
    const workspace = new FileWorkspace([dir], fileScope(), archives);
    try {
      const forIndex = await workspace.readFile(fileUri(file('report.pdf')));
      assert.match(forIndex ?? '', /^Annual Report of the Municipal Library\n\nChapter 1\n/);
      assert.ok(!forIndex!.includes('Chapter 2'), 'the second page is not read');
      const view = await workspace.read(file('report.pdf'));
      assert.ok(view.ok && view.text.includes('Chapter 12'));
      const council = await readDocument(file('7012-26.pdf'));
      assert.ok(council.ok);
      assert.equal(await workspace.readFile(fileUri(file('7012-26.pdf'))), council.text);
    } finally {
      await archives.close();
    }
  });

  it('indexes the Council files and keeps the unrelated ones in the saved index as none: a warm start reads no file again', async () => {
    const parallel = startParallelIndex(catalogue, 1);
    assert.ok(parallel, 'workers start');
    const index = new WorkspaceIndex(new FileWorkspace([dir]), catalogue);
    try {
      const cold = await index.build({ readEntries: parallel.readEntries });
      assert.deepEqual([cold.files, cold.read, cold.documents], [4, 4, 2]);
    } finally {
      await parallel.close();
    }
    assert.deepEqual([...index.entries()].map((e) => [path.basename(e.uri), e.number?.text]).sort(), [['7012-26.pdf', '7012/26'], ['7412-16.docx', '7412/16']]);
    const snapshot = index.snapshot();
    const saved = (name: string) => snapshot.files.find((f) => f.uri === fileUri(file(name)));
    for (const name of ['report.pdf', 'report.docx']) {
      assert.deepEqual(saved(name), { uri: fileUri(file(name)), size: fs.statSync(file(name)).size, mtime: fs.statSync(file(name)).mtimeMs });
    }
    const warm = await new WorkspaceIndex(new FileWorkspace([dir]), catalogue).build({ snapshot });
    assert.deepEqual([warm.read, warm.reused, warm.documents], [0, 4, 2]);
  });
});
