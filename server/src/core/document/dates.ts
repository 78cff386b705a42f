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

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1];
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

const SHORT_MONTHS = new Map<string, number>([...MONTHS.map((m, i): [string, number] => [m.slice(0, 3).toLowerCase(), i + 1]), ['sept', 9]]);
const MONTH_WORD = '([a-z]{3,9})\\.?';
/** "29th of June 2017.", "June 29, 2017", "29 Jun 2017" (ordinals, "of", a comma or full stop after). */
const LOOSE_WORDS = [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_WORD},? (\\d{4})[.,;]?$`, 'i'), new RegExp(`^${MONTH_WORD} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})[.,;]?$`, 'i')];
/** "29/06/2017", "29.06.2017", "29-06-2017": day first, as in Europe. */
const LOOSE_FIGURES = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[.,;]?$/;

/**
 * A date written in another form than the header's, read as a drafter meant it; undefined
 * unless that is a real date. What a quick fix offers to write in the Council's form.
 */
export function parseLooseDate(text: string): CalendarDate | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const month = (word: string) => monthNumber(word) ?? SHORT_MONTHS.get(word.toLowerCase());
  const read = (): CalendarDate | undefined => {
    const dayFirst = LOOSE_WORDS[0].exec(t);
    if (dayFirst && month(dayFirst[2])) return calendarDate(Number(dayFirst[3]), month(dayFirst[2])!, Number(dayFirst[1]));
    const monthFirst = LOOSE_WORDS[1].exec(t);
    if (monthFirst && month(monthFirst[1])) return calendarDate(Number(monthFirst[3]), month(monthFirst[1])!, Number(monthFirst[2]));
    const figures = LOOSE_FIGURES.exec(t);
    return figures ? calendarDate(Number(figures[3]), Number(figures[2]), Number(figures[1])) : undefined;
  };
  const date = read();
  return date?.valid ? date : undefined;
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
/** What may stand before a month name and the blanks before it: a day, or a day range ("25-26", "22 and 23"). */
const DAYS_AT = /(\d{1,2})(?:st|nd|rd|th)?(?:[ \t]*(?:-|–|and|to)[ \t]*(\d{1,2})(?:st|nd|rd|th)?)?/y;

/** The days that end right at `end`, looked for from the left within a few characters before it. */
function daysBefore(line: string, windowStart: number, end: number): { index: number; days: RegExpExecArray } | undefined {
  for (let s = windowStart; s < end; s++) {
    const c = line.charCodeAt(s);
    if (c < 48 || c > 57 || (s > 0 && /[\p{L}\p{N}_]/u.test(line[s - 1]))) continue;
    DAYS_AT.lastIndex = s;
    const days = DAYS_AT.exec(line);
    if (days && DAYS_AT.lastIndex === end) return { index: s, days };
  }
  return undefined;
}
const YEAR_AFTER = /,?[ \t]+(\d{4})(?![\p{L}\p{N}_])/uy;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function scanDates(line: string, defaultYear: number | undefined): DateMatch[] {
  const found: DateMatch[] = [];
  // Driven by the month names (found by indexOf, the cheapest scan there is), then read backwards for the day.
  for (let month = 1; month <= 12; month++) {
    const name = MONTHS[month - 1];
    for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + name.length)) {
      if ((at > 0 && isLetter(line.charCodeAt(at - 1))) || isLetter(line.charCodeAt(at + name.length))) continue;
      const windowStart = Math.max(0, at - 24);
      let blanks = at;
      while (blanks > windowStart && (line.charCodeAt(blanks - 1) === 32 || line.charCodeAt(blanks - 1) === 9)) blanks--;
      const before = blanks < at ? daysBefore(line, windowStart, blanks) : undefined;
      if (!before) continue;
      const { days } = before;
      const start = before.index;
      YEAR_AFTER.lastIndex = at + name.length;
      const y = YEAR_AFTER.exec(line);
      const end = y ? YEAR_AFTER.lastIndex : at + name.length;
      const year = y ? Number(y[1]) : followingYear(line, end) ?? defaultYear;
      if (year === undefined) continue;
      const text = line.slice(start, end);
      found.push({ date: calendarDate(year, month, Number(days[1])), start, end, text });
      if (days[2] !== undefined) {
        const secondStart = start + days[0].indexOf(days[2], days[1].length);
        found.push({ date: calendarDate(year, month, Number(days[2])), start: secondStart, end, text: line.slice(secondStart, end) });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** In "30 November - 1 December 2020" the first date's year comes after the second date. */
const YEAR_AFTER_RANGE = new RegExp(`^[ \\t]*[-–][ \\t]*\\d{1,2}[ \\t]+(?:${MONTH_ALTERNATION})[ \\t]+(\\d{4})`);
function followingYear(line: string, from: number): number | undefined {
  const m = YEAR_AFTER_RANGE.exec(line.slice(from, from + 40));
  return m ? Number(m[1]) : undefined;
}
