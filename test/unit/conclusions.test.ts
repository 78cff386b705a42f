// An outcome that transmits Council conclusions: one sentence names the meeting that adopted
// them, and the conclusions follow in the annex as numbered paragraphs. Those are its body.
import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText } from '../../server/src/core/lint';

const catalogue = loadBuiltInCatalogue();

const CONCLUSIONS = [
  'Council of the European Union',
  'Brussels, 21 June 2016',
  '(OR. en)',
  '10384/16',
  '',
  'COHOM 78',
  '',
  'OUTCOME OF PROCEEDINGS',
  '',
  'From:\tGeneral Secretariat of the Council',
  'To:\tDelegations',
  'No. prev. doc.:\t9978/16',
  'Subject:\tSupport to transitional justice - Council conclusions',
  '',
  'Delegations will find in the annex the Council conclusions on support to transitional justice, as adopted by the Council at its 3477th meeting held on 20 June 2016.',
  '',
  'ANNEX',
  '',
  'Council conclusions on support to transitional justice',
  '',
  '1. The Council RECALLS its commitment to accountability for the gravest crimes.',
  '',
  '2. The Council WELCOMES the framework set out by the High Representative and',
  'INVITES the Commission to report back by the end of 2017.',
  '',
  '3. The Council stresses:',
  'a) the role of victims;',
  'b) the role of civil society.',
].join('\n');

describe('outcomes that transmit Council conclusions', () => {
  it('the annex\'s numbered paragraphs are the body, the meeting is the one "held on", nothing claims "no numbered section"', () => {
    const { document: doc, findings } = lintText(CONCLUSIONS, catalogue);
    assert.equal(doc.kind, 'outcome');
    assert.deepEqual(findings.map((f) => f.code), []);
    assert.deepEqual(doc.annex?.range, { start: { line: 16, character: 0 }, end: { line: 16, character: 5 } });
    assert.deepEqual(
      doc.sections.map((s) => [s.heading.label, s.heading.title, s.heading.labelRange, s.paragraphs.map((p) => [p.text, p.range]), s.items.map((i) => i.heading.label), s.range]),
      [
        ['1', 'The Council RECALLS its commitment to accountability for the gravest crimes', { start: { line: 20, character: 0 }, end: { line: 20, character: 1 } }, [['The Council RECALLS its commitment to accountability for the gravest crimes.', { start: { line: 20, character: 3 }, end: { line: 20, character: 79 } }]], [], { start: { line: 20, character: 0 }, end: { line: 20, character: 79 } }],
        [
          '2',
          'The Council WELCOMES the framework set out by the High Representative and',
          { start: { line: 22, character: 0 }, end: { line: 22, character: 1 } },
          [['The Council WELCOMES the framework set out by the High Representative and INVITES the Commission to report back by the end of 2017.', { start: { line: 22, character: 3 }, end: { line: 23, character: 57 } }]],
          [],
          { start: { line: 22, character: 0 }, end: { line: 23, character: 57 } },
        ],
        ['3', 'The Council stresses', { start: { line: 25, character: 0 }, end: { line: 25, character: 1 } }, [['The Council stresses:', { start: { line: 25, character: 3 }, end: { line: 25, character: 24 } }]], ['a', 'b'], { start: { line: 25, character: 0 }, end: { line: 27, character: 29 } }],
      ],
    );
    assert.deepEqual(doc.preamble.map((p) => p.range.start.line), [14, 18], 'the sentence before the annex and the annex\'s own title stand before the first paragraph');
    assert.equal(doc.meeting?.start?.iso, '2016-06-20');
    assert.equal(doc.meeting?.end?.iso, '2016-06-20');
  });

  it('a numbering that skips in the annex is reported there', () => {
    const { findings } = lintText(CONCLUSIONS.replace('3. The Council stresses', '4. The Council stresses'), catalogue);
    assert.deepEqual(findings.map((f) => [f.code, f.range]), [['body.section-numbering', { start: { line: 25, character: 0 }, end: { line: 25, character: 1 } }]]);
  });

  it('"held on" a later day than the document is reported as the meeting after the document', () => {
    const { findings } = lintText(CONCLUSIONS.replace('held on 20 June 2016', 'held on 22 June 2016'), catalogue);
    assert.deepEqual(findings.map((f) => f.code), ['subject.meeting-after-document']);
  });
});
