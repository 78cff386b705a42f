import { fileURLToPath } from 'node:url';
import { LANGUAGE_ID } from './protocol';

/**
 * Which open documents are outcome documents: the `council-outcome` language, or a path
 * matching one of the `outcomeDrafting.files.include` globs (for clients that open such
 * files as Markdown or plain text).
 */
export class DocumentSelection {
  private patterns: RegExp[] = [];

  constructor(private roots: string[] = []) {}

  setInclude(globs: string[]): void {
    this.patterns = globs.map(globToRegExp);
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
  }

  isOutcome(uri: string, languageId: string): boolean {
    if (languageId === LANGUAGE_ID) return true;
    const file = pathOf(uri);
    if (!file) return false;
    // A glob without a leading **/ is relative to a workspace folder.
    const candidates = [file, ...this.roots.filter((r) => file.startsWith(`${r}/`)).map((r) => file.slice(r.length + 1))];
    return this.patterns.some((p) => candidates.some((c) => p.test(c)));
  }
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri).replace(/\\/g, '/') : decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

/** VS Code glob syntax: `**`, `*`, `?`, `{a,b}`, `[abc]`; matched on `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      re += ')';
      braces--;
    }
    else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
