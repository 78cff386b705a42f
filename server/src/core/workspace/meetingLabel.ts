import { MONTHS } from '../document/dates';
import type { DocumentEntry } from './documentEntry';

/** "13228/11, Cracow, 25–26 July 2011": how a drafter names a meeting's outcome document. */
export function meetingLabel(e: DocumentEntry, dates: 'days' | 'month' = 'days'): string {
  const start = e.meeting?.start ?? e.date;
  const when = start ? (dates === 'month' ? monthYear(start) : dateSpan(start, e.meeting?.end ?? start)) : undefined;
  return [e.number?.text ?? '(no number)', e.meeting?.place, when].filter(Boolean).join(', ');
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y, m, d];
}

/** "July 2011" */
export function monthYear(iso: string): string {
  const [y, m] = parts(iso);
  return `${MONTHS[m - 1] ?? ''} ${y}`.trim();
}

/** "21 November 2011", "22–23 May 2018", "30 November – 1 December 2020". */
export function dateSpan(startIso: string, endIso: string): string {
  const [y1, m1, d1] = parts(startIso);
  const [y2, m2, d2] = parts(endIso);
  const full = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
  if (startIso >= endIso) return full(y1, m1, d1);
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${MONTHS[m2 - 1] ?? ''} ${y2}`;
  if (y1 === y2) return `${d1} ${MONTHS[m1 - 1] ?? ''} – ${full(y2, m2, d2)}`;
  return `${full(y1, m1, d1)} – ${full(y2, m2, d2)}`;
}
