import type { CalendarDate } from './model';

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH_INDEX = new Map(MONTHS.map((m, i) => [m.toLowerCase(), i + 1]));
const MONTH_ALTERNATION = MONTHS.join('|');

export function monthNumber(name: string): number | undefined {
  return MONTH_INDEX.get(name.toLowerCase());
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return { year, month, day, valid, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export function weekday(d: CalendarDate): string {
  return WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
}

/** "29 July 2011" as a drafter reads it. */
export function formatDate(d: CalendarDate): string {
  return `${d.day} ${MONTHS[d.month - 1] ?? `month ${d.month}`} ${d.year}`;
}

/** Exactly "day month-name year" (the header form): "29 July 2011". */
const STRICT_DATE = new RegExp(`^(\\d{1,2}) (${MONTH_ALTERNATION}) (\\d{4})$`, 'i');

export function parseStrictDate(text: string): CalendarDate | undefined {
  const m = STRICT_DATE.exec(text.replace(/\s+/g, ' ').trim());
  if (!m) return undefined;
  return calendarDate(Number(m[3]), monthNumber(m[2])!, Number(m[1]));
}

/** dd.mm.yyyy, as in the partial-access line. */
export function parseDottedDate(text: string): CalendarDate | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  return m ? calendarDate(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}

export interface DateMatch {
  date: CalendarDate;
  start: number;
  end: number;
  text: string;
}

/**
 * Dates in running text: "21 November 2011", "25-26 July 2011", "22 and 23 May 2018",
 * "30 November - 1 December 2020", "26 July" (year taken from the phrase or `defaultYear`).
 * A day range yields one match per day, each spanning its own digits and the shared month and year.
 */
const TEXT_DATE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|and|to)\\s*(\\d{1,2})(?:st|nd|rd|th)?)?\\s+(${MONTH_ALTERNATION})\\b(?:,?\\s+(\\d{4})\\b)?`,
  'g',
);
const DIGIT_SOMEWHERE = /\d/;

export function scanDates(line: string, defaultYear: number | undefined): DateMatch[] {
  if (!DIGIT_SOMEWHERE.test(line)) return [];
  const found: DateMatch[] = [];
  TEXT_DATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEXT_DATE.exec(line))) {
    const month = monthNumber(m[3])!;
    let year = m[4] ? Number(m[4]) : undefined;
    if (year === undefined) year = followingYear(line, TEXT_DATE.lastIndex) ?? defaultYear;
    if (year === undefined) continue;
    const end = m.index + m[0].length;
    found.push({ date: calendarDate(year, month, Number(m[1])), start: m.index, end, text: m[0] });
    if (m[2] !== undefined) {
      const secondStart = m.index + m[0].indexOf(m[2], m[1].length);
      found.push({ date: calendarDate(year, month, Number(m[2])), start: secondStart, end, text: line.slice(secondStart, end) });
    }
  }
  return found;
}

/** In "30 November - 1 December 2020" the first date's year comes after the second date. */
const YEAR_AFTER_RANGE = new RegExp(`^\\s*[-–]\\s*\\d{1,2}\\s+(?:${MONTH_ALTERNATION})\\s+(\\d{4})`);
function followingYear(line: string, from: number): number | undefined {
  const m = YEAR_AFTER_RANGE.exec(line.slice(from, from + 40));
  return m ? Number(m[1]) : undefined;
}
