import type { OutcomeDocument } from '../document/model';
import { RULES, type RuleCode, type SeveritySetting } from './codes';
import type { RawFinding, RuleCatalogue, RuleGroup } from './context';
import type { Finding } from './finding';
import { headerRules } from './header';
import { subjectCodeRules, titleRules } from './subjectCodes';
import { addressingRules } from './addressing';
import { bodyRules } from './body';
import { textRules } from './text';
import { contentLineRange } from './anchors';
import { DOCUMENT_TYPE_NAMES } from '../document/documentType';

export interface ValidateOptions {
  /** Per-rule severity; 'off' silences a rule. Missing codes keep their default. */
  severities?: Partial<Record<RuleCode, SeveritySetting>>;
}

const GROUPS: RuleGroup[] = [headerRules, subjectCodeRules, titleRules, addressingRules, bodyRules, textRules];

/** Checks one document against the template (TEMPLATE.md §5); cross-document rules live in the workspace. */
export function validate(doc: OutcomeDocument, catalogue: RuleCatalogue, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const report = (f: RawFinding) => {
    const severity = options.severities?.[f.code] ?? RULES[f.code].severity;
    if (severity !== 'off') findings.push({ ...f, severity });
  };
  if (doc.kind === 'other') {
    const title = doc.otherDocumentType;
    const named = doc.documentType === 'other' ? '' : `, ${DOCUMENT_TYPE_NAMES[doc.documentType]}`;
    report({
      code: 'document.not-outcome',
      message: title
        ? `This is a document of another type ("${title.value}"${named}), not an outcome of proceedings, so the template is not checked.`
        : doc.documentType !== 'other'
          ? `This is ${DOCUMENT_TYPE_NAMES[doc.documentType]}, not an outcome of proceedings, so the template is not checked.`
          : 'This is not an outcome of proceedings: it has no "OUTCOME OF PROCEEDINGS" title and no Council header, so the template is not checked.',
      range: title?.range ?? doc.header.number?.range ?? contentLineRange(doc),
    });
    return findings;
  }
  for (const group of GROUPS) group(doc, catalogue, report);
  return findings;
}
