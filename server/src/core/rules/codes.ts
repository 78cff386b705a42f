/** The rule codes of TEMPLATE.md §5: a contract shared by tests, settings and the CLI. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const RULES = {
  'header.issuer-missing': { severity: 'warning', summary: 'no "Council of the European Union" issuer line' },
  'header.date-missing': { severity: 'error', summary: 'no "Brussels, <date>" (or "Luxembourg, <date>") line' },
  'header.date-invalid': { severity: 'error', summary: 'the header date is not a real date written as day month-name year' },
  'header.language-missing': { severity: 'warning', summary: 'no "(OR. xx)" original-language line' },
  'header.language-invalid': { severity: 'error', summary: '"xx" in "(OR. xx)" is not an official EU language code' },
  'header.number-missing': { severity: 'error', summary: 'no document number' },
  'header.number-invalid': { severity: 'error', summary: 'a malformed document number ("13228-11", "13228/2011", REV without index)' },
  'header.number-year': { severity: 'error', summary: "the number's year differs from the date's year (REV/ADD/COR: is after it)" },
  'header.partial-access-date': { severity: 'error', summary: 'the partial-access date is not real, or is before the document date' },
  'header.marking-unknown': { severity: 'warning', summary: 'an unknown distribution marking' },
  'codes.missing': { severity: 'error', summary: 'no subject code block' },
  'codes.unknown': { severity: 'warning', summary: 'a code that is not a Council subject code' },
  'codes.number-invalid': { severity: 'error', summary: 'a subject code without a positive whole number' },
  'codes.duplicate': { severity: 'error', summary: 'a subject code listed twice' },
  'title.missing': { severity: 'error', summary: 'no "OUTCOME OF PROCEEDINGS" line' },
  'addressing.from-missing': { severity: 'error', summary: 'neither "From:" nor "Of:"' },
  'addressing.to-missing': { severity: 'error', summary: '"From:" without "To:"' },
  'addressing.subject-missing': { severity: 'error', summary: 'no "Subject:"' },
  'addressing.prev-doc-invalid': { severity: 'error', summary: 'a "No. prev. doc." value that is not a document number' },
  'subject.meeting-date-missing': { severity: 'warning', summary: 'neither the subject nor an "On:" line gives the meeting date' },
  'subject.meeting-after-document': { severity: 'error', summary: 'the meeting ends after the document date' },
  'body.sections-missing': { severity: 'error', summary: 'no numbered section' },
  'body.section-numbering': { severity: 'error', summary: 'a section number that skips or repeats' },
  'body.item-numbering': { severity: 'error', summary: 'an item number or letter that skips or repeats within its section' },
  'body.section-empty': { severity: 'warning', summary: 'a section with neither items nor text' },
  'text.date-invalid': { severity: 'error', summary: 'a date in the text that does not exist' },
  'text.presidency-rota': { severity: 'warning', summary: 'a Presidency named against the rota (current or incoming)' },
  'redaction.deleted-without-partial-access': { severity: 'warning', summary: '"DELETED" in a document without the partial-access line' },
  'reference.unresolved': { severity: 'information', summary: 'a referenced document number not found in the workspace (workspace mode)' },
  'reference.prev-doc-later': { severity: 'warning', summary: 'a "No. prev. doc." dated after this document (workspace mode)' },
  'workspace.duplicate-number': { severity: 'warning', summary: 'two files carry the same document number (workspace mode)' },
  'document.not-outcome': { severity: 'information', summary: 'the file is not an outcome of proceedings document; it is not checked' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];
