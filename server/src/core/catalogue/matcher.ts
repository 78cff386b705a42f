/**
 * Finds catalogue names in text with an automaton built once per catalogue (automaton.ts).
 *
 * A space in a name matches any run of whitespace (names wrap over lines); a hyphen or dash
 * matches any run of hyphens, dashes and spaces ("EU-US" = "EU – US"). Names match without
 * regard to case, abbreviations only with their own case; both only on word boundaries. The
 * longest match wins at a position, and matches do not overlap.
 *
 * The automaton finds every occurrence of every name in one pass, folded to lower case and
 * wherever it starts; the rare occurrences it reports are then checked against the rules
 * the automaton does not know: word boundaries, the case of abbreviations, and the choice
 * of the leftmost-longest matches.
 */

import { Alphabet, buildAutomaton, GAP, HYPHEN, isSeparator, OTHER, WORD, type Automaton } from './automaton';

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
  /**
   * For case-sensitive terms: the term's letters and digits, compared with the text's. Always
   * set, if only to undefined: hits of one shape keep the code that reads them compiled.
   */
  exact: string | undefined;
}

/**
 * Everything a Matcher reads, as plain data: built once per catalogue and handed to indexing
 * workers as it is (typed arrays copy at memory speed; building the automaton again in each
 * worker cost about 100 ms of its start).
 */
export interface CompiledMatcher {
  classOf: Uint16Array;
  /** As `classOf`, but a line break is a character no name holds: it sends the automaton back to its start. */
  lineClassOf: Uint16Array;
  automaton: Automaton;
  /** Per pattern: its length in symbols, and which hit list it reports. */
  lengths: Int32Array;
  hitLists: Int32Array;
  hits: Hit[][];
  /** Patterns from this one on are cue words (see `compileMatcher`). */
  firstCue: number;
  /** Per state: 1 when it ends a name, 2 when it ends a cue word (both: 3). */
  stateEnds: Uint8Array;
}

/**
 * Compiles the terms into a matcher's data. `cues`: single words reported wherever a word
 * begins with one (in any case, whatever follows) by `findInLines`, beside the names: another
 * reader of the text finds them in the same pass instead of one of its own.
 */
export function compileMatcher(terms: Iterable<Term>, cues: readonly string[] = []): CompiledMatcher {
  const list = [...terms].map((t) => ({ ...t, text: t.text.trim() })).filter((t) => t.text !== '');
  const alphabet = new Alphabet([...list.map((t) => t.text), ...cues]);
  const hits: Hit[][] = [];
  const names = nameSymbols(list, alphabet, hits);
  const spaced = spacedBeginnings(names);
  const patterns: number[][] = [];
  const hitLists: number[] = [];
  names.forEach((symbols, k) => {
    for (const variant of spellings(symbols, spaced)) {
      patterns.push(variant);
      hitLists.push(k);
    }
  });
  const firstCue = patterns.length;
  for (const cue of cues) {
    if (/[^\p{L}\p{N}]/u.test(cue)) throw new Error(`Matcher: a cue is one word ("${cue}")`);
    patterns.push(alphabet.symbols(cue));
    hitLists.push(-1);
  }
  const lineClassOf = Uint16Array.from(alphabet.classOf);
  lineClassOf[0x0a] = lineClassOf[0x0d] = OTHER;
  const automaton = buildAutomaton(patterns, alphabet);
  const states = automaton.outputs.length - 1;
  const stateEnds = new Uint8Array(states);
  for (let k = 0; k < states; k++) {
    for (let o = automaton.outputs[k]; o < automaton.outputs[k + 1]; o++) stateEnds[k] |= automaton.patterns[o] < firstCue ? NAME_ENDS : CUE_ENDS;
  }
  return {
    classOf: alphabet.classOf,
    lineClassOf,
    automaton,
    lengths: Int32Array.from(patterns, (p) => p.length),
    hitLists: Int32Array.from(hitLists),
    hits,
    firstCue,
    stateEnds,
  };
}

const NAME_ENDS = 1;
const CUE_ENDS = 2;
/** The most code units a Matcher keeps an array for between scans (2 MB). */
const KEPT_UNITS = 1 << 20;

export class Matcher {
  private readonly classOf: Uint16Array;
  private readonly lineClassOf: Uint16Array;
  private readonly automaton: Automaton;
  private readonly lengths: Int32Array;
  private readonly hitLists: Int32Array;
  private readonly hits: Hit[][];
  private readonly firstCue: number;
  private readonly stateEnds: Uint8Array;
  /** Where the last scan's names end: (end, state) pairs, reused from scan to scan. */
  private ends: Int32Array = new Int32Array(1024);
  /** The scanned text's code units (see `unitsOf`), and the same memory as a Buffer to write them. */
  private units: Uint16Array = new Uint16Array(0);
  private unitBytes: Buffer = Buffer.alloc(0);

  constructor(readonly compiled: CompiledMatcher) {
    ({ classOf: this.classOf, lineClassOf: this.lineClassOf, automaton: this.automaton, lengths: this.lengths, hitLists: this.hitLists, hits: this.hits, firstCue: this.firstCue, stateEnds: this.stateEnds } = compiled);
  }

  static of(terms: Iterable<Term>, cues: readonly string[] = []): Matcher {
    return new Matcher(compileMatcher(terms, cues));
  }

  /** Leftmost-longest, non-overlapping matches, sorted by start; a name may run over a line break. */
  find(text: string): Mention[] {
    return this.scan(text, this.classOf);
  }

  /**
   * As `find` on each line of `text` on its own (no name runs over a line break), in one pass
   * over the text from the line starting at `from`: offsets are into `text`. Measured in an
   * indexing pipeline, one call per document costs about 15% less than one per line.
   */
  findInLines(text: string, from = 0, cues?: number[]): Mention[] {
    return this.scan(text, this.lineClassOf, from, cues);
  }

  /**
   * Matches starting at or after `from`, which must be the start of a line or of the text.
   * First the automaton alone runs over the text and notes where names end; then those few
   * places are checked. Kept apart, the loop that reads every character stays small (measured
   * on 4,000 generated documents, interleaved: a quarter faster than checking in the loop).
   */
  private scan(text: string, classOf: Uint16Array, from = 0, cues?: number[]): Mention[] {
    const n = this.noteEnds(text, classOf, from);
    const ends = this.ends;
    let found: Mention[] | undefined;
    for (let k = 0; k < n; k += 2) {
      const end = ends[k];
      const state = ends[k + 1];
      const what = this.stateEnds[state];
      if (what & NAME_ENDS && boundaryAt(text, end)) found = this.collect(text, end, state, found);
      if (what & CUE_ENDS && cues) this.collectCues(end, state, cues);
    }
    return leftmostLongest(found);
  }

  /**
   * The automaton alone: notes in `ends` the (end, state) pairs where names or cues end, and
   * returns how many numbers it wrote. A function of its own because its loop is compiled while
   * it runs, before the code after it has ever run: with that code in the same function, the
   * compiled loop was thrown away at its end, document after document (50 times per indexing
   * worker, each time finishing the document's scan unoptimised).
   */
  private noteEnds(text: string, classOf: Uint16Array, from: number): number {
    const { table, width, accept } = this.automaton;
    const units = this.unitsOf(text, from);
    const length = text.length - from;
    let ends = this.ends;
    let n = 0;
    let state = 0;
    for (let i = 0; i < length; i++) {
      state = table[state * width + classOf[units[i]]];
      if (state >= accept) {
        state -= accept;
        if (n === ends.length) ends = this.ends = grown(ends);
        ends[n++] = from + i + 1;
        ends[n++] = state;
      }
    }
    return n;
  }

  /**
   * The text from `from` as UTF-16 code units, in an array reused from scan to scan. The scan
   * reads a typed array faster than the string: each `charCodeAt` asks again what kind of string
   * it reads (measured on 3,000 generated documents: the scan a fifth faster, copy included).
   */
  private unitsOf(text: string, from: number): Uint16Array {
    const length = text.length - from;
    const rest = from === 0 ? text : text.slice(from);
    if (length > KEPT_UNITS) {
      // A text far larger than any outcome document gets an array of its own, not kept.
      const units = new Uint16Array(length);
      Buffer.from(units.buffer).write(rest, 0, 'utf16le');
      return units;
    }
    if (this.units.length < length) {
      this.units = new Uint16Array(Math.min(KEPT_UNITS, Math.max(length, 2 * this.units.length)));
      this.unitBytes = Buffer.from(this.units.buffer);
    }
    this.unitBytes.write(rest, 0, 'utf16le');
    return this.units;
  }

  /** Adds where the cue words ending at `end` start (a cue is one word: as many characters as symbols). */
  private collectCues(end: number, state: number, cues: number[]): void {
    const { outputs, patterns } = this.automaton;
    for (let o = outputs[state]; o < outputs[state + 1]; o++) if (patterns[o] >= this.firstCue) cues.push(end - this.lengths[patterns[o]]);
  }

  /** Adds the accepted matches ending at `end` (a word boundary) in `state` to `found`. */
  private collect(text: string, end: number, state: number, found: Mention[] | undefined): Mention[] | undefined {
    const { outputs, patterns } = this.automaton;
    for (let o = outputs[state]; o < outputs[state + 1]; o++) {
      const p = patterns[o];
      if (p >= this.firstCue) continue;
      const start = symbolsBack(text, end, this.lengths[p]);
      if (!boundaryAt(text, start)) continue;
      const id = acceptedHit(this.hits[this.hitLists[p]], text, start, end);
      if (id !== undefined) (found ??= []).push({ id, start, end });
    }
    return found;
  }
}

/**
 * The distinct names as symbol sequences, separators kept apart as GAP (a space) or HYPHEN
 * (a run with a dash); `hits[k]` receives the terms spelt as name k, in catalogue order.
 */
function nameSymbols(terms: readonly Term[], alphabet: Alphabet, hits: Hit[][]): number[][] {
  const index = new Map<string, number>();
  const names: number[][] = [];
  for (const term of terms) {
    const symbols = alphabet.symbols(term.text);
    const key = symbols.join(',');
    let k = index.get(key);
    if (k === undefined) {
      index.set(key, (k = names.push(symbols) - 1));
      hits.push([]);
    }
    if (hits[k].some((h) => h.id === term.id && h.exact === undefined)) continue;
    hits[k].push({ id: term.id, exact: term.caseSensitive ? wordChars(term.text) : undefined });
  }
  return names;
}

/** The beginnings of names that a space follows ("EU" for "EU US …"), as symbol keys. */
function spacedBeginnings(names: readonly number[][]): Set<string> {
  const spaced = new Set<string>();
  for (const name of names) {
    name.forEach((sym, k) => {
      if (sym === GAP) spaced.add(name.slice(0, k).join(','));
    });
  }
  return spaced;
}

/**
 * The symbol sequences a name accepts: each HYPHEN also as GAP (plain whitespace may stand for
 * a hyphen: "e evidence"), except after a beginning that another name continues with a space
 * ("EU US …" against "EU-US …"): there whitespace belongs to the spaced name alone.
 */
function spellings(symbols: readonly number[], spaced: ReadonlySet<string>): number[][] {
  let out: number[][] = [[]];
  symbols.forEach((sym, k) => {
    const choices = sym === HYPHEN && !spaced.has(symbols.slice(0, k).join(',')) ? [HYPHEN, GAP] : [sym];
    out = out.flatMap((prefix) => choices.map((c) => [...prefix, c]));
  });
  return out;
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Start of the `count` symbols ending at `end`: a run of separators is one symbol. */
function symbolsBack(text: string, end: number, count: number): number {
  let i = end;
  for (let k = 0; k < count; k++) {
    if (isSeparator(text.charCodeAt(i - 1))) while (isSeparator(text.charCodeAt(i - 1))) i--;
    else i--;
  }
  return i;
}

/** Sorted by start, the longest at each start, none overlapping. `found` is in order of end. */
function leftmostLongest(found: Mention[] | undefined): Mention[] {
  // Every list returned comes from this one literal, empty or not: one kind of array for the code that reads it.
  const out: Mention[] = [];
  if (found === undefined) return out;
  // By start, the longest first. In order of end they are nearly in order of start already (only
  // names inside longer ones move): an insertion sort does it in one pass, without a comparator call.
  for (let i = 1; i < found.length; i++) {
    const m = found[i];
    let j = i - 1;
    for (; j >= 0 && (found[j].start > m.start || (found[j].start === m.start && found[j].end < m.end)); j--) found[j + 1] = found[j];
    found[j + 1] = m;
  }
  let end = 0;
  for (const m of found) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

function wordChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (WORD[s.charCodeAt(i)]) out += s[i];
  return out;
}

/** True when a match may begin or end at position j: no letter or digit on both sides. */
function boundaryAt(text: string, j: number): boolean {
  return j <= 0 || j >= text.length || !WORD[text.charCodeAt(j)] || !WORD[text.charCodeAt(j - 1)];
}

function acceptedHit(hits: Hit[], text: string, start: number, end: number): string | undefined {
  for (const hit of hits) if (hit.exact === undefined || sameWordChars(text, start, end, hit.exact)) return hit.id;
  return undefined;
}

/** Whether the letters and digits of text[start, end) are `exact`, case included (compared in place: most mentions are abbreviations). */
function sameWordChars(text: string, start: number, end: number, exact: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!WORD[c]) continue;
    if (k >= exact.length || exact.charCodeAt(k) !== c) return false;
    k++;
  }
  return k === exact.length;
}
