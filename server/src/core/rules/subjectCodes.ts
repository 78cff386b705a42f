import { lineRange, type Range } from '../text/range';
import type { RuleGroup } from './context';
import { contentLineRange } from './anchors';

export const subjectCodeRules: RuleGroup = (doc, catalogue, report) => {
  const codes = doc.header.subjectCodes;
  if (codes.length === 0) {
    const anchor = doc.header.marking?.range ?? doc.header.number?.range ?? doc.title?.range ?? contentLineRange(doc);
    report({ code: 'codes.missing', message: 'The header lists no subject code: expected at least one line such as "JAIEX 75" above OUTCOME OF PROCEEDINGS.', range: anchor });
    return;
  }
  const seen = new Map<string, number>();
  // Codes already in the block are no fix: they would then be listed twice.
  const listed = new Set(codes.map((c) => c.code));
  const perLine = new Map<number, number>();
  for (const c of codes) perLine.set(c.lineRange.start.line, (perLine.get(c.lineRange.start.line) ?? 0) + 1);
  for (const entry of codes) {
    if (!catalogue.subjectCode(entry.code) && !report.skip('codes.unknown')) {
      const closest = catalogue.closestSubjectCodes(entry.code, 3 + listed.size).filter((c) => !listed.has(c)).slice(0, 3);
      report({
        code: 'codes.unknown',
        message: `${entry.code} is not a Council subject code${closest.length ? ` — did you mean ${closest[0]}?` : '.'}`,
        range: entry.codeRange,
        fixes: closest.map((c) => ({ title: `Change to ${c} (${catalogue.subjectCode(c)?.description ?? 'subject code'})`, edits: [{ range: entry.codeRange, newText: c }] })),
      });
    }
    if (entry.number === undefined && !report.skip('codes.number-invalid')) {
      report({
        code: 'codes.number-invalid',
        message: entry.numberText
          ? `"${entry.numberText}" after ${entry.code} is not a positive whole number: each code carries its running number, e.g. "${entry.code} 75".`
          : `${entry.code} has no running number: expected the code and its number, e.g. "${entry.code} 75".`,
        range: entry.numberText ? entry.numberRange : entry.codeRange,
      });
    }
    const first = seen.get(entry.code);
    if (first !== undefined) {
      if (report.skip('codes.duplicate')) continue;
      const line = entry.lineRange.start.line;
      const alone = perLine.get(line) === 1;
      report({
        code: 'codes.duplicate',
        message: `${entry.code} is listed twice (first on line ${first + 1}): each subject code appears once.`,
        range: entry.codeRange,
        fixes: [
          alone
            ? { title: `Remove the second ${entry.code} line`, edits: [{ range: wholeLine(doc.lines, line), newText: '' }] }
            : { title: `Remove the second ${entry.code}`, edits: [{ range: codeWithSeparator(doc.lines[line], entry.lineRange), newText: '' }] },
        ],
      });
    } else seen.set(entry.code, entry.lineRange.start.line);
  }
};

/** A line with its line break (the one before it, when it is the last line). */
function wholeLine(lines: readonly string[], line: number): Range {
  if (line + 1 < lines.length) return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  return line > 0 ? { start: { line: line - 1, character: lines[line - 1].length }, end: { line, character: lines[line].length } } : lineRange(line, 0, lines[line].length);
}

/** A code among others on its line, with the separator after it (before it, when it is the last). */
function codeWithSeparator(line: string, r: Range): Range {
  let end = r.end.character;
  while (end < line.length && /[\s,;]/.test(line[end])) end++;
  if (end < line.length) return lineRange(r.start.line, r.start.character, end);
  let start = r.start.character;
  while (start > 0 && /[\s,;]/.test(line[start - 1])) start--;
  return lineRange(r.start.line, start, r.end.character);
}

export const titleRules: RuleGroup = (doc, _catalogue, report) => {
  if (doc.title) return;
  // Below the header's last part, whichever it is (a draft may have no codes yet, or a number being typed).
  const h = doc.header;
  let lastHeaderLine = -1;
  for (const part of [h.issuer, h.dateLine, h.language, h.interinstitutionalFile, h.number, h.malformedNumber, h.partialAccess, h.marking]) lastHeaderLine = Math.max(lastHeaderLine, part?.range.end.line ?? -1);
  for (const c of h.subjectCodes) lastHeaderLine = Math.max(lastHeaderLine, c.lineRange.end.line);
  const firstField = doc.addressing[0]?.range;
  const range = firstField ?? (lastHeaderLine >= 0 ? lineRange(lastHeaderLine, 0, doc.lines[lastHeaderLine].length) : contentLineRange(doc));
  const insertAt = firstField ? firstField.start.line : lastHeaderLine + 1;
  // After the document's last line (its last code, with no line break after it): a line break first.
  const edit =
    insertAt < doc.lines.length
      ? { range: lineRange(insertAt, 0, 0), newText: `OUTCOME OF PROCEEDINGS${doc.eol}${doc.eol}` }
      : { range: lineRange(doc.lines.length - 1, doc.lines[doc.lines.length - 1].length, doc.lines[doc.lines.length - 1].length), newText: `${doc.eol}${doc.eol}OUTCOME OF PROCEEDINGS${doc.eol}` };
  report({
    code: 'title.missing',
    message: 'The document type is missing: expected "OUTCOME OF PROCEEDINGS" on its own line between the subject codes and the From/To/Subject block.',
    range,
    fixes: [{ title: 'Insert "OUTCOME OF PROCEEDINGS"', edits: [edit] }],
  });
};
