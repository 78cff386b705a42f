import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Catalogue } from '../core/catalogue/catalogue';
import { loadCatalogue, type CatalogueProblem } from '../core/catalogue/load';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';

export interface LoadedCatalogue {
  catalogue: Catalogue;
  problems: CatalogueProblem[];
  /** Every extra file, resolved, as a URI: what to watch. */
  uris: string[];
  /** Diagnostics for each extra file that exists, by URI; an empty list for a file without problems. */
  diagnostics: Map<string, Diagnostic[]>;
}

/** Built-in catalogue plus the extra files (relative paths against the first workspace folder). */
export function loadWithExtraFiles(extraFiles: string[], root: string | undefined): LoadedCatalogue {
  const files = extraFiles.map((f) => path.resolve(root ?? process.cwd(), f));
  const { catalogue, problems } = loadCatalogue(files, (p) => fs.readFileSync(p, 'utf8'));
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const file of files) {
    // A file that cannot be read has no place to show a diagnostic: the message says it.
    if (!fs.existsSync(file)) continue;
    const text = readOrEmpty(file);
    diagnostics.set(
      pathToFileURL(file).href,
      problems.filter((p) => p.file === file).map((p) => problemDiagnostic(p, text)),
    );
  }
  return { catalogue, problems, uris: files.map((f) => pathToFileURL(f).href), diagnostics };
}

function problemDiagnostic(problem: CatalogueProblem, text: string): Diagnostic {
  return { range: problemRange(problem, text), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: problem.message.slice(problem.file.length + 2) };
}

/** At the JSON syntax error's position when known, else over the file's first line. */
function problemRange(problem: CatalogueProblem, text: string): Diagnostic['range'] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const at = / at line (\d+), column (\d+)/.exec(problem.message);
  if (at) {
    const line = Math.min(Number(at[1]) - 1, lines.length - 1);
    const character = Math.min(Number(at[2]) - 1, lines[line].length);
    return { start: { line, character }, end: { line, character: lines[line].length } };
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: lines[0].length } };
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
