import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { completionsAt } from '../../server/src/core/editing/completion';
import type { OutcomeDocument } from '../../server/src/core/document/model';
import { lintText } from '../../server/src/core/lint';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/rules/validate';
import { PATHOLOGICAL_INPUTS, wordThenFullStop } from '../fixtures/pathological';

const catalogue = loadBuiltInCatalogue();
const MB = 1 << 20;
const headings = (d: OutcomeDocument) => d.sections.reduce((n, s) => n + 1 + s.items.length, 0);
const input = (name: string) => PATHOLOGICAL_INPUTS.find((p) => p.name === name)!.build(MB);

/**
 * Each input once took minutes or ran out of memory at a quarter of this size. The tests assert
 * what is read; the mocha timeout only guards against the exponential case coming back (the
 * times per MB are in `npm run bench`).
 */
describe('pathological inputs at 1 MB', function () {
  this.timeout(20_000);

  it('reads a number line followed by "REV" words without index as a malformed number', () => {
    const small = 'Council of the European Union\nBrussels, 5 March 2018\n(OR. en)\n9278/18\n' + 'REV  '.repeat(30) + 'X\nJAIEX 45\nOUTCOME OF PROCEEDINGS\n';
    for (const text of [small, input('number then REV  REV  REV …')]) {
      const { document } = lintText(text, catalogue);
      assert.equal(document.header.number?.text, '9278/18');
      assert.equal(document.header.subjectCodes[0]?.code, 'JAIEX');
    }
  });

  it('bounds the findings of "1. x" items, and carries no renumbering in them', () => {
    const { document, findings } = lintText(input('"1. x" lines in a section'), catalogue);
    assert.ok(headings(document) > 200_000);
    const numbering = findings.filter((f) => f.code === 'body.section-numbering');
    assert.equal(numbering.length, MAX_FINDINGS_PER_RULE + 1);
    assert.match(numbering[MAX_FINDINGS_PER_RULE].message, /^\d[\d,]* more body\.section-numbering findings/);
    assert.equal(numbering[MAX_FINDINGS_PER_RULE].fixes, undefined);
    assert.ok(numbering.slice(0, -1).every((f) => f.fixes?.length === 1 && f.fixes[0].edits === undefined), 'renumbering is computed when asked for');
    assert.ok(findings.length < 6 * MAX_FINDINGS_PER_RULE);
  });

  it('reads a word of 1 MB with no space as one paragraph', () => {
    const { document } = lintText(input('a word with no space'), catalogue);
    assert.equal(document.sections[0].paragraphs.length, 1);
  });

  it('leaves an unclosed "<span " run as text', () => {
    const { document } = lintText(input('an unclosed "<span " run'), catalogue);
    assert.ok(document.sections[0].paragraphs[0].text.startsWith('<span <span'));
  });

  it('reads a subject with a long run of spaces before its word', () => {
    const { document } = lintText(input('a subject with a long run of spaces before a word'), catalogue);
    assert.equal(document.addressing.find((f) => f.label === 'subject')?.value, 'Meeting');
  });

  it('reads "Committee for " repeated as the subject', () => {
    const { document } = lintText(input('"Committee for " repeated in the subject'), catalogue);
    assert.equal(document.meeting?.level, 'Working Party');
  });

  it('reads "(OR." repeated after "Brussels, " as a malformed date', () => {
    const { document, findings } = lintText(input('"(OR." repeated after "Brussels, "'), catalogue);
    assert.equal(document.header.place?.value, 'Brussels');
    const invalid = findings.find((f) => f.code === 'header.date-invalid');
    assert.ok(invalid && invalid.message.length < 400, 'the message quotes a bounded part of the date');
  });

  it('finds every "9278/18" repeated in the body', () => {
    const text = input('"9278/18 " repeated in the body');
    const { document } = lintText(text, catalogue);
    assert.equal(document.references.length, text.split('9278/18').length - 2);
  });

  it('reads CR-only line endings as lines', () => {
    const text = input('CR-only line endings');
    const { document } = lintText(text, catalogue);
    assert.equal(document.lineCount, text.split('\r').length);
    assert.equal(document.references.length, text.split('9278/18').length - 2);
    assert.equal(document.sections.length, 99);
  });

  it('blanks "<b <b>" as one tag, keeping every column', () => {
    const text = input('"<b " before every "<b>"');
    const { document } = lintText(text, catalogue);
    const line = document.lines.findIndex((l) => l.includes('x'));
    assert.equal(document.lines[line].length, text.split('\n')[line].length);
    assert.equal(document.lines[line].slice(0, 8), '      x ');
  });

  it('reads heading marks with no ">" after them', () => {
    const { document } = lintText(input('heading marks with no ">" after them'), catalogue);
    assert.ok(headings(document) > 90_000);
    assert.equal(document.sections[0].heading.range.start.character, 2);
  });

  it('reads a "No. prev. doc." with many numbers', () => {
    const { document } = lintText(input('"No. prev. doc." with many numbers'), catalogue);
    assert.ok(document.previousDocuments.length > 100_000);
  });

  it('reads the register\'s form of a number among others in "No. prev. doc."', () => {
    const text = input('"No. prev. doc." with many numbers').replace('No. prev. doc.: ', 'No. prev. doc.: ST 10084 2017 INIT, CM 1405/08; ');
    const { document } = lintText(text, catalogue);
    assert.deepEqual(document.previousDocuments.slice(0, 2).map((d) => d.base), ['10084/17', '9278/18']);
    assert.deepEqual(document.invalidPreviousDocuments.map((d) => d.value), ['CM 1405/08']);
  });

  it('completes after a long word followed by a full stop', () => {
    const { text, line, character } = wordThenFullStop(MB);
    const { document } = lintText(text, catalogue);
    assert.ok(Array.isArray(completionsAt(document, catalogue, { line, character }).items));
  });
});
