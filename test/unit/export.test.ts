import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { defaultTarget, exportLayout, layoutOfDraft } from '../../server/src/node/export/exportDraft';
import { findLibreOffice, LIBREOFFICE_MISSING } from '../../server/src/node/export/libreOffice';
import { wordDocument } from '../../server/src/node/export/wordDocument';
import { writeBeside } from '../../server/src/node/export/writeBeside';
import { CORPUS, corpusText, edit } from './corpus';

const catalogue = loadBuiltInCatalogue();
const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'outcome-lint.js');
const DRAFT = path.join(ROOT, 'example', 'draft-15020-23.outcome.md');

function layoutOf(text: string) {
  const l = layoutOfDraft(text, catalogue);
  assert.ok(l.ok, 'an outcome document');
  return l.layout;
}

async function parts(text: string): Promise<Record<string, string>> {
  const bytes = await wordDocument(layoutOf(text), { initials: 'PC/pf', directorate: 'JAI.1' });
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

describe('export: the Word document', () => {
  it('numbers sections and items with Word numbering: "1." one list, "a)" a list per section', async () => {
    const p = await parts(corpusText('9278-18.md'));
    const numbering = p['word/numbering.xml'];
    assert.match(numbering, /<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/);
    assert.match(numbering, /<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%1\)"\/>/);
    const numIds = [...p['word/document.xml'].matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // 5 sections in one list; the items of sections 1 to 4 (3, 2, 3, 2 of them) each in their own.
    assert.equal(numIds.length, 5 + 10);
    assert.equal(new Set(numIds).size, 1 + 4);
    assert.doesNotMatch(p['word/document.xml'], />1\. Counterterrorism</, 'the number is Word\'s, not text');
  });

  it('keeps "Session N:" as text, in Times New Roman 12 pt on A4', async () => {
    const p = await parts(corpusText('13228-11.md'));
    assert.match(p['word/document.xml'], /<w:t xml:space="preserve">Session 1:\t<\/w:t>/);
    assert.match(p['word/styles.xml'], /w:ascii="Times New Roman"/);
    assert.match(p['word/styles.xml'], /<w:sz w:val="24"\/>/);
    assert.match(p['word/document.xml'], /<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('footer: number, initials, a PAGE field, directorate, marking, EN; title and number in the properties', async () => {
    const p = await parts(corpusText('9278-18.md'));
    const footerName = Object.keys(p).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const footer = p[footerName];
    const texts = [...footer.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    assert.deepEqual(texts, ['9278/18', 'PC/pf', 'JAI.1', 'LIMITE', 'EN']);
    assert.match(footer, /<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    assert.match(p['docProps/core.xml'], /<dc:title>Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting \(Sofia, 22-23 May 2018\)<\/dc:title>/);
    assert.match(p['docProps/custom.xml'], /name="Document number"><vt:lpwstr>9278\/18<\/vt:lpwstr>/);
    assert.equal(Object.keys(p).some((n) => /^word\/header\d*\.xml$/.test(n) && /LIMITE/.test(p[n])), false, 'LIMITE is not repeated in the page header');
  });

  it('a classified marking is repeated in the page header; the annex starts a new page', async () => {
    const p = await parts(edit(corpusText('9278-18.md'), /^LIMITE$/m, 'RESTREINT UE/EU RESTRICTED'));
    const header = Object.keys(p).find((n) => /^word\/header\d*\.xml$/.test(n));
    assert.ok(header, 'a page header');
    assert.match(p[header], />RESTREINT UE\/EU RESTRICTED</);
    assert.match(p['word/document.xml'], /<w:pageBreakBefore\/>.*?>ANNEX</);
  });

  it('refuses a text that is no outcome of proceedings', () => {
    const r = layoutOfDraft(fs.readFileSync(path.join(CORPUS, 'other', 'iss-annual-report-2011.md'), 'utf8'), catalogue);
    assert.deepEqual(r, { ok: false, reason: 'not an outcome of proceedings document (no "OUTCOME OF PROCEEDINGS" title or header): nothing exported' });
  });

  it('the default target is beside the draft, without ".outcome"', () => {
    assert.equal(defaultTarget(path.join('a', 'draft-15020-23.outcome.md'), 'docx'), path.join('a', 'draft-15020-23.docx'));
    assert.equal(defaultTarget(path.join('a', 'notes.txt'), 'pdf'), path.join('a', 'notes.pdf'));
  });
});

describe('export: writing the file', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-export-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('replaces the target whole and leaves no temporary file', async () => {
    const target = path.join(tmp, 'out.docx');
    fs.writeFileSync(target, 'old');
    assert.deepEqual(await writeBeside(target, new Uint8Array([1, 2, 3])), { ok: true });
    assert.deepEqual([...fs.readFileSync(target)], [1, 2, 3]);
    assert.deepEqual(fs.readdirSync(tmp), ['out.docx']);
  });

  it('a missing folder, a folder in the way, a file in the way of the folder: one line each, nothing left behind', async () => {
    const missing = path.join(tmp, 'nowhere', 'out.docx');
    assert.deepEqual(await writeBeside(missing, new Uint8Array([1])), { ok: false, reason: `cannot write ${missing}: the folder ${path.dirname(missing)} does not exist` });
    fs.mkdirSync(path.join(tmp, 'taken.docx'));
    assert.deepEqual(await writeBeside(path.join(tmp, 'taken.docx'), new Uint8Array([1])), { ok: false, reason: `${path.join(tmp, 'taken.docx')} is a folder` });
    fs.writeFileSync(path.join(tmp, 'file'), 'kept');
    const underFile = path.join(tmp, 'file', 'out.docx');
    assert.deepEqual(await writeBeside(underFile, new Uint8Array([1])), { ok: false, reason: `cannot write ${underFile}: the folder ${path.dirname(underFile)} does not exist` });
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['file', 'taken.docx']);
    assert.equal(fs.readFileSync(path.join(tmp, 'file'), 'utf8'), 'kept');
  });

  it('PDF without LibreOffice: the message names what to install, and nothing is written', async () => {
    const saved = process.env.PATH;
    process.env.PATH = tmp;
    try {
      assert.deepEqual(findLibreOffice(), { ok: false, reason: LIBREOFFICE_MISSING });
      const target = path.join(tmp, 'out.pdf');
      assert.deepEqual(await exportLayout(layoutOf(corpusText('9278-18.md')), { format: 'pdf', target, footer: {} }), { ok: false, reason: LIBREOFFICE_MISSING });
      assert.equal(fs.existsSync(target), false);
    } finally {
      process.env.PATH = saved;
    }
    const wrong = path.join(tmp, 'soffice');
    assert.deepEqual(findLibreOffice(wrong), { ok: false, reason: `the LibreOffice program ${wrong} (outcomeDrafting.export.libreOffice) does not exist or cannot be run` });
  });
});

describe('outcome-lint export (as a process)', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-export-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'export', ...args], { encoding: 'utf8', cwd: ROOT });

  it('a draft with errors: exit 1 and nothing written; --force writes it', () => {
    const out = path.join(tmp, 'draft.docx');
    const refused = run('--out', out, DRAFT);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /: 2 errors: not exported \(--force exports anyway\)\n$/);
    assert.equal(fs.existsSync(out), false);
    const forced = run('--force', '--out', out, DRAFT);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(forced.stdout, `${out}: written (the draft has 2 errors)\n`);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');
  });

  it('a clean document is written beside it by default; bad input exits 2 with one line', () => {
    const copy = path.join(tmp, '9278-18.outcome.md');
    fs.copyFileSync(path.join(CORPUS, '9278-18.md'), copy);
    const ok = run(copy);
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(fs.existsSync(path.join(tmp, '9278-18.docx')));
    const other = run(path.join(CORPUS, 'other', 'iss-annual-report-2011.md'));
    assert.equal(other.status, 2);
    assert.match(other.stderr, /^outcome-lint export: .*iss-annual-report-2011\.md: not an outcome of proceedings document/);
    const unwritable = run('--out', path.join(tmp, 'missing', 'x.docx'), copy);
    assert.equal(unwritable.status, 2);
    assert.equal(unwritable.stderr, `outcome-lint export: cannot write ${path.join(tmp, 'missing', 'x.docx')}: the folder ${path.join(tmp, 'missing')} does not exist\n`);
    const usage = run('--format', 'odt', copy);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--format must be docx or pdf, not "odt"/);
  });
});
