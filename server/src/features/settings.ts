import { z } from 'zod';
import { compileInclude, DEFAULT_INCLUDE } from '../node/includeGlobs';
import { RULES, RULE_CODES, type RuleCode, type SeveritySetting } from '../core/rules/codes';

/** The `outcomeDrafting.*` settings after validation: every field has a usable value. */
export interface Settings {
  rules: Partial<Record<RuleCode, SeveritySetting>>;
  catalogue: { extraFiles: string[] };
  files: { include: string[]; followLinksOutside: boolean };
  trace: { server: TraceSetting };
  /** At most this many locations in one references reply (a client that takes partial results gets them all, in batches). */
  references: { limit: number };
}

const SEVERITY_SETTINGS = ['off', 'hint', 'information', 'warning', 'error'] as const;
const TRACE_SETTINGS = ['off', 'messages', 'verbose'] as const;
type TraceSetting = (typeof TRACE_SETTINGS)[number];

export { DEFAULT_INCLUDE };

/** About 150 bytes a location: a reply of at most 300 KB, well under 1 MB with long paths. */
export const DEFAULT_REFERENCES_LIMIT = 2000;

export function defaultSettings(): Settings {
  return { rules: {}, catalogue: { extraFiles: [] }, files: { include: [...DEFAULT_INCLUDE], followLinksOutside: false }, trace: { server: 'off' }, references: { limit: DEFAULT_REFERENCES_LIMIT } };
}

const severitySchema = z.enum(SEVERITY_SETTINGS);
const traceSchema = z.enum(TRACE_SETTINGS);
const stringListSchema = z.array(z.string());
const objectSchema = z.record(z.string(), z.unknown());

export interface SettingsResult {
  settings: Settings;
  /** One line per bad value, naming the setting; that setting keeps its default. */
  problems: string[];
}

/**
 * Validates the `outcomeDrafting` section as the client sends it (nested objects, as
 * `workspace/configuration` returns them). Each setting is checked on its own so that one
 * bad value costs only that value.
 */
export function readSettings(section: unknown): SettingsResult {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (section === undefined || section === null) return { settings, problems };
  const root = objectSchema.safeParse(section);
  if (!root.success) return { settings, problems: [`outcomeDrafting: expected an object; got ${shown(section)}`] };
  const value = (path: string[]): unknown => path.reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), root.data);

  const rules = value(['rules']);
  if (rules !== undefined) {
    const parsed = objectSchema.safeParse(rules);
    if (!parsed.success) problems.push(`outcomeDrafting.rules: expected an object mapping rule codes to levels; got ${shown(rules)}`);
    else {
      for (const [code, level] of Object.entries(parsed.data)) {
        const name = `outcomeDrafting.rules["${code}"]`;
        if (!(code in RULES)) {
          problems.push(`${name}: not a rule code (known codes: ${RULE_CODES.join(', ')})`);
          continue;
        }
        const severity = severitySchema.safeParse(level);
        if (severity.success) settings.rules[code as RuleCode] = severity.data;
        else problems.push(`${name}: expected one of ${SEVERITY_SETTINGS.join(', ')}; got ${shown(level)}`);
      }
    }
  }

  const extraFiles = value(['catalogue', 'extraFiles']);
  if (extraFiles !== undefined) {
    const parsed = stringListSchema.safeParse(extraFiles);
    if (parsed.success) settings.catalogue.extraFiles = parsed.data.map((f) => f.trim()).filter((f) => f !== '');
    else problems.push(`outcomeDrafting.catalogue.extraFiles: expected an array of file paths; got ${shown(extraFiles)}`);
  }

  const include = value(['files', 'include']);
  if (include !== undefined) {
    const parsed = stringListSchema.safeParse(include);
    const bad = parsed.success ? compileInclude(parsed.data).problems : [];
    if (parsed.success && bad.length === 0) settings.files.include = parsed.data;
    else if (parsed.success) problems.push(`outcomeDrafting.files.include: ${bad.join('; ')}`);
    else problems.push(`outcomeDrafting.files.include: expected an array of glob patterns; got ${shown(include)}`);
  }

  const followLinks = value(['files', 'followLinksOutside']);
  if (followLinks !== undefined) {
    if (typeof followLinks === 'boolean') settings.files.followLinksOutside = followLinks;
    else problems.push(`outcomeDrafting.files.followLinksOutside: expected true or false; got ${shown(followLinks)}`);
  }

  const trace = value(['trace', 'server']);
  if (trace !== undefined) {
    const parsed = traceSchema.safeParse(trace);
    if (parsed.success) settings.trace.server = parsed.data;
    else problems.push(`outcomeDrafting.trace.server: expected one of ${TRACE_SETTINGS.join(', ')}; got ${shown(trace)}`);
  }

  const limit = value(['references', 'limit']);
  if (limit !== undefined) {
    if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1) settings.references.limit = limit;
    else problems.push(`outcomeDrafting.references.limit: expected a whole number of at least 1; got ${shown(limit)}`);
  }
  return { settings, problems };
}

/** `initializationOptions` may hold the section itself or `{ outcomeDrafting: section }`. */
export function settingsSectionOf(initializationOptions: unknown): unknown {
  return isObject(initializationOptions) && 'outcomeDrafting' in initializationOptions ? initializationOptions.outcomeDrafting : initializationOptions;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  const json = JSON.stringify(v);
  return json === undefined ? String(v) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
