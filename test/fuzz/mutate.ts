import type { Rng } from '../fixtures/generate';

/**
 * Damage a real document the ways drafts, converters and pastes damage them: bytes flipped,
 * lines dropped, duplicated, joined and shuffled, odd Unicode, NULs, BOMs in the middle,
 * CR-only line ends, and long runs of spaces, digits, slashes and "REV".
 */
export type Mutation = (text: string, rng: Rng) => string;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, max: number): number => Math.floor(rng() * max);
const at = (rng: Rng, text: string): number => int(rng, text.length + 1);
const insert = (text: string, i: number, s: string): string => text.slice(0, i) + s + text.slice(i);

function lines(text: string, f: (lines: string[]) => void): string {
  const ls = text.split('\n');
  f(ls);
  return ls.join('\n');
}

/** Characters that trip code written for plain text. */
const ODD = [
  '\u0301', // combining acute
  '\u200b', // zero-width space
  '\u200e', // left-to-right mark
  '\u202e', // right-to-left override
  '\u00a0', // no-break space
  '\u2009', // thin space
  '\u2028', // line separator
  '\u0085', // next line
  '\ufffd', // replacement character
  '\u{1f600}', // outside the BMP
  '\ud800', // a lone high surrogate
  '\udc00', // a lone low surrogate
  'ǅ', // title case
  'İ', // lower-cases to two characters
  'ß', // upper-cases to two characters
  '\t',
  '\f',
  '\v',
];

/** Long runs, the shape of the inputs that once made expressions backtrack. */
const RUNS = [' ', '1', '/', 'REV ', 'REV', '9278/18 ', '<span ', '(OR.', '#', '*', '-', '1. x\n', 'a) x\n'];

export const MUTATIONS: Record<string, Mutation> = {
  flip: (t, rng) => {
    const i = int(rng, t.length);
    return i >= t.length ? t : t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ (1 << int(rng, 7))) + t.slice(i + 1);
  },
  drop: (t, rng) => lines(t, (ls) => ls.splice(int(rng, ls.length), 1 + int(rng, 3))),
  duplicate: (t, rng) =>
    lines(t, (ls) => {
      const i = int(rng, ls.length);
      ls.splice(i, 0, ...ls.slice(i, i + 1 + int(rng, 4)));
    }),
  join: (t, rng) =>
    lines(t, (ls) => {
      const i = int(rng, Math.max(1, ls.length - 1));
      if (i + 1 < ls.length) ls.splice(i, 2, ls[i] + pick(rng, ['', ' ', '\t']) + ls[i + 1]);
    }),
  shuffle: (t, rng) =>
    lines(t, (ls) => {
      const from = int(rng, ls.length);
      const to = Math.min(ls.length, from + 2 + int(rng, 12));
      for (let i = to - 1; i > from; i--) {
        const j = from + int(rng, i - from + 1);
        [ls[i], ls[j]] = [ls[j], ls[i]];
      }
    }),
  unicode: (t, rng) => insert(t, at(rng, t), pick(rng, ODD).repeat(1 + int(rng, 3))),
  nul: (t, rng) => insert(t, at(rng, t), '\0'.repeat(1 + int(rng, 4))),
  bom: (t, rng) => insert(t, at(rng, t), '\ufeff'),
  crOnly: (t, rng) => (rng() < 0.5 ? t.replace(/\r?\n/g, '\r') : t.replace(/\n/g, (n) => (rng() < 0.3 ? '\r' : n))),
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  run: (t, rng) => insert(t, at(rng, t), pick(rng, RUNS).repeat(1 << (4 + int(rng, 10)))),
  noFinalNewline: (t) => t.trimEnd(),
  truncate: (t, rng) => t.slice(0, at(rng, t)),
};

const NAMES = Object.keys(MUTATIONS);

/** One to six mutations in a row; the names applied are returned to name the case. */
export function mutate(text: string, rng: Rng): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let k = 1 + int(rng, 6); k > 0; k--) {
    const name = pick(rng, NAMES);
    out = MUTATIONS[name](out, rng);
    applied.push(name);
  }
  return { text: out, applied };
}
