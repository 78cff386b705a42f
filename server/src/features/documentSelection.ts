import { fileURLToPath } from 'node:url';
import { compileInclude, type PathMatcher } from '../node/includeGlobs';
import { LANGUAGE_ID } from '../../../shared/protocol';

/**
 * Which open documents are outcome documents: the `council-outcome` language, or a path
 * matching one of the `outcomeDrafting.files.include` globs (for clients that open such
 * files as Markdown or plain text).
 */
export class DocumentSelection {
  private matches: PathMatcher = () => false;

  constructor(private roots: string[] = []) {}

  setInclude(globs: string[]): void {
    // Settings validation has dropped bad globs already; any left would match nothing.
    this.matches = compileInclude(globs).matches;
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
    return candidates.some(this.matches);
  }
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri).replace(/\\/g, '/') : decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}
