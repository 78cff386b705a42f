import { SPACE, WORD } from '../catalogue/automaton';
import { monthNumber, MONTHS } from './dates';
import { seriesName } from './meeting';
import type { MeetingLevel, OutcomeDocument } from './model';
import { comparePositions, contains } from '../text/range';

/** What a phrase says about the meeting it names. */
export interface MeetingDescription {
  /** `named`: no direction word, the place or date says which meeting. */
  direction: 'next' | 'previous' | 'named';
  /** "previous meetings": every earlier one, not just the last. */
  plural?: boolean;
  level?: MeetingLevel;
  /** As `Meeting.series` spells it ("EU-US", "EU-US JHA"); absent = the document's own series. */
  series?: string;
  place?: string;
  year?: number;
  month?: number;
  day?: number;
}

/**
 * The words a meeting reference ends on ("meeting", "Ministerial", "Senior Officials", "SOM"),
 * as they begin: the catalogue's mention scan notes wherever a word begins with one (one inside
 * a word, "premeeting", ends none), so that these references need no pass of their own. Every
 * alternative of `LEVEL_PART` below begins with one of them.
 */
export const MEETING_NOUNS = ['meeting', 'ministerial', 'senior', 'SOM'];

/**
 * A phrase in running text that names another meeting of the series: "the next EU-US JHA
 * Ministerial meeting", "the previous SOM", "previous meetings", "the Ministerial meeting in
 * Washington", "the next ministerial meeting (November 2011, Washington)". Located as the
 * workspace index keeps it: [line, start, end] (a reference never runs over a line break).
 */
export type MeetingRefAt = MeetingDescription & { span: readonly [number, number, number] };

const DIRECTION_WORDS: Record<string, 'next' | 'previous'> = {
  next: 'next',
  forthcoming: 'next',
  upcoming: 'next',
  following: 'next',
  previous: 'previous',
  last: 'previous',
  preceding: 'previous',
  prior: 'previous',
};

/** A word as it stands in running text: lower case, or capitalised at a sentence start. */
const word = (w: string) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`;
const DIRECTION_PART = Object.keys(DIRECTION_WORDS).map(word).join('|');
/** "EU-US", "EU-U.S.", "EU – Canada", "EU-Western Balkans" (a second word, but not the level's). */
const SERIES_PART = String.raw`EU\s*[-–—]\s*(?:U\.?\s?S\.?(?:A\.?)?|[A-Z][a-z]+(?:\s+(?!Ministerial|Senior|Informal|Justice|Meeting)[A-Z][a-z]+)?)`;
const MEETING = String.raw`[Mm]eetings?`;
const LEVEL_PART = String.raw`${word('ministerial')}(?:\s+${MEETING})?|${word('senior')}\s+[Oo]fficials[’']?\s+${MEETING}(?:\s+\(SOM\))?|SOMs?(?:\s+${MEETING})?|${MEETING}`;
/** The level noun every reference ends on; what stands before it is read backwards from there. */
const LEVEL = new RegExp(String.raw`(?:${LEVEL_PART})(?![\p{L}\p{N}])`, 'gu');
/** The same, at one position of a line. */
const LEVEL_AT = new RegExp(LEVEL.source, 'uy');
/** A bare "meeting" is a reference only after a direction word or a series: most are neither ("the meeting", "this meeting"). */
const DIRECTION_OR_SERIES = new RegExp(`(?:${DIRECTION_PART}|EU)(?![\\p{L}\\p{N}])`, 'u');
/**
 * What may precede the noun, all optional: "the", a direction word, a series ("EU-US",
 * "EU – US JHA"), "informal". Which combinations count as a reference is decided in `accept`.
 */
const BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<det>[Tt]he)\s+)?(?:(?<dir>${DIRECTION_PART})\s+)?` +
    String.raw`(?:(?<series>${SERIES_PART})\s+)?(?:(?<jha>JHA|Justice\s+and\s+Home\s+Affairs)\s+)?(?:${word('informal')}\s+)?$`,
  'u',
);
/** Longest stretch of text BEFORE can match. */
const BEFORE_WINDOW = 90;
/** "Ministerial" without "meeting" is a noun only when nothing nominal follows ("Ministerial Conference" is no meeting of the series). */
const BARE_MINISTERIAL_END = /\s*(?:[,.;:()]|$)|\s+(?:in|on|at|which|that|of|to|and|will|would|held|planned|scheduled)\b/y;

const MONTH_NAMES = MONTHS.join('|');
const DAYS = String.raw`(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+`;
const PLACE = String.raw`[A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?(?:,?\s+D\.?\s?C\.)?`;
/** Qualifiers after the level noun, tried in turn as long as one matches. */
const AFTER = {
  paren: /^\s*\(([^)]{1,80})\)/u,
  topic: /^\s+on\s+Justice\s+and\s+Home\s+Affairs\b/u,
  clause: /^\s*(?:,\s*)?(?:which|that)\s+(?:will|would|is\s+to|was\s+to)\s+(?:take\s+place|be\s+held|be\s+hosted)\b/u,
  /** "in June", "in November 2011", "on 21 June 2023", "15-16 March": month names capitalised ("may" is a verb). */
  date: new RegExp(String.raw`^\s*(?:,\s*)?(?:(?:in|on|of)\s+(?:${DAYS})?|${DAYS})(${MONTH_NAMES})(?:\s+(\d{4}))?(?![\p{L}\p{N}])`, 'u'),
  place: new RegExp(String.raw`^\s*(?:,\s*)?(?:in|at)\s+(${PLACE})`, 'u'),
};
const PAREN_DATE = new RegExp(String.raw`(?:${DAYS})?\b(${MONTH_NAMES})\b(?:\s+(\d{4}))?`, 'i');
const PAREN_PLACE = new RegExp(String.raw`^\s*(${PLACE})\s*$`, 'u');
const NOT_PLACE = /^(?:The|This|That|Date|TBC|Tbc|Their|Its)\b/;

/**
 * What a bare "meeting" that is a reference stands right after: a direction word, "informal",
 * or the end of a series ("EU-US", "U.S.", "Canada") or of "JHA"/"Home Affairs", all of which
 * begin with a capital. Most "meeting"s follow "the", "this", "a", "expert": rejected here at
 * once, before the expressions that would reject them too.
 */
const BARE_MEETING_AFTER = /^(?:[A-Z]|(?:[Ii]nformal|[Nn]ext|[Ff]orthcoming|[Uu]pcoming|[Ff]ollowing|[Pp]revious|[Ll]ast|[Pp]receding|[Pp]rior)$)/;

/** The word that ends where whitespace before `at` begins; empty when no whitespace is there. */
function wordBefore(line: string, at: number): string {
  let end = at;
  while (end > 0 && SPACE[line.charCodeAt(end - 1)]) end--;
  if (end === at) return '';
  let start = end;
  while (start > 0 && !SPACE[line.charCodeAt(start - 1)]) start--;
  return line.slice(start, end);
}

/**
 * The document's meeting references in the summary and the body (the subject names the
 * document's own meeting; page footers and the other addressing fields are left out).
 * `nounStarts`: where the catalogue's mention scan found the `MEETING_NOUNS` in the text after
 * the title, if it ran; else the text is searched here.
 */
export function findMeetingRefs(doc: OutcomeDocument, nounStarts?: number[]): MeetingRefAt[] {
  // By range, not by line: on a page run onto one line, the title, the fields and a footer share the line with the body.
  const skipped = [...doc.footers];
  for (const f of doc.addressing) if (f.label !== 'summary') skipped.push(f.range);
  const start = doc.title?.range.end ?? { line: 0, character: 0 };
  const skip = (line: number, character: number) => comparePositions({ line, character }, start) < 0 || skipped.some((r) => contains(r, { line, character }));
  return findMeetingRefsInText(doc.cleanText, doc.lines, doc.lineStarts, start.line, skip, doc.title ? nounStarts : undefined);
}

/**
 * Meeting references in a markup-blanked text, from line `fromLine` on, those whose level noun
 * stands where `skip` is true (line, column) left out: the level nouns are found over the whole text at once, each then read
 * within its line (a reference never runs over a line break). `nounStarts`: where the words
 * the nouns begin with stand (the catalogue's mention scan notes them, see `MEETING_NOUNS`);
 * without, one pass of the level-noun expression finds them.
 */
export function findMeetingRefsInText(
  text: string,
  lines: readonly string[],
  lineStarts: readonly number[],
  fromLine: number,
  skip: (line: number, character: number) => boolean,
  nounStarts?: number[],
): MeetingRefAt[] {
  const out: MeetingRefAt[] = [];
  if (fromLine >= lines.length) return out;
  const nextNoun = nounFinder(text, nounStarts);
  let l = fromLine;
  /** Column where the last reference on line `l` ended: a noun inside it is no new one. */
  let after = 0;
  let from = lineStarts[l];
  let m: RegExpExecArray | null;
  while ((m = nextNoun(from))) {
    while (l + 1 < lineStarts.length && lineStarts[l + 1] <= m.index) {
      l++;
      after = 0;
    }
    const line = lines[l];
    const at = m.index - lineStarts[l];
    let noun = m[0];
    from = m.index + noun.length;
    if (skip(l, at)) continue;
    if (at + noun.length > line.length) {
      // "Senior Officials" broken over two lines: only what this line holds counts.
      LEVEL_AT.lastIndex = at;
      const inLine = LEVEL_AT.exec(line);
      from = m.index + (inLine ? inLine[0].length : 1);
      if (!inLine) continue;
      noun = inLine[0];
    }
    const ref = refEndingAt(line, l, at, noun, after);
    if (!ref) continue;
    out.push(ref);
    after = ref.span[2];
    from = lineStarts[l] + after;
  }
  return out;
}

/** The first level noun at or after an offset (offsets asked for only grow). */
function nounFinder(text: string, starts: number[] | undefined): (from: number) => RegExpExecArray | null {
  if (!starts) {
    return (from) => {
      LEVEL.lastIndex = from;
      return LEVEL.exec(text);
    };
  }
  // Every level noun begins with one of the words noted: the first of them where one matches.
  starts.sort((a, b) => a - b);
  let k = 0;
  return (from) => {
    while (k < starts.length && starts[k] < from) k++;
    for (; k < starts.length; k++) {
      LEVEL_AT.lastIndex = starts[k];
      const m = LEVEL_AT.exec(text);
      if (m) return m;
    }
    return null;
  };
}

/** The reference whose level noun `noun` stands at column `at` of `line`, if it is one; none starts before column `after`. */
function refEndingAt(line: string, lineNo: number, at: number, noun: string, after: number): MeetingRefAt | undefined {
  // The noun starts a word (the expression leaves this out: a leading look-behind is slow).
  if (at > 0 && WORD[line.charCodeAt(at - 1)]) return undefined;
  if (/^ministerial$/i.test(noun)) {
    BARE_MINISTERIAL_END.lastIndex = at + noun.length;
    if (!BARE_MINISTERIAL_END.test(line)) return undefined;
  }
  const windowStart = Math.max(after, at - BEFORE_WINDOW);
  const window = line.slice(windowStart, at);
  if (/^[Mm]eeting/.test(noun) && (!BARE_MEETING_AFTER.test(wordBefore(line, at)) || !DIRECTION_OR_SERIES.test(window))) return undefined;
  // Always matches: every part is optional, so at worst it is the empty match before the noun.
  const before = BEFORE.exec(window)!;
  const g = before.groups!;
  const ref: MeetingDescription = { direction: g.dir ? DIRECTION_WORDS[g.dir.toLowerCase()] : 'named' };
  if (/s$/.test(noun.endsWith('(SOM)') ? noun.slice(0, -5).trimEnd() : noun)) ref.plural = true;
  const level = levelOf(noun);
  if (level) ref.level = level;
  const series = g.series ? seriesName(`${g.series}${g.jha ? ' JHA' : ''}`) : undefined;
  if (series) ref.series = series;
  const end = readQualifiers(line, at + noun.length, ref);
  if (!accept(ref, g.det !== undefined)) return undefined;
  const located = ref as MeetingRefAt;
  located.span = [lineNo, windowStart + before.index, end];
  return located;
}

function levelOf(text: string): MeetingLevel | undefined {
  if (/^ministerial/i.test(text)) return 'Ministerial';
  if (/^(?:senior|SOM)/i.test(text)) return 'Senior Officials';
  return undefined;
}

/**
 * A bare "meeting" is a reference only looking back ("the previous meeting", "since the last
 * meeting", "previous meetings") or with a series named: "the next meeting" on its own is as
 * often an expert workshop's next session as the series' next meeting. A named meeting needs a
 * level or series, and a place or date to tell it from the others ("a meeting at Eurojust" is none).
 */
function accept(ref: MeetingDescription, definite: boolean): boolean {
  if (ref.direction === 'named') return (ref.level !== undefined || ref.series !== undefined) && (ref.place !== undefined || ref.month !== undefined || ref.year !== undefined);
  if (ref.level || ref.series) return true;
  return ref.direction === 'previous' && (definite || ref.plural === true);
}

/** Reads "(November 2011, Washington)", "in Stockholm on 21 June 2023", "in June" after the noun. */
function readQualifiers(line: string, from: number, ref: MeetingDescription): number {
  let at = from;
  for (;;) {
    const rest = line.slice(at);
    let q: RegExpExecArray | null;
    if ((q = AFTER.paren.exec(rest)) && readParenthesis(q[1], ref)) at += q[0].length;
    else if ((q = AFTER.topic.exec(rest)) || (q = AFTER.clause.exec(rest))) at += q[0].length;
    else if ((q = AFTER.date.exec(rest)) && ref.month === undefined) {
      ref.month = monthNumber(q[3]);
      const day = q[1] ?? q[2];
      if (day) ref.day = Number(day);
      if (q[4]) ref.year = Number(q[4]);
      at += q[0].length;
    } else if ((q = AFTER.place.exec(rest)) && ref.place === undefined && isPlace(q[1])) {
      ref.place = placeName(q[1]);
      at += q[0].length;
    } else return at;
  }
}

/** "November 2011, Washington", "November date tbc., Washington", "Sofia, 22-23 May 2018". */
function readParenthesis(text: string, ref: MeetingDescription): boolean {
  // "(doc. 11050/11)", "(WK 10837/2020 INIT)": a document, not a meeting's date.
  if (/\d\/\d/.test(text)) return false;
  const date = PAREN_DATE.exec(text);
  const year = /\b((?:19|20)\d{2})\b/.exec(text);
  let place: string | undefined;
  for (const part of text.split(/[,;]/)) {
    const p = PAREN_PLACE.exec(part)?.[1];
    if (p !== undefined && isPlace(p)) {
      place = p;
      break;
    }
  }
  if (!date && !year && !place) return false;
  if (date) {
    ref.month = monthNumber(date[2]);
    if (date[1]) ref.day = Number(date[1]);
  }
  if (year) ref.year = Number(year[1]);
  if (place) ref.place = placeName(place);
  return true;
}

function isPlace(text: string): boolean {
  return !NOT_PLACE.test(text) && monthNumber(text.split(/\s/)[0]) === undefined && !/^D\.?\s?C\.?$/.test(text);
}

/** "Washington, D.C." and "Washington DC" are Washington. */
function placeName(text: string): string {
  const dc = /\sD\.?\s?C\.?$/.exec(text);
  if (!dc) return text.trim();
  const before = text.slice(0, dc.index).trimEnd();
  return (before.endsWith(',') ? before.slice(0, -1) : before).trim();
}
