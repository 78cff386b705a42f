import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * File paths to `file:` URIs and back, as `pathToFileURL` and `fileURLToPath` give them, with a
 * shortcut for the common case: an absolute POSIX path of characters a URI keeps as they are.
 * The workspace index converts every file of the workspace once per start (10,000 files: the
 * URL parser took a fifth of a warm start).
 */
const PLAIN_PATH = /^\/[\w/.-]*$/;
const PLAIN_URI = /^file:\/\/\/[\w/.-]*$/;
const POSIX = path.sep === '/';

export function fileUri(file: string): string {
  return POSIX && PLAIN_PATH.test(file) && !file.includes('/.') && !file.includes('//') ? `file://${file}` : pathToFileURL(file).href;
}

export function uriPath(uri: string): string {
  return POSIX && PLAIN_URI.test(uri) && !uri.includes('/.') && !uri.slice(8).includes('//') ? uri.slice(7) : fileURLToPath(uri);
}

/**
 * The scheme under which the VS Code client shows a Word or PDF file as the text the server read
 * (read-only): `outcome-archive:/path/x.pdf` stands for `file:///path/x.pdf`.
 */
export const ARCHIVE_SCHEME = 'outcome-archive';

/** The `file:` URI an `outcome-archive:` one stands for; any other URI as it is. */
export function archiveFileUri(uri: string): string {
  if (!uri.startsWith(`${ARCHIVE_SCHEME}:`)) return uri;
  const rest = uri.slice(ARCHIVE_SCHEME.length + 1);
  return `file:${rest.startsWith('//') ? rest : `//${rest}`}`;
}
