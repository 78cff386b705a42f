import type { Lookup } from './lookups';
import type { DocumentEntry } from './documentEntry';

/**
 * Documents by a key they carry (a number they refer to, an entry they mention, a heading
 * title), built on first use from every document and kept current after that: a warm start
 * does not pay for lookups it may not need yet.
 */
export class DocumentLookup<V> implements Lookup {
  private map: Map<string, Set<V>> | undefined;

  constructor(
    private readonly keysOf: (e: DocumentEntry) => Iterable<string>,
    private readonly valueOf: (e: DocumentEntry) => V,
    private readonly everyDocument: () => Iterable<DocumentEntry>,
  ) {}

  get(key: string): ReadonlySet<V> {
    return this.built().get(key) ?? EMPTY;
  }

  add(e: DocumentEntry): void {
    if (!this.map) return;
    for (const key of this.keysOf(e)) {
      let set = this.map.get(key);
      if (!set) this.map.set(key, (set = new Set()));
      set.add(this.valueOf(e));
    }
  }

  delete(e: DocumentEntry): void {
    if (!this.map) return;
    for (const key of this.keysOf(e)) {
      const set = this.map.get(key);
      set?.delete(this.valueOf(e));
      if (set?.size === 0) this.map.delete(key);
    }
  }

  /** Builds the map now (after indexing, while the editor is idle). */
  prepare(): void {
    this.built();
  }

  private built(): Map<string, Set<V>> {
    if (!this.map) {
      this.map = new Map();
      for (const e of this.everyDocument()) this.add(e);
    }
    return this.map;
  }
}

const EMPTY: ReadonlySet<never> = new Set();
