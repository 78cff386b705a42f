import { byMeetingDate, mentionIdsOf, type DocumentEntry } from './documentEntry';
import type { Lookup } from './lookups';
import { sortInSlices, type Slices } from './slices';

/**
 * Catalogue entry -> the documents mentioning it, oldest meeting first. Sorted once when first
 * needed (after indexing), then kept sorted as documents come and go (binary search), so that
 * the first query of a topic costs no more than the next.
 */
export class SortedPostings implements Lookup {
  private map: Map<string, DocumentEntry[]> | undefined;
  /** While `prepare` builds the lists: the documents that came (true) and went since it began, to apply after. */
  private changes: [DocumentEntry, boolean][] | undefined;

  constructor(private readonly everyDocument: () => Iterable<DocumentEntry>) {}

  /** Documents mentioning the entry, oldest meeting first (do not modify). */
  get(id: string): readonly DocumentEntry[] {
    return this.built().get(id) ?? [];
  }

  /** Documents mentioning any of the entries, oldest meeting first, each once. */
  union(ids: Iterable<string>): readonly DocumentEntry[] {
    const lists = [...ids].map((id) => this.get(id)).filter((l) => l.length > 0);
    // A copy: the lists change in place as documents come and go.
    if (lists.length <= 1) return lists[0]?.slice() ?? [];
    return lists.reduce(merge);
  }

  add(e: DocumentEntry): void {
    this.changes?.push([e, true]);
    if (!this.map) return;
    for (const id of mentionIdsOf(e)) {
      const list = this.map.get(id);
      if (!list) this.map.set(id, [e]);
      else list.splice(position(list, e), 0, e);
    }
  }

  delete(e: DocumentEntry): void {
    this.changes?.push([e, false]);
    if (!this.map) return;
    for (const id of mentionIdsOf(e)) {
      const list = this.map.get(id);
      if (!list) continue;
      const at = position(list, e);
      if (list[at] === e) list.splice(at, 1);
      else {
        // Not where its order puts it (an entry changed in place): look for it.
        const k = list.indexOf(e);
        if (k >= 0) list.splice(k, 1);
      }
      if (list.length === 0) this.map.delete(id);
    }
  }

  /** Builds the lists now, in slices (after indexing, while the editor is idle); unless a query built them first. */
  async prepare(slices: Slices): Promise<void> {
    if (this.map || this.changes) return;
    // From the documents as they are now; those that come and go meanwhile are applied after.
    const changes: [DocumentEntry, boolean][] = (this.changes = []);
    const map = new Map<string, DocumentEntry[]>();
    for (const e of [...this.everyDocument()]) {
      gather(map, e);
      await slices.pause();
    }
    for (const [id, list] of map) map.set(id, await sortInSlices(list, byMeetingDate, slices));
    this.changes = undefined;
    if (this.map) return;
    this.map = map;
    for (const [e, came] of changes) {
      if (came) this.add(e);
      else this.delete(e);
    }
  }

  private built(): Map<string, DocumentEntry[]> {
    if (!this.map) {
      const map = new Map<string, DocumentEntry[]>();
      for (const e of this.everyDocument()) gather(map, e);
      for (const list of map.values()) list.sort(byMeetingDate);
      this.map = map;
    }
    return this.map;
  }
}

function gather(map: Map<string, DocumentEntry[]>, e: DocumentEntry): void {
  for (const id of mentionIdsOf(e)) {
    const list = map.get(id);
    if (list) list.push(e);
    else map.set(id, [e]);
  }
}

/** Where `e` stands (or would stand) in a sorted list. */
function position(list: readonly DocumentEntry[], e: DocumentEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byMeetingDate(list[mid], e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two sorted lists as one, each document once. */
function merge(a: readonly DocumentEntry[], b: readonly DocumentEntry[]): DocumentEntry[] {
  const out: DocumentEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c = a[i] === b[j] ? 0 : byMeetingDate(a[i], b[j]);
    if (c <= 0) out.push(a[i++]);
    else out.push(b[j++]);
    if (c === 0) j++;
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
