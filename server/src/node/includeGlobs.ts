import picomatch from 'picomatch';

/**
 * The `outcomeDrafting.files.include` globs (VS Code's syntax: `**`, `*`, `?`, `{a,b}`, `[abc]`),
 * matched on `/`-separated paths with a bounded cost, whatever the setting holds.
 *
 * A glob compiled whole into one regular expression backtracks polynomially in the path's depth
 * for each `**` it holds (`**` + `/a` four times against a deep path: seconds). So the glob is cut
 * at its slashes; picomatch compiles each segment, tested on one path segment; the `**` segments
 * are matched by a table over (glob segment, path segment), linear in both. Within a segment the
 * wildcards are bounded (`MAX_STARS_PER_SEGMENT`), and a file name is at most 255 bytes.
 */
export type PathMatcher = (path: string) => boolean;

/** `outcomeDrafting.files.include` by default: outcome documents by name, Word and PDF files whatever their name (their first page tells what they are). */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.outcome.md', '**/*.outcome.txt', '**/*.docx', '**/*.pdf'];

const MAX_GLOB_LENGTH = 256;
const MAX_STARS_PER_SEGMENT = 3;
const GLOBSTAR = Symbol('**');
type Segment = typeof GLOBSTAR | RegExp;
/** `a//b`, or the empty segment before an absolute path's first slash. */
const EMPTY = /^$/;

/** Why a glob cannot be used, in a few words; undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** One glob as a matcher; throws an Error saying what is wrong with it. */
export function compileGlob(glob: string): PathMatcher {
  if (glob.trim() === '') throw new Error('an empty pattern');
  if (glob.length > MAX_GLOB_LENGTH) throw new Error(`longer than ${MAX_GLOB_LENGTH} characters`);
  const parts = picomatch.scan(glob, { parts: true }).parts ?? [glob];
  const segments: Segment[] = [];
  for (const part of parts) {
    if (part === '**') {
      // `**/**` means `**`.
      if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
      continue;
    }
    if (part.includes('/')) throw new Error(`"${part}": a brace or bracket holding "/" is not supported`);
    if (part.includes('**')) throw new Error(`"${part}": "**" must be a whole path segment`);
    if ((part.match(/\*/g)?.length ?? 0) > MAX_STARS_PER_SEGMENT) throw new Error(`"${part}": more than ${MAX_STARS_PER_SEGMENT} "*" in one path segment`);
    // strictBrackets: an unclosed `{` or `[` is an error, not a literal; debug: a regular
    // expression that does not compile (`[z-a]`) throws instead of matching nothing.
    segments.push(part === '' ? EMPTY : picomatch.makeRe(part, { dot: true, strictBrackets: true, debug: true }));
  }
  return (path) => matchSegments(segments, path.split('/'));
}

/** Whether the path segments match the glob segments: a table of reachable pairs, one row per glob segment. */
function matchSegments(glob: readonly Segment[], path: readonly string[]): boolean {
  // reach[p]: glob[0..g) matches path[0..p).
  let reach = new Uint8Array(path.length + 1);
  reach[0] = 1;
  for (const segment of glob) {
    const next = new Uint8Array(path.length + 1);
    if (segment === GLOBSTAR) {
      // Any number of segments, none included.
      let any = 0;
      for (let p = 0; p <= path.length; p++) next[p] = any ||= reach[p];
    } else {
      for (let p = 0; p < path.length; p++) if (reach[p] && segment.test(path[p])) next[p + 1] = 1;
    }
    reach = next;
  }
  return reach[path.length] === 1;
}

/** The include globs as one matcher, and one line per glob that cannot be used. */
export function compileInclude(globs: readonly string[]): { matches: PathMatcher; problems: string[] } {
  const matchers: PathMatcher[] = [];
  const problems: string[] = [];
  for (const glob of globs) {
    try {
      matchers.push(compileGlob(glob));
    } catch (e) {
      problems.push(`${JSON.stringify(glob.length > 60 ? `${glob.slice(0, 57)}...` : glob)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { matches: (path) => matchers.some((m) => m(path)), problems };
}
