import assert from 'node:assert/strict';
import { readDocx } from '../../server/src/readers/docx';
import { abstractNum, level, listPara, num, para, run, wordPackage, type WordParts } from '../support/wordPackage';

function lines(parts: WordParts): string[] {
  const read = readDocx(wordPackage(parts));
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return read.text.split('\n').filter((l) => l !== '');
}

/** The usual outcome list: sections "1.", items "a)", points "(i)". */
const OUTCOME_LEVELS = level(0, 'decimal', '%1.') + level(1, 'lowerLetter', '%2)') + level(2, 'lowerRoman', '(%3)');

describe('Word reader: automatic numbering', () => {
  it('writes each level\'s number in its format before the text, a tab after it', () => {
    const numbering = abstractNum(1, OUTCOME_LEVELS) + num(1, 1);
    const body = listPara('Counter-terrorism', 1, 0) + listPara('Information sharing', 1, 1) + listPara('Battlefield evidence', 1, 1) + listPara('first point', 1, 2) + listPara('second point', 1, 2) + listPara('Cyber-crime', 1, 0) + listPara('E-evidence', 1, 1);
    assert.deepEqual(lines({ body, numbering }), ['1.\tCounter-terrorism', 'a)\tInformation sharing', 'b)\tBattlefield evidence', '(i)\tfirst point', '(ii)\tsecond point', '2.\tCyber-crime', 'a)\tE-evidence']);
  });

  it('knows the formats Council documents use: Roman and letters in both cases, zero-padded, bullets, none', () => {
    const numbering =
      abstractNum(1, level(0, 'upperRoman', '%1.') + level(1, 'upperLetter', '%2.') + level(2, 'decimalZero', '%3') + level(3, 'bullet', '\uF0B7', '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>') + level(4, 'none', '') + level(5, 'bullet', '–')) + num(1, 1);
    const body = listPara('Home Affairs', 1, 0) + listPara('Migration', 1, 1) + listPara('Zero', 1, 2) + listPara('Bulleted', 1, 3) + listPara('Unnumbered', 1, 4) + listPara('Dashed', 1, 5) + listPara('Justice', 1, 0);
    assert.deepEqual(lines({ body, numbering }), ['I.\tHome Affairs', 'A.\tMigration', '01\tZero', '•\tBulleted', 'Unnumbered', '–\tDashed', 'II.\tJustice']);
  });

  it('counts letters past z as Word does (aa, bb) and Roman numerals past ten', () => {
    const numbering = abstractNum(1, level(0, 'lowerLetter', '%1)', '', 26) + level(1, 'upperRoman', '%2.', '', 9)) + num(1, 1);
    assert.deepEqual(lines({ body: listPara('z', 1, 0) + listPara('aa', 1, 0) + listPara('bb', 1, 0), numbering }), ['z)\tz', 'aa)\taa', 'bb)\tbb']);
    assert.deepEqual(lines({ body: listPara('IX', 1, 1) + listPara('X', 1, 1) + listPara('XIV', 1, 1) + listPara('x', 1, 1) + listPara('x', 1, 1) + listPara('x', 1, 1) + listPara('x', 1, 1), numbering }).map((l) => l.split('\t')[0]), ['IX.', 'X.', 'XI.', 'XII.', 'XIII.', 'XIV.', 'XV.']);
  });

  it('fills templates with the numbers of the levels above (%1.%2.), in decimal under w:isLgl', () => {
    const numbering = abstractNum(1, level(0, 'upperRoman', '%1.') + level(1, 'decimal', '%1.%2.') + level(2, 'lowerLetter', '%1.%2.%3', '<w:isLgl/>')) + num(1, 1);
    const body = listPara('Part', 1, 0) + listPara('Section', 1, 1) + listPara('Sub', 1, 2) + listPara('Part two', 1, 0) + listPara('Section', 1, 1);
    assert.deepEqual(lines({ body, numbering }), ['I.\tPart', 'I.1.\tSection', '1.1.1\tSub', 'II.\tPart two', 'II.1.\tSection']);
  });

  it('starts at w:start and writes what w:suff asks after the number: a space, nothing, a tab by default', () => {
    const numbering = abstractNum(1, level(0, 'decimal', '%1.', '<w:suff w:val="space"/>', 3) + level(1, 'lowerLetter', '(%2)', '<w:suff w:val="nothing"/>', 2) + level(2, 'decimal', '%3)', '<w:suff w:val="tab"/>')) + num(1, 1);
    assert.deepEqual(lines({ body: listPara('Third', 1, 0) + listPara('Item', 1, 1) + listPara('Point', 1, 2), numbering }), ['3. Third', '(b)Item', '1)\tPoint']);
  });

  it('starts a lower level again when a higher one is counted, unless w:lvlRestart says otherwise', () => {
    const numbering =
      abstractNum(1, level(0, 'decimal', '%1.') + level(1, 'lowerLetter', '%2)', '<w:lvlRestart w:val="0"/>') + level(2, 'decimal', '%3.') + level(3, 'lowerRoman', '%4)', '<w:lvlRestart w:val="1"/>')) + num(1, 1);
    const body = listPara('One', 1, 0) + listPara('a', 1, 1) + listPara('b', 1, 1) + listPara('Two', 1, 0) + listPara('c', 1, 1) + listPara('p1', 1, 2) + listPara('i', 1, 3) + listPara('p2', 1, 2) + listPara('ii', 1, 3) + listPara('Three', 1, 0) + listPara('p1', 1, 2) + listPara('i', 1, 3);
    assert.deepEqual(
      lines({ body, numbering }).map((l) => l.split('\t')[0]),
      // Level 1 never restarts; level 3 restarts only after level 1 (0-based 0), not after level 2.
      ['1.', 'a)', 'b)', '2.', 'c)', '1.', 'i)', '2.', 'ii)', '3.', '1.', 'i)'],
    );
  });

  it('continues one count over the lists of one abstract list; a start override starts it again where its list first appears', () => {
    const numbering =
      abstractNum(1, level(0, 'decimal', '%1.') + level(1, 'lowerLetter', '%2)')) +
      num(1, 1) +
      num(2, 1) +
      num(3, 1, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>') +
      num(4, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>');
    const body =
      listPara('One', 1, 0) + listPara('a', 1, 1) + listPara('b', 1, 1) + listPara('Two', 2, 0) + listPara('a', 2, 1) + listPara('b', 2, 1) + listPara('c', 2, 1) + listPara('restarted', 3, 1) + listPara('next', 3, 1) + listPara('Three', 1, 0) + listPara('Five', 4, 0) + listPara('Six', 4, 0) + listPara('Seven', 1, 0) + listPara('Eight', 4, 0);
    // The lists after an override go on from it (Seven); a list's override acts only where the list first appears (Eight).
    assert.deepEqual(lines({ body, numbering }).map((l) => l.split('\t')[0]), ['1.', 'a)', 'b)', '2.', 'a)', 'b)', 'c)', 'a)', 'b)', '3.', '5.', '6.', '7.', '8.']);
  });

  it('takes a level replaced in the list (w:lvlOverride/w:lvl) over the abstract list\'s', () => {
    const numbering = abstractNum(1, level(0, 'decimal', '%1.')) + num(1, 1, `<w:lvlOverride w:ilvl="0">${level(0, 'upperLetter', '%1)', '', 3)}</w:lvlOverride>`);
    assert.deepEqual(lines({ body: listPara('C', 1) + listPara('D', 1), numbering }), ['C)\tC', 'D)\tD']);
  });

  it('numbers paragraphs through their style: numPr inherited over basedOn, the level linked by w:pStyle, numId 0 for none', () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="SectionTitle"><w:basedOn w:val="Heading1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Point"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(3, level(0, 'decimal', '%1.', '<w:pStyle w:val="SectionTitle"/>') + level(1, 'lowerLetter', '%2)') + level(2, 'lowerRoman', '(%3)', '<w:pStyle w:val="Point"/>')) + num(7, 3);
    const styled = (t: string, style: string, more = '') => para(run(t), `<w:pStyle w:val="${style}"/>${more}`);
    const body =
      styled('Counter-terrorism', 'SectionTitle') +
      styled('Information sharing', 'Heading2') +
      styled('first point', 'Point') +
      styled('Not numbered', 'SectionTitle', '<w:numPr><w:numId w:val="0"/></w:numPr>') +
      para(run('Body text.')) +
      styled('Cyber-crime', 'Heading1');
    assert.deepEqual(lines({ body, numbering, styles }), ['1.\tCounter-terrorism', 'a)\tInformation sharing', '(i)\tfirst point', 'Not numbered', 'Body text.', '2.\tCyber-crime']);
  });

  it('follows a list defined through a numbering style (w:numStyleLink)', () => {
    const styles = '<w:style w:type="numbering" w:styleId="OutcomeList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = abstractNum(1, '<w:styleLink w:val="OutcomeList"/>' + level(0, 'upperRoman', '%1.')) + abstractNum(2, '<w:numStyleLink w:val="OutcomeList"/>') + num(1, 1) + num(2, 2);
    assert.deepEqual(lines({ body: listPara('Home Affairs', 2) + listPara('Justice', 2), numbering, styles }), ['I.\tHome Affairs', 'II.\tJustice']);
  });

  it('numbers nothing for a list or level the file does not define', () => {
    const numbering = abstractNum(1, level(0, 'decimal', '%1.')) + num(1, 1);
    assert.deepEqual(lines({ body: listPara('Unknown list', 9) + listPara('Unknown level', 1, 4) + listPara('Known', 1), numbering }), ['Unknown list', 'Unknown level', '1.\tKnown']);
    assert.deepEqual(lines({ body: listPara('No numbering part', 1) }), ['No numbering part']);
  });

  it('counts an empty numbered paragraph, as Word shows its number', () => {
    const numbering = abstractNum(1, level(0, 'decimal', '%1.')) + num(1, 1);
    const empty = para('', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    assert.deepEqual(lines({ body: listPara('One', 1) + empty + listPara('Three', 1), numbering }), ['1.\tOne', '2.', '3.\tThree']);
  });
});
