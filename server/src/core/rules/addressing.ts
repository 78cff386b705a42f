import type { AddressingField, AddressingLabel, OutcomeDocument } from '../document/model';
import { compareDates, formatDate } from '../document/dates';
import type { RuleGroup } from './context';
import { contentLineRange, insertLineAfter, insertLineBefore, quoted } from './anchors';
import type { Fix, TextReplacement } from './finding';
import { isAddressingLabel } from '../document/addressing';

function field(doc: OutcomeDocument, ...labels: AddressingLabel[]): AddressingField | undefined {
  return doc.addressing.find((f) => labels.includes(f.label));
}

/**
 * Where a missing field goes: after the fields that precede it in the template, else before
 * those that follow, else below the title. A line of text right below it would be read as the
 * rest of its value (and the fields further down as the block's), so a blank line keeps them
 * apart. Without a title or any field there is no place for it (the title's fix comes first).
 */
function insertField(doc: OutcomeDocument, text: string, before: AddressingLabel[], after: AddressingLabel[]): TextReplacement | undefined {
  const previous = [...doc.addressing].reverse().find((f) => before.includes(f.label));
  const next = previous ? undefined : doc.addressing.find((f) => after.includes(f.label));
  if (next) return insertLineBefore(doc, next.range.start.line, text);
  const line = previous?.range.end.line ?? doc.title?.range.end.line;
  if (line === undefined) return undefined;
  const below = line + 1 < doc.lines.length ? doc.lines[line + 1].trim() : '';
  return insertLineAfter(doc, line, below === '' || isAddressingLabel(below) ? text : text + doc.eol);
}

function insertion(title: string, edit: TextReplacement | undefined): Fix[] | undefined {
  return edit ? [{ title, edits: [edit] }] : undefined;
}

export const addressingRules: RuleGroup = (doc, _catalogue, report) => {
  const anchor = doc.addressing[0]?.range ?? doc.title?.range ?? contentLineRange(doc);
  const from = field(doc, 'from', 'of');
  if (!from) {
    report({
      code: 'addressing.from-missing',
      message: 'The addressing block has no "From:" (or "Of:") line: expected e.g. "From: General Secretariat of the Council".',
      range: anchor,
      // Without a "To:" line either, the two are inserted together: "From:" alone would be reported as lacking it.
      fixes: field(doc, 'to')
        ? insertion('Insert "From: General Secretariat of the Council"', insertField(doc, 'From:\tGeneral Secretariat of the Council', [], ['to', 'prev-doc', 'cion-doc', 'subject', 'summary']))
        : insertion(
            'Insert "From: General Secretariat of the Council" and "To: Delegations"',
            insertField(doc, `From:\tGeneral Secretariat of the Council${doc.eol}To:\tDelegations`, [], ['prev-doc', 'cion-doc', 'subject', 'summary']),
          ),
    });
  }
  // The older Of:/On: form names the body that met and has no addressee.
  if (from?.label === 'from' && !field(doc, 'to')) {
    report({
      code: 'addressing.to-missing',
      message: 'The addressing block has "From:" but no "To:" line: expected e.g. "To: Delegations".',
      range: from.range,
      fixes: insertion('Insert "To: Delegations"', insertField(doc, 'To:\tDelegations', ['from', 'of', 'on'], ['prev-doc', 'cion-doc', 'subject', 'summary'])),
    });
  }
  const subject = field(doc, 'subject');
  if (!subject) {
    report({
      code: 'addressing.subject-missing',
      message: 'The addressing block has no "Subject:" line: expected the meeting it reports on, e.g. "Subject: Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia, 22-23 May 2018)".',
      range: anchor,
      fixes: insertion('Insert a "Subject:" line', insertField(doc, 'Subject:\tOutcome of proceedings of the ', ['from', 'of', 'on', 'to', 'prev-doc', 'cion-doc'], ['summary'])),
    });
  }
  for (const invalid of doc.invalidPreviousDocuments) {
    if (!report.skip('addressing.prev-doc-invalid')) report({ code: 'addressing.prev-doc-invalid', message: `"${quoted(invalid.value)}" is not a Council document number: expected e.g. 10084/17 or 7226/3/13 REV 3.`, range: invalid.range });
  }
  const meeting = doc.meeting;
  if (subject && !meeting?.start) {
    report({
      code: 'subject.meeting-date-missing',
      message: 'The subject does not give the meeting date, and there is no "On:" line: expected e.g. "(Sofia, 22-23 May 2018)" at the end of the subject.',
      range: subject.valueRange.start.character === subject.valueRange.end.character ? subject.range : subject.valueRange,
    });
  }
  const date = doc.header.date?.value;
  if (meeting?.end?.valid && date?.valid && compareDates(meeting.end, date) > 0) {
    report({
      code: 'subject.meeting-after-document',
      message: `The meeting ends on ${formatDate(meeting.end)}, after the document date (${formatDate(date)}): an outcome is issued after the meeting.`,
      range: meeting.range,
    });
  }
};
