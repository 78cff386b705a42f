import type { Lookup } from './lookups';
import type { DocumentEntry } from './documentEntry';
import type { Slices } from './slices';

/**
 * Documents by a key they carry (a number they refer to, an entry they mention, a heading
 * title), built on first use from every document (or, `fromTheFirst`, kept from the first
 * document on) and kept current after that: a warm start does not pay for lookups it may not
 * need yet.
 */
export class DocumentLookup<V> implements Lookup {
  private map: Map<string, Set<V>> | undefined;
  /** While `prepare` builds the map: the documents that came (true) and went since it began, to apply after. */
  private changes: [DocumentEntry, boolean][] | undefined;

  constructor(
    private readonly keysOf: (e: DocumentEntry) => Iterable<string>,
    private readonly valueOf: (e: DocumentEntry) => V,
    private readonly everyDocument: () => Iterable<DocumentEntry>,
    fromTheFirst = false,
  ) {
    if (fromTheFirst) this.map = new Map();
  }

  get(key: string): ReadonlySet<V> {
    return this.built().get(key) ?? EMPTY;
  }

  add(e: DocumentEntry): void {
    this.changes?.push([e, true]);
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
    this.changes?.push([e, false]);
    if (!this.map) return;
    for (const key of this.keysOf(e)) {
      const set = this.map.get(key);
      set?.delete(this.valueOf(e));
      if (set?.size === 0) this.map.delete(key);
    }
  }

  /** Builds the map now, in slices (after indexing, while the editor is idle); unless a query built it first. */
  async prepare(slices: Slices): Promise<void> {
    if (this.map || this.changes) return;
    // From the documents as they are now; those that come and go meanwhile are applied after.
    const changes: [DocumentEntry, boolean][] = (this.changes = []);
    const map = new Map<string, Set<V>>();
    for (const e of [...this.everyDocument()]) {
      this.put(map, e);
      await slices.pause();
    }
    this.changes = undefined;
    if (this.map) return;
    this.map = map;
    for (const [e, came] of changes) {
      if (came) this.add(e);
      else this.delete(e);
    }
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
