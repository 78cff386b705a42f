import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { formatOf, MAX_BYTES, MAX_DOCUMENT_BYTES, readDocumentFile as readWithStat, readDocumentFileAsync, readFileBytes } from '../../server/src/node/documentFiles';

describe('reading a document file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-read-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What was read, its size and time checked against the file's. */
  const readDocumentFile = (file: string) => {
    const { stat, ...read } = readWithStat(file);
    if (stat) {
      const s = fs.statSync(file);
      assert.deepEqual(stat, { size: s.size, mtime: s.mtimeMs }, file);
    }
    return read;
  };

  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads the text as written, CRLF and non-ASCII characters kept; a BOM is not text', () => {
    const text = 'Council of the European Union\r\nBrussels, 23\u00a0May 2018 \u2013 Sof\u00eda\r\n';
    assert.deepEqual(readDocumentFile(write('a.md', text)), { ok: true, text });
    assert.deepEqual(readDocumentFile(write('bom.md', `\ufeff${text}`)), { ok: true, text });
    assert.deepEqual(readDocumentFile(write('empty.md', '')), { ok: true, text: '' });
  });

  it('reads a file larger than the first read in full', () => {
    const text = 'x'.repeat(300_000) + '\n\u20ac';
    assert.deepEqual(readDocumentFile(write('long.md', text)), { ok: true, text });
  });

  it('says why it cannot: no such file, a directory, too large, binary', () => {
    assert.deepEqual(readDocumentFile(path.join(dir, 'nope.md')), { ok: false, reason: 'no such file' });
    fs.mkdirSync(path.join(dir, 'folder.md'));
    assert.deepEqual(readDocumentFile(path.join(dir, 'folder.md')), { ok: false, reason: 'a directory' });
    const huge = path.join(dir, 'huge.md');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_DOCUMENT_BYTES + 1); // sparse: no 16 MB written
    const tooLarge = readDocumentFile(huge);
    assert.equal(tooLarge.ok, false);
    assert.match((tooLarge as { reason: string }).reason, /too large to be an outcome document \(16\.0 MB; the limit is 16 MB\)/);
    assert.deepEqual(readDocumentFile(write('scan.md', Buffer.from([0x25, 0x50, 0x00, 0xff]))), { ok: false, reason: 'a binary file, not a text document' });
  });

  it('reads invalid UTF-8 with a warning', () => {
    const read = readDocumentFile(write('latin1.md', Buffer.from('Sof\u00eda', 'latin1')));
    assert.deepEqual(read, { ok: true, text: 'Sof\ufffda', warning: 'not valid UTF-8: the invalid bytes are read as U+FFFD' });
  });
});

describe('only regular files are read, each within its format bound', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-regular-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO at once (no writer: a plain open would wait for ever), sync and async', async () => {
    const fifo = path.join(dir, 'pipe.outcome.md');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(readWithStat(fifo), { ok: false, reason: 'a named pipe (FIFO), not a file' });
    assert.deepEqual(await readDocumentFileAsync(fifo), { ok: false, reason: 'a named pipe (FIFO), not a file' });
  });

  it('refuses a device, also behind a link (/dev/zero never ends)', async () => {
    const link = path.join(dir, 'zero.outcome.md');
    fs.symlinkSync('/dev/zero', link);
    assert.deepEqual(readWithStat(link), { ok: false, reason: 'a device, not a file' });
    assert.deepEqual(await readDocumentFileAsync(link), { ok: false, reason: 'a device, not a file' });
  });

  it('bounds each format: text 16 MB, Word 32 MB, PDF 50 MB (sparse files: nothing written)', () => {
    for (const [format, name] of [['text', 'big.md'], ['docx', 'big.docx'], ['pdf', 'big.pdf']] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, '');
      fs.truncateSync(file, MAX_BYTES[format] + 1);
      const read = readFileBytes(file, format);
      assert.equal(read.ok, false, name);
      assert.match((read as { reason: string }).reason, new RegExp(`\\(${((MAX_BYTES[format] + 1) / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES[format] / 1048576} MB\\)$`));
    }
    assert.deepEqual([MAX_BYTES.text, MAX_BYTES.docx, MAX_BYTES.pdf].map((b) => b / 1048576), [16, 32, 50]);
  });

  it('tells the format by the name', () => {
    assert.deepEqual(['a.pdf', 'B.PDF', 'c.docx', 'd.md', 'e.doc', 'f'].map(formatOf), ['pdf', 'pdf', 'docx', 'text', 'text', 'text']);
  });
});
