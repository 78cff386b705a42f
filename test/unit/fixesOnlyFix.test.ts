import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText } from '../../server/src/core/lint';
import { fixEdits, type Finding, type TextReplacement } from '../../server/src/core/rules/finding';
import { header } from '../fixtures/pathological';

const catalogue = loadBuiltInCatalogue();

function apply(text: string, edits: TextReplacement[]): string {
  const lines = text.split('\n');
  const offset = (p: TextReplacement['range']['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function finding(text: string, code: string): Finding {
  const f = lintText(text, catalogue).findings.find((x) => x.code === code);
  assert.ok(f, `no ${code}`);
  return f;
}

const codes = (text: string) => lintText(text, catalogue).findings.map((f) => f.code);

describe('quick fixes that only fix', () => {
  it('places a code after overlapping tags on its source columns', () => {
    const text = header().replace('JAIEX 45', '<b <b>RELXE 448');
    const f = finding(text, 'codes.unknown');
    assert.deepEqual(f.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 11 } });
    const fix = f.fixes!.find((x) => x.title.startsWith('Change to RELEX'))!;
    assert.equal(apply(text, fixEdits(fix)).split('\n')[4], '<b <b>RELEX 448');
  });

  it('inserts the title after a last code line without line break, on a line of its own', () => {
    const text = 'Council of the European Union\nBrussels, 5 March 2018\n(OR. en)\n9278/18\nJAIEX 54';
    const fixed = apply(text, fixEdits(finding(text, 'title.missing').fixes![0]));
    assert.equal(fixed, `${text}\n\nOUTCOME OF PROCEEDINGS\n`);
    assert.ok(!codes(fixed).includes('title.missing'));
  });

  it('inserts "To:" with "From:" when both are missing', () => {
    const text = header().replace('From: General Secretariat of the Council\nTo: Delegations\n', '') + '\n1. Opening\n\ntext\n';
    const fixed = apply(text, fixEdits(finding(text, 'addressing.from-missing').fixes![0]));
    assert.match(fixed, /From:\tGeneral Secretariat of the Council\nTo:\tDelegations\n/);
    assert.deepEqual(codes(fixed).filter((c) => c.startsWith('addressing.')), []);
  });

  it('proposes no code already listed', () => {
    const text = header().replace('JAIEX 45', 'JAIEX 45\nJAIEZ 46');
    const titles = finding(text, 'codes.unknown').fixes!.map((f) => f.title);
    assert.ok(titles.length > 0);
    assert.ok(titles.every((t) => !t.startsWith('Change to JAIEX ')), titles.join(' | '));
  });

  it('keeps the number\'s year right when it fixes a date', () => {
    const text = header().replace('Brussels, 5 March 2018', 'Brussels, 05/03/2019') + '\n1. Opening\n\ntext\n';
    const fix = finding(text, 'header.date-invalid').fixes![0];
    assert.equal(fix.title, 'Write "5 March 2019" and the number\'s year 19');
    const fixed = apply(text, fixEdits(fix));
    assert.match(fixed, /\n9278\/19\n/);
    assert.ok(!codes(fixed).includes('header.number-year'));
  });

  it('renumbers lettered items no further than z', () => {
    const items = Array.from({ length: 27 }, (_, i) => `${String.fromCharCode(97 + Math.min(i, 25))}) Item`).join('\n\n');
    const text = `${header()}\n1. Opening\n\n${items.replace('c) Item', 'b) Item')}\n`;
    const edits = fixEdits(finding(text, 'body.item-numbering').fixes![0]);
    assert.ok(edits.every((e) => /^[a-z]$/.test(e.newText)), edits.map((e) => e.newText).join(','));
  });
});

/** Error findings of each rule in `after` that `before` had fewer of. */
function errorsAdded(before: string, after: string): string[] {
  const count = (text: string) => {
    const m = new Map<string, number>();
    for (const f of lintText(text, catalogue).findings) if (f.severity === 'error') m.set(f.code, (m.get(f.code) ?? 0) + 1);
    return m;
  };
  const [b, a] = [count(before), count(after)];
  return [...a].filter(([code, n]) => n > (b.get(code) ?? 0)).map(([code]) => code);
}

/** The title with a stray line right below it (a code out of place), so that the addressing block further down is not read as one. */
function strayBelowTitle(stray: string, addressing: string): string {
  return ['Council of the European Union', 'Brussels, 24 March 2023', '(OR. en)', '7725/23', 'JAIEX 14', 'OUTCOME OF PROCEEDINGS', stray, '', '', addressing, '', '1. Opening', '', 'text', ''].join('\n');
}

describe('quick fixes that only fix: cases the fuzz run found', () => {
  it('inserts "Subject:" below the title apart from a stray line, which would otherwise be read as its value', () => {
    const text = strayBelowTitle('CT 43', 'Subject: Outcome of proceedings of the EU-US Senior Officials Meeting (Stockholm, 1 March 2023)\n\nFrom: General Secretariat of the Council\n\nCOTER 50\nTo: Delegations');
    const fix = finding(text, 'addressing.subject-missing').fixes![0];
    assert.deepEqual(fixEdits(fix), [{ range: { start: { line: 5, character: 22 }, end: { line: 5, character: 22 } }, newText: '\nSubject:\tOutcome of proceedings of the \n' }]);
    const fixed = apply(text, fixEdits(fix));
    assert.ok(!codes(fixed).includes('addressing.subject-missing'));
    assert.deepEqual(errorsAdded(text, fixed), []);
  });

  it('inserts "From:" and "To:" below the title apart from a stray line', () => {
    const text = strayBelowTitle('CORDROGUE 82', 'Subject: Outcome of the EU-US JHA Ministerial Meeting (Valletta, 15-16 June 2017)\nNo. prev. doc.: 10084/17\n(see above)');
    const fixed = apply(text, fixEdits(finding(text, 'addressing.from-missing').fixes![0]));
    assert.ok(!codes(fixed).includes('addressing.from-missing'));
    assert.deepEqual(errorsAdded(text, fixed), []);
  });

  it('does not make a sentence with a later date below the title the subject', () => {
    const text = strayBelowTitle('The Presidency would host the next meeting on 21 June 2023.', 'From: General Secretariat of the Council\nTo: Delegations');
    const fixed = apply(text, fixEdits(finding(text, 'addressing.subject-missing').fixes![0]));
    assert.deepEqual(errorsAdded(text, fixed), []);
    assert.ok(!codes(fixed).includes('subject.meeting-after-document'));
  });

  it('offers no field to insert where the document has neither a title nor a field (it would land above the header)', () => {
    const text = 'Council of the European Union\nBrussels, 5 March 2018\n(OR. en)\n9278/18\nJAIEX 45\n\n1. Opening\n\ntext\n';
    assert.equal(finding(text, 'addressing.from-missing').fixes, undefined);
    assert.equal(finding(text, 'addressing.subject-missing').fixes, undefined);
  });

  it('inserts the title below a number being typed on the last line, not above the header', () => {
    const text = 'Council of the\nEuropean Union\n\nBrussels, 31 May 2018\n(OR. en)\n\n9278/1';
    const fixed = apply(text, fixEdits(finding(text, 'title.missing').fixes![0]));
    assert.equal(fixed, `${text}\n\nOUTCOME OF PROCEEDINGS\n`);
    assert.deepEqual(errorsAdded(text, fixed), []);
  });

  it('offers no year for the number when the date\'s year is one two digits cannot name', () => {
    for (const year of ['2058', '6017']) {
      const text = header().replace('5 March 2018', `5 March ${year}`) + '\n1. Opening\n\ntext\n';
      const f = finding(text, 'header.number-year');
      assert.equal(f.fixes, undefined, year);
      assert.match(f.message, /a year no document number can carry/);
    }
  });
});
