/**
 * Words broken at a line's end put back together. A hyphen at the end of a line is a break
 * only between two lower-case parts ("imple-" / "mentation"); a capital on either side is a
 * real hyphen ("EU-" / "US"), and so is a compound the document writes elsewhere with its hyphen
 * ("long-" / "term" beside "long-term"). A soft hyphen is always a break.
 */

const HYPHENS = '-\u00AD\u2010';
const LETTER = /^\p{L}$/u;
const LETTERS = /^\p{L}+/u;

/** The letters before a hyphen that ends the line, read backwards (a long line costs its word once). */
function brokenWord(line: string): { left: string; hyphen: string } | undefined {
  const hyphen = line.charAt(line.length - 1);
  if (!hyphen || !HYPHENS.includes(hyphen)) return undefined;
  let start = line.length - 1;
  while (start > 0) {
    const pair = start > 1 ? line.slice(start - 2, start) : '';
    const ch = pair.length === 2 && pair.codePointAt(0)! > 0xffff ? pair : line.charAt(start - 1);
    if (!LETTER.test(ch)) break;
    start -= ch.length;
  }
  return start < line.length - 1 ? { left: line.slice(start, -1), hyphen } : undefined;
}

/**
 * The paragraph's lines with each broken word whole on the line where it starts; a line left
 * empty is dropped. `whole` is the document's text, in which compounds are looked up.
 */
export function undoHyphenation(lines: readonly string[], whole: string): string[] {
  const out = lines.slice();
  for (let l = 0; l + 1 < out.length; l++) {
    const broken = brokenWord(out[l]);
    if (!broken) continue;
    const following = out[l + 1].trimStart();
    const next = LETTERS.exec(following);
    if (!next) continue;
    const { left, hyphen } = broken;
    const right = next[0];
    const rest = following.slice(right.length);
    const soft = hyphen === '\u00AD';
    if (!soft && !(isLower(left) && isLower(right))) continue;
    const keep = !soft && whole.includes(`${left}-${right}`) && !whole.includes(`${left}${right}`);
    out[l] = out[l].slice(0, -1) + (keep ? '-' : '') + right;
    out[l + 1] = rest.trimStart();
    if (out[l + 1] === '') out.splice(l + 1, 1);
  }
  return out;
}

const isLower = (word: string) => /^\p{Ll}+$/u.test(word);
