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
}

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
): { catalogue: Catalogue; problems: CatalogueProblem[] } {
  if (extraFiles.length === 0) return { catalogue: loadBuiltInCatalogue(), problems: [] };
  const base = builtInData();
  const codes = new Map(base.subjectCodes.map((c) => [c.code, c]));
  const instruments = new Map(base.instruments.map((e) => [e.id, e]));
  const bodies = new Map(base.bodies.map((e) => [e.id, e]));
  const problems: CatalogueProblem[] = [];

  for (const file of extraFiles) {
    const extra = readExtraFile(file, readFile, problems);
    if (!extra) continue;
    for (const c of entriesOf(file, 'subjectCodes', extra.subjectCodes, subjectCodeSchema, problems)) codes.set(c.code, c);
    for (const e of entriesOf(file, 'instruments', extra.instruments, instrumentSchema, problems)) {
      bodies.delete(e.id); // ids are shared by instruments and bodies
      instruments.set(e.id, e);
    }
    for (const e of entriesOf(file, 'bodies', extra.bodies, bodySchema, problems)) {
      instruments.delete(e.id);
      bodies.set(e.id, e);
    }
  }

  const catalogue = new Catalogue({
    ...base,
    subjectCodes: [...codes.values()],
    instruments: [...instruments.values()],
    bodies: [...bodies.values()],
  });
  return { catalogue, problems };
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
  } catch (e) {
    problems.push({ file, message: `${file}: invalid JSON${jsonPosition(text, e)}: ${errorText(e)}` });
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
function entriesOf<T extends SubjectCode | Instrument | Body>(
  file: string,
  key: string,
  list: unknown[] | undefined,
  schema: z.ZodType<T>,
  problems: CatalogueProblem[],
): T[] {
  const out: T[] = [];
  (list ?? []).forEach((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else for (const issue of r.error.issues) problems.push(problem(file, [key, index, ...issue.path], issue.message));
  });
  return out;
}

function problem(file: string, path: readonly PropertyKey[], message: string): CatalogueProblem {
  const where = formatPath(path);
  return where ? { file, path: where, message: `${file}: ${where}: ${message}` } : { file, message: `${file}: ${message}` };
}

/** ["instruments", 3, "aliases"] -> "instruments[3].aliases". */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** " at line L, column C" when the JSON error gives a character position. */
function jsonPosition(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(errorText(e));
  if (!m) return '';
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
