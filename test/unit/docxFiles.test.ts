// The Word reader on whole files: the fixtures built as the Council builds its documents (see
// test/fixtures/archive/make-fixtures.js), and files it must refuse with one clear line.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText, parseWith } from '../../server/src/core/lint';
import { readDocx } from '../../server/src/readers/docx';
import { para, run, wordPackage } from '../support/wordPackage';
import { spacesDeflated, zipWithDeflatedPart } from '../support/zipBomb';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/archive');
const catalogue = loadBuiltInCatalogue();

function fixtureText(name: string): string {
  const read = readDocx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))));
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return read.text;
}

describe('Word reader: files built as the Council builds them', () => {
  for (const [file, itemLabels] of [
    ['outcome-libreoffice.docx', ['a', 'b']],
    ['outcome-docxjs.docx', ['a', 'b']],
  ] as const) {
    it(`reads ${file} as an outcome: number, date, codes, addressing, sections and items in order, no false error`, () => {
      const text = fixtureText(file);
      const doc = parseWith(text, catalogue);
      assert.equal(doc.kind, 'outcome');
      assert.equal(doc.header.number?.text, '15990/25');
      assert.equal(doc.header.date?.value.iso, '2025-12-12');
      assert.equal(doc.header.language?.value, 'en');
      assert.equal(doc.header.marking?.value, 'LIMITE');
      assert.deepEqual(
        doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`),
        ['JAIEX 142', 'RELEX 1510', 'COSI 221', 'CYBER 318', 'USA 88'],
      );
      assert.deepEqual(
        doc.addressing.map((f) => [f.label, f.value]),
        [
          ['from', 'General Secretariat of the Council'],
          ['to', 'Delegations'],
          ['prev-doc', '14870/25'],
          ['subject', 'Outcome of proceedings of the EU-US Justice and Home Affairs Senior Officials Meeting (Copenhagen, 25-26 November 2025)'],
        ],
      );
      assert.deepEqual(
        doc.sections.map((s) => [s.heading.label, s.heading.title, s.items.map((i) => `${i.heading.label} ${i.heading.title}`)]),
        [
          ['1', 'Opening of the meeting', []],
          ['2', 'Counter-terrorism', [`${itemLabels[0]} Information sharing`, `${itemLabels[1]} Battlefield evidence`]],
          ['3', 'Cyber-crime and e-evidence', []],
          ['4', 'Migration and border management', [`${itemLabels[0]} Visa reciprocity`, `${itemLabels[1]} Travel authorisation systems`]],
          ['5', 'Any other business', []],
        ],
      );
      const errors = lintText(text, catalogue).findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors, []);
    });

    it(`leaves ${file}'s page footer out of the text, and its PAGE field`, () => {
      const text = fixtureText(file);
      assert.ok(!text.includes('JV/ab') && !text.includes('JAI.1'), text);
      assert.equal(parseWith(text, catalogue).footers.length, 0);
    });
  }

  it('places the LibreOffice file\'s numbered headings and addressing block on exact lines', () => {
    const lines = fixtureText('outcome-libreoffice.docx').split('\n');
    const doc = parseWith(lines.join('\n'), catalogue);
    const at = (needle: string) => lines.findIndex((l) => l.startsWith(needle));
    assert.equal(lines[at('1.')], '1.\tOpening of the meeting');
    assert.deepEqual(doc.sections[0].heading.labelRange, { start: { line: at('1.'), character: 0 }, end: { line: at('1.'), character: 1 } });
    assert.equal(lines[at('From:')], 'From:\tGeneral Secretariat of the Council');
    const from = doc.addressing[0];
    assert.deepEqual(from.valueRange, { start: { line: at('From:'), character: 6 }, end: { line: at('From:'), character: 40 } });
    assert.equal(lines[at('Subject:') + 1].trim(), '(Copenhagen, 25-26 November 2025)');
  });
});

describe('Word reader: footnotes as LibreOffice writes them', () => {
  it('reads footnotes-libreoffice.docx with each footnote after what it annotates and the endnote after the body: the outline and the sentences as without notes, no finding, the notes\' references indexed', () => {
    const lines = fixtureText('footnotes-libreoffice.docx').split('\n');
    const plain = fixtureText('outcome-libreoffice.docx').split('\n');
    const { document: doc, findings } = lintText(lines.join('\n'), catalogue);
    assert.deepEqual(findings.map((f) => f.code), []);
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    // Each note a paragraph of its own after the paragraph (or table) that refers to it; the rest of the text is the plain file's.
    const notes = [
      [at('Subject:') + 3, '1 Held under the EU-US Justice and Home Affairs Agreement framework, see CM 5123/25.'],
      [at('2.\tCounter-terrorism') + 2, '2 Presidency note ST 14002/25.'],
      [at('Both sides reviewed') + 2, '3 Europol TE-SAT 2025.'],
      [at('Both sides reviewed') + 4, '4 See the outcome of proceedings ST 9278/18.'],
      [at('The EU side reported') + 2, '5 The PNR Directive (EU) 2016/681.'],
      [lines.length - 1, 'i The date was agreed later, see WK 1234/2026 INIT.'],
    ] as const;
    assert.deepEqual(notes.map(([l]) => lines[l]), notes.map(([, text]) => text));
    const noteLines = new Set(notes.flatMap(([l]) => [l, l - 1]));
    assert.deepEqual(lines.filter((_, l) => !noteLines.has(l)), plain);
    assert.deepEqual(
      doc.sections.map((s) => [s.heading.text, s.items.map((i) => i.heading.text)]),
      parseWith(plain.join('\n'), catalogue).sections.map((s) => [s.heading.text, s.items.map((i) => i.heading.text)]),
    );
    const noteRefs = doc.references.filter((r) => noteLines.has(r.range.start.line));
    assert.deepEqual(
      noteRefs.map((r) => [r.text, r.range]),
      [
        ['CM 5123/25', at('1 Held'), lines[at('1 Held')].indexOf('CM 5123/25')],
        ['14002/25', at('2 Presidency'), lines[at('2 Presidency')].indexOf('14002/25')],
        ['9278/18', at('4 See'), lines[at('4 See')].indexOf('9278/18')],
        ['WK 1234/2026 INIT', at('i The date'), lines[at('i The date')].indexOf('WK 1234/2026 INIT')],
      ].map(([text, l, c]) => [text, { start: { line: l, character: c }, end: { line: l, character: (c as number) + (text as string).length } }]),
    );
  });
});

describe('Word reader: constructs as LibreOffice writes them', () => {
  it('reads constructs-libreoffice.docx as a drafter sees it in Word', () => {
    const read = readDocx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'constructs-libreoffice.docx'))));
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.equal(
      read.text,
      [
        // A tracked deletion and insertion, read as accepted.
        'Both sides agreed to meet again.',
        '',
        // The text box after the paragraph it is anchored in, once (LibreOffice writes it twice: DrawingML and its VML fallback).
        'Anchor of a box.',
        '',
        'Boxed note.',
        '',
        // The footnote after its paragraph, opening with its mark; the sentence as written.
        'Cooperation on the agreement continues.',
        '',
        '1 See ST 14870/25.',
        '',
        // A PAGE field's shown result, a hyperlink's text.
        'Page 1 of the register.',
        '',
        // Soft hyphen dropped, no-break hyphen as "-", no-break space kept, hidden text left out, capitals applied.
        'Cooperation, EU-US, 12\u00a0December, LIMITE.',
        '',
        // Cells merged across and down; a nested table's rows as lines of its cell.
        'Codes\tMarking',
        'RELEX\t1510',
        'Nested:                      JAIEX\t142',
        '                             USA\t88',
        '',
        // A list started at 5 (a start override); this list style puts nothing between number and text.
        '5.Fifth point',
        '',
        '6.Sixth point',
      ].join('\n'),
    );
    assert.deepEqual(read.notes, ['tracked changes: read as accepted (deleted text left out)']);
  });
});

describe('Word reader: packages as other producers write them', () => {
  it('reads parts stored without compression, and a main part named by the relationships, in Strict OOXML\'s namespace', () => {
    const parts = unzipSync(wordPackage({ body: para(run('Stored.')) }));
    const stored = zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { level: 0 }]])));
    const read = readDocx(stored);
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.equal(read.text, 'Stored.');

    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const renamed = zipSync({
      '[Content_Types].xml': parts['[Content_Types].xml'],
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/main/body.xml"/></Relationships>'),
      'main/body.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="${strict}"><w:body><w:p><w:r><w:t>Strict.</w:t></w:r></w:p></w:body></w:document>`),
    });
    const strictRead = readDocx(renamed);
    assert.ok(strictRead.ok, strictRead.ok ? '' : strictRead.reason);
    assert.equal(strictRead.text, 'Strict.');
  });
});

describe('Word reader: files it cannot read', () => {
  const refused = (bytes: Uint8Array) => {
    const read = readDocx(bytes);
    assert.equal(read.ok, false, 'read as a document');
    if (read.ok) return '';
    assert.ok(!read.reason.includes('\n'), `one line: ${read.reason}`);
    return read.reason;
  };
  const valid = wordPackage({ body: para(run('Text.')) });

  it('says why: empty, not a zip, a PDF, an RTF, an old .doc, a password-protected file', () => {
    assert.match(refused(new Uint8Array()), /empty file/);
    assert.match(refused(strToU8('OUTCOME OF PROCEEDINGS')), /no zip package/);
    assert.match(refused(strToU8('%PDF-1.7\n...')), /a PDF file/);
    assert.match(refused(strToU8('{\\rtf1\\ansi ...}')), /RTF/);
    const ole = (name: string) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      for (let i = 0; i < name.length; i++) bytes[1024 + 2 * i] = name.charCodeAt(i);
      return bytes;
    };
    assert.match(refused(ole('WordDocument')), /old binary Word file \(\.doc\)/);
    assert.match(refused(ole('EncryptedPackage')), /password-protected/);
  });

  it('says why: a corrupt zip, a zip that is no Word document, an OpenDocument text', () => {
    assert.match(refused(valid.subarray(0, valid.length - 30)), /corrupt zip/);
    const damaged = valid.slice();
    // Damage the compressed bytes of the main part, not the directory.
    const at = Buffer.from(damaged).indexOf('word/document.xml') + 'word/document.xml'.length + 4;
    damaged.fill(0xff, at, at + 40);
    assert.match(refused(damaged), /corrupt zip|malformed XML/);
    assert.match(refused(zipSync({ 'notes.txt': strToU8('hello') })), /not a Word document \(no word\/document\.xml\)/);
    assert.match(refused(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') })), /OpenDocument/);
  });

  it('says why: malformed XML, a DOCTYPE (no entity is expanded)', () => {
    assert.match(refused(wordPackage({ body: '<w:p><w:r><w:t>unclosed</w:r></w:p>' })), /^malformed XML in word\/document\.xml: /);
    const doctype = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    assert.match(refused(wordPackage({ body: '', extra: { 'word/document.xml': doctype } })), /DOCTYPE/);
  });

  it('stops a zip bomb at the bound while inflating, whatever size the zip declares', () => {
    const prefix = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
    // 66 MB of spaces in a paragraph: past the bound.
    const deflated = spacesDeflated(prefix, (66 * 1024 * 1024) / 258, '</w:t></w:r></w:p></w:body></w:document>');
    assert.ok(deflated.length < 600 * 1024);
    const parts = unzipSync(wordPackage({ body: '' }));
    assert.match(refused(zipWithDeflatedPart(parts, 'word/document.xml', deflated, 66 * 1024 * 1024)), /^word\/document\.xml inflates to more than 64 MB/);
    assert.match(refused(zipWithDeflatedPart(parts, 'word/document.xml', deflated, 1000)), /^word\/document\.xml inflates to more than 64 MB/);
    // The same stream, small enough, reads: the bound is what refused it.
    const suffix = '</w:t></w:r></w:p><w:p><w:r><w:t>End.</w:t></w:r></w:p></w:body></w:document>';
    const small = spacesDeflated(prefix, 4, suffix);
    const size = prefix.length + 1 + 4 * 258 + suffix.length;
    const read = readDocx(zipWithDeflatedPart(parts, 'word/document.xml', small, size));
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.equal(read.text, 'End.');
    // A small part larger than it says is refused too.
    assert.match(refused(zipWithDeflatedPart(parts, 'word/document.xml', small, size - 1)), /^corrupt zip: word\/document\.xml inflates to more than the zip says/);
  });

  it('never throws, whatever bytes it is given', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (changes) => {
        const bytes = valid.slice();
        for (const [at, value] of changes) bytes[at] = value;
        const read = readDocx(bytes);
        assert.ok(read.ok ? typeof read.text === 'string' : read.reason.length > 0 && !read.reason.includes('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
