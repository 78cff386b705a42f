import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { buildLayout, LayoutMemo, plainText, runsIn, type LayoutBlock, type PageLayout } from '../../server/src/core/layout';
import { PreviewRenderer } from '../../server/src/core/layout/html';
import { parseWith } from '../../server/src/core/lint';
import { range } from '../../server/src/core/text/range';
import { corpusText, edit } from './corpus';

const catalogue = loadBuiltInCatalogue();
const EXAMPLE = path.resolve(__dirname, '../../../example');
const layoutOf = (text: string): PageLayout => buildLayout(parseWith(text, catalogue), text, catalogue);
const headings = (l: PageLayout) =>
  l.blocks.filter((b): b is Extract<LayoutBlock, { kind: 'heading' }> => b.kind === 'heading').map((b) => `${b.line} ${b.level} ${b.numbering.kind === 'auto' ? `${b.numbering.before}${b.numbering.format}#${b.numbering.ordinal}${b.numbering.after}` : `"${b.numbering.label}"`} ${plainText(b.title)}`);

describe('layout: emphasis runs', () => {
  it('reads stars and tags, the state from the start of the line, spaces collapsed', () => {
    const lines = ['**Session 1:  Introduction** and *more*', '<b>JAIEX</b>\t<i>75</i> \\*not\\*', '## ***Both***'];
    assert.deepEqual(runsIn(lines, range(0, 2, 0, 39)), [{ text: 'Session 1: Introduction ', bold: true }, { text: 'and ' }, { text: 'more', italic: true }]);
    assert.deepEqual(runsIn(lines, range(1, 0, 1, 34)), [{ text: 'JAIEX ', bold: true }, { text: '75 ', italic: true }, { text: '*not*' }]);
    assert.deepEqual(runsIn(lines, range(2, 6, 2, 10)), [{ text: 'Both', bold: true, italic: true }]);
    assert.deepEqual(runsIn(lines, range(0, 13, 1, 8)), [{ text: 'Introduction ', bold: true }, { text: 'and ' }, { text: 'more ', italic: true }, { text: 'JAIEX', bold: true }]);
  });

  it('collapses spaces and tabs only: a no-break space is text', () => {
    const lines = ['  Article\u00a05 \t of  the\tTreaty \u00a0', '\t<b> x </b>  y'];
    assert.deepEqual(runsIn(lines, range(0, 0, 0, 35)), [{ text: 'Article\u00a05 of the Treaty \u00a0' }]);
    assert.deepEqual(runsIn(lines, range(0, 0, 1, 15)), [{ text: 'Article\u00a05 of the Treaty \u00a0 ' }, { text: 'x ', bold: true }, { text: 'y' }]);
  });
});

describe('layout: built from the real documents', () => {
  it('9278/18: header columns, codes, addressing, summary, sections 1. with items a) restarting, the annex', () => {
    const l = layoutOf(corpusText('9278-18.md'));
    const header = l.blocks[0];
    assert.equal(header.kind, 'header');
    assert.deepEqual(header.kind === 'header' && { ...header.header, codes: header.header.codes.slice(0, 3) }, {
      issuer: ['Council of the', 'European Union'],
      placeAndDate: 'Brussels, 31 May 2018',
      language: '(OR. en)',
      number: '9278/18',
      interinstitutionalFile: undefined,
      partialAccess: undefined,
      marking: 'LIMITE',
      codes: [
        { code: 'JAIEX', number: '54' },
        { code: 'RELEX', number: '448' },
        { code: 'ASIM', number: '53' },
      ],
    });
    assert.deepEqual(
      l.blocks.slice(1, 4).map((b) => [b.kind, b.line, b.endLine]),
      [
        ['title', 26, 26],
        ['addressing', 28, 32],
        ['summary', 34, 34],
      ],
    );
    const addressing = l.blocks[2];
    assert.deepEqual(addressing.kind === 'addressing' && addressing.rows.map((r) => `${r.label} ${plainText(r.value)}`), [
      'From: General Secretariat of the Council',
      'To: Delegations',
      'Subject: Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia, 22-23 May 2018)',
    ]);
    assert.deepEqual(headings(l).slice(0, 5), [
      '40 section decimal#1. Counterterrorism',
      '42 item lowerLetter#1) Information sharing, including battlefield information, PNR and aviation security',
      '50 item lowerLetter#2) Prevention of radicalisation and terrorist use of the Internet',
      '54 item lowerLetter#3) Further cooperation on CBRN in view of evolving chemical threats',
      '58 section decimal#2. Security and judicial cooperation in cyberspace',
    ]);
    const annex = l.blocks.find((b) => b.kind === 'annex');
    assert.deepEqual(annex && [annex.line, annex.kind === 'annex' && plainText(annex.title)], [98, 'Joint EU-U.S. statement following the EU-U.S. Justice and Home Affairs Ministerial Meeting']);
    assert.deepEqual(l.footer, { number: '9278/18', marking: 'LIMITE', language: 'EN' });
    assert.equal(l.classifiedMarking, undefined);
    assert.deepEqual(l.properties, { title: 'Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia, 22-23 May 2018)', number: '9278/18' });
    const bold = l.blocks.find((b) => b.kind === 'paragraph' && b.line === 38);
    assert.deepEqual(bold?.kind === 'paragraph' && bold.runs, [{ text: 'At the end of the meeting, a joint press statement was issued (' }, { text: 'Annex', bold: true }, { text: ').' }]);
  });

  it('13228/11: "Session N:" kept as text, its items numbered 1. automatically; partial access in the header', () => {
    const l = layoutOf(corpusText('13228-11.md'));
    assert.deepEqual(headings(l).slice(0, 4), [
      '39 section "Session 1:" Introduction',
      '41 item decimal#1. Recent developments and prospects for justice and home affairs',
      '51 section "Session 2:" CyberSecurity/CyberCrime',
      '53 item decimal#1. EU-US CyberSecurity/CyberCrime Working Group: state of play, preparation of report to the Summit',
    ]);
    const header = l.blocks[0];
    assert.equal(header.kind === 'header' && header.header.partialAccess, 'DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (28.09.2011)');
  });

  it('a draft whose sections skip (1, 2, 4) keeps the numbers as written', () => {
    const l = layoutOf(fs.readFileSync(path.join(EXAMPLE, 'draft-15020-23.outcome.md'), 'utf8'));
    assert.deepEqual(headings(l), ['22 section "1." Introduction', '26 section "2." Cybercrime and electronic evidence', '30 section "4." Next meeting']);
  });

  it('a classified marking is repeated at the top of the page; LIMITE is not', () => {
    const text = edit(corpusText('9278-18.md'), /^LIMITE$/m, 'RESTREINT UE/EU RESTRICTED');
    const l = layoutOf(text);
    assert.equal(l.classifiedMarking, 'RESTREINT UE/EU RESTRICTED');
    assert.equal(l.footer.marking, 'RESTREINT UE/EU RESTRICTED');
  });

  it('every body line of the real documents lands in exactly one block, in order', () => {
    for (const name of ['13228-11.md', '10483-17.md', '9278-18.md', '7725-23.md']) {
      const l = layoutOf(corpusText(name));
      for (let i = 1; i < l.blocks.length; i++) assert.ok(l.blocks[i].line > l.blocks[i - 1].endLine, `${name}: block ${i} at ${l.blocks[i].line} overlaps the one before`);
    }
  });
});

describe('layout: rebuilt after an edit', () => {
  const build = (text: string, memo: LayoutMemo) => buildLayout(parseWith(text, catalogue), text, catalogue, memo);

  it('makes anew only the blocks whose source changed; the others are the earlier ones, moved to their lines; the same as a fresh layout', () => {
    const memo = new LayoutMemo();
    const before = corpusText('9278-18.md');
    const first = build(before, memo);
    // A word typed into one paragraph, and a line inserted above it: every block below moves down one line.
    const after = edit(before, 'Both delegations concurred', 'Indeed, both delegations concurred').replace('\n1. Counterterrorism', '\n\n1. Counterterrorism');
    const second = build(after, memo);
    assert.deepEqual(second, build(after, new LayoutMemo()), 'the same as laid out afresh');
    assert.deepEqual({ ...second, blocks: second.blocks.map((b) => ({ ...b, key: '' })) }, layoutOf(after), 'the same as laid out without a memo, but for the keys');
    const edited = second.blocks.findIndex((b) => b.kind === 'paragraph' && plainText(b.runs).startsWith('Indeed, both'));
    assert.ok(edited > 0);
    const made = second.blocks.filter((b) => !first.blocks.some((f) => f.key === b.key));
    assert.deepEqual(made.map((b) => b.line), [second.blocks[edited].line]);
    second.blocks.forEach((b, i) => {
      if (i === edited) return;
      const earlier = first.blocks.find((f) => f.key === b.key)!;
      if (b.kind === 'paragraph' && earlier.kind === 'paragraph') assert.equal(b.runs, earlier.runs, `block ${i}: its runs reused, not read again`);
      assert.equal(b.line, earlier.line + (b.line >= 40 ? 1 : 0), `block ${i}`);
    });
  });

  it('a heading renumbered gets a new key (its number is part of its source)', () => {
    const memo = new LayoutMemo();
    const before = corpusText('9278-18.md');
    const first = build(before, memo);
    const second = build(edit(before, /^1\. Counterterrorism$/m, '2. Counterterrorism'), memo);
    const keyAt = (l: PageLayout) => l.blocks.find((b) => b.line === 40)!.key;
    assert.notEqual(keyAt(second), keyAt(first));
  });
});

describe('layout: the preview of an edit', () => {
  const footer = { initials: 'PC/pf', directorate: 'JAI.1' };

  it('sends only the blocks between those the edit left in place, the later ones moved by the lines it added; HTML only for blocks the page lacks', () => {
    const memo = new LayoutMemo();
    const renderer = new PreviewRenderer();
    const render = (text: string, since?: number) => renderer.render(buildLayout(parseWith(text, catalogue), text, catalogue, memo), footer, since);
    const before = corpusText('9278-18.md');
    const first = render(before);
    assert.equal(first.keep, undefined);
    // A paragraph added after the one that opens section 1: two lines more below it.
    const opening = first.blocks.findIndex((b) => b.line === 44);
    const after = before.replace(/^(Both delegations concurred.*)$/m, '$1\n\nThe Presidency took note.');
    const second = render(after, first.id);
    assert.deepEqual(second.keep, { base: first.id, head: opening + 1, tail: first.blocks.length - opening - 1, shift: 2 });
    assert.deepEqual(second.blocks.map((b) => [b.line, b.html]), [[46, '<p>The Presidency took note.</p>']]);
    // Typed away and back (an undo): the page still holds that block, so its HTML is not sent again.
    const third = render(before, second.id);
    assert.deepEqual(third.keep, { base: second.id, head: opening + 1, tail: first.blocks.length - opening - 1, shift: -2 });
    assert.deepEqual(third.blocks, []);
    const fourth = render(after, third.id);
    assert.deepEqual(fourth.blocks.map((b) => [b.line, b.html]), [[46, '<p>The Presidency took note.</p>']], 'a block the page dropped comes with its HTML again');
  });
});
