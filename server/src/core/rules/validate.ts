import type { OutcomeDocument } from '../document/model';
import { RULES, type RuleCode, type SeveritySetting } from './codes';
import type { RawFinding, Report, RuleCatalogue, RuleGroup } from './context';
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

/** Findings of one rule kept per document; past them, one finding says how many more there are. */
export const MAX_FINDINGS_PER_RULE = 100;

/** Checks one document against the template (TEMPLATE.md §5); cross-document rules live in the workspace. */
export function validate(doc: OutcomeDocument, catalogue: RuleCatalogue, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const counts = new Map<RuleCode, number>();
  const summaries: Finding[] = [];
  const severityOf = (code: RuleCode) => options.severities?.[code] ?? RULES[code].severity;
  const report: Report = Object.assign(
    (f: RawFinding) => {
      const severity = severityOf(f.code);
      if (severity === 'off') return;
      const n = (counts.get(f.code) ?? 0) + 1;
      counts.set(f.code, n);
      if (n <= MAX_FINDINGS_PER_RULE) findings.push({ ...f, severity });
      else if (n === MAX_FINDINGS_PER_RULE + 1) {
        const summary: Finding = { code: f.code, severity, message: '', range: f.range };
        summaries.push(summary);
        findings.push(summary);
      }
    },
    {
      // The finding past the last one kept is built all the same: the summary stands at its range.
      skip: (code: RuleCode) => {
        if (severityOf(code) === 'off') return true;
        const n = counts.get(code) ?? 0;
        if (n <= MAX_FINDINGS_PER_RULE) return false;
        counts.set(code, n + 1);
        return true;
      },
    },
  );
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
  for (const s of summaries) {
    const more = counts.get(s.code)! - MAX_FINDINGS_PER_RULE;
    s.message = `${more.toLocaleString('en')} more ${s.code} findings in this document are not shown (from here on): fix the ones above first.`;
  }
  return findings;
}
