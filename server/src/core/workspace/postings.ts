import { byMeetingDate, meetingDate, mentionCountsOf, type DocumentEntry } from './documentEntry';
import type { Lookup } from './lookups';

/**
 * Catalogue entry -> the documents mentioning it, oldest meeting first, and how many times it is
 * mentioned in all (a topic's references are counted without reading its documents). Kept from
 * the first document on: a document coming is appended to its entries' lists, one going is taken
 * out, and a list is put in order when it is next asked for after a change (one entry's list, not
 * the whole lookup), so that the lookup is ready the moment indexing ends.
 */
export class SortedPostings implements Lookup {
  private readonly map = new Map<string, DocumentEntry[]>();
  /** The entries whose list had a document appended since it was last put in order. */
  private readonly unsorted = new Set<string>();
  private readonly mentions = new Map<string, number>();

  /** Documents mentioning the entry, oldest meeting first (do not modify). */
  get(id: string): readonly DocumentEntry[] {
    const list = this.map.get(id);
    if (!list) return [];
    if (this.unsorted.delete(id)) sortByMeetingDate(list);
    return list;
  }

  /** How many mentions of any of the entries there are in all. */
  mentionCount(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) n += this.mentions.get(id) ?? 0;
    return n;
  }

  /** Documents mentioning any of the entries, oldest meeting first, each once. */
  union(ids: Iterable<string>): readonly DocumentEntry[] {
    const lists = [...ids].map((id) => this.get(id)).filter((l) => l.length > 0);
    // A copy: the lists change in place as documents come and go.
    if (lists.length <= 1) return lists[0]?.slice() ?? [];
    return lists.reduce(merge);
  }

  add(e: DocumentEntry): void {
    for (const [id, n] of mentionCountsOf(e)) {
      this.mentions.set(id, (this.mentions.get(id) ?? 0) + n);
      const list = this.map.get(id);
      if (!list) this.map.set(id, [e]);
      else {
        // Still in order when it comes after the last (no sort needed when next asked for).
        if (!this.unsorted.has(id) && byMeetingDate(list[list.length - 1], e) > 0) this.unsorted.add(id);
        list.push(e);
      }
    }
  }

  delete(e: DocumentEntry): void {
    for (const [id, n] of mentionCountsOf(e)) {
      const list = this.map.get(id);
      if (!list) continue;
      const at = this.unsorted.has(id) ? -1 : position(list, e);
      const k = list[at] === e ? at : list.indexOf(e);
      if (k < 0) continue;
      list.splice(k, 1);
      this.mentions.set(id, this.mentions.get(id)! - n);
      if (list.length > 0) continue;
      this.map.delete(id);
      this.unsorted.delete(id);
      this.mentions.delete(id);
    }
  }
}

/** `list.sort(byMeetingDate)`, each document's meeting date read once. */
function sortByMeetingDate(list: DocumentEntry[]): void {
  const keyed = list.map((e) => ({ e, date: meetingDate(e) }));
  keyed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.e.uri.localeCompare(b.e.uri)));
  for (let i = 0; i < list.length; i++) list[i] = keyed[i].e;
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
