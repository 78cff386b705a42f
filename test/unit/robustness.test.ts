import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText } from '../../server/src/core/lint';
import { fixEdits } from '../../server/src/core/rules/finding';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();

/** Every range must lie inside the text it was computed on. */
function assertRangesInside(text: string, ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[]): void {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  for (const r of ranges) {
    assert.ok(r.start.line >= 0 && r.start.line < lines.length, `start line ${r.start.line} of ${lines.length}`);
    assert.ok(r.end.line < lines.length, `end line ${r.end.line}`);
    assert.ok(r.start.character <= lines[r.start.line].length && r.end.character <= lines[r.end.line].length, 'character within its line');
    assert.ok(r.start.line < r.end.line || r.start.character <= r.end.character, 'start before end');
  }
}

/** Real documents with random damage: lines dropped, duplicated, swapped, characters inserted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...OUTCOME_FILES),
    fc.array(
      fc.record({ op: fc.constantFrom('drop', 'dup', 'swap', 'insert', 'crlf'), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
      { maxLength: 12 },
    ),
  )
  .map(([file, ops]) => {
    let lines = corpusText(file).split('\n');
    for (const { op, at, text } of ops) {
      const i = at % lines.length;
      if (op === 'drop') lines.splice(i, 1);
      else if (op === 'dup') lines.splice(i, 0, lines[i]);
      else if (op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      else if (op === 'insert') lines[i] = lines[i].slice(0, at % (lines[i].length + 1)) + text + lines[i].slice(at % (lines[i].length + 1));
      else if (op === 'crlf') lines = lines.map((l) => l + '\r');
      if (lines.length === 0) lines = [''];
    }
    return lines.join('\n');
  });

describe('robustness (property-based)', () => {
  it('never throws on arbitrary text, and its ranges stay inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => {
        const { findings } = lintText(text, catalogue);
        assertRangesInside(text, findings.map((f) => f.range));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on damaged real documents, and its ranges stay inside them', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const { document, findings } = lintText(text, catalogue);
        assertRangesInside(text, findings.map((f) => f.range));
        assertRangesInside(text, findings.flatMap((f) => f.fixes ?? []).flatMap((x) => fixEdits(x).map((e) => e.range)));
        assertRangesInside(text, document.sections.map((s) => s.range));
      }),
      { numRuns: 200 },
    );
  });

  it('template-like lines in any order never throw', () => {
    const parts = ['Council of the European Union', 'Brussels, 31 February 2020', '(OR. qq)', '13228/1/11 REV', 'REV 2', 'LIMITE', 'JAIEX', 'JAIEX 0', 'OUTCOME OF PROCEEDINGS', 'From:', 'Subject :', 'Session 0:', '1. ', 'a) x', 'z) y', 'DELETED', '**', '<b>', '# ', 'No. prev. doc.: , ,', 'DOCUMENT PARTIALLY', '(99.99.9999)', '12230/19 VLV/NH/dn 1', 'the incoming Ruritanian Presidency'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        assertRangesInside(text, lintText(text, catalogue).findings.map((f) => f.range));
      }),
      { numRuns: 500 },
    );
  });

  // Size guards: mocha's timeout bounds these; the figures themselves are `npm run bench`'s.
  it('reads a 1 MB single line', function () {
    this.timeout(1000);
    const text = 'Brussels, 1 May 2020 ' + 'the PNR Agreement 12345/20 on 3 May 2020, '.repeat(25000);
    assert.equal(lintText(text, catalogue).document.lineCount, 1);
  });

  it('reads 10,000 short lines', function () {
    this.timeout(1000);
    const text = Array.from({ length: 10000 }, (_, i) => (i % 7 === 0 ? `${(i % 9) + 1}. Heading ${i}` : `Line ${i} on 3 May 2020.`)).join('\n');
    assert.equal(lintText(text, catalogue).document.lineCount, 10000);
  });
});
