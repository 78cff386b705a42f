// Every Council document type is known by its title (or its number's series): only outcomes
// are checked as outcomes, and another document still gives its number, date, type and subject.
import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText, parseWith } from '../../server/src/core/lint';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();

/** A Council document with `title` on line 7 and `number` on line 3. */
function councilDocument(title: string, number = '8123/16'): string {
  return [
    'Council of the European Union',
    'Brussels, 6 April 2016',
    '(OR. en)',
    number,
    'LIMITE',
    'COSI 64',
    '',
    title,
    '',
    'From:\tPresidency',
    'To:\tStanding Committee on Operational Cooperation on Internal Security',
    'No. prev. doc.:\t7001/16',
    'Subject:\tA roadmap for the exchange of information',
    '',
    '1. Introduction',
    '',
    'The Presidency sets out the next steps.',
  ].join('\n');
}

describe('document types: known by the title', () => {
  for (const [title, type, value, start, end] of [
    ['NOTE', 'note', 'NOTE', 0, 4],
    ['COVER NOTE', 'cover-note', 'COVER NOTE', 0, 10],
    ['INFORMATION NOTE', 'information-note', 'INFORMATION NOTE', 0, 16],
    ['"I" ITEM NOTE', 'i-item-note', '"I" ITEM NOTE', 0, 13],
    ['\u201cI/A\u201d ITEM NOTE', 'ia-item-note', '\u201cI/A\u201d ITEM NOTE', 0, 15],
    ['"I / A"  item note', 'ia-item-note', '"I / A" item note', 0, 18],
    ['\u2018A\u2019 ITEM NOTE', 'a-item-note', '\u2018A\u2019 ITEM NOTE', 0, 13],
    ['**REPORT**', 'report', 'REPORT', 2, 8],
    ['SUMMARY RECORD', 'summary-record', 'SUMMARY RECORD', 0, 14],
    ['Outcome of the Council Meeting', 'council-outcome', 'Outcome of the Council Meeting', 0, 30],
    ['PROVISIONAL AGENDA', 'agenda', 'PROVISIONAL AGENDA', 0, 18],
    ['DRAFT AGENDA', 'agenda', 'DRAFT AGENDA', 0, 12],
    ['<b>AGENDA</b>', 'agenda', 'AGENDA', 3, 9],
    ['ROADMAP FOR INFORMATION EXCHANGE', 'other', 'ROADMAP FOR INFORMATION EXCHANGE', 0, 32],
  ] as const) {
    it(`${JSON.stringify(title)} is ${type}: number, date, type and subject read, one note and nothing else`, () => {
      const { document: doc, findings } = lintText(councilDocument(title), catalogue);
      assert.equal(doc.kind, 'other');
      assert.equal(doc.documentType, type);
      assert.equal(doc.otherDocumentType?.value, value);
      assert.deepEqual(doc.otherDocumentType?.range, { start: { line: 7, character: start }, end: { line: 7, character: end } });
      assert.equal(doc.title, undefined);
      assert.equal(doc.header.number?.base, '8123/16');
      assert.equal(doc.header.date?.value.iso, '2016-04-06');
      assert.equal(doc.header.marking?.value, 'LIMITE', 'the title is no marking');
      assert.equal(doc.addressing.find((f) => f.label === 'subject')?.value, 'A roadmap for the exchange of information');
      assert.deepEqual(doc.previousDocuments.map((p) => p.base), ['7001/16']);
      assert.deepEqual(findings.map((f) => [f.code, f.range]), [['document.not-outcome', doc.otherDocumentType!.range]]);
    });
  }

  it('OUTCOME OF PROCEEDINGS is an outcome, in any case and markup, and is checked', () => {
    for (const title of ['OUTCOME OF PROCEEDINGS', 'Outcome of Proceedings', '**OUTCOME  OF  PROCEEDINGS**']) {
      const doc = parseWith(councilDocument(title), catalogue);
      assert.equal(doc.kind, 'outcome', title);
      assert.equal(doc.documentType, 'outcome');
      assert.equal(doc.title?.range.start.line, 7);
      assert.equal(doc.otherDocumentType, undefined);
    }
  });

  it('the note names the type', () => {
    const [note] = lintText(councilDocument('SUMMARY RECORD'), catalogue).findings;
    assert.equal(note.message, 'This is a document of another type ("SUMMARY RECORD", a summary record), not an outcome of proceedings, so the template is not checked.');
  });

  it('a sentence in capitals in the body, or a capitalised line, is no title', () => {
    const doc = parseWith(councilDocument('OUTCOME OF PROCEEDINGS').replace('The Presidency sets out the next steps.', 'Report'), catalogue);
    assert.equal(doc.kind, 'outcome');
    assert.equal(parseWith(councilDocument('Report on the roadmap'), catalogue).kind, 'outcome', 'a capitalised line is a draft without its title, not a report');
  });
});

describe('document types: known by the number\'s series', () => {
  it('a working document: "WK 10837/2020 INIT" is its number, keyed as references to it are', () => {
    const text = councilDocument('NOTE', 'WK 10837/2020 INIT');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.equal(doc.documentType, 'working-document');
    assert.equal(doc.kind, 'other');
    assert.deepEqual(doc.header.number && { text: doc.header.number.text, base: doc.header.number.base, year: doc.header.number.year, series: doc.header.number.series, range: doc.header.number.range }, {
      text: 'WK 10837/2020 INIT',
      base: 'WK 10837/2020',
      year: 2020,
      series: 'WK',
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 18 } },
    });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /"NOTE", a working document \(WK\)/);
    // Without a title, the series still names it.
    const untitled = lintText(text.replace('\nNOTE\n', '\n\n'), catalogue);
    assert.equal(untitled.document.documentType, 'working-document');
    assert.deepEqual(untitled.findings.map((f) => [f.code, f.message, f.range.start.line]), [['document.not-outcome', 'This is a working document (WK), not an outcome of proceedings, so the template is not checked.', 3]]);
  });

  it('a meeting notice: "CM 2203/16" is its number, the key a "No. prev. doc." or a reference to it gives', () => {
    const notice = parseWith(councilDocument('NOTICE OF MEETING AND PROVISIONAL AGENDA', 'CM 2203/16'), catalogue);
    assert.equal(notice.documentType, 'meeting-notice');
    assert.equal(notice.header.number?.base, 'CM 2203/16');
    const citing = parseWith(councilDocument('OUTCOME OF PROCEEDINGS').replace('The Presidency sets out the next steps.', 'The meeting was convened by CM 2203/16.'), catalogue);
    assert.deepEqual(citing.references.map((r) => [r.base, r.range]), [['7001/16', { start: { line: 11, character: 16 }, end: { line: 11, character: 23 } }], ['CM 2203/16', { start: { line: 16, character: 28 }, end: { line: 16, character: 38 } }]]);
  });

  it('a Commission document: "EUROPEAN COMMISSION" and COM(2016) 272 final, its date in the Commission\'s form', () => {
    const text = ['EUROPEAN COMMISSION', '', 'Brussels, 18.5.2016', 'COM(2016) 272 final', '', 'REPORT FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL', '', 'on the state of the security union', '', '1. INTRODUCTION'].join('\n');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.equal(doc.documentType, 'commission');
    assert.equal(doc.header.number?.base, 'COM(2016) 272');
    assert.deepEqual(doc.header.number?.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 19 } });
    assert.equal(doc.header.date?.value.iso, '2016-05-18');
    assert.deepEqual(findings.map((f) => f.code), ['document.not-outcome']);
    assert.equal(lintText(text.replace(/\nREPORT FROM[^\n]*/, ''), catalogue).document.documentType, 'commission', 'known by its issuer without a title');
  });

  it('the Commission communication of the corpus is still other, with one note', () => {
    const { document: doc, findings } = lintText(corpusText('other/iss-annual-report-2011.md'), catalogue);
    assert.equal(doc.kind, 'other');
    assert.equal(doc.documentType, 'commission');
    assert.equal(findings.length, 1);
  });

  it('the four corpus outcomes are outcomes', () => {
    for (const file of OUTCOME_FILES) assert.equal(parseWith(corpusText(file), catalogue).documentType, 'outcome', file);
  });
});

describe('document types: OCR damage', () => {
  it('a title with letters dropped is read under a Council header, and nothing else is guessed', () => {
    const text = councilDocument('OUTCOME OF PROCEEDIGS').replace('Council of the European Union', 'COUCIL OF THE EUROPEAN UNION');
    const doc = parseWith(text, catalogue);
    assert.equal(doc.kind, 'outcome');
    assert.deepEqual(doc.title, { value: 'OUTCOME OF PROCEEDIGS', range: { start: { line: 7, character: 0 }, end: { line: 7, character: 21 } } });
    assert.equal(doc.header.issuer, undefined, 'the damaged issuer is not guessed');
    assert.equal(parseWith(councilDocument('SUMARY RECRD'), catalogue).documentType, 'summary-record');
    // Without a Council header above it, a damaged line is no title.
    const bare = parseWith('OUTCOME OF PROCEEDIGS\n\nSome text.', catalogue);
    assert.equal(bare.title, undefined);
    assert.equal(bare.kind, 'other');
    assert.equal(parseWith(councilDocument('OUTCOME OF PROCEDURES'), catalogue).title, undefined, 'other letters than dropped ones are no damage');
  });
});
