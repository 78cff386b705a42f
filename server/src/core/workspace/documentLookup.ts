import type { Lookup } from './lookups';
import type { DocumentEntry } from './documentEntry';

/**
 * Documents by a key they carry (a number they refer to, a heading title; a key may come twice),
 * kept from the first document on: ready the moment indexing ends.
 */
export class DocumentLookup<V> implements Lookup {
  private readonly map = new Map<string, Set<V>>();

  constructor(
    private readonly keysOf: (e: DocumentEntry) => Iterable<string>,
    private readonly valueOf: (e: DocumentEntry) => V,
  ) {}

  get(key: string): ReadonlySet<V> {
    return this.map.get(key) ?? EMPTY;
  }

  add(e: DocumentEntry): void {
    for (const key of this.keysOf(e)) {
      let set = this.map.get(key);
      if (!set) this.map.set(key, (set = new Set()));
      set.add(this.valueOf(e));
    }
  }

  delete(e: DocumentEntry): void {
    for (const key of this.keysOf(e)) {
      const set = this.map.get(key);
      set?.delete(this.valueOf(e));
      if (set?.size === 0) this.map.delete(key);
    }
  }
}

const EMPTY: ReadonlySet<never> = new Set();
