import { lineRange, type Range } from '../text/range';
import type { DocumentEntry } from './documentEntry';

export interface MentionLocation {
  uri: string;
  range: Range;
}

/**
 * Every mention of a topic across the workspace, oldest meeting first, as a reference list
 * keeps it: four numbers a mention (its document's place in `docs`, line, start, end), its
 * location made when read. The lists of the most mentioned topics are built after indexing and
 * hold hundreds of thousands of mentions: as an object each, they took 32 MB of the server's
 * heap on 10,000 documents, against 8 MB this way.
 */
export class MentionList implements Iterable<MentionLocation> {
  private constructor(
    private readonly docs: readonly DocumentEntry[],
    private readonly rows: Int32Array,
  ) {}

  /** The mentions, given each document's as [line, start, end] triples in text order. */
  static of(docs: readonly DocumentEntry[], spansOf: (e: DocumentEntry) => readonly number[]): MentionList {
    const spans = docs.map(spansOf);
    const rows = new Int32Array(spans.reduce((n, s) => n + s.length, 0) / 3 * 4);
    let r = 0;
    spans.forEach((s, d) => {
      for (let i = 0; i < s.length; i += 3, r += 4) {
        rows[r] = d;
        rows[r + 1] = s[i];
        rows[r + 2] = s[i + 1];
        rows[r + 3] = s[i + 2];
      }
    });
    return new MentionList(docs, rows);
  }

  get length(): number {
    return this.rows.length / 4;
  }

  at(i: number): MentionLocation {
    const r = i * 4;
    return { uri: this.docs[this.rows[r]].uri, range: lineRange(this.rows[r + 1], this.rows[r + 2], this.rows[r + 3]) };
  }

  *[Symbol.iterator](): Iterator<MentionLocation> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** The locations, made now. */
  toArray(): MentionLocation[] {
    const out = new Array<MentionLocation>(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.at(i);
    return out;
  }
}
