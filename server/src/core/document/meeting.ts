import type { AddressingField, Meeting, MeetingLevel } from './model';
import { compareDates, scanDates } from './dates';

const SERIES = /\bEU\s*[-–—]\s*(U\.?\s?S\.?(?:A\.?)?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[\s,)]|$)/;
const JHA = /Justice\s+and\s+Home\s+Affairs|\bJHA\b/i;
const PLACE_BEFORE_DATE = /(?:\(|,|\bin\s)\s*([A-Z][\p{L}.'’\- ]*?)\s*,?\s*(?:on\s+)?$/u;

export function seriesName(text: string): string | undefined {
  const m = SERIES.exec(text);
  if (!m) return undefined;
  const partner = /^U\.?\s?S/.test(m[1]) ? 'US' : m[1];
  return `EU-${partner}${JHA.test(text) ? ' JHA' : ''}`;
}

export function meetingLevel(text: string): MeetingLevel | undefined {
  if (/\bministerial\b/i.test(text)) return 'Ministerial';
  if (/senior\s+officials|\bSOM\b/i.test(text)) return 'Senior Officials';
  if (/working\s+party|working\s+group|committee/i.test(text)) return 'Working Party';
  return undefined;
}

/**
 * The meeting the document reports on, read off the subject line (series, level, place,
 * dates), with the date from an `On:` line when the subject gives none.
 */
export function parseMeeting(subject: AddressingField | undefined, on: AddressingField | undefined): Meeting | undefined {
  if (!subject && !on) return undefined;
  const text = subject?.value ?? '';
  const dates = scanDates(text, undefined);
  const meeting: Meeting = {
    series: seriesName(text) ?? workingPartyName(text),
    level: meetingLevel(text) ?? (text ? 'Other' : undefined),
    informal: /\binformal\b/i.test(text),
    range: (subject ?? on)!.valueRange,
  };
  if (dates.length > 0) {
    const place = PLACE_BEFORE_DATE.exec(text.slice(0, dates[0].start));
    if (place && !/meeting|session|conference$/i.test(place[1])) meeting.place = place[1].trim();
    const sorted = dates.map((d) => d.date).sort(compareDates);
    meeting.start = sorted[0];
    meeting.end = sorted[sorted.length - 1];
  } else if (on) {
    const onDates = scanDates(on.value, undefined).map((d) => d.date).sort(compareDates);
    if (onDates.length > 0) {
      meeting.start = onDates[0];
      meeting.end = onDates[onDates.length - 1];
    }
  }
  if (!meeting.place) {
    const after = /\)?\s*[,(]?\s*\b(?:in|at)\s+([A-Z][\p{L}.'’\-]+(?:\s+[A-Z][\p{L}.'’\-]+)?)/u.exec(text);
    if (after && !/^(?:the|The)$/.test(after[1])) meeting.place = after[1];
  }
  return meeting;
}

function workingPartyName(text: string): string | undefined {
  const m = /\b((?:Working\s+Party|Committee|Working\s+Group)\s+(?:on|for)\s+[\p{L} -]+?)(?=[,(]|$)/u.exec(text);
  return m?.[1].trim();
}
