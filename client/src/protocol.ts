import { RequestType } from 'vscode-languageclient/node';

/** Custom requests the client sends; the server declares the same names. */
export interface DocumentInfoParams {
  uri: string;
}
export interface DocumentInfo {
  number?: string;
  kind: 'outcome' | 'other';
}
export const DocumentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfo | null, void>('outcome/documentInfo');

export const LANGUAGE_ID = 'council-outcome';
/** The `source` of the server's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'outcome';
