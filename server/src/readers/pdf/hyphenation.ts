/**
 * Words broken at a line's end put back together. A hyphen at the end of a line is a break
 * only between two lower-case parts ("imple-" / "mentation"); a capital on either side is a
 * real hyphen ("EU-" / "US"), and so is a compound the document writes elsewhere with its hyphen
 * ("long-" / "term" beside "long-term"). A soft hyphen is always a break.
 */

const BROKEN = /(\p{L}+)([-\u00AD\u2010])$/u;
const CONTINUATION = /^(\p{L}+)(.*)$/su;

/**
 * The paragraph's lines with each broken word whole on the line where it starts; a line left
 * empty is dropped. `whole` is the document's text, in which compounds are looked up.
 */
export function undoHyphenation(lines: readonly string[], whole: string): string[] {
  const out = lines.slice();
  for (let l = 0; l + 1 < out.length; l++) {
    const broken = BROKEN.exec(out[l]);
    if (!broken) continue;
    const next = CONTINUATION.exec(out[l + 1].trimStart());
    if (!next) continue;
    const [, left, hyphen] = broken;
    const [, right, rest] = next;
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
