import type { CalendarDate, OutcomeDocument } from '../document/model';
import { compareDates, formatDate, MONTHS, daysInMonth, parseLooseDate } from '../document/dates';
import { lineRange, type Range } from '../text/range';
import type { Fix, TextReplacement } from './finding';
import type { Report, RuleGroup } from './context';
import { contentLineRange, insertLineAfter, quoted } from './anchors';
import { twoDigitYear } from '../document/numbers';

export function dateProblem(d: CalendarDate): string {
  if (d.month < 1 || d.month > 12) return `month ${d.month} does not exist`;
  return `${MONTHS[d.month - 1]} ${d.year} has ${daysInMonth(d.year, d.month)} days`;
}

/**
 * The date written in the Council's form; when the number's year would then be wrong (it was
 * not checked against a date that could not be read), its year is made the date's in the same fix.
 */
function dateFix(doc: OutcomeDocument, range: Range, date: CalendarDate): Fix {
  const edits: TextReplacement[] = [{ range, newText: formatDate(date) }];
  const n = doc.header.number;
  const year = n && !numberFits(n, date.year) ? numberYearEdit(doc, date.year) : undefined;
  if (year) edits.push(year);
  return { title: year ? `Write "${formatDate(date)}" and the number's year ${year.newText}` : `Write "${formatDate(date)}"`, edits };
}

export const headerRules: RuleGroup = (doc, catalogue, report) => {
  const h = doc.header;
  const top = contentLineRange(doc);
  if (!h.issuer) {
    report({ code: 'header.issuer-missing', message: 'The header has no issuer line: expected "Council of the European Union" above the date.', range: top });
  }
  if (!h.dateLine) {
    report({ code: 'header.date-missing', message: 'The header has no place and date: expected a line such as "Brussels, 29 July 2011".', range: top });
  } else if (h.malformedDate) {
    const meant = parseLooseDate(h.malformedDate.value);
    report({
      code: 'header.date-invalid',
      message: meant
        ? `"${quoted(h.malformedDate.value)}" is not a date in the Council's form: write "${formatDate(meant)}" (day, month name and year; no ordinals, no figures for the month).`
        : `"${quoted(h.malformedDate.value)}" is not a date in the Council's form: write day, month name and year, e.g. "29 July 2011" (no ordinals, no figures for the month).`,
      range: h.malformedDate.range,
      fixes: meant ? [dateFix(doc, h.malformedDate.range, meant)] : undefined,
    });
  } else if (!h.date) {
    report({ code: 'header.date-invalid', message: `"${quoted(h.dateLine.value)}" gives no date: expected "${h.place?.value ?? 'Brussels'}, <day> <month> <year>".`, range: h.dateLine.range });
  } else if (!h.date.value.valid) {
    report({ code: 'header.date-invalid', message: `The document date ${h.date.text} does not exist: ${dateProblem(h.date.value)}.`, range: h.date.range });
  }
  if (!h.language) {
    const after = h.dateLine?.range.end.line;
    report({
      code: 'header.language-missing',
      message: 'The header has no original-language line: expected "(OR. en)" below the date.',
      range: h.dateLine?.range ?? top,
      fixes: after !== undefined ? [{ title: 'Add "(OR. en)" below the date', edits: [insertLineAfter(doc, after, '(OR. en)')] }] : undefined,
    });
  } else if (!catalogue.language(h.language.value.toLowerCase())) {
    report({
      code: 'header.language-invalid',
      message: `"${quoted(h.language.value)}" is not an official EU language code: expected one of bg, es, cs, da, de, et, el, en, fr, ga, hr, it, lv, lt, hu, mt, nl, pl, pt, ro, sk, sl, fi, sv.`,
      range: h.language.range,
    });
  }
  checkNumber(doc, report, top);
  if (h.partialAccess?.date) {
    const pa = h.partialAccess.date;
    if (!pa.value.valid) {
      report({ code: 'header.partial-access-date', message: `The partial-access date ${pa.text} is not a real date: expected dd.mm.yyyy, e.g. 28.09.2011.`, range: pa.range });
    } else if (h.date?.value.valid && compareDates(pa.value, h.date.value) < 0) {
      report({
        code: 'header.partial-access-date',
        message: `The document was made partially accessible on ${formatDate(pa.value)}, before the document itself is dated (${formatDate(h.date.value)}).`,
        range: pa.range,
      });
    }
  }
  if (h.marking && !catalogue.marking(h.marking.value)) {
    report({
      code: 'header.marking-unknown',
      message: `"${quoted(h.marking.value)}" is not a distribution marking: expected ${catalogue.markings.map((m) => m.marking).join(', ')}, or none for a public document.`,
      range: h.marking.range,
    });
  }
};

function checkNumber(doc: OutcomeDocument, report: Report, top: ReturnType<typeof contentLineRange>): void {
  const h = doc.header;
  if (h.malformedNumber) {
    report({
      code: 'header.number-invalid',
      message: `"${quoted(h.malformedNumber.value)}" is not a Council document number: expected serial/yy, e.g. 13228/11, or 13228/1/11 REV 1 (REV, ADD and COR need their index).`,
      range: h.malformedNumber.range,
    });
    return;
  }
  if (!h.number) {
    report({ code: 'header.number-missing', message: 'The header has no document number: expected a line such as "13228/11" below the language.', range: h.language?.range ?? h.dateLine?.range ?? top });
    return;
  }
  const date = h.date?.value;
  if (!date?.valid) return;
  const n = h.number;
  const revised = n.suffixes.length > 0;
  if (numberFits(n, date.year)) return;
  const yy = String(n.year % 100).padStart(2, '0');
  const fix = numberYearEdit(doc, date.year);
  const range = fix?.range ?? n.range;
  const expected = String(date.year % 100).padStart(2, '0');
  report({
    code: 'header.number-year',
    message: revised
      ? `Document number ${n.text} ends in ${yy}, a year after the document date (${formatDate(date)}): a revision is never numbered in a later year than it is issued.`
      : twoDigitYear(date.year % 100) === date.year
        ? `Document number ${n.text} ends in ${yy}, but the document is dated ${formatDate(date)}: expected /${expected}.`
        : `Document number ${n.text} ends in ${yy}, but the document is dated ${formatDate(date)}, a year no document number can carry (its two digits name 1950 to 2049).`,
    range,
    fixes: fix ? [{ title: `Change the number's year to ${expected}`, edits: [fix] }] : undefined,
  });
}

/** The number's two year digits (on its first line) made those of `year`; undefined when they cannot be found. */
function numberYearEdit(doc: OutcomeDocument, year: number): TextReplacement | undefined {
  const n = doc.header.number;
  // Two digits name a year from 1950 to 2049 only: a date outside them has no number's year to take.
  if (!n || twoDigitYear(year % 100) !== year) return undefined;
  const line = n.range.start.line;
  const m = /\/\d{2}(?![\d/])/.exec(doc.lines[line].slice(n.range.start.character, n.range.start.line === n.range.end.line ? n.range.end.character : undefined));
  if (!m) return undefined;
  const col = n.range.start.character + m.index + 1;
  return { range: lineRange(line, col, col + 2), newText: String(year % 100).padStart(2, '0') };
}

/** Whether the number's year fits a document dated in `year` (a REV, ADD or COR may be of a later year than its number). */
function numberFits(n: { year: number; suffixes: unknown[] }, year: number): boolean {
  return n.suffixes.length > 0 ? n.year <= year : n.year === year;
}
