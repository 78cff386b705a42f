import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { parseWith } from '../../server/src/core/lint';
import { findLibreOffice } from '../../server/src/node/export/libreOffice';
import { CORPUS } from './corpus';
import { documentFacts } from './documentFacts';
import { DRAFTS, exportedDrafts } from './exportedDrafts';

const catalogue = loadBuiltInCatalogue();
const ROOT = path.resolve(__dirname, '../../..');
/** Where the rendered first pages are kept (the end-to-end runner leaves this folder alone). */
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'export');

/**
 * The exported Word files as LibreOffice reads them: an independent reader of what Word would
 * show (its text output carries the automatic numbers; its PDF the footers, page by page).
 */
describe('export: the Word files as LibreOffice opens them', function () {
  this.timeout(180_000);
  const texts = new Map<string, string>();
  const pdfs = new Map<string, Buffer>();

  before(async function () {
    const soffice = findLibreOffice();
    if (!soffice.ok) {
      console.log(`    skipped: ${soffice.reason}`);
      return this.skip();
    }
    for (const [draft, { text, pdf }] of await exportedDrafts(soffice.program)) {
      texts.set(draft, text);
      pdfs.set(draft, pdf);
    }
  });

  it('gives back the same document: header facts, addressing, section and item numbers and titles, mentions', () => {
    for (const draft of DRAFTS) {
      const original = documentFacts(parseWith(fs.readFileSync(draft, 'utf8'), catalogue), catalogue);
      const back = documentFacts(parseWith(texts.get(draft)!, catalogue), catalogue);
      // LibreOffice's text output puts every table cell on a line of its own: the code, then its number.
      const { codes, ...rest } = back;
      const { codes: originalCodes, ...originalRest } = original;
      assert.deepEqual(rest, originalRest, path.basename(draft));
      assert.ok(codes.length === originalCodes.length && texts.get(draft)!.includes(originalCodes.map((c) => c.replace(' ', '\n')).join('\n')), `${path.basename(draft)}: the subject codes table`);
    }
  });

  it('shows Word\'s automatic numbers: "1." sections, "a)" items from a) again in each section, "Session N:" as written', () => {
    const lines = (draft: string) => texts.get(path.join(CORPUS, draft))!.split(/\r?\n/).map((l) => l.trim());
    assert.deepEqual(lines('9278-18.md').filter((l) => /^(?:\d+\.|[a-z]\)) /.test(l)).map((l) => l.slice(0, 25)), [
      '1. Counterterrorism',
      'a) Information sharing, i',
      'b) Prevention of radicali',
      'c) Further cooperation on',
      '2. Security and judicial ',
      'a) Cross-border access to',
      'b) Cooperation on cyberse',
      '3. Migration, border mana',
      'a) Latest developments on',
      'b) Tackling migrant smugg',
      'c) Visa reciprocity',
      '4. Transnational organise',
      'a) Latest developments an',
      'b) Anti-money laundering/',
      '5. Priorities of the inco',
    ]);
    assert.deepEqual(lines('13228-11.md').filter((l) => /^Session \d|^\d\. /.test(l)).slice(0, 5).map((l) => l.replace(/\s+/g, ' ').slice(0, 30)), [
      'Session 1: Introduction',
      '1. Recent developments and pro',
      'Session 2: CyberSecurity/Cyber',
      '1. EU-US CyberSecurity/CyberCr',
      '2. Update on ratification of t',
    ]);
  });

  it('prints the footer on every page: number, initials, page number, directorate, marking, EN', function () {
    if (spawnSync('pdftotext', ['-v']).error) {
      console.log('    skipped: pdftotext (poppler-utils) is not installed');
      return this.skip();
    }
    const draft = path.join(CORPUS, '9278-18.md');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-export-'));
    try {
      fs.writeFileSync(path.join(tmp, 'd.pdf'), pdfs.get(draft)!);
      const pages = spawnSync('pdftotext', ['-layout', path.join(tmp, 'd.pdf'), '-'], { encoding: 'utf8' }).stdout.split('\f').filter((p) => p.trim());
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      pages.forEach((page, i) => {
        const lines = page.trimEnd().split('\n').slice(-2).map((l) => l.trim().split(/\s{2,}/));
        assert.deepEqual(lines, [['9278/18', 'PC/pf', String(i + 1)], ['JAI.1', 'LIMITE', 'EN']], `page ${i + 1}`);
      });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('renders page 1 to PNG (kept in test-artifacts/export)', function () {
    if (spawnSync('pdftoppm', ['-v']).error) {
      console.log('    skipped: pdftoppm (poppler-utils) is not installed');
      return this.skip();
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const draft of [path.join(CORPUS, '9278-18.md'), path.join(ROOT, 'example', '10107-23.outcome.md')]) {
      const name = path.basename(draft).replace(/(?:\.outcome)?\.md$/, '');
      const pdf = path.join(ARTIFACTS, `${name}.pdf`);
      fs.writeFileSync(pdf, pdfs.get(draft)!);
      const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTIFACTS, `${name}-page1`)], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const png = fs.readFileSync(path.join(ARTIFACTS, `${name}-page1.png`));
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      // An A4 page at 80 dpi: 662 x 936 pixels (the PNG header's width and height).
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [662, 936]);
    }
  });
});
