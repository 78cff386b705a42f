import type { Catalogue } from '../core/catalogue/catalogue';
import { isCouncilDocument } from '../core/document/documentType';
import { parseForIndex } from '../core/lint';
import type { ReadOptions } from '../readers/archive';

/**
 * How the index reads Word and PDF files (`readDocument`'s options): whole only when the first
 * page is a Council document's (an outcome, or another with its number); any other file is read
 * no further, and kept as none by its size and time.
 */
export function councilDocumentsOnly(catalogue: Catalogue): ReadOptions {
  return { wanted: (firstPage) => isCouncilDocument(parseForIndex(firstPage, catalogue)) };
}
