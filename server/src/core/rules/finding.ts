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
  edits: TextReplacement[];
}

/** What a rule found: the domain form of a diagnostic. */
export interface Finding {
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}
