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
  /** Lower-cased name; the name itself is built only for the headings a query returns. */
  key: string;
}

/**
 * Headings of every document, searched by substring: every word of the query must occur in the
 * name ("pnr cracow"), else its letters in order ("pnriss"). Names are built once per document
 * version and kept until the document changes.
 */
export class SymbolTable {
  private readonly byDocument = new WeakMap<DocumentEntry, Searchable[]>();

  search(entries: Iterable<DocumentEntry>, query: string, limit: number): HeadingSymbol[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const exact: HeadingSymbol[] = [];
    const loose: HeadingSymbol[] = [];
    const letters = words.join('');
    for (const e of entries) {
      for (const s of this.of(e)) {
        if (words.every((w) => s.key.includes(w))) {
          exact.push(symbol(e, s));
          if (exact.length >= limit) return exact;
        } else if (loose.length < limit && isSubsequence(letters, s.key)) loose.push(symbol(e, s));
      }
    }
    return [...exact, ...loose].slice(0, limit);
  }

  private of(e: DocumentEntry): Searchable[] {
    let list = this.byDocument.get(e);
    if (!list) {
      const where = meetingLabel(e, 'month');
      list = [];
      for (const section of e.sections) {
        list.push({ heading: section, key: symbolName(section, where).toLowerCase() });
        for (const item of section.items) list.push({ heading: item, section, key: symbolName(item, where).toLowerCase() });
      }
      this.byDocument.set(e, list);
    }
    return list;
  }
}

function symbolName(h: HeadingEntry, where: string): string {
  return `${h.text} — ${where}`;
}

function symbol(e: DocumentEntry, s: Searchable): HeadingSymbol {
  const found: HeadingSymbol = { name: symbolName(s.heading, meetingLabel(e, 'month')), kind: s.section ? 'item' : 'section', uri: e.uri, span: s.heading.span };
  if (s.section) found.container = s.section.text;
  return found;
}

function isSubsequence(needle: string, hay: string): boolean {
  if (needle.length === 0) return true;
  let i = 0;
  for (let j = 0; j < hay.length && i < needle.length; j++) if (hay.charCodeAt(j) === needle.charCodeAt(i)) i++;
  return i === needle.length;
}
