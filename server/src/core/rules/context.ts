import type { OutcomeDocument } from '../document/model';
import type { Range } from '../text/range';
import type { RuleCode } from './codes';
import type { Fix } from './finding';

/** What the rules need of the catalogue; the Catalogue class provides it. */
export interface RotaPresidency {
  year: number;
  half: number;
  country: string;
  adjectives: string[];
  start: string;
  end: string;
}

export interface RuleCatalogue {
  subjectCode(code: string): { code: string; description: string } | undefined;
  closestSubjectCodes(code: string, max?: number): string[];
  language(code: string): unknown;
  marking(text: string): unknown;
  readonly markings: readonly { marking: string }[];
  presidencyOn(isoDate: string): RotaPresidency | undefined;
  presidencyAfter(p: RotaPresidency): RotaPresidency | undefined;
  presidencyByName(word: string): RotaPresidency[];
  readonly presidencies: readonly RotaPresidency[];
}

/** A rule's report before severities are applied. */
export interface RawFinding {
  code: RuleCode;
  message: string;
  range: Range;
  fixes?: Fix[];
}

/** Takes a rule's findings. */
export interface Report {
  (f: RawFinding): void;
  /**
   * For a rule that may find many of one kind (a numbering, dates in the text): true when a
   * finding of `code` would not be kept (the rule is off, or past its bound), and then the
   * finding is counted as reported, so the rule need not build its message and fixes.
   */
  skip(code: RuleCode): boolean;
}

export type RuleGroup = (doc: OutcomeDocument, catalogue: RuleCatalogue, report: Report) => void;
