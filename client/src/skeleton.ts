import * as fs from 'fs';
import * as path from 'path';

/**
 * The outcome skeleton comes from the `skeleton` entry of snippets/outcome.code-snippets, the
 * same text the snippet prefix offers, so the command and the snippet cannot drift apart.
 */
export const SNIPPETS_FILE = path.join('snippets', 'outcome.code-snippets');

interface SnippetEntry {
  prefix?: string | string[];
  body?: string | string[];
  description?: string;
}

/** Reads the snippet body; throws an Error with a readable message when it cannot. */
export function readSkeletonSnippet(extensionPath: string): string {
  const file = path.join(extensionPath, SNIPPETS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the snippet file ${SNIPPETS_FILE} is missing from the extension`);
  }
  const snippets = JSON.parse(stripJsonComments(text)) as Record<string, SnippetEntry>;
  const entry = findSkeleton(snippets);
  if (!entry || entry.body === undefined) {
    throw new Error(`no "skeleton" snippet in ${SNIPPETS_FILE}`);
  }
  return Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
}

function findSkeleton(snippets: Record<string, SnippetEntry>): SnippetEntry | undefined {
  const entries = Object.entries(snippets);
  const prefixes = (e: SnippetEntry) => (Array.isArray(e.prefix) ? e.prefix : e.prefix ? [e.prefix] : []);
  return (
    entries.find(([, e]) => prefixes(e).some((p) => p.toLowerCase() === 'skeleton'))?.[1] ??
    entries.find(([name]) => name.toLowerCase() === 'skeleton')?.[1] ??
    entries.find(([name, e]) => /skeleton/i.test(name) || prefixes(e).some((p) => /skeleton/i.test(p)))?.[1]
  );
}

/** Snippet files are JSON with comments and trailing commas; remove both outside strings. */
export function stripJsonComments(text: string): string {
  return scan(scan(text, true), false);
}

/** One pass over JSON text, copying strings as they are: drops comments, or else trailing commas. */
function scan(text: string, dropComments: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (dropComments && c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (dropComments && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (!dropComments && c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
