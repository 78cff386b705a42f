import { MONTHS } from './dates';

/**
 * A page, or a whole document, run onto one long line, as copying from a web page or a PDF
 * viewer gives it: header, codes, title, labels and body one after another. Such a line is cut
 * where the parts it holds begin (the header's parts, the title, each addressing label, each
 * numbered heading after a sentence's end, a heading's title from the sentence after it), and
 * the parser reads the pieces as lines; `origin` maps each piece back to its line and column.
 */
export interface Unflattened {
  lines: string[];
  origin: { line: number; offset: number }[];
}

/** Shorter lines are read as they are: a header line run together is the header's business. */
const MIN_LENGTH = 160;
/** Fewer parts than this on a line is a long paragraph, not a flattened page. */
const MIN_PARTS = 3;

const MONTH = MONTHS.join('|');
const TITLE = String.raw`OUTCOME OF (?:THE )?PROCEEDINGS|(?:COVER |INFORMATION )?NOTE|["“]?(?:I\/A|I|A)["”]? ITEM NOTE|SUMMARY RECORD|(?:PROVISIONAL |DRAFT )?AGENDA`;
const LABEL = String.raw`(?:From|On|To|Of|Subject|Summary|No\. ?prev\. ?docs?\.|No\. ?Cion\. ?docs?\.)[ \t]?:`;
/** The parts of a header, each cut out as a line of its own. */
const HEADER_PART = new RegExp(
  [
    String.raw`Council of the European Union`,
    String.raw`(?:Brussels|Luxembourg|Strasbourg), \d{1,2} (?:${MONTH}) \d{4}`,
    String.raw`\(OR\. [a-z]{2}(?:, ?[a-z]{2})*\)`,
    String.raw`(?<![\w/])\d{1,5}\/(?:\d{1,2}\/)?\d{2}(?: (?:REV|ADD|COR) \d{1,2})*(?![\w/])`,
    String.raw`(?:WK|CM) \d{1,5}\/\d{2,4}(?: INIT)?`,
    String.raw`DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC \(\d{1,2}\.\d{1,2}\.\d{4}\)`,
    String.raw`Interinstitutional File: \d{4}\/\d{4} ?\([A-Z]{3}\)`,
    String.raw`\b(?:LIMITE|PUBLIC)\b`,
  ].join('|'),
  'gi',
);
const TITLE_AT = new RegExp(String.raw`(?<![A-Za-z"“])(?:${TITLE})(?![A-Za-z"”])`, 'g');
const LABEL_AT = new RegExp(String.raw`(?<![a-z.])${LABEL}(?=[ \t]|$)`, 'gi');
/**
 * A numbered heading: "Session 2", or a number or letter before a capital, standing after a
 * sentence's end ("… partnership. 2. Security"), or anywhere when it opens a run ("1.", "a)")
 * or goes on with the one before ("… the last title 2. Security").
 */
const HEADING_AT = /(?<=[ \t])(?:Session \d{1,2}:?|(\d{1,2})\.|\(?([a-z])\)|[IVX]{1,5}\.)(?=[ \t]["“‘']?\p{Lu})/gu;
const AFTER_SENTENCE = /[.;:!?)"”][ \t]{1,3}$/;
const ANNEX_AT = /(?<=[.;:!?)"”][ \t]{1,3})ANNEX(?=[ \t])/g;
/** Words a sentence starts with more often than a title goes on with them. */
const STARTERS = new Set(
  'The This These That Those A An Both In On At As After Before During For With It Its They Their He She We There Following Delegations Participants Ministers All Some Several Most Each Regarding Concerning Under While Although Given According Furthermore Moreover However Finally Also Ms Mr Commissioner'.split(' '),
);
/** Words after which a title goes on whatever follows: "Cooperation with The Hague". */
const CONTINUED_AFTER = new Set('of the and or with on in to for a an at by from between towards toward about into over under against within through regarding concerning including via among as incoming outgoing'.split(' '));
/** A heading's title has at most this many words before the sentence after it. */
const TITLE_WORDS = 24;

/** The flattened lines cut into pieces; undefined when no line is flattened. */
export function unflatten(clean: readonly string[]): Unflattened | undefined {
  let out: Unflattened | undefined;
  for (let l = 0; l < clean.length; l++) {
    const line = clean[l];
    const cuts = line.length >= MIN_LENGTH ? cutsOf(line) : undefined;
    if (!cuts && !out) continue;
    if (!out) {
      out = { lines: [], origin: [] };
      for (let k = 0; k < l; k++) push(out, clean[k], k, 0, clean[k].length);
    }
    if (!cuts) {
      push(out, line, l, 0, line.length);
      continue;
    }
    for (let i = 0; i < cuts.length; i++) {
      // A paragraph ends there: a blank line, so that the subject does not run on into the text.
      if (cuts[i] < 0) {
        out.lines.push('');
        out.origin.push({ line: l, offset: -cuts[i] });
        continue;
      }
      // A gap stands right before the cut it precedes, never before the first.
      const next = i + 1 < cuts.length ? Math.abs(cuts[i + 1]) : line.length;
      push(out, line, l, cuts[i], next);
    }
  }
  return out;
}

function push(out: Unflattened, line: string, l: number, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9)) s++;
  while (e > s && (line.charCodeAt(e - 1) === 32 || line.charCodeAt(e - 1) === 9)) e--;
  if (s === e && from !== 0) return;
  out.lines.push(line.slice(s, e));
  out.origin.push({ line: l, offset: s });
}

/** Where the line's parts begin, sorted, 0 first (a negative number: a blank line before that cut); undefined when it holds too few to be a flattened page. */
function cutsOf(line: string): number[] | undefined {
  const cuts = new Set<number>([0]);
  let parts = 0;
  const titleAt: number[] = [];
  const labels: { start: number; end: number }[] = [];
  // Most long lines are paragraphs: without a colon nor a title's capitals, no part can start there.
  const hasColon = line.indexOf(':') >= 0;
  if (!hasColon && !/[A-Z]{4}/.test(line)) return undefined;
  for (const m of line.matchAll(TITLE_AT)) {
    titleAt.push(m.index);
    cuts.add(m.index).add(m.index + m[0].length);
    parts++;
  }
  for (const m of hasColon ? line.matchAll(LABEL_AT) : []) {
    // Labels stand before the body: "to:" in a sentence of the body is none.
    if (m[0].charCodeAt(0) > 96 && m.index > (titleAt[0] ?? 0) + 2000) break;
    labels.push({ start: m.index, end: m.index + m[0].length });
    cuts.add(m.index);
    parts++;
  }
  if (parts < MIN_PARTS - 1) return undefined;
  // The header: before the title, or before the first label when there is none.
  const headerEnd = titleAt[0] ?? labels[0]?.start ?? 0;
  for (const m of line.slice(0, headerEnd).matchAll(HEADER_PART)) {
    cuts.add(m.index).add(m.index + m[0].length);
    parts++;
  }
  if (parts < MIN_PARTS) return undefined;
  groupedValues(line, labels, cuts);
  const bodyFrom = labels.length > 0 ? labels[labels.length - 1].end : headerEnd;
  const body = line.slice(bodyFrom);
  let lastNumber = 0;
  let lastLetter = 96;
  const headings: { at: number; labelEnd: number }[] = [];
  for (const m of body.matchAll(HEADING_AT)) {
    const at = bodyFrom + m.index;
    const n = m[1] !== undefined ? Number(m[1]) : undefined;
    const letter = m[2]?.charCodeAt(0);
    const opensOrFollows = n !== undefined ? n === 1 || n === lastNumber + 1 : letter !== undefined ? letter === 97 || letter === lastLetter + 1 : m[0].startsWith('Session');
    if (!opensOrFollows && !AFTER_SENTENCE.test(line.slice(Math.max(0, at - 4), at))) continue;
    if (n !== undefined) lastNumber = n;
    if (letter !== undefined) lastLetter = letter;
    if (n !== undefined && n === 1) lastLetter = 96;
    cuts.add(at);
    headings.push({ at, labelEnd: at + m[0].length });
  }
  for (let i = 0; i < headings.length; i++) {
    const text = titleEnd(line, headings[i].labelEnd, headings[i + 1]?.at ?? line.length);
    if (text !== undefined) cuts.add(text);
  }
  for (const m of body.matchAll(ANNEX_AT)) cuts.add(bodyFrom + m.index).add(bodyFrom + m.index + m[0].length);
  const gaps = new Set<number>();
  subjectEnd(line, labels, cuts, gaps);
  const sorted = [...cuts].filter((c) => c < line.length).sort((a, b) => a - b);
  // A gap is written as its position negated, before the cut it precedes.
  return sorted.flatMap((c) => (gaps.has(c) && c > 0 ? [-c, c] : [c]));
}

/**
 * Where a heading's title ends and the sentence after it begins: before a word sentences start
 * with ("The", "Both"), or before a capitalised word followed by a lower-case one after a
 * lower-case word ("… uses of explosives Cooperation on explosives was …"), not after a word
 * a title goes on after ("with", "of"); undefined when no sentence is found in reach.
 */
function titleEnd(line: string, from: number, to: number): number | undefined {
  const words = /[ \t]+(\S+)/y;
  words.lastIndex = from;
  const seen: { at: number; word: string }[] = [];
  for (let count = 0; count < TITLE_WORDS + 1; count++) {
    const at = words.lastIndex;
    const m = words.exec(line);
    if (!m || words.lastIndex > to) break;
    seen.push({ at, word: m[1] });
    // A sentence's end within reach: the title ended before it, if anywhere.
    if (/[^.][.!?]$/.test(m[1]) && !/\..*\./.test(m[1])) break;
  }
  for (let i = 1; i < seen.length; i++) {
    const previous = seen[i - 1].word;
    const word = seen[i].word;
    if (CONTINUED_AFTER.has(previous.toLowerCase())) continue;
    if (STARTERS.has(word)) return seen[i].at;
    if (/^\p{Lu}\p{Ll}+$/u.test(word) && /[\p{Ll}\p{N})]$/u.test(previous) && /^\p{Ll}/u.test(seen[i + 1]?.word ?? '')) return seen[i].at;
  }
  return undefined;
}

/** The subject ends after the bracket that gives the meeting's place and dates: "(Sofia, 22-23 May 2018)". */
function subjectEnd(line: string, labels: readonly { start: number; end: number }[], cuts: Set<number>, gaps: Set<number>): void {
  const i = labels.findIndex((l) => /^Subject/.test(line.slice(l.start, l.end)));
  if (i < 0) return;
  const limit = Math.min(i + 1 < labels.length ? labels[i + 1].start : line.length, labels[i].end + 400);
  const value = line.slice(labels[i].end, limit);
  const m = new RegExp(String.raw`\([^()]{0,80}\d{4}\)`).exec(value);
  if (!m || i + 1 !== labels.length) return;
  const end = labels[i].end + m.index + m[0].length;
  cuts.add(end);
  // Written as "Summary" alone, the summary's label follows.
  const summary = /^[ \t]+Summary(?=[ \t]\p{Lu})/u.exec(line.slice(end, end + 12));
  if (summary) cuts.add(end + summary[0].length);
  gaps.add(end);
}

/** The sender's, the date's, the recipient's shapes: how values grouped after their labels are told apart. */
const VALUE_SHAPES: Record<string, RegExp> = {
  from: /(?:General Secretariat of the Council|Presidency|(?:the )?Commission(?: services)?|Permanent Representatives Committee(?: \(Part [12]\))?|Coreper(?: \(Part [12]\))?|Council)(?=[ \t])/y,
  of: /(?:the )?(?:[A-Z][\w-]* )*(?:Working Party|Committee|Group|Council)(?: on [a-z ]+)?(?=[ \t])/y,
  on: new RegExp(String.raw`\d{1,2}(?:[ \t]?[-–][ \t]?\d{1,2})? (?:${MONTH})(?: \d{4})?(?=[ \t])`, 'y'),
  to: /(?:Delegations|Permanent Representatives Committee(?: \(Part [12]\))?|Coreper(?: \(Part [12]\))?|Council|(?:[A-Z][\w-]* )+(?:Working Party|Committee|Group))(?=[ \t])/y,
};

/** Labels one after another ("From: On: To:") and then their values: each value cut from the next by its shape. */
function groupedValues(line: string, labels: readonly { start: number; end: number }[], cuts: Set<number>): void {
  for (let i = 0; i < labels.length; i++) {
    let j = i;
    while (j + 1 < labels.length && line.slice(labels[j].end, labels[j + 1].start).trim() === '') j++;
    if (j === i) continue;
    // Labels i..j stand together; their values follow label j.
    let at = labels[j].end;
    cuts.add(at);
    for (let k = i; k < j; k++) {
      while (line.charCodeAt(at) === 32) at++;
      const shape = VALUE_SHAPES[line.slice(labels[k].start, labels[k].end).replace(/[ \t:]/g, '').toLowerCase()];
      if (!shape) break;
      shape.lastIndex = at;
      const m = shape.exec(line);
      if (!m) break;
      at += m[0].length;
      cuts.add(at);
    }
    i = j;
  }
}
