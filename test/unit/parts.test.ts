// Documents in parts: Roman-numbered parts ("I. Home Affairs", "II. Justice") are the sections,
// the numbered headings under them are items, and letters under those are a level below.
import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { romanValue, toRoman } from '../../server/src/core/document/romanNumerals';
import { completionsAt } from '../../server/src/core/editing/completion';
import { lintText } from '../../server/src/core/lint';
import { fixEdits } from '../../server/src/core/rules/finding';

const catalogue = loadBuiltInCatalogue();

function document(body: string[]): string {
  return [
    'Council of the European Union',
    'Brussels, 12 June 2009',
    '(OR. en)',
    '10519/09',
    'LIMITE',
    'JAIEX 40',
    '',
    'OUTCOME OF PROCEEDINGS',
    'From: General Secretariat of the Council',
    'To: Delegations',
    'Subject: Outcome of the EU-US JHA Ministerial Meeting (Prague, 28 April 2009)',
    '',
    ...body,
  ].join('\n');
}

const PARTS = [
  'I. Home Affairs',
  '',
  '1. Counter-terrorism',
  'The delegations exchanged views.',
  '',
  '2. Migration',
  'Both sides discussed visa reciprocity.',
  '',
  'II. Justice',
  '',
  '1. Data protection',
  'a) The data protection agreement',
  'The Commission reported.',
  'b) Judicial redress',
  'The US side reported.',
  '2. Mutual legal assistance',
  'Both sides welcomed the review.',
  '',
];

describe('documents in parts (Roman numerals)', () => {
  it('reads Roman numerals as their values, and only those written the usual way', () => {
    assert.deepEqual(['I', 'IV', 'IX', 'XIV', 'XXXIX'].map(romanValue), [1, 4, 9, 14, 39]);
    assert.deepEqual(['IIII', 'VX', 'IC', '', 'XL'].map(romanValue), [undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual([1, 4, 9, 14, 39].map(toRoman), ['I', 'IV', 'IX', 'XIV', 'XXXIX']);
  });

  it('makes the parts the sections and the numbered headings their items, with letters a level below', () => {
    const { document: doc, findings } = lintText(document(PARTS), catalogue);
    assert.deepEqual(
      doc.sections.map((s) => [s.heading.style, s.heading.label, s.heading.title, s.items.map((i) => i.heading.label)]),
      [
        ['roman', 'I', 'Home Affairs', ['1', '2']],
        ['roman', 'II', 'Justice', ['1', 'a', 'b', '2']],
      ],
    );
    assert.deepEqual(findings, []);
  });

  it('checks the parts\' numbering and offers the fix in numerals', () => {
    const { findings } = lintText(document(PARTS.map((l) => l.replace(/^II\. /, 'III. '))), catalogue);
    const numbering = findings.filter((f) => f.code === 'body.section-numbering');
    assert.equal(numbering.length, 1);
    assert.match(numbering[0].message, /expected II\b/);
    assert.deepEqual(fixEdits(numbering[0].fixes![0]).map((e) => e.newText), ['II']);
  });

  it('numbers letters afresh under each numbered item, and says where one skips', () => {
    const { findings } = lintText(document(PARTS.map((l) => l.replace(/^b\) /, 'c) '))), catalogue);
    assert.deepEqual(findings.map((f) => [f.code, f.message]), [['body.item-numbering', 'Item c) follows item a) under item 1 in section II: the numbering skips; expected b).']]);
  });

  it('reads "(i)", "(ii)" as an enumeration in the text, and "i)" as a letter only after "h)"', () => {
    const enumeration = lintText(document(['1. Data protection', 'a) The agreement', 'The parties agreed on:', '(i) the scope;', '(ii) the safeguards;', 'b) Judicial redress', 'Text.', '']), catalogue);
    assert.deepEqual(enumeration.document.sections[0].items.map((i) => i.heading.label), ['a', 'b']);
    assert.deepEqual(enumeration.document.sections[0].items[0].paragraphs.map((p) => p.text), ['The parties agreed on: (i) the scope; (ii) the safeguards;']);
    assert.deepEqual(enumeration.findings, []);
    const letters = 'abcdefghij'.split('').flatMap((x) => [`${x}) Topic ${x}`, 'Text.']);
    const long = lintText(document(['1. Many topics', ...letters, '']), catalogue);
    assert.deepEqual(long.document.sections[0].items.map((i) => i.heading.label).join(''), 'abcdefghij');
    assert.deepEqual(long.findings, []);
  });

  it('takes Roman numerals for parts only when the body opens with part I', () => {
    const { document: doc } = lintText(document(['1. Counter-terrorism', 'Text.', '', 'V. Other points', 'Text.', '', '2. Migration', 'Text.', '']), catalogue);
    assert.deepEqual(doc.sections.map((s) => s.heading.label), ['1', '2']);
  });

  it('offers the next part in numerals', () => {
    const text = document([...PARTS, '']);
    const { document: doc } = lintText(text, catalogue);
    const labels = completionsAt(doc, catalogue, { line: doc.lines.length - 1, character: 0 }).items.map((i) => i.insertText);
    assert.ok(labels.includes('III. '), labels.join(' | '));
    assert.ok(labels.includes('3. '), labels.join(' | '));
  });
});
