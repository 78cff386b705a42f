import type { Range } from '../text/range';
import type { DocumentType } from './documentType';

/** A calendar date as written in the document; `valid` is false for "31 June 2017". */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
  valid: boolean;
  /** ISO form, yyyy-mm-dd (also for invalid dates, for messages). */
  iso: string;
}

/** Text with where it stands, markup already removed from `text`. */
export interface Located<T = string> {
  value: T;
  range: Range;
}

export type NumberSuffixKind = 'REV' | 'ADD' | 'COR';

/** A Council document number: 13228/11, 13228/1/11 REV 1, 13228/11 ADD 1 REV 2. */
export interface DocumentNumber {
  /** As written, normalised spacing: "13228/1/11 REV 1". */
  text: string;
  /** Serial and two-digit year: "13228/11", the key that identifies the document family. */
  base: string;
  serial: number;
  year: number; // four digits
  suffixes: { kind: NumberSuffixKind; index: number }[];
  range: Range;
  /** A header number in another series than the standard one: "WK 10837/2020 INIT", "CM 1405/08", "COM(2016) 272 final". */
  series?: 'ST' | 'CM' | 'WK' | 'SN' | 'COM';
}

export interface DocumentNumberRef extends DocumentNumber {
  /** Other series (CM, WK, SN, ST) are references but not links to outcome files. */
  series: 'ST' | 'CM' | 'WK' | 'SN';
}

export interface SubjectCodeEntry {
  code: string;
  codeRange: Range;
  /** Undefined when the number is missing or not a positive whole number. */
  number?: number;
  numberText: string;
  numberRange: Range;
  /** The code's line; for codes written several to a line, the code and its number alone. */
  lineRange: Range;
}

export type AddressingLabel = 'from' | 'of' | 'on' | 'to' | 'prev-doc' | 'cion-doc' | 'subject' | 'summary';

export interface AddressingField {
  label: AddressingLabel;
  /** The label as written, e.g. "No. prev. doc.". */
  labelText: string;
  labelRange: Range;
  value: string;
  valueRange: Range;
  /** Whole field, over every line it wraps onto. */
  range: Range;
}

export type MeetingLevel = 'Ministerial' | 'Senior Officials' | 'Working Party' | 'Other';

export interface Meeting {
  /** "EU-US JHA" for the EU-US Justice and Home Affairs series, else the body named. */
  series?: string;
  level?: MeetingLevel;
  informal: boolean;
  place?: string;
  start?: CalendarDate;
  end?: CalendarDate;
  range: Range;
}

export interface Heading {
  /** "1", "a", "II", as written. */
  label: string;
  /** 1-based ordinal: "a" -> 1, "3" -> 3, "II" -> 2. */
  ordinal: number;
  /** `roman`: the parts of a document ("I. Home Affairs"), whose numbered headings are items. */
  style: 'session' | 'roman' | 'number' | 'letter';
  title: string;
  /** The whole heading line (without markup). */
  text: string;
  range: Range;
  labelRange: Range;
}

export interface Paragraph {
  text: string;
  range: Range;
}

export interface Item {
  heading: Heading;
  paragraphs: Paragraph[];
  /** From the heading to the last line before the next item or section. */
  range: Range;
}

export interface Section {
  heading: Heading;
  items: Item[];
  /** Paragraphs directly under the section, before its first item. */
  paragraphs: Paragraph[];
  range: Range;
}

export interface PresidencyMention {
  /** The adjective or country as written: "Polish", "Netherlands". */
  name: string;
  incoming: boolean;
  /** "the outgoing/previous X Presidency": the semester before. */
  outgoing: boolean;
  range: Range;
}

export interface OutcomeHeader {
  issuer?: Located;
  place?: Located;
  date?: Located<CalendarDate> & { text: string };
  /** The whole "Brussels, 29 July 2011" line, present also when the date is malformed. */
  dateLine?: Located;
  /** The date part of that line when it is not "day month-name year" ("29th July 2011", "29.7.2011"). */
  malformedDate?: Located;
  language?: Located;
  interinstitutionalFile?: Located;
  number?: DocumentNumber;
  /** A number-like token that is not a valid document number ("13228-11"). */
  malformedNumber?: Located;
  partialAccess?: Located & { date?: Located<CalendarDate> & { text: string } };
  marking?: Located;
  subjectCodes: SubjectCodeEntry[];
  range: Range;
}

export type DocumentKind = 'outcome' | 'other';

export interface OutcomeDocument {
  kind: DocumentKind;
  lineCount: number;
  /** The document's own line break, used by fixes that insert lines. */
  eol: '\n' | '\r\n';
  header: OutcomeHeader;
  title?: Located;
  /** Another Council document type where the title would stand ("NOTE", "I/A ITEM NOTE"), as written: then the kind is 'other'. */
  otherDocumentType?: Located;
  /** The type the title or the number's series names; 'outcome' exactly when the kind is. */
  documentType: DocumentType;
  addressing: AddressingField[];
  /** Numbers in "No. prev. doc.". */
  previousDocuments: DocumentNumber[];
  /** "No. prev. doc." values that are not document numbers. */
  invalidPreviousDocuments: Located[];
  meeting?: Meeting;
  summary?: Paragraph;
  /** Paragraphs between the addressing block and the first section. */
  preamble: Paragraph[];
  sections: Section[];
  annex?: Located;
  /** Page footer lines (layout kept by PDF conversion). */
  footers: Range[];
  /** Marks the copy carries that are not the document (a reception stamp, a classification marker, a footer run into the text): blanked in `lines`. */
  stamps: Range[];
  dates: (Located<CalendarDate> & { text: string })[];
  references: DocumentNumberRef[];
  presidencies: PresidencyMention[];
  deleted: Range[];
  /** Source lines with markup blanked to spaces: same line and column numbering as the source. */
  lines: string[];
  /** The same lines joined by "\n", for scanners that read the whole text in one pass. */
  cleanText: string;
  /** Offset in `cleanText` where each line starts. */
  lineStarts: number[];
}
