/**
 * The page layout of an outcome document as the Council prints it: what the Word export and the
 * preview both render, so that what the drafter previews is what the register gets. Built from an
 * `OutcomeDocument` (and its source lines, for emphasis), never from a rendering.
 */

/** A stretch of text with its emphasis, markup already removed. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface SubjectCodeCell {
  code: string;
  /** As written when it is not a positive whole number. */
  number: string;
}

export interface HeaderLayout {
  /** The issuer in its two printed lines: "Council of the", "European Union". */
  issuer: string[];
  /** "Brussels, 29 June 2017". */
  placeAndDate?: string;
  /** "(OR. en)". */
  language?: string;
  /** "13228/1/11 REV 1", right-aligned under the columns. */
  number?: string;
  interinstitutionalFile?: string;
  /** "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (28.09.2011)". */
  partialAccess?: string;
  marking?: string;
  codes: SubjectCodeCell[];
}

export interface AddressingRow {
  /** As the Council prints it: "From:", "No. prev. doc.:". */
  label: string;
  value: Run[];
}

/**
 * How a heading is numbered. `auto`: by the word processor (Word's numbering definition, the
 * preview's counters), when the draft numbers its sections (or a section's items) 1, 2, 3… or
 * a), b), c)… in one form; `text`: the label kept as written ("Session 2:", a number that skips).
 */
export type Numbering =
  | { kind: 'auto'; format: 'decimal' | 'lowerLetter' | 'upperRoman'; before: '' | '('; after: '.' | ')'; ordinal: number }
  | { kind: 'text'; label: string };

interface BlockBase {
  /** First and last source line (0-based) the block was made from. */
  line: number;
  endLine: number;
  /** What the block is made from (its source text and columns, its numbering): equal keys, equal blocks. Empty when laid out without a `LayoutMemo`. */
  key: string;
}

export type LayoutBlock = BlockBase &
  (
    | { kind: 'header'; header: HeaderLayout }
    | { kind: 'title'; text: string }
    | { kind: 'addressing'; rows: AddressingRow[] }
    | { kind: 'summary'; runs: Run[] }
    | { kind: 'heading'; level: 'section' | 'item'; numbering: Numbering; title: Run[] }
    | { kind: 'paragraph'; runs: Run[] }
    | { kind: 'annex'; title: Run[] }
  );

export type LayoutBlockKind = LayoutBlock['kind'];

/** The page footer's parts that come from the document; initials and directorate come from the drafter's settings. */
export interface FooterParts {
  number?: string;
  marking?: string;
  /** Upper case: "EN". */
  language: string;
}

export interface PageLayout {
  blocks: LayoutBlock[];
  footer: FooterParts;
  /** A classified marking (RESTREINT UE/EU RESTRICTED and above), repeated at the top of every page. */
  classifiedMarking?: string;
  /** Document properties: title = the subject. */
  properties: { title: string; number?: string };
}
