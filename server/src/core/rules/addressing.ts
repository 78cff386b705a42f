import type { AddressingField, AddressingLabel, OutcomeDocument } from '../document/model';
import { compareDates, formatDate } from '../document/dates';
import type { RuleGroup } from './context';
import { contentLineRange, insertLineAfter, insertLineBefore, quoted } from './anchors';
import type { TextReplacement } from './finding';

function field(doc: OutcomeDocument, ...labels: AddressingLabel[]): AddressingField | undefined {
  return doc.addressing.find((f) => labels.includes(f.label));
}

/** Where a missing field goes: after the fields that precede it in the template, else before those that follow. */
function insertField(doc: OutcomeDocument, text: string, before: AddressingLabel[], after: AddressingLabel[]): TextReplacement {
  const previous = [...doc.addressing].reverse().find((f) => before.includes(f.label));
  if (previous) return insertLineAfter(doc, previous.range.end.line, text);
  const next = doc.addressing.find((f) => after.includes(f.label));
  if (next) return insertLineBefore(doc, next.range.start.line, text);
  if (doc.title) return insertLineAfter(doc, doc.title.range.end.line, text);
  return insertLineBefore(doc, contentLineRange(doc).start.line, text);
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
      fixes: [
        field(doc, 'to')
          ? { title: 'Insert "From: General Secretariat of the Council"', edits: [insertField(doc, 'From:\tGeneral Secretariat of the Council', [], ['to', 'prev-doc', 'cion-doc', 'subject', 'summary'])] }
          : {
              title: 'Insert "From: General Secretariat of the Council" and "To: Delegations"',
              edits: [insertField(doc, `From:\tGeneral Secretariat of the Council${doc.eol}To:\tDelegations`, [], ['prev-doc', 'cion-doc', 'subject', 'summary'])],
            },
      ],
    });
  }
  // The older Of:/On: form names the body that met and has no addressee.
  if (from?.label === 'from' && !field(doc, 'to')) {
    report({
      code: 'addressing.to-missing',
      message: 'The addressing block has "From:" but no "To:" line: expected e.g. "To: Delegations".',
      range: from.range,
      fixes: [{ title: 'Insert "To: Delegations"', edits: [insertField(doc, 'To:\tDelegations', ['from', 'of', 'on'], ['prev-doc', 'cion-doc', 'subject', 'summary'])] }],
    });
  }
  const subject = field(doc, 'subject');
  if (!subject) {
    report({
      code: 'addressing.subject-missing',
      message: 'The addressing block has no "Subject:" line: expected the meeting it reports on, e.g. "Subject: Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia, 22-23 May 2018)".',
      range: anchor,
      fixes: [{ title: 'Insert a "Subject:" line', edits: [insertField(doc, 'Subject:\tOutcome of proceedings of the ', ['from', 'of', 'on', 'to', 'prev-doc', 'cion-doc'], ['summary'])] }],
    });
  }
  for (const invalid of doc.invalidPreviousDocuments) {
    report({ code: 'addressing.prev-doc-invalid', message: `"${quoted(invalid.value)}" is not a Council document number: expected e.g. 10084/17 or 7226/3/13 REV 3.`, range: invalid.range });
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
