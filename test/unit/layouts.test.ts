// Layouts real copies of Council documents come in: marks that are not the document, labels
// grouped before their values, the header's columns interleaved, HTML renderings' spacing.
import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import type { OutcomeDocument } from '../../server/src/core/document/model';
import { lintText, parseForIndex, parseWith } from '../../server/src/core/lint';
import { lineRange } from '../../server/src/core/text/range';
import { findTopicMentions, resolveTopic } from '../../server/src/core/topics';
import { entryFromDocument, spansOf } from '../../server/src/core/workspace/documentEntry';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();

const HEADER = ['Council of the European Union', 'Brussels, 12 April 2016', '(OR. en)', '7412/16', 'LIMITE', 'JAI 280', 'COSI 61', '', 'OUTCOME OF PROCEEDINGS', ''];
const ADDRESSING = ['From:\tGeneral Secretariat of the Council', 'On:\t6 April 2016', 'To:\tTerrorism Working Party', 'Subject:\tSummary of discussions', ''];

function outcome(...body: string[]): string {
  return [...HEADER, ...ADDRESSING, ...body].join('\n');
}

describe('layouts: marks that are not the document', () => {
  it('a parliament\'s reception stamp and address, a hidden address and a classification marker are blanked, columns kept', () => {
    const text = outcome(
      '055930/EU XXV. GP Eingelangt am 14/04/16',
      '1. Opening',
      'The Chair opened the meeting [CONFIDENTIEL UE/EU CONFIDENTIAL] and gave the floor to [email protected] for 3 minutes.',
      'www.parlament.gv.at',
      '2. Closing',
      'The meeting closed.',
    );
    const { document: doc, findings } = lintText(text, catalogue);
    assert.deepEqual(findings.map((f) => f.code), []);
    assert.deepEqual(doc.stamps, [
      { start: { line: 15, character: 0 }, end: { line: 15, character: 40 } },
      { start: { line: 17, character: 29 }, end: { line: 17, character: 62 } },
      { start: { line: 17, character: 85 }, end: { line: 17, character: 102 } },
      { start: { line: 18, character: 0 }, end: { line: 18, character: 19 } },
    ]);
    assert.equal(doc.lines[17].length, text.split('\n')[17].length, 'columns kept');
    assert.deepEqual(doc.references, [], 'the stamp\'s number is no reference');
    assert.deepEqual(doc.sections.map((s) => [s.heading.text, s.paragraphs.map((p) => p.text.replace(/\s+/g, ' '))]), [
      ['1. Opening', ['The Chair opened the meeting and gave the floor to for 3 minutes.']],
      ['2. Closing', ['The meeting closed.']],
    ]);
  });

  it('a page footer run into the text, its number short of digits or whole, and the register\'s word, are blanked', () => {
    const text = outcome('1. Opening', 'The Chair opened the meeting. /1/16 REV 1 GIP/ab 2 DG D 1 LIMITE EN The delegations took note of 7001/16.', 'Conseil UE', '2. Closing', 'The delegations agreed. 7412/16 GIP/ab 3 LIMITE EN');
    const doc = parseWith(text, catalogue);
    assert.deepEqual(doc.stamps, [
      { start: { line: 16, character: 30 }, end: { line: 16, character: 67 } },
      { start: { line: 17, character: 0 }, end: { line: 17, character: 10 } },
      { start: { line: 19, character: 24 }, end: { line: 19, character: 50 } },
    ]);
    assert.deepEqual(doc.references.map((r) => [r.text, r.range]), [['7001/16', { start: { line: 16, character: 97 }, end: { line: 16, character: 104 } }]]);
    assert.deepEqual(doc.sections.map((s) => s.heading.label), ['1', '2']);
  });

  it('a footer alone on its line stays a footer, not a stamp', () => {
    const doc = parseWith(outcome('1. Opening', 'Text.', '7412/16 GIP/ab 2 LIMITE EN', '2. Closing', 'Text.'), catalogue);
    assert.deepEqual(doc.stamps, []);
    assert.deepEqual(doc.footers, [{ start: { line: 17, character: 0 }, end: { line: 17, character: 26 } }]);
  });

  it('a declassification stamp read letter by letter down the margin is blanked; capitals that spell nothing stay', () => {
    const text = outcome('PU', '1. Opening', 'B', 'The Chair opened the meeting.', 'LI', 'C', '2. Closing', 'EU', 'The meeting closed.');
    const doc = parseWith(text, catalogue);
    assert.deepEqual(doc.stamps.map((r) => r.start.line), [15, 17, 19, 20]);
    assert.deepEqual(doc.sections.map((s) => [s.heading.label, s.paragraphs.map((p) => p.text)]), [
      ['1', ['The Chair opened the meeting.']],
      ['2', ['EU The meeting closed.']],
    ]);
  });
});

describe('layouts: footnotes interleaved with the body', () => {
  it('a footnote between the lines of a paragraph opens no section, and its reference is one', () => {
    const text = outcome('1. Opening', 'The Chair recalled the roadmap1 and', '1 See doc. 6110/16.', 'asked the delegations to comment.', '2. Closing', 'The meeting closed.');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.deepEqual(findings.map((f) => f.code), []);
    assert.deepEqual(doc.sections.map((s) => [s.heading.label, s.paragraphs.map((p) => p.range)]), [
      ['1', [{ start: { line: 16, character: 0 }, end: { line: 18, character: 33 } }]],
      ['2', [{ start: { line: 20, character: 0 }, end: { line: 20, character: 19 } }]],
    ]);
    assert.deepEqual(doc.references.map((r) => [r.base, r.range]), [['6110/16', { start: { line: 17, character: 11 }, end: { line: 17, character: 18 } }]]);
  });
});

describe('layouts: labels and values', () => {
  it('labels grouped before their values get them in order', () => {
    const text = [...HEADER, 'From:', 'On:', 'To:', 'General Secretariat of the Council', '6 April 2016', 'Terrorism Working Party', 'Subject:', 'Summary of discussions', '', '1. Opening', 'Text.'].join('\n');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.deepEqual(findings.map((f) => f.code), []);
    assert.deepEqual(doc.addressing.map((f) => [f.label, f.value, f.valueRange]), [
      ['from', 'General Secretariat of the Council', { start: { line: 13, character: 0 }, end: { line: 13, character: 34 } }],
      ['on', '6 April 2016', { start: { line: 14, character: 0 }, end: { line: 14, character: 12 } }],
      ['to', 'Terrorism Working Party', { start: { line: 15, character: 0 }, end: { line: 15, character: 23 } }],
      ['subject', 'Summary of discussions', { start: { line: 17, character: 0 }, end: { line: 17, character: 22 } }],
    ]);
    assert.equal(doc.meeting?.start?.iso, '2016-04-06');
  });
});

describe('layouts: the header', () => {
  it('its two columns interleaved on one line: "COUNCIL OF Brussels, 19 May 2005 THE EUROPEAN UNION"', () => {
    const text = ['COUNCIL OF Brussels, 19 May 2005 THE EUROPEAN UNION', '(OR. fr)', '', '9115/05', '', 'CRIMORG 44', '', 'OUTCOME OF PROCEEDINGS', '', 'From:\tPresidency', 'To:\tDelegations', 'Subject:\tMultidisciplinary Group on Organised Crime, 10 May 2005', '', '1. Opening', 'Text.'].join('\n');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.deepEqual(findings.map((f) => f.code), []);
    assert.equal(doc.header.issuer?.value, 'COUNCIL OF THE EUROPEAN UNION');
    assert.deepEqual(doc.header.date?.range, { start: { line: 0, character: 21 }, end: { line: 0, character: 32 } });
    assert.deepEqual(doc.header.place?.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 19 } });
  });

  it('trailing spaces and spacer lines of an HTML rendering change nothing', () => {
    const plain = outcome('1. Opening', 'The Chair opened the meeting.', '2. Closing', 'The meeting closed.');
    const spaced = plain.split('\n').flatMap((l) => [`${l}   `, '\u00a0', ' \u200b ']).join('\n');
    const a = lintText(plain, catalogue);
    const b = lintText(spaced, catalogue);
    assert.deepEqual(b.findings.map((f) => f.code), a.findings.map((f) => f.code));
    assert.deepEqual(b.document.addressing.map((f) => [f.label, f.value]), a.document.addressing.map((f) => [f.label, f.value]));
    assert.deepEqual(b.document.sections.map((s) => [s.heading.text, s.heading.range.start.line, s.paragraphs.map((p) => p.text)]), [
      ['1. Opening', 45, ['The Chair opened the meeting.']],
      ['2. Closing', 51, ['The meeting closed.']],
    ]);
  });
});

describe('layouts: a page run onto one line', () => {
  /** The document as a web page or a PDF viewer's copy gives it: its markup gone, every line run onto one. */
  const flattened = (text: string) =>
    text
      .replace(/<\/?b>|\*|^[ \t]*#+|^-{3,}[ \t]*$/gm, '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ');
  const outline = (doc: OutcomeDocument) => doc.sections.map((s) => [s.heading.label, s.heading.title, s.items.map((i) => i.heading.label)]);
  const header = (doc: OutcomeDocument) => [doc.header.issuer?.value, doc.header.date?.value.iso, doc.header.language?.value, doc.header.number?.text, doc.header.marking?.value, doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`)];

  for (const file of OUTCOME_FILES) {
    it(`reads ${file} on one line as it reads it laid out: header, codes, title, addressing, sections, findings`, () => {
      const original = lintText(corpusText(file), catalogue);
      const text = flattened(corpusText(file));
      assert.equal(text.split('\n').length, 1);
      const flat = lintText(text, catalogue);
      assert.deepEqual(header(flat.document), header(original.document));
      assert.deepEqual(flat.document.addressing.filter((f) => f.label !== 'summary').map((f) => [f.label, f.value]), original.document.addressing.filter((f) => f.label !== 'summary').map((f) => [f.label, f.value]));
      assert.deepEqual(outline(flat.document).map(([label, , items]) => [label, items]), outline(original.document).map(([label, , items]) => [label, items]));
      assert.deepEqual(flat.findings.map((f) => f.code).sort(), original.findings.map((f) => f.code).sort());
      const title = text.indexOf('OUTCOME OF PROCEEDINGS');
      assert.deepEqual(flat.document.title?.range, { start: { line: 0, character: title }, end: { line: 0, character: title + 22 } });
      assert.equal(flat.document.lines[0].length, text.length, 'the document\'s lines are the source\'s');
    });
  }

  it('cuts a line at its parts: the header\'s, the labels grouped before their values, the headings and their titles; a footer\'s number in the middle is blanked', () => {
    const text = [
      'Council of the European Union Brussels, 12 April 2016 (OR. en) 7412/16 LIMITE JAI 280 COSI 61 OUTCOME OF PROCEEDINGS',
      'From: On: To: General Secretariat of the Council 6 April 2016 Terrorism Working Party Subject: Summary of discussions',
      '1. Opening The Chair opened the meeting and the agenda was adopted. 7412/16 GIP/ab 2 LIMITE EN 2. Foreign fighters The Working Party heard the Presidency.',
    ].join(' ');
    const { document: doc, findings } = lintText(text, catalogue);
    assert.deepEqual(findings.map((f) => f.code), []);
    const at = (needle: string) => ({ start: { line: 0, character: text.indexOf(needle) }, end: { line: 0, character: text.indexOf(needle) + needle.length } });
    assert.deepEqual(doc.header.number?.range, at('7412/16'));
    assert.deepEqual(doc.header.date?.range, at('12 April 2016'));
    assert.deepEqual(doc.header.subjectCodes.map((c) => c.codeRange), [at('JAI'), at('COSI')]);
    assert.deepEqual(doc.addressing.map((f) => [f.label, f.value, f.valueRange]), [
      ['from', 'General Secretariat of the Council', at('General Secretariat of the Council')],
      ['on', '6 April 2016', at('6 April 2016')],
      ['to', 'Terrorism Working Party', at('Terrorism Working Party')],
      ['subject', 'Summary of discussions', at('Summary of discussions')],
    ]);
    assert.deepEqual(doc.stamps, [at('7412/16 GIP/ab 2 LIMITE EN')].map((r) => ({ start: { line: 0, character: text.lastIndexOf('7412/16') }, end: { line: 0, character: text.lastIndexOf('7412/16') + r.end.character - r.start.character } })));
    assert.deepEqual(doc.sections.map((s) => [s.heading.title, s.heading.range, s.paragraphs.map((p) => p.range)]), [
      ['Opening', at('1. Opening'), [{ start: at('The Chair').start, end: at('adopted.').end }]],
      ['Foreign fighters', at('2. Foreign fighters'), [{ start: at('The Working Party').start, end: { line: 0, character: text.length } }]],
    ]);
    assert.deepEqual(doc.references, [], 'neither the number nor the footer is a reference');
  });

  it('the index reads the mentions and meeting references of the body on the flattened line, not those of the header, the subject or a footer', () => {
    const text = [
      'Council of the European Union Brussels, 12 April 2016 (OR. en) 7412/16 LIMITE JAI 280 COSI 61 OUTCOME OF PROCEEDINGS',
      'From: On: To: General Secretariat of the Council 6 April 2016 Terrorism Working Party Subject: Outcome of the EU-US JHA Ministerial meeting (Amsterdam, 1 June 2016)',
      '1. Opening The Chair recalled the PNR Agreement. 7412/16 GIP/ab 2 LIMITE EN 2. TFTP The Working Party heard the Presidency on the TFTP before the next EU-US Ministerial meeting.',
    ].join(' ');
    const doc = parseForIndex(text, catalogue);
    const entry = entryFromDocument('file:///flat.txt', doc, catalogue)!;
    const span = (needle: string, from = 0) => [0, text.indexOf(needle, from), text.indexOf(needle, from) + needle.length];
    assert.deepEqual(
      entry.mentions.map((g) => [g.id, spansOf(g)]),
      [
        ['gsc', [span('General Secretariat of the Council')]],
        ['pnr', [span('PNR')]],
        ['eu-us-tftp-agreement', [span('TFTP'), span('TFTP', text.indexOf('TFTP') + 1)]],
      ],
    );
    assert.deepEqual(entry.meetingRefs, [{ direction: 'next', level: 'Ministerial', series: 'EU-US', span: span('the next EU-US Ministerial meeting') }]);
    assert.deepEqual(
      findTopicMentions(doc, catalogue, resolveTopic(catalogue, 'TFTP')).map((m) => [m.range, m.section]),
      [span('TFTP'), span('TFTP', text.indexOf('TFTP') + 1)].map(([l, s, e]) => [lineRange(l, s, e), '2. TFTP']),
    );
  });

  for (const file of OUTCOME_FILES) {
    it(`indexes ${file} on one line as it indexes it laid out: the same mentions and meeting references`, () => {
      const laidOut = corpusText(file);
      const text = flattened(laidOut);
      const read = (t: string) => {
        const lines = t.split('\n');
        const entry = entryFromDocument('file:///doc.txt', parseForIndex(t, catalogue), catalogue)!;
        const at = ([l, s, e]: readonly number[]) => lines[l].slice(s, e).replace(/\s+/g, ' ');
        return { mentions: entry.mentions.flatMap((g) => spansOf(g).map((s) => `${g.id}: ${at(s)}`)).sort(), meetingRefs: entry.meetingRefs.map((r) => at(r.span)) };
      };
      const flat = read(text);
      assert.ok(flat.mentions.length > 0);
      assert.deepEqual(flat, read(laidOut));
    });
  }
});
