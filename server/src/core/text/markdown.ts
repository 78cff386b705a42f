/**
 * Text from a document or a catalogue file, to be shown as it is written inside Markdown (hovers,
 * completion documentation): it brings no emphasis, code, link, image, autolink, HTML or
 * command URI of its own. Backslash escapes (CommonMark: any ASCII punctuation may be escaped)
 * for the characters that open such constructs; the dot of "www." against bare-URL autolinks;
 * line breaks become spaces (a value never starts a heading or a list).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#!|~&:@]/g, '\\$&')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\r\n?|\n/g, ' ');
}

/** A Markdown link to a place of ours, its text shown as written: the target cannot close the link early. */
export function markdownLink(text: string, target: string): string {
  const safe = target.replace(/[\s()<>\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(text)}](${safe})`;
}
