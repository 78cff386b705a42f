import * as fs from 'node:fs';
import * as path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { catalogueDataLoading, loadBuiltInCatalogue, type CatalogueProblem } from '../core/catalogue/load';
import { buildCatalogue } from '../node/catalogueBuild';
import { lineAt } from '../core/text/lines';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';

/** An extra catalogue file larger than this is refused (the README names the limit). */
export const MAX_CATALOGUE_BYTES = 1024 * 1024;
/** Problems of one file shown as diagnostics; past them, one says how many more there are. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;
/** The server thread validates for at most this long before it lets other work run. */
const SLICE_MS = 15;

export interface LoadedCatalogue {
  catalogue: Catalogue;
  problems: CatalogueProblem[];
  /** Every extra file, resolved, as a URI: what to watch. */
  uris: string[];
  /** Diagnostics for each extra file that was read, by URI; an empty list for a file without problems. */
  diagnostics: Map<string, Diagnostic[]>;
}

/**
 * Built-in catalogue plus the extra files (relative paths against the first workspace folder),
 * read without blocking the server thread, validated a slice at a time, and the matcher compiled
 * on a worker thread. A file that is not a
 * regular file (a FIFO, a device, a link to one) or is over the size limit is refused with a
 * message; the rest loads.
 */
export async function loadWithExtraFiles(extraFiles: string[], root: string | undefined): Promise<LoadedCatalogue> {
  const files = extraFiles.map((f) => path.resolve(root ?? process.cwd(), f));
  const texts = new Map<string, string | Error>();
  await Promise.all(files.map(async (f) => texts.set(f, await readCatalogueFile(f).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))))));
  const steps = catalogueDataLoading(files, (f) => {
    const text = texts.get(f);
    if (typeof text !== 'string') throw text ?? new Error('not read');
    return text;
  });
  let sliceStart = Date.now();
  const pause = async () => {
    if (Date.now() - sliceStart <= SLICE_MS) return;
    await nextTurn();
    sliceStart = Date.now();
  };
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  const { data, problems } = step.value;
  const building = data ? buildCatalogue(data) : Promise.resolve(loadBuiltInCatalogue());
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const file of files) {
    const text = texts.get(file);
    // A file that was not read has no place to show a diagnostic: the message says it.
    if (typeof text !== 'string') continue;
    const place = placesIn(text);
    const list: Diagnostic[] = [];
    let count = 0;
    for (const p of problems) {
      if (p.file !== file) continue;
      // As the rules do for a document: the first ones shown, then one counting the rest.
      if (++count > MAX_DIAGNOSTICS_PER_FILE) continue;
      await pause();
      list.push({ range: place(p), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: p.message.slice(p.file.length + 2) });
    }
    if (count > MAX_DIAGNOSTICS_PER_FILE) {
      const more = count - MAX_DIAGNOSTICS_PER_FILE;
      list.push({ range: list[list.length - 1].range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: `${more.toLocaleString('en')} more problems in this file are not shown (from here on): fix the ones above first.` });
    }
    diagnostics.set(pathToFileURL(file).href, list);
  }
  const catalogue = await building;
  return { catalogue, problems, uris: files.map((f) => pathToFileURL(f).href), diagnostics };
}

/** Problems listed in the one message; the rest are counted (each file's diagnostics show the first hundred). */
const NOTICE_PROBLEMS = 5;

/** The warning for the user: the first problems, and how many more; empty when there are none. */
export function catalogueNotice(problems: CatalogueProblem[]): string {
  if (problems.length === 0) return '';
  const listed = problems.slice(0, NOTICE_PROBLEMS).map((p) => p.message);
  const more = problems.length - listed.length;
  return `Outcome Drafting: problems in the extra catalogue files (everything else is loaded): ${listed.join('; ')}${more ? `; and ${more} more, listed in the files' diagnostics` : ''}`;
}

/** The file's text, when it is a regular file within the limit. Opened without blocking, so that a FIFO is only looked at. */
async function readCatalogueFile(file: string): Promise<string> {
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    const tooLarge = new Error(`larger than the limit of ${MAX_CATALOGUE_BYTES / 1048576} MB for an extra catalogue file`);
    if (stat.size > MAX_CATALOGUE_BYTES) throw tooLarge;
    const bytes = Buffer.alloc(MAX_CATALOGUE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      // Grown since it was looked at.
      if (length > MAX_CATALOGUE_BYTES) throw tooLarge;
    }
    return bytes.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Where each problem of one file lies: at the syntax error's position, or over the start of the
 * entry or field it names (its first line); else over the file's first line. The file is split
 * into lines and parsed once, whatever the number of problems.
 */
function placesIn(text: string): (problem: CatalogueProblem) => Diagnostic['range'] {
  const source = text.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineEnd = (line: number) => {
    const next = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : source.length;
    return next > lineStarts[line] && source[next - 1] === '\r' ? next - lineStarts[line] - 1 : next - lineStarts[line];
  };
  const positionAt = (offset: number) => {
    const line = lineAt(lineStarts, offset);
    return { line, character: offset - lineStarts[line] };
  };
  let tree: Node | undefined | null = null;
  return (problem) => {
    const at = / at line (\d+), column (\d+)/.exec(problem.message);
    if (at) {
      const line = Math.min(Number(at[1]) - 1, lineStarts.length - 1);
      const character = Math.min(Number(at[2]) - 1, lineEnd(line));
      return { start: { line, character }, end: { line, character: lineEnd(line) } };
    }
    if (problem.segments) {
      if (tree === null) tree = parseTree(source);
      // The deepest part of the path that the file has (a missing field: its entry).
      for (let n = problem.segments.length; tree && n > 0; n--) {
        const node = findNodeAtLocation(tree, problem.segments.slice(0, n));
        if (!node) continue;
        const start = positionAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
        const end = positionAt(node.offset + node.length);
        return { start, end: end.line === start.line ? end : { line: start.line, character: lineEnd(start.line) } };
      }
    }
    return { start: { line: 0, character: 0 }, end: { line: 0, character: lineEnd(0) } };
  };
}
