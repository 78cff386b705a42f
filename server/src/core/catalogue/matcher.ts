/**
 * Finds catalogue names in text with a character trie built once per catalogue.
 *
 * A single pass visits each word start and walks the trie from there, so the cost is
 * linear in the text whatever the number of names (a RegExp alternation of hundreds of
 * names is tried name by name at every position). A space in a name matches any run of
 * whitespace (names wrap over lines); a hyphen or dash matches any run of hyphens, dashes
 * and spaces ("EU-US" = "EU – US"). Names match without regard to case, abbreviations
 * only with their own case; both only on word boundaries.
 */

export interface Mention {
  id: string;
  start: number;
  end: number;
}

export interface Term {
  id: string;
  text: string;
  caseSensitive: boolean;
}

interface Hit {
  id: string;
  /** For case-sensitive terms: the term's letters and digits, compared with the text's. */
  exact?: string;
}

interface BuildNode {
  next: Map<number, BuildNode>;
  /** Edge for a run of whitespace. */
  gap?: BuildNode;
  /** Edge for a run of hyphens, dashes and whitespace. */
  dash?: BuildNode;
  hits?: Hit[];
}

const CHARS = 0x10000;
const WORD = new Uint8Array(CHARS);
const SPACE = new Uint8Array(CHARS);
const DASH = new Uint8Array(CHARS);
const FOLD = new Uint16Array(CHARS);

for (let c = 0; c < CHARS; c++) {
  const ch = String.fromCharCode(c);
  WORD[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
  SPACE[c] = /\s/.test(ch) ? 1 : 0;
  const lower = ch.toLowerCase();
  FOLD[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}
for (const ch of '-\u2010\u2011\u2012\u2013\u2014\u2212') DASH[ch.charCodeAt(0)] = 1;

function newNode(): BuildNode {
  return { next: new Map() };
}

function wordChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (WORD[s.charCodeAt(i)]) out += s[i];
  return out;
}

/**
 * The trie is built with maps, then flattened into typed arrays: node ids, a character
 * class per folded character, and one transition row per node. A walk step is then two
 * array reads, which is what makes the scan fast. Node 0 is the root; since no edge leads
 * to the root, 0 in a transition also means "no edge".
 */
export class Matcher {
  /** Character class (1..) of each folded character used in a term; 0 = none. */
  private readonly classOf = new Uint16Array(CHARS);
  private readonly width: number;
  private readonly next: Int32Array;
  private readonly gap: Int32Array;
  private readonly dash: Int32Array;
  private readonly hits: (Hit[] | undefined)[] = [];
  /** 1 where a node ends a term: checked before the hit list is looked at. */
  private readonly ends: Uint8Array;
  /** Node reached from the root by each character (0: no term starts with it), indexed by the raw character. */
  private readonly first = new Int32Array(CHARS);

  constructor(terms: Iterable<Term>) {
    const root = newNode();
    for (const term of terms) add(root, term);

    const order: BuildNode[] = [root];
    const ids = new Map<BuildNode, number>([[root, 0]]);
    let classes = 0;
    for (let k = 0; k < order.length; k++) {
      const node = order[k];
      for (const [f, child] of node.next) {
        if (!this.classOf[f]) this.classOf[f] = ++classes;
        ids.set(child, order.length);
        order.push(child);
      }
      for (const child of [node.gap, node.dash]) {
        if (child) {
          ids.set(child, order.length);
          order.push(child);
        }
      }
    }
    this.width = classes + 1;
    this.next = new Int32Array(order.length * this.width);
    this.gap = new Int32Array(order.length);
    this.dash = new Int32Array(order.length);
    this.ends = new Uint8Array(order.length);
    order.forEach((node, id) => {
      for (const [f, child] of node.next) this.next[id * this.width + this.classOf[f]] = ids.get(child)!;
      if (node.gap) this.gap[id] = ids.get(node.gap)!;
      if (node.dash) this.dash[id] = ids.get(node.dash)!;
      this.hits[id] = node.hits;
      if (node.hits) this.ends[id] = 1;
    });
    // Row 0 of the table is the root's.
    for (let c = 0; c < CHARS; c++) this.first[c] = this.next[this.classOf[FOLD[c]]];
  }

  /** Leftmost-longest, non-overlapping matches, sorted by start. */
  find(text: string): Mention[] {
    const out: Mention[] = [];
    const { next, classOf, first, ends, width } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let node = first[c];
      if (node !== 0) {
        // Walk the trie here while it only meets letters that do not end a term: most words
        // leave it within two or three characters. Ends and separators take the full walk.
        let j = i + 1;
        while (j < n && ends[node] === 0) {
          const d = text.charCodeAt(j);
          if (SPACE[d] | DASH[d]) break;
          node = next[node * width + classOf[FOLD[d]]];
          if (node === 0) break;
          j++;
        }
        if (node !== 0) {
          const end = this.longestAt(text, i, out);
          if (end > i) {
            // A match ends on a word boundary: the next character may start another.
            i = end;
            continue;
          }
        }
      }
      // Nothing starts inside a word: skip to its end in one tight loop.
      if (WORD[c]) while (++i < n && WORD[text.charCodeAt(i)]);
      else i++;
    }
    return out;
  }

  /** Pushes the longest match starting at `start` onto `out` and returns its end; `start` when none. */
  private longestAt(text: string, start: number, out: Mention[]): number {
    const { next, gap, dash, hits, ends, width, classOf } = this;
    const n = text.length;
    let node = 0;
    let j = start;
    let bestEnd = start;
    let bestId = '';
    for (;;) {
      if (ends[node] && j > start && boundaryAt(text, j)) {
        const id = acceptedHit(hits[node]!, text, start, j);
        if (id !== undefined) {
          bestEnd = j;
          bestId = id;
        }
      }
      if (j >= n) break;
      const c = text.charCodeAt(j);
      if (SPACE[c] || DASH[c]) {
        const k = separatorsEnd(text, j);
        const withDash = hasDash(text, j, k);
        // Plain whitespace may stand for a hyphen ("e evidence") unless the name has a space here.
        if (dash[node] && (withDash || !gap[node])) node = dash[node];
        else if (gap[node] && !withDash) node = gap[node];
        else break;
        j = k;
        continue;
      }
      node = next[node * width + classOf[FOLD[c]]];
      if (node === 0) break;
      j++;
    }
    if (bestEnd > start) out.push({ id: bestId, start, end: bestEnd });
    return bestEnd;
  }
}

function add(root: BuildNode, term: Term): void {
  const s = term.text.trim();
  if (s === '') return;
  let node = root;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (SPACE[c] || DASH[c]) {
      const end = separatorsEnd(s, i);
      node = hasDash(s, i, end) ? (node.dash ??= newNode()) : (node.gap ??= newNode());
      i = end;
      continue;
    }
    const f = FOLD[c];
    let child = node.next.get(f);
    if (!child) node.next.set(f, (child = newNode()));
    node = child;
    i++;
  }
  const hits = (node.hits ??= []);
  if (hits.some((h) => h.id === term.id && h.exact === undefined)) return;
  hits.push(term.caseSensitive ? { id: term.id, exact: wordChars(s) } : { id: term.id });
}

/** End of the run of whitespace and dashes starting at i. */
function separatorsEnd(s: string, i: number): number {
  while (i < s.length && (SPACE[s.charCodeAt(i)] || DASH[s.charCodeAt(i)])) i++;
  return i;
}

function hasDash(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (DASH[s.charCodeAt(i)]) return true;
  return false;
}

/** True when the match may end before position j (no letter or digit on both sides). */
function boundaryAt(text: string, j: number): boolean {
  return j >= text.length || !WORD[text.charCodeAt(j)] || !WORD[text.charCodeAt(j - 1)];
}

function acceptedHit(hits: Hit[], text: string, start: number, end: number): string | undefined {
  let letters: string | undefined;
  for (const hit of hits) {
    if (hit.exact === undefined) return hit.id;
    letters ??= wordChars(text.slice(start, end));
    if (letters === hit.exact) return hit.id;
  }
  return undefined;
}
