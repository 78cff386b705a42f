import assert from 'node:assert/strict';
import { blankMarkup } from '../../server/src/core/text/lines';
import { findMeetingRefsInText, type MeetingRefAt } from '../../server/src/core/document/meetingRefs';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { parseForIndex } from '../../server/src/core/lint';
import { generateCorpus } from '../fixtures/generate';
import { corpusText, OUTCOME_FILES, rangeOf } from './corpus';

/** The references on one markup-blanked line read on its own, located on line `lineNo`. */
function lineRefs(line: string, lineNo: number): MeetingRefAt[] {
  return findMeetingRefsInText(line, [line], [0], 0, () => false).map((r) => ({ ...r, span: [lineNo, r.span[1], r.span[2]] }));
}

/** The references on the line of `phrase` in a corpus document, with the text each covers. */
function refsAt(file: string, phrase: string): (Omit<MeetingRefAt, 'span'> & { text: string })[] {
  const text = corpusText(file);
  const { start } = rangeOf(text, phrase);
  const line = blankMarkup(text.split(/\r\n|\n|\r/)[start.line]);
  return lineRefs(line, start.line).map(({ span, ...ref }) => {
    assert.equal(span[0], start.line);
    return { ...ref, text: line.slice(span[1], span[2]) };
  });
}

function refsIn(line: string) {
  return lineRefs(line, 0).map(({ span, ...ref }) => ({ ...ref, text: line.slice(span[1], span[2]) }));
}

describe('workspace: meeting references in running text', () => {
  it('"the next EU-US Ministerial meeting in November 2011" (13228/11)', () => {
    assert.deepEqual(refsAt('13228-11.md', 'the next EU-US Ministerial meeting'), [
      { text: 'the next EU-US Ministerial meeting in November 2011', direction: 'next', level: 'Ministerial', series: 'EU-US', month: 11, year: 2011 },
    ]);
  });

  it('"the next ministerial meeting (November date tbc., Washington)": date and place in brackets (13228/11)', () => {
    assert.deepEqual(refsAt('13228-11.md', 'Preparation for the next ministerial meeting'), [
      { text: 'the next ministerial meeting (November date tbc., Washington)', direction: 'next', level: 'Ministerial', month: 11, place: 'Washington' },
    ]);
  });

  it('"previous meetings": every earlier meeting (13228/11)', () => {
    assert.deepEqual(refsAt('13228-11.md', 'At previous meetings'), [{ text: 'previous meetings', direction: 'previous', plural: true }]);
  });

  it('"the next Ministerial meeting in Stockholm on 21 June 2023" and "the EU-US Ministerial meeting in June" (7725/23)', () => {
    assert.deepEqual(refsAt('7725-23.md', 'it would host the next Ministerial meeting'), [
      { text: 'the next Ministerial meeting in Stockholm on 21 June 2023', direction: 'next', level: 'Ministerial', place: 'Stockholm', month: 6, day: 21, year: 2023 },
    ]);
    assert.deepEqual(refsAt('7725-23.md', 'ahead of the EU-US Ministerial meeting in June'), [
      { text: 'the EU-US Ministerial meeting in June', direction: 'named', level: 'Ministerial', series: 'EU-US', month: 6 },
    ]);
  });

  it('"the next EU-U.S. Ministerial, which will take place in Washington, D.C." (9278/18)', () => {
    assert.deepEqual(refsAt('9278-18.md', 'at the next EU-U.S. Ministerial'), [
      { text: 'the next EU-U.S. Ministerial, which will take place in Washington, D.C.', direction: 'next', level: 'Ministerial', series: 'EU-US', place: 'Washington' },
    ]);
  });

  it('the previous SOM, the last meeting, a named meeting with its place', () => {
    assert.deepEqual(refsIn('as agreed at the previous SOM.'), [{ text: 'the previous SOM', direction: 'previous', level: 'Senior Officials' }]);
    assert.deepEqual(refsIn('since the last meeting to improve'), [{ text: 'the last meeting', direction: 'previous' }]);
    assert.deepEqual(refsIn('as agreed at the Ministerial meeting in Washington.'), [{ text: 'the Ministerial meeting in Washington', direction: 'named', level: 'Ministerial', place: 'Washington' }]);
    assert.deepEqual(refsIn('the next ministerial meeting (November 2011, Washington)'), [
      { text: 'the next ministerial meeting (November 2011, Washington)', direction: 'next', level: 'Ministerial', month: 11, year: 2011, place: 'Washington' },
    ]);
    assert.deepEqual(refsIn('before the next EU-Western Balkans JHA Senior Officials Meeting.'), [
      { text: 'the next EU-Western Balkans JHA Senior Officials Meeting', direction: 'next', level: 'Senior Officials', series: 'EU-Western Balkans JHA' },
    ]);
  });

  it('a document number in brackets is not the meeting\'s date', () => {
    assert.deepEqual(refsIn('the report presented at the previous meeting (WK 10837/2020 INIT).'), [{ text: 'the previous meeting', direction: 'previous' }]);
  });

  it('stays silent on meetings that are not of the series', () => {
    for (const line of [
      'The US had presented some legal avenues of cooperation during a meeting at Eurojust.',
      'agreed to hold the next meeting planned after the summer break.',
      'the JHA Informal Ministerial Meeting had paved the way',
      'the EU-US Ministerial Conference on drugs',
      'The US side highlighted the agenda for this SOM meeting.',
    ]) {
      assert.deepEqual(refsIn(line), [], line);
    }
  });

  it('over a whole text: the same references as line by line, lines left out skipped, none joined over a line break', () => {
    const lines = [
      'Subject: Outcome of the EU-US Ministerial meeting (Sofia, 22-23 May 2018)',
      'Both sides would report at the next EU-US Ministerial meeting. The previous SOM had agreed.',
      'the next EU-US JHA Senior',
      'Officials meeting was mentioned; the previous meeting (Sofia, May 2018) too.',
      'Page footer: the next Ministerial meeting',
      'Ministerial',
      'meeting in Washington was prepared at the last meeting.',
    ];
    const text = lines.join('\n');
    const starts = lines.map((_, l) => lines.slice(0, l).join('\n').length + (l ? 1 : 0));
    const skip = (l: number) => l === 0 || l === 4;
    const whole = findMeetingRefsInText(text, lines, starts, 0, skip);
    const byLine = lines.flatMap((line, l) => (skip(l) ? [] : lineRefs(line, l)));
    assert.deepEqual(whole, byLine);
    assert.deepEqual(
      whole.map(({ span: [l, s, e] }) => lines[l].slice(s, e)),
      ['the next EU-US Ministerial meeting', 'The previous SOM', 'the previous meeting (Sofia, May 2018)', 'the last meeting'],
    );
  });

  it('the nouns noted by the mention scan give the references a search of their own gives', () => {
    const catalogue = loadBuiltInCatalogue();
    const texts = [...OUTCOME_FILES.map((f) => corpusText(f)), ...generateCorpus(40, 11).map((d) => d.text)];
    let found = 0;
    for (const text of texts) {
      const doc = parseForIndex(text, catalogue);
      const from = doc.title ? doc.title.range.end.line + 1 : 0;
      const nouns: number[] = [];
      catalogue.findMentionsInLines(doc.cleanText, doc.lineStarts[from], nouns);
      const noted = findMeetingRefsInText(doc.cleanText, doc.lines, doc.lineStarts, from, () => false, nouns);
      assert.deepEqual(noted, findMeetingRefsInText(doc.cleanText, doc.lines, doc.lineStarts, from, () => false));
      found += noted.length;
    }
    assert.ok(found > 40, `${found} references`);
    // Nouns inside words are not noted by the scan, and its own search finds no reference ending on one either.
    const lines = ['the next premeeting and the previous interministerial', 'an EU-US HANSOM; the last SOMs', 'the next Ministerial meeting'];
    const text = lines.join('\n');
    const starts = [0, lines[0].length + 1, lines[0].length + lines[1].length + 2];
    const nouns: number[] = [];
    catalogue.findMentionsInLines(text, 0, nouns);
    const noted = findMeetingRefsInText(text, lines, starts, 0, () => false, nouns);
    assert.deepEqual(noted, findMeetingRefsInText(text, lines, starts, 0, () => false));
    assert.deepEqual(
      noted.map(({ span: [l, s, e] }) => lines[l].slice(s, e)),
      ['the last SOMs', 'the next Ministerial meeting'],
    );
  });
});
