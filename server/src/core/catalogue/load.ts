import { parse as parseLenient, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { Catalogue } from './catalogue';
import bodiesJson from './data/bodies.json';
import instrumentsJson from './data/instruments.json';
import languagesJson from './data/languages.json';
import markingsJson from './data/markings.json';
import presidenciesJson from './data/presidencies.json';
import subjectCodesJson from './data/subject-codes.json';
import {
  bodiesFileSchema,
  bodySchema,
  extraFileSchema,
  instrumentSchema,
  instrumentsFileSchema,
  languagesFileSchema,
  markingsFileSchema,
  presidenciesFileSchema,
  subjectCodeSchema,
  subjectCodesFileSchema,
  type Body,
  type CatalogueData,
  type Instrument,
  type SubjectCode,
} from './schema';

/** Something wrong in a user's extra catalogue file; the rest of the catalogue still loads. */
export interface CatalogueProblem {
  file: string;
  message: string;
  /** Where in the file: "instruments[3].aliases". */
  path?: string;
  /** The same place as JSON path segments: ["instruments", 3, "aliases"]. */
  segments?: (string | number)[];
}

/** Entries validated between two points where a caller may let other work run (`catalogueLoading`). */
const SLICE_ENTRIES = 200;

let builtIn: CatalogueData | undefined;
let builtInCatalogue: Catalogue | undefined;

/** The data shipped with the project, validated once. Invalid data is a bug in the project: it throws. */
function builtInData(): CatalogueData {
  builtIn ??= {
    subjectCodes: parseBuiltIn('subject-codes.json', subjectCodesFileSchema, subjectCodesJson),
    languages: parseBuiltIn('languages.json', languagesFileSchema, languagesJson),
    markings: parseBuiltIn('markings.json', markingsFileSchema, markingsJson),
    presidencies: parseBuiltIn('presidencies.json', presidenciesFileSchema, presidenciesJson),
    instruments: parseBuiltIn('instruments.json', instrumentsFileSchema, instrumentsJson),
    bodies: parseBuiltIn('bodies.json', bodiesFileSchema, bodiesJson),
  };
  return builtIn;
}

function parseBuiltIn<T>(file: string, schema: z.ZodType<T>, json: unknown): T {
  const r = schema.safeParse(json);
  if (!r.success) {
    const details = r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
    throw new Error(`Built-in catalogue file data/${file} is invalid: ${details}`);
  }
  return r.data;
}

export function loadBuiltInCatalogue(): Catalogue {
  builtInCatalogue ??= new Catalogue(builtInData());
  return builtInCatalogue;
}

/**
 * The built-in catalogue plus the users' extra files, in order. An extra entry with the id
 * (or code) of an existing one replaces it. A file or entry that cannot be used is reported
 * and skipped.
 */
export function loadCatalogue(
  extraFiles: string[],
  /** The file's text (the core reads no file itself: the caller gives the reader); throws when it cannot be read. */
  readFile: (path: string) => string = () => {
    throw new Error('no file reader given');
  },
): LoadedCatalogueData {
  const steps = catalogueLoading(extraFiles, readFile);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface LoadedCatalogueData {
  catalogue: Catalogue;
  problems: CatalogueProblem[];
}

/**
 * `loadCatalogue` a slice at a time: between two steps the caller may let other work run (the
 * language server validates a large extra file without holding its thread for the whole file).
 */
export function* catalogueLoading(extraFiles: string[], readFile: (path: string) => string): Generator<void, LoadedCatalogueData> {
  const { data, problems } = yield* catalogueDataLoading(extraFiles, readFile);
  return { catalogue: data ? new Catalogue(data) : loadBuiltInCatalogue(), problems };
}

/**
 * `catalogueLoading` without the last step, building the catalogue (and its matcher): the
 * validated data, for a caller that builds the matcher elsewhere (the language server, on
 * another thread). `data` is undefined when the catalogue is the built-in one.
 */
export function* catalogueDataLoading(extraFiles: string[], readFile: (path: string) => string): Generator<void, { data?: CatalogueData; problems: CatalogueProblem[] }> {
  if (extraFiles.length === 0) return { problems: [] };
  const base = builtInData();
  const codes = new Map(base.subjectCodes.map((c) => [c.code, c]));
  const instruments = new Map(base.instruments.map((e) => [e.id, e]));
  const bodies = new Map(base.bodies.map((e) => [e.id, e]));
  const problems: CatalogueProblem[] = [];

  for (const file of extraFiles) {
    const extra = readExtraFile(file, readFile, problems);
    if (!extra) continue;
    for (const c of yield* entriesOf(file, 'subjectCodes', extra.subjectCodes, subjectCodeSchema, problems)) codes.set(c.code, c);
    for (const e of yield* entriesOf(file, 'instruments', extra.instruments, instrumentSchema, problems)) {
      bodies.delete(e.id); // ids are shared by instruments and bodies
      instruments.set(e.id, e);
    }
    for (const e of yield* entriesOf(file, 'bodies', extra.bodies, bodySchema, problems)) {
      instruments.delete(e.id);
      bodies.set(e.id, e);
    }
  }

  return { data: { ...base, subjectCodes: [...codes.values()], instruments: [...instruments.values()], bodies: [...bodies.values()] }, problems };
}

function readExtraFile(
  file: string,
  readFile: (path: string) => string,
  problems: CatalogueProblem[],
): z.infer<typeof extraFileSchema> | undefined {
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    problems.push({ file, message: `${file}: cannot read the file: ${errorText(e)}` });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The engine's message quotes the text: the file could be anything (a key, a system file).
    problems.push({ file, message: `${file}: invalid JSON${syntaxError(text.replace(/^\uFEFF/, ''))}` });
    return undefined;
  }
  const r = extraFileSchema.safeParse(json);
  if (!r.success) {
    for (const issue of r.error.issues) problems.push(problem(file, issue.path, issue.message));
    return undefined;
  }
  return r.data;
}

/** The valid entries of one list; each invalid one becomes a problem. */
function* entriesOf<T extends SubjectCode | Instrument | Body>(
  file: string,
  key: string,
  list: unknown[] | undefined,
  schema: z.ZodType<T>,
  problems: CatalogueProblem[],
): Generator<void, T[]> {
  const out: T[] = [];
  const items = list ?? [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % SLICE_ENTRIES === 0) yield;
    const r = schema.safeParse(items[index]);
    if (r.success) out.push(r.data);
    else for (const issue of r.error.issues) problems.push(problem(file, [key, index, ...issue.path], issueMessage(issue)));
  }
  return out;
}

/** Zod's message, except that unknown keys are named only when they look like field names (they are the file's text). */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const named = issue.keys.filter((k) => /^[A-Za-z][\w-]{0,40}$/.test(k));
  const others = issue.keys.length - named.length;
  const list = [...named.map((k) => `"${k}"`), ...(others ? [`${others} other${others > 1 ? 's' : ''}`] : [])];
  return `unknown field${issue.keys.length > 1 ? 's' : ''} ${list.join(', ')}`;
}

function problem(file: string, path: readonly PropertyKey[], message: string): CatalogueProblem {
  const where = formatPath(path);
  const segments = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  return where ? { file, path: where, segments, message: `${file}: ${where}: ${message}` } : { file, message: `${file}: ${message}` };
}

/** ["instruments", 3, "aliases"] -> "instruments[3].aliases". */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** " at line L, column C (what was expected)" for the first syntax error, in the parser's words, never quoting the text. */
function syntaxError(text: string): string {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return '';
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column} (${printParseErrorCode(first.error)})`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
