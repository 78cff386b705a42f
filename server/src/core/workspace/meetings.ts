import { meetingDate, type DocumentEntry } from './documentEntry';
import type { MeetingDescription } from '../document/meetingRefs';
import { meetingLabel, monthYear } from './meetingLabel';

/** "EU-US JHA" and "EU-US" are one series: a reference in the text often leaves out "JHA". */
export function seriesKey(series: string): string {
  const unqualified = series.endsWith('JHA') && /\s/.test(series.charAt(series.length - 4)) ? series.slice(0, -3).trimEnd() : series;
  return unqualified.toLowerCase();
}

/** Documents of one meeting (the outcome, its REVs and ADDs) share this key. */
export function meetingKey(e: DocumentEntry): string {
  return `${seriesKey(e.meeting?.series ?? '')}|${e.meeting?.level ?? ''}|${meetingDate(e)}`;
}

/** At most this many meetings for "previous meetings". */
const PLURAL_LIMIT = 50;

/**
 * The meetings a reference in `from` points at, among `meetings` (one document per meeting of
 * the series, oldest first): the adjacent one for next/previous, every earlier one for
 * "previous meetings", the nearest in time whose place and date match for a named one.
 */
export function resolveMeetingRef(from: DocumentEntry, ref: MeetingDescription, meetings: readonly DocumentEntry[]): DocumentEntry[] {
  const own = meetingKey(from);
  const when = meetingDate(from);
  const fits = (m: DocumentEntry) => meetingKey(m) !== own && (!ref.level || m.meeting?.level === ref.level) && matchesPlaceAndDate(m, ref);
  if (ref.direction === 'next') {
    const next = meetings.find((m) => meetingDate(m) > when && fits(m));
    return next ? [next] : [];
  }
  if (ref.direction === 'previous') {
    const earlier: DocumentEntry[] = [];
    for (let i = meetings.length - 1; i >= 0 && earlier.length < (ref.plural ? PLURAL_LIMIT : 1); i--) {
      if (meetingDate(meetings[i]) < when && fits(meetings[i])) earlier.push(meetings[i]);
    }
    return earlier;
  }
  let best: DocumentEntry | undefined;
  let bestDistance = Infinity;
  const t = Date.parse(when);
  for (const m of meetings) {
    if (!fits(m)) continue;
    const d = Math.abs(Date.parse(meetingDate(m)) - t);
    if (d < bestDistance) [best, bestDistance] = [m, d];
  }
  // The document's own meeting may be named too ("the SOM 15-16 March in Stockholm").
  if (!best && matchesPlaceAndDate(from, ref) && (!ref.level || from.meeting?.level === ref.level)) best = from;
  return best ? [best] : [];
}

function matchesPlaceAndDate(m: DocumentEntry, ref: MeetingDescription): boolean {
  if (ref.place) {
    const place = m.meeting?.place?.toLowerCase();
    if (!place || !(place.startsWith(ref.place.toLowerCase()) || ref.place.toLowerCase().startsWith(place))) return false;
  }
  if (ref.year === undefined && ref.month === undefined) return true;
  const [y, mo, d] = (m.meeting?.start ?? m.date ?? '').split('-').map(Number);
  if (ref.year !== undefined && ref.year !== y) return false;
  if (ref.month !== undefined && ref.month !== mo) return false;
  return ref.day === undefined || ref.day === d || ref.month === undefined;
}

/**
 * Why a reference in `from` leads nowhere, in the drafter's terms: "no later EU-US JHA
 * Ministerial in the workspace; the latest is 10483/17, June 2017". `series` is the one the
 * reference was resolved in (undefined when neither it nor the document names one).
 */
export function unresolvedReason(from: DocumentEntry, ref: MeetingDescription, series: string | undefined, meetings: readonly DocumentEntry[]): string {
  if (!series) return 'the meeting series is not known: neither the phrase nor this document\'s subject names one';
  const kind = `${series} ${ref.level === 'Senior Officials' ? 'Senior Officials Meeting' : ref.level === 'Ministerial' ? 'Ministerial' : 'meeting'}`;
  const own = meetingKey(from);
  const when = meetingDate(from);
  const others = meetings.filter((m) => meetingKey(m) !== own && (!ref.level || m.meeting?.level === ref.level));
  if (others.length === 0) return `no other ${kind} in the workspace`;
  const short = (m: DocumentEntry) => `${m.number?.text ?? '(no number)'}, ${monthYear(m.meeting?.start ?? m.date ?? '')}`;
  const month = ref.month !== undefined ? MONTH_NAMES[ref.month - 1] : undefined;
  const said = [ref.place, [month, ref.year].filter((x) => x !== undefined).join(' ')].filter(Boolean).join(', ');
  const which = `${kind}${said ? ` (${said})` : ''}`;
  if (ref.direction === 'next') {
    const later = others.filter((m) => meetingDate(m) > when);
    return later.length === 0 ? `no later ${kind} in the workspace; the latest is ${short(others[others.length - 1])}` : `no later ${which} in the workspace; the next one there is ${short(later[0])}`;
  }
  if (ref.direction === 'previous') {
    const earlier = others.filter((m) => meetingDate(m) < when);
    return earlier.length === 0 ? `no earlier ${kind} in the workspace; the earliest is ${short(others[0])}` : `no earlier ${which} in the workspace; the last before is ${short(earlier[earlier.length - 1])}`;
  }
  const t = Date.parse(when);
  const nearest = others.reduce((a, b) => (Math.abs(Date.parse(meetingDate(b)) - t) < Math.abs(Date.parse(meetingDate(a)) - t) ? b : a));
  return `no ${which} in the workspace; the nearest in time is ${meetingLabel(nearest, 'month')}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
