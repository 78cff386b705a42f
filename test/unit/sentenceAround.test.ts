import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sentenceAround } from '../../server/src/core/topics';

/** The sentence as it was first defined, by expressions over two characters at a time: what the scan by characters must answer. */
function byExpressions(line: string, start: number, end: number): { text: string; at: [number, number] } {
  let s = start;
  while (s > 0 && !/[.!?]\s/.test(line.slice(s - 2, s))) s--;
  let e = end;
  while (e < line.length && !/[.!?](?:\s|$)/.test(line.slice(e, e + 2))) e++;
  const text = line.slice(s, Math.min(line.length, e + 1)).replace(/\s+/g, ' ').trim();
  const from = line.slice(s, start).replace(/\s+/g, ' ').trimStart().length;
  return { text, at: [from, Math.min(text.length, from + line.slice(start, end).replace(/\s+/g, ' ').length)] };
}

describe('sentenceAround', () => {
  it('answers as the definition by expressions, on lines of marks, spaces and words', () => {
    const piece = fc.constantFrom('.', '!', '?', ' ', '  ', '\u00a0', '\t', '\v', '\u2003', '\u200b', '\u202f', '\u3000', '\ufeff', '\u0085', 'PNR', 'a', 'EU', '..', '. ', 'x.y');
    const line = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, fc.nat(), fc.nat(), (l, a, b) => {
        const start = l.length === 0 ? 0 : a % (l.length + 1);
        const end = start + (l.length === start ? 0 : b % (l.length - start + 1));
        assert.deepEqual(sentenceAround(l, start, end), byExpressions(l, start, end));
      }),
      { numRuns: 5000, seed: 13 },
    );
  });

  it('cuts after the mark before the mention and before the mark after it', () => {
    const line = 'First point. The PNR review was discussed! Next.';
    assert.deepEqual(sentenceAround(line, 17, 20), { text: 'The PNR review was discussed', at: [4, 7] });
  });
});
