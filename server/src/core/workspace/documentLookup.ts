import type { Lookup } from './lookups';
import type { DocumentEntry } from './documentEntry';
import type { Slices } from './slices';

/**
 * Documents by a key they carry (a number they refer to, an entry they mention, a heading
 * title), built on first use from every document and kept current after that: a warm start
 * does not pay for lookups it may not need yet.
 */
export class DocumentLookup<V> implements Lookup {
  private map: Map<string, Set<V>> | undefined;
  /** Counts the documents that came and went: a map built across a change is not used. */
  private changes = 0;

  constructor(
    private readonly keysOf: (e: DocumentEntry) => Iterable<string>,
    private readonly valueOf: (e: DocumentEntry) => V,
    private readonly everyDocument: () => Iterable<DocumentEntry>,
  ) {}

  get(key: string): ReadonlySet<V> {
    return this.built().get(key) ?? EMPTY;
  }

  add(e: DocumentEntry): void {
    this.changes++;
    if (this.map) this.put(this.map, e);
  }

  private put(map: Map<string, Set<V>>, e: DocumentEntry): void {
    for (const key of this.keysOf(e)) {
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(this.valueOf(e));
    }
  }

  delete(e: DocumentEntry): void {
    this.changes++;
    if (!this.map) return;
    for (const key of this.keysOf(e)) {
      const set = this.map.get(key);
      set?.delete(this.valueOf(e));
      if (set?.size === 0) this.map.delete(key);
    }
  }

  /** Builds the map now, in slices (after indexing, while the editor is idle); unless a query built it first. */
  async prepare(slices: Slices): Promise<void> {
    const changes = this.changes;
    const map = new Map<string, Set<V>>();
    for (const e of this.everyDocument()) {
      if (this.map || this.changes !== changes) return;
      this.put(map, e);
      await slices.pause();
    }
    this.map = map;
  }

  private built(): Map<string, Set<V>> {
    if (!this.map) {
      const map = new Map<string, Set<V>>();
      for (const e of this.everyDocument()) this.put(map, e);
      this.map = map;
    }
    return this.map;
  }
}

const EMPTY: ReadonlySet<never> = new Set();
