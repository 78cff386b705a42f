import type { Range } from '../text/range';
import type { RuleCode, Severity } from './codes';

/** A text edit in domain terms; the LSP edge turns it into a WorkspaceEdit. */
export interface TextReplacement {
  range: Range;
  newText: string;
}

/** A repair the drafter can choose to apply (offered as a quick fix, never applied silently). */
export interface Fix {
  title: string;
  /** The edits of a fix that changes a few words. */
  edits?: TextReplacement[];
  /**
   * The edits of a fix that may change much of the document (renumbering every later heading),
   * computed only when the fix is chosen: a finding then stays small however many there are.
   */
  resolveEdits?: () => TextReplacement[];
}

export function fixEdits(fix: Fix): TextReplacement[] {
  return fix.edits ?? fix.resolveEdits?.() ?? [];
}

/** What a rule found: the domain form of a diagnostic. */
export interface Finding {
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}
