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
  /** Every lower-cased name, one a line: a query word absent from it rules the whole document out. */
  names: string;
  headings: Searchable[];
}

/**
 * Headings of every document, searched by substring: every word of the query must occur in the
 * name ("pnr cracow"); a single word no name holds, by its letters in order ("pnrupd"). Names are
 * built once per document version and kept until the document changes.
 */
export class SymbolTable {
  private readonly byDocument = new WeakMap<DocumentEntry, DocumentNames>();

  search(entries: Iterable<DocumentEntry>, query: string, limit: number): HeadingSymbol[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const all = [...entries];
    const found: HeadingSymbol[] = [];
    for (const e of all) {
      const doc = this.of(e);
      if (!words.every((w) => doc.names.includes(w))) continue;
      for (const h of doc.headings) {
        if (words.every((w) => occursIn(doc.names, w, h))) found.push(symbol(e, h));
        if (found.length >= limit) return found;
      }
    }
    // Nothing holds a single word: try its letters in order, within one name (a name never holds a
    // line break). Several words that no name holds are simply not there.
    if (found.length > 0 || words.length !== 1) return found;
    const letters = [...words[0]];
    const distinct = [...new Set(letters)];
    const inOrder = new RegExp(letters.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\n]*?'));
    for (const e of all) {
      const doc = this.of(e);
      // A letter missing from every name rules the document out before the slower expression runs.
      if (!distinct.every((c) => doc.names.includes(c)) || !inOrder.test(doc.names)) continue;
      for (const h of doc.headings) {
        if (inOrder.test(doc.names.slice(h.start, h.end))) found.push(symbol(e, h));
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  /** Builds every document's names now rather than on the first query. */
  prepare(entries: Iterable<DocumentEntry>): void {
    for (const e of entries) this.of(e);
  }

  private of(e: DocumentEntry): DocumentNames {
    let doc = this.byDocument.get(e);
    if (!doc) {
      const where = meetingLabel(e, 'month');
      const headings: Searchable[] = [];
      let names = '';
      const add = (heading: HeadingEntry, section?: SectionEntry) => {
        const name = symbolName(heading, where).toLowerCase();
        headings.push({ heading, section, start: names.length, end: names.length + name.length });
        names += `${name}\n`;
      };
      for (const section of e.sections) {
        add(section);
        for (const item of section.items) add(item, section);
      }
      doc = { names, headings };
      this.byDocument.set(e, doc);
    }
    return doc;
  }
}

function occursIn(names: string, word: string, h: Searchable): boolean {
  const at = names.indexOf(word, h.start);
  return at >= 0 && at + word.length <= h.end;
}

function symbolName(h: HeadingEntry, where: string): string {
  return `${h.text} — ${where}`;
}

function symbol(e: DocumentEntry, s: Searchable): HeadingSymbol {
  const found: HeadingSymbol = { name: symbolName(s.heading, meetingLabel(e, 'month')), kind: s.section ? 'item' : 'section', uri: e.uri, span: s.heading.span };
  if (s.section) found.container = s.section.text;
  return found;
}
