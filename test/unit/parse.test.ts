import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/document/parse';
import { corpusText, rangeOf } from './corpus';

const known = (c: string) => /^(?:JAIEX|RELEX|ASIM|CATS|JUSTCIV|USA|JAI|CT)$/.test(c);

describe('parse: the real documents', () => {
  it('13228/11: split issuer, wrapped partial access, tagged codes, sessions, wrapped subject', () => {
    const text = corpusText('13228-11.md');
    const doc = parse(text, { isKnownCode: known });
    assert.equal(doc.header.issuer?.value, 'COUNCIL OF THE EUROPEAN UNION');
    assert.equal(doc.header.date?.value.iso, '2011-07-29');
    assert.equal(doc.header.number?.text, '13228/11');
    assert.equal(doc.header.language, undefined);
    assert.equal(doc.header.partialAccess?.date?.value.iso, '2011-09-28');
    assert.deepEqual(doc.header.partialAccess?.date?.range, rangeOf(text, '28.09.2011'));
    assert.equal(doc.header.marking?.value, 'LIMITE');
    assert.deepEqual(doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`), ['JAIEX 75', 'RELEX 816', 'ASIM 82', 'CATS 67', 'JUSTCIV 204', 'USA 57']);
    assert.deepEqual(doc.header.subjectCodes[0].codeRange, rangeOf(text, 'JAIEX'));
    assert.deepEqual(doc.header.subjectCodes[0].numberRange, rangeOf(text, '75'));
    assert.deepEqual(doc.addressing.map((f) => f.label), ['from', 'to', 'subject']);
    const subject = doc.addressing[2];
    assert.match(subject.value, /Senior Officials Meeting, Cracow, 25-26 July 2011$/);
    assert.equal(subject.range.end.line, subject.range.start.line + 1, 'the subject wraps onto the next line');
    assert.equal(doc.meeting?.series, 'EU-US JHA');
    assert.equal(doc.meeting?.level, 'Senior Officials');
    assert.equal(doc.meeting?.informal, true);
    assert.equal(doc.meeting?.place, 'Cracow');
    assert.equal(doc.meeting?.start?.iso, '2011-07-25');
    assert.equal(doc.meeting?.end?.iso, '2011-07-26');
    assert.equal(doc.sections.length, 9);
    assert.deepEqual(doc.sections.map((s) => s.heading.style), Array(9).fill('session'));
    assert.equal(doc.sections[3].heading.text, 'Session 4: PNR issues');
    assert.deepEqual(doc.sections[1].items.map((i) => i.heading.label), ['1', '2']);
    assert.equal(doc.sections[1].items[0].paragraphs.length, 0, 'an item may have no paragraph of its own');
    assert.equal(doc.deleted.length, 3);
    assert.deepEqual(doc.presidencies.map((p) => [p.name, p.incoming]), [['Polish', false], ['Danish', true], ['Danish', false]]);
  });

  it('10483/17: "Council of the / European Union", code block in one bold run, prev. doc., summary', () => {
    const text = corpusText('10483-17.md');
    const doc = parse(text, { isKnownCode: known });
    assert.deepEqual(doc.header.issuer?.range, { start: rangeOf(text, 'Council of the').start, end: rangeOf(text, 'European Union').end });
    assert.equal(doc.header.subjectCodes.length, 13);
    assert.deepEqual(doc.previousDocuments.map((d) => d.base), ['10084/17']);
    assert.equal(doc.meeting?.place, 'Valletta');
    assert.equal(doc.meeting?.level, 'Ministerial');
    assert.match(doc.summary?.text ?? '', /^First meeting with the new US Administration/);
    assert.deepEqual(doc.sections.map((s) => s.heading.label), ['1', '2', '3', '4', '5']);
    assert.deepEqual(doc.sections[0].heading.labelRange, { start: rangeOf(text, '1. Counter-terrorism').start, end: { ...rangeOf(text, '1. Counter-terrorism').start, character: rangeOf(text, '1. Counter-terrorism').start.character + 1 } });
  });

  it('9278/18: lettered items, the annex is not a section', () => {
    const doc = parse(corpusText('9278-18.md'), { isKnownCode: known });
    assert.deepEqual(doc.sections.map((s) => s.items.map((i) => i.heading.label).join('')), ['abc', 'ab', 'abc', 'ab', '']);
    assert.ok(doc.annex);
    assert.equal(doc.meeting?.start?.iso, '2018-05-22');
  });

  it('7725/23: no issuer, italic topics are paragraphs, "Summary" on its own line', () => {
    const doc = parse(corpusText('7725-23.md'), { isKnownCode: known });
    assert.equal(doc.header.issuer, undefined);
    assert.equal(doc.header.subjectCodes.length, 15);
    assert.equal(doc.sections.length, 8);
    assert.ok(doc.sections.every((s) => s.items.length === 0));
    assert.match(doc.summary?.text ?? '', /^Held in a constructive/);
    assert.equal(doc.meeting?.level, 'Senior Officials');
    assert.equal(doc.meeting?.place, 'Stockholm');
  });

  it('the communication is another kind of document', () => {
    const doc = parse(corpusText('other/iss-annual-report-2011.md'));
    assert.equal(doc.kind, 'other');
    assert.match(doc.otherDocumentType?.value ?? '', /^COMMUNICATION FROM THE COMMISSION/);
  });

  it('a Council NOTE is another kind of document; a draft without its title is still an outcome', () => {
    const note = parse(corpusText('9278-18.md').replace('OUTCOME OF PROCEEDINGS', 'I/A ITEM NOTE'));
    assert.equal(note.kind, 'other');
    assert.equal(note.otherDocumentType?.value, 'I/A ITEM NOTE');
    const draft = parse(corpusText('9278-18.md').replace('OUTCOME OF PROCEEDINGS\n', ''));
    assert.equal(draft.kind, 'outcome');
    assert.equal(draft.otherDocumentType, undefined);
  });
});

const DRAFT = [
  'Council of the European Union',
  '',
  'Brussels, 12 December 2025',
  '(OR. en)',
  '',
  '16012/1/25 REV 1',
  '',
  'LIMITE',
  '',
  'JAIEX 101',
  'CFSP/PESC 1025',
  '',
  'OUTCOME OF PROCEEDINGS',
  '',
  'From:\tGeneral Secretariat of the Council',
  'To:\tDelegations',
  'No. prev. doc.:\t7226/3/25 REV 3 JAI 192 DAPIX 53, 15001/25',
  'Subject :\tOutcome of proceedings of the EU-US Justice and Home Affairs Senior Officials Meeting',
  '\t(Copenhagen, 30 November - 1 December 2025)',
  '',
  '## **Session 1: Opening**',
  '',
  '#### *1.1 Priorities*',
  '',
  'The Danish Presidency opened the meeting; see doc. 11050/25, CM 1405/25 and WK 10837/2025 INIT.',
  '',
  '15001/25 AB/cd 2 LIMITE EN',
  '',
  '**Session 2: Closing**',
  '',
  'The next meeting is planned for 31 June 2026 under the incoming Cypriot Presidency.',
];

describe('parse: variations a drafter writes', () => {
  for (const [name, transform] of [
    ['LF', (s: string) => s],
    ['CRLF', (s: string) => s.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', (s: string) => '\ufeff' + s.replace(/\n/g, '\r\n')],
    ['tabs and trailing double spaces', (s: string) => s.replace(/\n/g, '  \n')],
    ['no-break spaces between words', (s: string) => s.replace(/(\S) (?=\S)/g, '$1\u00a0')],
  ] as const) {
    it(`reads the same document with ${name}`, () => {
      const doc = parse(transform(DRAFT.join('\n')), { isKnownCode: (c) => c === 'JAIEX' || c === 'CFSP/PESC' });
      assert.equal(doc.kind, 'outcome');
      assert.equal(doc.header.number?.text, '16012/1/25 REV 1');
      assert.deepEqual(doc.header.number?.suffixes, [{ kind: 'REV', index: 1 }]);
      assert.deepEqual(doc.header.subjectCodes.map((c) => c.code), ['JAIEX', 'CFSP/PESC']);
      assert.deepEqual(doc.previousDocuments.map((d) => d.text), ['7226/3/25 REV 3', '15001/25']);
      assert.equal(doc.meeting?.start?.iso, '2025-11-30');
      assert.equal(doc.meeting?.end?.iso, '2025-12-01');
      assert.equal(doc.meeting?.place, 'Copenhagen');
      assert.deepEqual(doc.sections.map((s) => s.heading.text), ['Session 1: Opening', 'Session 2: Closing']);
      assert.deepEqual(doc.sections[0].items.map((i) => i.heading.label), ['1.1']);
      assert.equal(doc.footers.length, 1, 'the page footer is layout');
      assert.deepEqual(doc.references.map((r) => r.text).filter((t) => !t.startsWith('7226') && !t.startsWith('15001')), ['11050/25', 'CM 1405/25', 'WK 10837/2025 INIT']);
      assert.deepEqual(doc.dates.filter((d) => !d.value.valid).map((d) => d.text), ['31 June 2026']);
      assert.equal(doc.header.number?.range.start.character, 0);
    });
  }

  it('reads hyphenated and bilingual subject codes', () => {
    const doc = parse('Brussels, 3 May 2024\n(OR. en)\n\n8123/24\n\nSCH-EVAL 12\nCSDP/PSDC 567\nJAI 9\n\nOUTCOME OF PROCEEDINGS\n', { isKnownCode: () => true });
    assert.deepEqual(doc.header.subjectCodes.map((c) => `${c.code} ${c.number}`), ['SCH-EVAL 12', 'CSDP/PSDC 567', 'JAI 9']);
  });

  it('a released document\'s "PUBLIC" stamp is no marking, with or without its marking below', () => {
    const original = corpusText('9278-18.md');
    const stamped = original.replace('9278/18\n\nLIMITE', '9278/18\n\nPUBLIC\n\nLIMITE');
    assert.notEqual(stamped, original);
    assert.equal(parse(stamped, { isKnownCode: known }).header.marking?.value, 'LIMITE');
    assert.deepEqual(parse(stamped, { isKnownCode: known }).header.subjectCodes.map((c) => c.code), parse(original, { isKnownCode: known }).header.subjectCodes.map((c) => c.code));
    assert.equal(parse(original.replace('9278/18\n\nLIMITE', '9278/18\n\nPUBLIC'), { isKnownCode: known }).header.marking, undefined);
  });

  it('REV on its own line belongs to the number', () => {
    const doc = parse('Brussels, 3 May 2024\n(OR. en)\n\n8123/2/24\nREV 2\n\nJAIEX 1\n\nOUTCOME OF PROCEEDINGS\n', { isKnownCode: () => true });
    assert.equal(doc.header.number?.text, '8123/2/24 REV 2');
    assert.equal(doc.header.number?.range.end.line, 4);
  });

  it('the register form "ST 9278 2018 INIT" is document 9278/18', () => {
    const doc = parse('OUTCOME OF PROCEEDINGS\n\n1. Data\n\nSee 10084/17 and ST 9278 2018 INIT, but not FIRST 12 2020 INIT.\n');
    assert.deepEqual(doc.references.map((r) => [r.text, r.base]), [['10084/17', '10084/17'], ['ST 9278 2018 INIT', '9278/18']]);
  });

  it('legal acts are not Council document references', () => {
    const doc = parse('OUTCOME OF PROCEEDINGS\n\n1. Data\n\nDirective 2014/41/EU, Regulation (EU) 2016/679, Decision 2008/615/JHA and 2016/0132 (COD), after 9/11.\n');
    assert.deepEqual(doc.references, []);
  });
});
