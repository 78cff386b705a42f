import type { Analysis } from './analysis';
import type { DocumentInfo } from '../../../shared/protocol';

/** What the client's status bar shows for a document. */
export function documentInfo(analysis: Analysis): DocumentInfo {
  const doc = analysis.lint?.document;
  const count = (severity: string) => analysis.findings.filter((f) => f.severity === severity).length;
  const info: DocumentInfo = { kind: doc?.kind ?? 'other', errors: count('error'), warnings: count('warning') };
  if (doc?.header.number) info.number = doc.header.number.text;
  if (doc?.header.date) info.date = doc.header.date.value.iso;
  return info;
}
