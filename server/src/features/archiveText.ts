import { isArchiveFile } from '../node/documentFiles';
import { archiveFileUri, uriPath } from '../node/fileUris';
import type { FileWorkspace } from '../node/fileWorkspace';
import type { ArchiveText } from '../../../shared/protocol';

/** The text of a Word or PDF file as the server reads it, for the client's read-only view of it. */
export async function archiveText(files: FileWorkspace, uri: string): Promise<ArchiveText> {
  const fileUri = archiveFileUri(uri);
  if (!fileUri.startsWith('file:')) return { reason: 'not a file on disk' };
  let file: string;
  try {
    file = uriPath(fileUri);
  } catch {
    return { reason: 'not a file path' };
  }
  if (!isArchiveFile(file)) return { reason: 'not a Word (.docx) or PDF (.pdf) file' };
  const read = await files.read(file);
  if (!read.ok) return { reason: read.reason };
  return read.warning ? { text: read.text, notes: read.warning } : { text: read.text };
}
