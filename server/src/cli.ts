import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCatalogue } from './core/catalogue/load';
import type { Catalogue } from './core/catalogue/catalogue';
import type { Heading, OutcomeDocument } from './core/document/model';
import type { Range } from './core/text/range';
import { lintText, parseWith } from './core/lint';
import type { Finding } from './core/rules/finding';
import { resolveTopic } from './core/topics';
import { MemoryWorkspace } from './core/workspace/workspace';
import { WorkspaceIndex } from './core/workspace/workspaceIndex';
import { findDocumentFiles, readDocumentFile } from './node/documentFiles';
import { EXPORT_USAGE, exportMain } from './cliExport';

const USAGE = `usage: outcome-lint [--format text|json] [--workspace DIR] [--catalogue FILE]... [--allow-empty] PATH...
       outcome-lint mentions [--format text|json] TOPIC PATH...
       ${EXPORT_USAGE}`;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  workspace?: string;
  catalogues: string[];
  /** A folder with no outcome document is no failure (without it: exit 2, as a wrong path in CI would hide). */
  allowEmpty: boolean;
  positionals: string[];
}

function parseArgs(args: string[]): Options {
  const options: Options = { format: 'text', catalogues: [], allowEmpty: false, positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined;
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      options.format = f;
    } else if (a === '--workspace' || a.startsWith('--workspace=')) options.workspace = value('--workspace');
    else if (a === '--catalogue' || a.startsWith('--catalogue=')) options.catalogues.push(value('--catalogue'));
    else if (a === '--allow-empty') options.allowEmpty = true;
    else if (a === '--') {
      options.positionals.push(...args.slice(i + 1));
      break;
    }
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else options.positionals.push(a);
  }
  return options;
}

interface Loaded {
  path: string;
  text: string;
  document: OutcomeDocument;
}

/**
 * Expands PATH arguments into documents; unreadable ones are reported and make the exit status 2,
 * and so does a folder holding no outcome document unless `allowEmpty`.
 */
function collect(paths: string[], catalogue: Catalogue, failures: string[], allowEmpty = true): Loaded[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p);
    } catch {
      failures.push(`${p}: no such file or directory`);
      continue;
    }
    if (!stat.isDirectory()) files.push(p);
    else {
      const found = findDocumentFiles(p);
      if (found.length === 0 && !allowEmpty) failures.push(`no outcome documents under ${p} (--allow-empty accepts that)`);
      files.push(...found);
    }
  }
  const loaded: Loaded[] = [];
  for (const file of files) {
    const read = readDocumentFile(file);
    if (!read.ok) {
      failures.push(`${file}: ${read.reason}`);
      continue;
    }
    if (read.warning) process.stderr.write(`outcome-lint: ${file}: ${read.warning}\n`);
    loaded.push({ path: file, text: read.text, document: parseWith(read.text, catalogue) });
  }
  return loaded;
}

function severityCounts(findings: Finding[]): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information') + count('hint')} information`;
}

/** The workspace index over documents already read and parsed (keyed by absolute path): the server's index, fed by the CLI. */
function indexOf(docs: Loaded[], catalogue: Catalogue): WorkspaceIndex {
  const index = new WorkspaceIndex(new MemoryWorkspace(), catalogue);
  for (const d of docs) index.setDocument(path.resolve(d.path), d.document);
  return index;
}

function lint(options: Options, catalogue: Catalogue): number {
  if (options.positionals.length === 0) throw new UsageError('no PATH given');
  const failures: string[] = [];
  const docs = collect(options.positionals, catalogue, failures, options.allowEmpty);
  let index: WorkspaceIndex | undefined;
  if (options.workspace) {
    if (!fs.existsSync(options.workspace) || !fs.statSync(options.workspace).isDirectory()) throw new UsageError(`--workspace ${options.workspace} is not a directory`);
    index = indexOf([...collect([options.workspace], catalogue, []), ...docs], catalogue);
  }
  const results = docs.map((d) => {
    const findings = lintText(d.text, catalogue).findings;
    if (index) findings.push(...index.queries.crossDocumentFindings(path.resolve(d.path)));
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { ...d, findings };
  });
  for (const f of failures) process.stderr.write(`outcome-lint: ${f}\n`);
  if (options.format === 'json') {
    const files = results.map((r) => ({
      path: r.path,
      kind: r.document.kind,
      number: r.document.header.number?.text ?? null,
      date: r.document.header.date?.value.valid ? r.document.header.date.value.iso : null,
      ...documentFields(r.document),
      diagnostics: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range })),
    }));
    process.stdout.write(JSON.stringify({ files }, null, 2) + '\n');
  } else {
    for (const r of results) {
      for (const f of r.findings) process.stdout.write(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}\n`);
    }
    const all = results.flatMap((r) => r.findings);
    const other = results.filter((r) => r.document.kind === 'other').length;
    process.stdout.write(`${results.length} file${results.length === 1 ? '' : 's'} checked${other ? ` (${other} not an outcome document)` : ''}: ${severityCounts(all)}\n`);
  }
  if (failures.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** What a script builds on beside the checks: the type as titled, the subject, the meeting and the outline. */
function documentFields(doc: OutcomeDocument) {
  const m = doc.meeting;
  const heading = (h: Heading, r: Range) => ({ number: h.label, title: h.title, range: r });
  return {
    type: doc.title?.value ?? doc.otherDocumentType?.value ?? null,
    subject: doc.addressing.find((f) => f.label === 'subject')?.value ?? null,
    meeting: m
      ? {
          series: m.series ?? null,
          level: m.level ?? null,
          place: m.place ?? null,
          dates: [...new Set([m.start?.iso, m.end?.iso].filter((d) => d !== undefined))],
        }
      : null,
    sections: doc.sections.map((s) => ({ ...heading(s.heading, s.range), items: s.items.map((i) => heading(i.heading, i.range)) })),
  };
}

function mentions(options: Options, catalogue: Catalogue): number {
  const [query, ...paths] = options.positionals;
  if (!query || paths.length === 0) throw new UsageError('mentions needs a TOPIC and at least one PATH');
  const failures: string[] = [];
  const docs = collect(paths, catalogue, failures, options.allowEmpty).filter((d) => d.document.kind === 'outcome');
  const byPath = new Map(docs.map((d) => [path.resolve(d.path), d]));
  const index = indexOf(docs, catalogue);
  const topic = resolveTopic(catalogue, query);
  const list = index.queries.documentsForTopic(topic).flatMap((e) => {
    const d = byPath.get(e.uri)!;
    return index.queries.occurrencesIn(e, topic, d.text).map((m) => ({ path: d.path, number: m.number ?? null, date: m.date ?? null, section: m.section ?? null, range: m.range, text: m.text }));
  });
  for (const f of failures) process.stderr.write(`outcome-lint: ${f}\n`);
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ topic: topic.name, mentions: list }, null, 2) + '\n');
  } else {
    for (const m of list) {
      process.stdout.write(`${m.path}:${m.range.start.line + 1}:${m.range.start.character + 1}: ${m.number ?? '(no number)'} ${m.date ?? ''}${m.section ? ` [${m.section}]` : ''}: ${m.text}\n`);
    }
    process.stdout.write(`${list.length} mention${list.length === 1 ? '' : 's'} of ${topic.name} in ${new Set(list.map((m) => m.path)).size} of ${docs.length} documents\n`);
  }
  return failures.length > 0 ? 2 : 0;
}

/** The exit status; a promise of it for `export`, which renders and writes asynchronously. */
export function main(argv: string[]): number | Promise<number> {
  if (argv[0] === 'export') return exportMain(argv.slice(1));
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const isMentions = argv[0] === 'mentions';
    const options = parseArgs(isMentions ? argv.slice(1) : argv);
    const { catalogue, problems } = loadCatalogue(options.catalogues.map((c) => path.resolve(c)), (p) => fs.readFileSync(p, 'utf8'));
    // Each problem's message names its file already.
    for (const p of problems) process.stderr.write(`outcome-lint: ${p.message}\n`);
    if (problems.length > 0) return 2;
    return isMentions ? mentions(options, catalogue) : lint(options, catalogue);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`outcome-lint: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`outcome-lint: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
