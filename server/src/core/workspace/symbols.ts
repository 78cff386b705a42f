import { headingTextsOf, type DocumentEntry, type HeadingEntry, type SectionEntry, type Span } from './documentEntry';
import { meetingLabel } from './meetingLabel';
import type { Lookup } from './lookups';

/** A section or item heading as a workspace symbol: "Session 4: PNR issues — 13228/11, Cracow, July 2011". */
export interface HeadingSymbol {
  name: string;
  kind: 'section' | 'item';
  uri: string;
  readonly span: Span;
  /** The section an item belongs to. */
  container?: string;
}

/**
 * The names of a block of documents (in index order) as one string, one lower-cased name a
 * line, with where each heading's name starts: a query word is looked for in one `indexOf` pass
 * per block rather than once per document, and each hit is placed on its heading by binary
 * search. Only numbers are kept per heading: the heading itself is unpacked from its document
 * for the symbols a query returns (objects per heading for 10,000 documents held 40 MB).
 */
interface Block {
  docs: DocumentEntry[];
  text: string;
  /** Start of each heading's name in `text`, ascending. */
  starts: Int32Array;
  /** Per heading, its document's place in `docs`. */
  doc: Int32Array;
  /** Per heading, its place among its document's headings (sections and items in text order). */
  ordinal: Int32Array;
}

/** Documents per block: a changed document costs the rebuilding of its block only, and a block is made in a few milliseconds (during a build, as its documents arrive). */
const BLOCK_DOCUMENTS = 64;

/**
 * Headings of every document, searched by substring: every word of the query must occur in the
 * name ("pnr cracow"); a single word no name holds, by its letters in order ("pnrupd"). A
 * block's joined names are kept until one of its documents changes (checked on the next query).
 */
export class SymbolTable implements Lookup {
  /** Full blocks, in the documents' order. */
  private blocks: Block[] = [];
  /** The documents after the last full block, and their block once a query made it. */
  private tail: DocumentEntry[] = [];
  private tailBlock: Block | undefined;
  /** A document went, or came elsewhere than last: the blocks are checked on the next query. */
  private stale: boolean;
  /** Counts the changes: blocks built across a change may hold a document that is gone. */
  private changes = 0;

  /** `fromTheFirst`: the table is told of every document from the first (the index's own); else it reads them on its first query. */
  constructor(
    private readonly blockDocuments = BLOCK_DOCUMENTS,
    fromTheFirst = false,
  ) {
    this.stale = !fromTheFirst;
  }

  /**
   * A document came. While documents only come last (a build), each block is made as it fills,
   * a few milliseconds every few hundred documents: the first query after indexing finds them
   * made. Else the blocks are checked on the next query.
   */
  add(e: DocumentEntry, last: boolean): void {
    this.changes++;
    if (this.stale || !last) {
      this.stale = true;
      return;
    }
    this.tail.push(e);
    this.tailBlock = undefined;
    if (this.tail.length === this.blockDocuments) {
      this.blocks.push(this.block(this.tail, this.blocks.length));
      this.tail = [];
    }
  }

  delete(): void {
    this.stale = true;
    this.changes++;
  }

  search(entries: Iterable<DocumentEntry>, query: string, limit: number): HeadingSymbol[] {
    const words = searchable(query).split(/\s+/).filter(Boolean);
    const blocks = this.current(entries);
    const found = new Found(limit);
    if (words.length === 0) {
      for (const b of blocks) for (let k = 0; k < b.starts.length && !found.full; k++) found.add(b, k);
      return found.symbols;
    }
    // The longest word is the rarest: its hits are the candidates, the other words checked within each name.
    const anchor = words.reduce((a, b) => (b.length > a.length ? b : a));
    for (const b of blocks) {
      for (let at = b.text.indexOf(anchor); at >= 0 && !found.full; ) {
        const k = headingAt(b.starts, at);
        const end = nameEnd(b, k);
        // Within the name only: a search of the rest of the text for a word the name lacks would cost a pass each.
        const name = b.text.slice(b.starts[k], end);
        if (words.every((w) => name.includes(w))) found.add(b, k);
        at = b.text.indexOf(anchor, end + 1);
      }
    }
    // Nothing holds a single word: try its letters in order, within one name (a name never holds a
    // line break). Several words that no name holds are simply not there.
    if (found.symbols.length > 0 || words.length !== 1) return found.symbols;
    const letters = [...words[0]];
    for (const b of blocks) {
      for (let at = inOrderFrom(b.text, letters, 0); at >= 0 && !found.full; ) {
        const k = headingAt(b.starts, at);
        found.add(b, k);
        // On to the next name.
        at = inOrderFrom(b.text, letters, nameEnd(b, k) + 1);
      }
    }
    return found.symbols;
  }

  /** Builds the blocks of `entries` now, a block at a time between calls to `pause`, rather than on the first query. */
  async prepare(entries: Iterable<DocumentEntry>, pause: () => Promise<unknown>): Promise<void> {
    if (!this.stale) return;
    const changes = this.changes;
    const blocks: Block[] = [];
    for (const docs of this.split(entries)) {
      blocks.push(this.block(docs, blocks.length));
      await pause();
    }
    // Documents that came or went meanwhile: these blocks may be out of date, the next query builds its own.
    if (this.changes !== changes) return;
    this.keep(blocks);
  }

  /** The blocks of the documents as they are now: those whose documents are the same are kept. */
  private current(entries: Iterable<DocumentEntry>): Block[] {
    if (this.stale) {
      const blocks: Block[] = [];
      for (const docs of this.split(entries)) blocks.push(this.block(docs, blocks.length));
      this.keep(blocks);
    }
    if (this.tail.length === 0) return this.blocks;
    this.tailBlock ??= this.block(this.tail, this.blocks.length);
    return [...this.blocks, this.tailBlock];
  }

  /** Takes the blocks of every document: the full ones, then the last if it is not full. */
  private keep(blocks: Block[]): void {
    const last = blocks.at(-1);
    const partial = last && last.docs.length < this.blockDocuments ? blocks.pop() : undefined;
    this.blocks = blocks;
    this.tail = partial ? [...partial.docs] : [];
    this.tailBlock = partial;
    this.stale = false;
  }

  private *split(entries: Iterable<DocumentEntry>): Iterable<DocumentEntry[]> {
    let docs: DocumentEntry[] = [];
    for (const e of entries) {
      docs.push(e);
      if (docs.length === this.blockDocuments) {
        yield docs;
        docs = [];
      }
    }
    if (docs.length > 0) yield docs;
  }

  /** The block of `docs`, the `at`-th: the one already there when it holds the same documents. */
  private block(docs: DocumentEntry[], at: number): Block {
    const old = this.blocks[at] ?? (at === this.blocks.length ? this.tailBlock : undefined);
    if (old && sameDocuments(old.docs, docs)) return old;
    const parts: string[] = [];
    const starts: number[] = [];
    const doc: number[] = [];
    const ordinal: number[] = [];
    let length = 0;
    docs.forEach((e, d) => {
      const where = searchable(meetingLabel(e, 'month'));
      headingTextsOf(e).forEach((text, k) => {
        const name = searchName(text, where);
        starts.push(length);
        doc.push(d);
        ordinal.push(k);
        parts.push(name, '\n');
        length += name.length + 1;
      });
    });
    // Joined, not concatenated: one flat string (a chain of concatenations is kept as a tree of pieces, several times the memory).
    return { docs, text: parts.join(''), starts: Int32Array.from(starts), doc: Int32Array.from(doc), ordinal: Int32Array.from(ordinal) };
  }
}

/** The symbols a query found, at most `limit`: each document's headings unpacked once per query. */
class Found {
  readonly symbols: HeadingSymbol[] = [];
  private lastDoc: DocumentEntry | undefined;
  private lastHeadings: { heading: HeadingEntry; section?: SectionEntry }[] = [];

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.symbols.length >= this.limit;
  }

  add(b: Block, k: number): void {
    const e = b.docs[b.doc[k]];
    if (e !== this.lastDoc) {
      this.lastDoc = e;
      this.lastHeadings = [];
      for (const section of e.sections) {
        this.lastHeadings.push({ heading: section });
        for (const item of section.items) this.lastHeadings.push({ heading: item, section });
      }
    }
    const { heading, section } = this.lastHeadings[b.ordinal[k]];
    const symbol: HeadingSymbol = { name: symbolName(heading, meetingLabel(e, 'month')), kind: section ? 'item' : 'section', uri: e.uri, span: heading.span };
    if (section) symbol.container = section.text;
    this.symbols.push(symbol);
  }
}

/**
 * Where the first name from `from` holding the letters in order starts them, or -1: matched
 * greedily with `indexOf` (the earliest of each letter is never worse), skipping every name
 * before the next occurrence of a letter that the current name lacks, so the text is passed
 * over about once whatever the letters.
 */
function inOrderFrom(text: string, letters: string[], from: number): number {
  let at = from;
  for (;;) {
    const first = text.indexOf(letters[0], at);
    if (first < 0) return -1;
    const lineEnd = text.indexOf('\n', first);
    let p = first + letters[0].length;
    let k = 1;
    for (; k < letters.length; k++) {
      const next = text.indexOf(letters[k], p);
      if (next < 0) return -1;
      if (next > lineEnd) {
        // No name between here and `next` holds this letter.
        at = text.lastIndexOf('\n', next) + 1;
        break;
      }
      p = next + letters[k].length;
    }
    if (k === letters.length) return first;
  }
}

function sameDocuments(a: readonly DocumentEntry[], b: readonly DocumentEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/** Where the name of a block's heading `k` ends (its line break). */
function nameEnd(b: Block, k: number): number {
  return k + 1 < b.starts.length ? b.starts[k + 1] - 1 : b.text.length - 1;
}

/** The last heading starting at or before `at`. */
function headingAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function symbolName(h: HeadingEntry, where: string): string {
  return `${h.text} — ${where}`;
}

/**
 * The name as searched: lower case, with a one-byte stand-in for the em dash (in queries too).
 * With the dash, every name was a two-byte string; without, most take one byte a character (the
 * names of 10,000 documents took 11 MB less).
 */
function searchName(text: string, where: string): string {
  // Put together from one-byte parts (`where` is searchable already): V8 keeps a string two-byte through later replacements.
  return `${searchable(text)} ${DASH_STAND_IN} ${where}`;
}

const EM_DASH = /—/g;
const DASH_STAND_IN = '\u0001';

function searchable(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('—') ? lower.replace(EM_DASH, DASH_STAND_IN) : lower;
}
