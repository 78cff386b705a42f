import type { AddressingField, CalendarDate, Meeting, MeetingLevel, Paragraph } from './model';
import { compareDates, scanDates } from './dates';

const SERIES = /\bEU\s*[-–—]\s*(U\.?\s?S\.?(?:A\.?)?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[\s,)]|$)/;
const JHA = /Justice\s+and\s+Home\s+Affairs|\bJHA\b/i;
const PLACE_SHAPE = /^[A-Z][\p{L}.'’\- ]*$/u;

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
    const place = placeBefore(text.slice(0, dates[0].start));
    if (place) meeting.place = place;
    [meeting.start, meeting.end] = firstAndLast(dates)!;
  } else if (on) {
    const span = firstAndLast(scanDates(on.value, undefined));
    if (span) [meeting.start, meeting.end] = span;
  }
  if (!meeting.place) {
    const after = /\b(?:in|at)\s+([A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+)?)/u.exec(text);
    if (after && !/^(?:the|The)$/.test(after[1])) meeting.place = after[1];
  }
  return meeting;
}

/** The earliest and the latest of the dates found. */
function firstAndLast(dates: readonly { date: CalendarDate }[]): [CalendarDate, CalendarDate] | undefined {
  if (dates.length === 0) return undefined;
  let first = dates[0].date;
  let last = first;
  for (const { date } of dates) {
    if (compareDates(date, first) < 0) first = date;
    if (compareDates(date, last) > 0) last = date;
  }
  return [first, last];
}

/** "Working Party on …", "Committee for …": where the body's name starts; its name runs to a comma, a bracket or the end. */
const WORKING_PARTY = /\b(?:Working\s+Party|Committee|Working\s+Group)\s+(?:on|for)(?=\s)/gu;
const NAME_CHAR = /[\p{L} -]/u;

function workingPartyName(text: string): string | undefined {
  WORKING_PARTY.lastIndex = 0;
  for (let m = WORKING_PARTY.exec(text); m; m = WORKING_PARTY.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && /\s/.test(text[end])) end++;
    const nameStart = end;
    while (end < text.length && NAME_CHAR.test(String.fromCodePoint(text.codePointAt(end)!))) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
    // A name (or a blank given back as one) up to a comma, a bracket or the end; else the
    // name runs into other text, and so would that of any later match before `end`.
    if ((end > nameStart || text[nameStart - 1] === ' ') && (end === text.length || text[end] === ',' || text[end] === '(')) return text.slice(m.index, end).trim();
    WORKING_PARTY.lastIndex = Math.max(WORKING_PARTY.lastIndex, end);
  }
  return undefined;
}

/** "… Meeting (Sofia, " or "… Meeting, Valletta, " before the dates: the words after the last "(" or ",". */
function placeBefore(text: string): string | undefined {
  const cut = Math.max(text.lastIndexOf('('), text.lastIndexOf(',', text.trimEnd().length - 2));
  if (cut < 0) return undefined;
  const place = text.slice(cut + 1).replace(/,\s*$/, '').replace(/\bon\s*$/, '').trim();
  return PLACE_SHAPE.test(place) && place.length <= 40 && !/meeting|session|conference/i.test(place) ? place : undefined;
}

/** The Council's formula for the meeting that adopted what a document transmits: "at its 3477th meeting held on 20 June 2016". */
const HELD_ON = /\bat\s+its\s+\d{1,5}(?:st|nd|rd|th)?\s+meeting,?\s+held\s+(?:in\s+(\p{Lu}[\p{L}-]+)\s+)?on\s+/u;

/**
 * The meeting an outcome transmitting Council conclusions reports on: the one "held on" the
 * date its opening paragraph gives ("…, as adopted by the Council at its 3477th meeting held on
 * 20 June 2016."). That date is the meeting's, whatever else the subject says.
 */
export function meetingHeldOn(meeting: Meeting | undefined, paragraphs: readonly Paragraph[]): Meeting | undefined {
  for (const p of paragraphs) {
    const m = HELD_ON.exec(p.text);
    if (!m) continue;
    const after = m.index + m[0].length;
    const [date] = scanDates(p.text.slice(after, after + 40), undefined);
    if (!date || date.start !== 0) continue;
    const held: Meeting = meeting ? { ...meeting } : { level: 'Other', informal: false, range: p.range };
    held.start = held.end = date.date;
    if (m[1] && !held.place) held.place = m[1];
    return held;
  }
  return meeting;
}
