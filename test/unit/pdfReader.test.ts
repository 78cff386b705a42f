// The PDF reader: register-style PDFs (Word documents in the Council's layout converted by
// LibreOffice, test/fixtures/archive/makePdfFixtures.ts) read into the text the parser reads; the
// position logic on made-up text items with exact positions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText } from '../../server/src/core/lint';
import type { ArchiveRead } from '../../server/src/readers/archive';
import { undoHyphenation } from '../../server/src/readers/pdf/hyphenation';
import { NO_TEXT_LAYER, PDF_MAX_BYTES, readPdf } from '../../server/src/readers/pdf/index';
import { joinLines, type TextPiece } from '../../server/src/readers/pdf/lines';
import { layoutLines, type PageLines } from '../../server/src/readers/pdf/pageLayout';
import { textOfPages } from '../../server/src/readers/pdf/paragraphs';
import { withoutStamps } from '../../server/src/readers/pdf/stamps';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/archive');
const catalogue = loadBuiltInCatalogue();
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

async function textOf(name: string): Promise<string> {
  const read = await readPdf(fixture(name));
  assert.ok(read.ok, JSON.stringify(read));
  assert.deepEqual(read.notes, []);
  return read.text;
}

/** Built-ins as the process has them before any PDF is read (the tests' files are all loaded before one runs). */
const BUILT_INS = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push, toString: Function.prototype.toString, DecompressionStream: globalThis.DecompressionStream };

const reason = (read: ArchiveRead) => (read.ok ? undefined : read.reason);

describe('PDF reader: register PDFs', () => {
  it('reads a three-page outcome as an outcome: number, date, marking, codes, sections and items in order, no false finding', async () => {
    const text = await textOf('outcome-pages.pdf');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.equal(doc.kind, 'outcome');
    assert.equal(doc.header.number?.text, '6401/26');
    assert.equal(doc.header.date?.value.iso, '2026-02-18');
    assert.equal(doc.header.language?.value, 'en');
    assert.equal(doc.header.marking?.value, 'LIMITE');
    assert.equal(doc.header.issuer?.value.replace(/\s+/g, ' '), 'Council of the European Union');
    assert.deepEqual(doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`).sort(), ['ASIM 21', 'CYBER 40', 'JAIEX 17', 'RELEX 142', 'VISA 33']);
    assert.deepEqual(
      doc.addressing.map((f) => [f.label, f.value]),
      [
        ['from', 'General Secretariat of the Council'],
        ['to', 'Delegations'],
        ['subject', 'Summary of the meeting of the Working Party on JHA External Relations (JAIEX) held on 12 February 2026'],
      ],
    );
    assert.deepEqual(
      doc.sections.map((s) => [s.heading.label, s.heading.title, s.items.map((i) => `${i.heading.label} ${i.heading.title}`)]),
      [
        ['1', 'Adoption of the agenda', []],
        ['2', 'Cooperation with third countries on return and readmission', ['a Western Balkans', 'b Eastern Partnership']],
        ['3', 'Preparation of the next ministerial meeting with partner countries', []],
        ['4', 'Cybercrime and electronic evidence', []],
        ['5', 'Visa policy towards partner countries', []],
        ['6', 'Any other business', []],
      ],
    );
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
    // The header's columns kept apart on their lines, as the page shows them.
    const lines = text.split('\n');
    assert.equal(lines[doc.header.date!.range.start.line], ' Council of the                           Brussels, 18 February 2026');
    assert.deepEqual(doc.header.date!.range, { start: { line: 0, character: 52 }, end: { line: 0, character: 68 } });
    assert.deepEqual(doc.sections[1].heading.range.start, { line: lines.indexOf('2.   Cooperation with third countries on return and readmission'), character: 0 });
  });

  it('reads a sixteen-page outcome whole: every section and item, no footer, no false finding', async () => {
    const text = await textOf('outcome-long.pdf');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.equal(doc.header.number?.text, '7012/26');
    assert.deepEqual(doc.sections.map((s) => s.heading.label), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    assert.equal(doc.sections[12].heading.title, 'Work on e-justice');
    for (const s of doc.sections.slice(1)) assert.deepEqual(s.items.map((i) => i.heading.text), ['a) State of play', 'b) Next steps', 'c) Other matters'], s.heading.text);
    assert.ok(!text.includes('LM/pt'));
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
  });

  it('leaves the page footers and page numbers of every page out of the text', async () => {
    const text = await textOf('outcome-pages.pdf');
    for (const piece of ['KT/rm', 'JAI.1', '6401/26 ']) assert.ok(!text.includes(piece), piece);
    assert.equal(text.split('6401/26').length - 1, 1, 'the number once: in the header');
    assert.equal(text.split('LIMITE').length - 1, 1, 'the marking once: in the header');
    assert.deepEqual(text.split('\n').filter((l) => /^\s*\d+\s*$/.test(l)), [], 'no page number');
    assert.deepEqual(lintText(text, catalogue).document.footers, []);
  });

  it('joins a paragraph run over a page break, and starts a new one after a full stop at the page end', async () => {
    const text = await textOf('outcome-pages.pdf');
    // Page 1 ends with the sentence "…on the ministerial meeting." and page 2 starts a paragraph.
    assert.ok(text.includes('the ministerial meeting.\n\nThe Commission gave an overview'), text);
  });

  it('puts a word broken at a line end together, and keeps the hyphen of a compound and between capitals', async () => {
    const text = await textOf('outcome-hyphens.pdf');
    assert.ok(text.includes('\nThe Presidency presented the report on the implementation of the action plan and the delegations took note of it.\n'), text);
    assert.ok(text.includes('\nThe Committee discussed the long-term priorities, and agreed that the long-term work would be reviewed in June.\n'), text);
    assert.ok(text.includes('\nThe Commission reported on the EU-US expert meeting held in Washington in January 2026.\n'), text);
    const { document: doc, findings } = lintText(text, catalogue);
    assert.equal(doc.kind, 'outcome');
    assert.deepEqual(doc.sections.map((s) => s.heading.title), ['Adoption of the agenda', 'State of play of the action plan', 'Transatlantic dialogue']);
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.code), []);
  });

  it('gives one clear reason for a scan, an encrypted PDF, a damaged one, one that is no PDF, one too large', async () => {
    assert.equal(reason(await readPdf(fixture('scanned.pdf'))), NO_TEXT_LAYER);
    assert.equal(reason(await readPdf(fixture('encrypted.pdf'))), 'encrypted: this PDF opens only with a password');
    const whole = fixture('outcome-pages.pdf');
    assert.match(reason(await readPdf(whole.subarray(0, 3000)))!, /^damaged: not a readable PDF \(/);
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set(new TextEncoder().encode('%PDF-1.7\n'));
    assert.match(reason(await readPdf(garbage))!, /^damaged: not a readable PDF \(/);
    assert.equal(reason(await readPdf(new Uint8Array(0))), 'not a PDF: the file does not start with %PDF');
    assert.equal(reason(await readPdf(new TextEncoder().encode('PK\u0003\u0004 a zip'))), 'not a PDF: the file does not start with %PDF');
    assert.equal(reason(await readPdf(new Uint8Array(PDF_MAX_BYTES + 1))), 'too large to read: 50 MB (at most 50 MB)');
    for (const read of [await readPdf(whole.subarray(0, 3000)), await readPdf(garbage)]) assert.ok(!read.ok && !read.reason.includes('\n'));
  });

  it("leaves the process's built-ins as they were (pdf.js's polyfills replace some, a read hides DecompressionStream), and no DOMMatrix behind", async () => {
    await Promise.all([readPdf(fixture('outcome-hyphens.pdf')), readPdf(fixture('outcome-pages.pdf'))]);
    assert.deepEqual({ parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push, toString: Function.prototype.toString, DecompressionStream: globalThis.DecompressionStream }, BUILT_INS);
    assert.equal(typeof BUILT_INS.DecompressionStream, 'function');
    assert.equal((globalThis as { DOMMatrix?: unknown }).DOMMatrix, undefined);
  });

  it("leaves the caller's bytes as they were", async () => {
    const bytes = fixture('outcome-hyphens.pdf');
    const copy = bytes.slice();
    await readPdf(bytes);
    assert.deepEqual(bytes, copy);
  });

  it('reads in a bundle with pdf.js shipped beside it, away from node_modules, as the packaged extension does', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-bundle-'));
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { copyPdfjs, pdfjsExternal } = require(path.join(ROOT, 'scripts/pdfjsFiles.js'));
      copyPdfjs(dir);
      await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', plugins: [pdfjsExternal], entryPoints: [path.join(ROOT, 'server/src/readers/pdf/index.ts')], outfile: path.join(dir, 'pdf.js') });
      const script = `require('./pdf.js').readPdf(new Uint8Array(require('fs').readFileSync(process.argv[1]))).then((r) => process.stdout.write(JSON.stringify(r)))`;
      const out = execFileSync(process.execPath, ['-e', script, path.join(FIXTURES, 'outcome-hyphens.pdf')], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.deepEqual(JSON.parse(out), await readPdf(fixture('outcome-hyphens.pdf')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A made-up piece of text: its characters 5 points wide at size 10 (half the size, as Times averages). */
const piece = (text: string, x: number, y: number, size = 10): TextPiece => ({ text, x, y, width: text.length * size * 0.5, size });
const texts = (pieces: readonly TextPiece[]) => joinLines(pieces).map((l) => l.text);

describe('PDF reader: lines from text items', () => {
  it('joins pieces on a baseline from left to right, a space where the gap is a space wide, none inside a word', () => {
    // Given out of order, as a PDF may draw them; "Dele" + "gations" drawn in two runs.
    const pieces = [piece('gations', 120, 700), piece('To:', 100, 720), piece('Dele', 100, 700), piece('Council', 100, 740), piece('of', 137, 740), piece('the', 150, 740)];
    assert.deepEqual(texts(pieces), ['Council of the', 'To:', 'Delegations']);
  });

  it('keeps a footnote mark raised above the baseline, and a smaller word, on its line', () => {
    const pieces = [piece('The meeting', 100, 700), piece('1', 155.5, 703.5, 6.5), piece('closed.', 160, 700)];
    assert.deepEqual(texts(pieces), ['The meeting1 closed.']);
  });

  it("pads the header's right column to its place across the page, at least three spaces from the left one", () => {
    const lines = joinLines([piece('Council of the', 70, 780), piece('Brussels, 18 February 2026', 300, 780), piece('European Union', 70, 766), piece('(OR. en)', 300, 766), piece('6401/26', 300, 740)]);
    assert.deepEqual(
      lines.map((l) => l.text),
      [`Council of the${' '.repeat(32)}Brussels, 18 February 2026`, `European Union${' '.repeat(32)}(OR. en)`, `${' '.repeat(46)}6401/26`],
    );
    assert.deepEqual(lines.map((l) => [l.x, l.end, l.y, l.size]), [[70, 430, 780, 10], [70, 340, 766, 10], [300, 335, 740, 10]]);
    // A label and its value stand apart.
    assert.deepEqual(texts([piece('From:', 70, 600), piece('General Secretariat', 130, 600)]), ['From:       General Secretariat']);
    // Narrow letters run past the place their cell's column gives the next cell: three spaces still part them.
    assert.deepEqual(texts([{ ...piece('ill.', 70, 600), width: 6 }, piece('1', 92, 600)]), ['ill.   1']);
  });

  it('reads a line spread to both margins, each word drawn apart, as words a space apart', () => {
    // "The delegations took note.", each word 20 points from the next.
    const words = ['The', 'delegations', 'took', 'note.'];
    let x = 70;
    const spread = words.map((w) => {
      const p = piece(w, x, 700);
      x += p.width + 20;
      return p;
    });
    assert.deepEqual(texts(spread), ['The delegations took note.']);
    // Cells at gaps that differ stay cells.
    assert.deepEqual(texts([piece('6401/26', 70, 60), piece('KT/rm', 250, 60), piece('1', 500, 60)]), [`6401/26${' '.repeat(29)}KT/rm${' '.repeat(45)}1`]);
  });
});

/** A page of A4 (842 points high) with the given lines, each one piece at its x and y. */
const page = (...lines: [string, number, number][]): PageLines => ({ lines: joinLines(lines.map(([t, x, y]) => piece(t, x, y)), 70), height: 842 });
const body = (p: PageLines, layout: Set<number>) => p.lines.filter((_, l) => !layout.has(l)).map((l) => l.text.trim());

describe('PDF reader: page layout', () => {
  it('leaves out the footer at the bottom of each page, whatever its page number, and a footer broken over lines', () => {
    const pages = [
      page(['The meeting opened.', 70, 700], ['6401/26', 70, 60], ['KT/rm', 250, 60], ['1', 500, 60], ['JAI.1', 130, 48], ['LIMITE', 250, 48], ['EN', 500, 48]),
      // The footer's cells on lines of their own; the number read with a digit lost.
      page(['The meeting closed.', 70, 700], ['/1/26 REV 1', 70, 72], ['KT/rm', 70, 60], ['2', 70, 48], ['LIMITE EN', 70, 36]),
    ];
    const layout = layoutLines(pages);
    assert.deepEqual(body(pages[0], layout[0]), ['The meeting opened.']);
    assert.deepEqual(body(pages[1], layout[1]), ['The meeting closed.']);
  });

  it('keeps a line shaped like a footer in the middle of the page, and a footnote above the footer', () => {
    const pages = [page(['See document', 70, 700], ['6401/26 KT/rm 1', 70, 680], ['1 A footnote on the meeting held in Brussels.', 70, 90], ['6401/26 KT/rm 1', 70, 60], ['LIMITE EN', 70, 48])];
    assert.deepEqual(body(pages[0], layoutLines(pages)[0]), ['See document', '6401/26 KT/rm 1', '1 A footnote on the meeting held in Brussels.']);
  });

  it('leaves out lines each page repeats at its top or bottom (a reception stamp), and bare page numbers', () => {
    const stamp = '055930/EU XXV. GP - Eingelangt am 04/06/18';
    const pages = [1, 2, 3].map((n) => page([stamp, 70, 800], [`Paragraph ${n}.`, 70, 700], ['www.parlament.gv.at', 250, 30], [`- ${n} -`, 290, 45]));
    const layout = layoutLines(pages);
    pages.forEach((p, n) => assert.deepEqual(body(p, layout[n]), [`Paragraph ${n + 1}.`]));
    // On a single page nothing repeats: the stamp stays, the page number goes.
    const single = [page([stamp, 70, 800], ['Paragraph.', 70, 700], ['1', 290, 45])];
    assert.deepEqual(body(single[0], layoutLines(single)[0]), [stamp, 'Paragraph.']);
  });

  it('leaves out a stamp drawn letter by letter over the page, and keeps large headings and small text', () => {
    const pieces = [
      piece('OUTCOME OF PROCEEDINGS', 150, 600, 16),
      piece('EN', 70, 560, 24),
      piece('The Chair opened the meeting.', 70, 520),
      piece('The delegations took note of the report.', 70, 500),
      ...[['PU', 300], ['B', 340], ['LI', 380], ['C', 420]].map(([t, x], k) => piece(t as string, x as number, 480 - 30 * k, 40)),
      piece('A', 70, 300),
    ];
    assert.deepEqual(texts(withoutStamps(pieces)).map((t) => t.trim()), ['OUTCOME OF PROCEEDINGS', 'EN', 'The Chair opened the meeting.', 'The delegations took note of the report.', 'A']);
  });
});

describe('PDF reader: paragraphs and hyphenation', () => {
  it('puts a blank line where two lines stand further apart than a line, and reads on over a page break mid-sentence', () => {
    const text = textOfPages([
      page(['1.', 70, 700], ['Opening', 100, 700], ['The Chair opened the meeting and the agenda', 70, 680], ['was adopted as set out in the document.', 70, 668], ['The Chair then recalled the state of play of the work on the', 70, 640]),
      page(['text, and closed the meeting.', 70, 780], ['2.', 70, 750], ['Closing', 100, 750]),
    ]);
    assert.equal(text, '1.    Opening\n\nThe Chair opened the meeting and the agenda was adopted as set out in the document.\n\nThe Chair then recalled the state of play of the work on the text, and closed the meeting.\n\n2.    Closing\n');
  });

  it("joins a value wrapped in its cell to its row, and keeps short lines set flush right apart", () => {
    const text = textOfPages([
      page(
        ['6401/26', 480, 700],
        ['LIMITE', 485, 686],
        ['Subject:', 70, 600],
        ['Summary of the meeting of the Working Party on JHA External', 130, 600],
        ['Relations held on 12 February 2026', 130, 586],
        ['JAIEX 17', 70, 560],
        ['RELEX 142', 200, 560],
        ['ASIM 21', 70, 546],
      ),
    ]);
    assert.equal(text, `${' '.repeat(82)}6401/26\n${' '.repeat(83)}LIMITE\n\nSubject:    Summary of the meeting of the Working Party on JHA External Relations held on 12 February 2026\n\nJAIEX 17${' '.repeat(18)}RELEX 142\nASIM 21\n`);
  });

  it('undoes a break between lower-case parts only, and keeps a compound the text writes with its hyphen', () => {
    const whole = 'a long-term plan';
    assert.deepEqual(undoHyphenation(['the imple-', 'mentation of it'], whole), ['the implementation', 'of it']);
    assert.deepEqual(undoHyphenation(['the imple-', 'mentation'], whole), ['the implementation']);
    assert.deepEqual(undoHyphenation(['the long-', 'term plan'], whole), ['the long-term', 'plan']);
    assert.deepEqual(undoHyphenation(['the EU-', 'US talks'], whole), ['the EU-', 'US talks']);
    assert.deepEqual(undoHyphenation(['the Euro-', 'Mediterranean'], whole), ['the Euro-', 'Mediterranean']);
    assert.deepEqual(undoHyphenation(['pages 1-', '3 of it'], whole), ['pages 1-', '3 of it']);
    assert.deepEqual(undoHyphenation(['the Commis\u00AD', 'sion said'], whole), ['the Commission', 'said']);
  });
});
