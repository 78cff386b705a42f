import type { Catalogue } from './catalogue/catalogue';
import type { OutcomeDocument } from './document/model';
import { parse, type ParseOptions } from './document/parse';
import type { Finding } from './rules/finding';
import { validate, type ValidateOptions } from './rules/validate';

export interface LintResult {
  document: OutcomeDocument;
  findings: Finding[];
}

/** Parses and validates one text: the single entry point both the CLI and the server use. */
export function lintText(text: string, catalogue: Catalogue, options: ValidateOptions = {}): LintResult {
  const document = parseWith(text, catalogue);
  return { document, findings: validate(document, catalogue, options) };
}

/** `parse` with the catalogue telling subject codes from other upper-case header words. */
export function parseWith(text: string, catalogue: Catalogue, options: Omit<ParseOptions, 'isKnownCode'> = {}): OutcomeDocument {
  // Written out, not spread: the options then have one shape whatever the caller passed.
  return parse(text, { textMentions: options.textMentions, isKnownCode: (code) => catalogue.subjectCode(code) !== undefined });
}

/** `parseWith` without what only the rules read (dates, Presidencies, DELETED in the text): for the workspace index. */
export function parseForIndex(text: string, catalogue: Catalogue): OutcomeDocument {
  return parseWith(text, catalogue, { textMentions: false });
}
