import type { DocumentEntry, HeadingEntry, SectionEntry, Span } from './documentEntry';
import { meetingLabel } from './meetingLabel';

/** A section or item heading as a workspace symbol: "Session 4: PNR issues — 13228/11, Cracow, July 2011". */
export interface HeadingSymbol {
  name: string;
  kind: 'section' | 'item';
  uri: string;
  span: Span;
  /** The section an item belongs to. */
  container?: string;
}

interface Searchable {
  heading: HeadingEntry;
  section?: SectionEntry;
  /** Where the heading's lower-cased name stands in its document's `names`. */
  start: number;
  end: number;
}

/** A document's headings for searching; the names themselves are built only for what a query returns. */
interface DocumentNames {
  /** Every lower-cased name, one a line. */
  names: string;
  headings: Searchable[];
}

/**
 * The names of a block of documents (in index order) as one string, with where each heading's
 * name starts: a query word is looked for in one `indexOf` pass per block rather than once per
 * document, and each hit is placed on its heading by binary search.
 */
interface Block {
  docs: DocumentEntry[];
  text: string;
  /** Start of each heading's name in `text`, ascending. */
  starts: Int32Array;
  entries: DocumentEntry[];
  headings: Searchable[];
}

/** Documents per block: a changed document costs the rebuilding of its block only. */
const BLOCK_DOCUMENTS = 256;

/**
 * Headings of every document, searched by substring: every word of the query must occur in the
 * name ("pnr cracow"); a single word no name holds, by its letters in order ("pnrupd"). Names are
 * built once per document version and kept until the document changes; a block's joined names
 * until one of its documents changes (checked on the next query).
 */
export class SymbolTable {
  private readonly byDocument = new WeakMap<DocumentEntry, DocumentNames>();
  private blocks: Block[] = [];
  private stale = true;

  constructor(private readonly blockDocuments = BLOCK_DOCUMENTS) {}

  /** A document came, changed or went: the blocks are checked on the next query. */
  invalidate(): void {
    this.stale = true;
  }

  search(entries: Iterable<DocumentEntry>, query: string, limit: number): HeadingSymbol[] {
    const words = searchable(query).split(/\s+/).filter(Boolean);
    const blocks = this.current(entries);
    const found: HeadingSymbol[] = [];
    if (words.length === 0) {
      for (const b of blocks) for (let k = 0; k < b.headings.length && found.length < limit; k++) found.push(symbol(b.entries[k], b.headings[k]));
      return found;
    }
    // The longest word is the rarest: its hits are the candidates, the other words checked within each name.
    const anchor = words.reduce((a, b) => (b.length > a.length ? b : a));
    for (const b of blocks) {
      for (let at = b.text.indexOf(anchor); at >= 0 && found.length < limit; ) {
        const k = headingAt(b.starts, at);
        const end = nameEnd(b, k);
        // Within the name only: a search of the rest of the text for a word the name lacks would cost a pass each.
        const name = b.text.slice(b.starts[k], end);
        if (words.every((w) => name.includes(w))) found.push(symbol(b.entries[k], b.headings[k]));
        at = b.text.indexOf(anchor, end + 1);
      }
    }
    // Nothing holds a single word: try its letters in order, within one name (a name never holds a
    // line break). Several words that no name holds are simply not there.
    if (found.length > 0 || words.length !== 1) return found;
    const letters = [...words[0]];
    for (const b of blocks) {
      for (let at = inOrderFrom(b.text, letters, 0); at >= 0 && found.length < limit; ) {
        const k = headingAt(b.starts, at);
        found.push(symbol(b.entries[k], b.headings[k]));
        // On to the next name.
        at = inOrderFrom(b.text, letters, nameEnd(b, k) + 1);
      }
    }
    return found;
  }

  /** Builds every document's names now rather than on the first query. */
  prepare(entries: Iterable<DocumentEntry>): void {
    for (const e of entries) this.of(e);
  }

  /** Builds the blocks now (after `prepare`), rather than on the first query. */
  prepareJoined(entries: Iterable<DocumentEntry>): void {
    this.current(entries);
  }

  /** The blocks of the documents as they are now: those whose documents are the same are kept. */
  private current(entries: Iterable<DocumentEntry>): Block[] {
    if (!this.stale) return this.blocks;
    const blocks: Block[] = [];
    let docs: DocumentEntry[] = [];
    const flush = () => {
      const old = this.blocks[blocks.length];
      blocks.push(old && sameDocuments(old.docs, docs) ? old : this.block(docs));
      docs = [];
    };
    for (const e of entries) {
      docs.push(e);
      if (docs.length === this.blockDocuments) flush();
    }
    if (docs.length > 0) flush();
    this.blocks = blocks;
    this.stale = false;
    return blocks;
  }

  private block(docs: DocumentEntry[]): Block {
    const parts: string[] = [];
    const entries: DocumentEntry[] = [];
    const headings: Searchable[] = [];
    const starts: number[] = [];
    let length = 0;
    for (const e of docs) {
      const doc = this.of(e);
      for (const h of doc.headings) {
        entries.push(e);
        headings.push(h);
        starts.push(length + h.start);
      }
      parts.push(doc.names);
      length += doc.names.length;
    }
    return { docs, text: parts.join(''), starts: Int32Array.from(starts), entries, headings };
  }

  private of(e: DocumentEntry): DocumentNames {
    let doc = this.byDocument.get(e);
    if (!doc) {
      const where = meetingLabel(e, 'month');
      const headings: Searchable[] = [];
      const parts: string[] = [];
      let length = 0;
      const add = (heading: HeadingEntry, section?: SectionEntry) => {
        const name = searchName(heading, where);
        headings.push({ heading, section, start: length, end: length + name.length });
        parts.push(name, '\n');
        length += name.length + 1;
      };
      for (const section of e.sections) {
        add(section);
        for (const item of section.items) add(item, section);
      }
      // Joined, not concatenated: one flat string (a chain of concatenations is kept as a tree of pieces, several times the memory).
      doc = { names: parts.join(''), headings };
      this.byDocument.set(e, doc);
    }
    return doc;
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
  return b.starts[k] + b.headings[k].end - b.headings[k].start;
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
function searchName(h: HeadingEntry, where: string): string {
  // Put together from one-byte parts: V8 keeps a string two-byte through later replacements.
  return `${searchable(h.text)} ${DASH_STAND_IN} ${searchable(where)}`;
}

const EM_DASH = /—/g;
const DASH_STAND_IN = '\u0001';

function searchable(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('—') ? lower.replace(EM_DASH, DASH_STAND_IN) : lower;
}

function symbol(e: DocumentEntry, s: Searchable): HeadingSymbol {
  const found: HeadingSymbol = { name: symbolName(s.heading, meetingLabel(e, 'month')), kind: s.section ? 'item' : 'section', uri: e.uri, span: s.heading.span };
  if (s.section) found.container = s.section.text;
  return found;
}
