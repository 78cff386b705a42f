import { RequestType } from 'vscode-languageserver';

/** Custom requests of the Outcome Drafting server; client/src/protocol.ts declares the same names. */
export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo {
  kind: 'outcome' | 'other';
  /** The header's document number as written ("13228/1/11 REV 1"). */
  number?: string;
  /** The header date, yyyy-mm-dd. */
  date?: string;
  errors: number;
  warnings: number;
}

/** Answers null for a document the server does not hold. */
export const DocumentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfo | null, void>('outcome/documentInfo');

export const LANGUAGE_ID = 'council-outcome';
export const DIAGNOSTIC_SOURCE = 'outcome';
