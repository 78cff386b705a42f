import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadCatalogue } from './core/catalogue/load';
import type { Catalogue } from './core/catalogue/catalogue';
import type { Heading, OutcomeDocument } from './core/document/model';
import type { Range } from './core/text/range';
import { lintText, parseForIndex } from './core/lint';
import type { Finding } from './core/rules/finding';
import { resolveTopic, type Topic } from './core/topics';
import { MemoryWorkspace } from './core/workspace/workspace';
import { occurrencesInDocument } from './core/workspace/queries';
import { WorkspaceIndex } from './core/workspace/workspaceIndex';
import { findDocumentFiles, readDocument } from './node/documentFiles';
import { EXPORT_USAGE, exportMain } from './cliExport';

const USAGE = `usage: outcome-lint [--format text|json] [--workspace DIR] [--catalogue FILE]... [--allow-empty] PATH...
       outcome-lint --version
       outcome-lint mentions [--format text|json] [--threads N] TOPIC PATH...
       outcome-lint text FILE
       ${EXPORT_USAGE}`;

class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  workspace?: string;
  catalogues: string[];
  /** A folder with no outcome document is no failure (without it: exit 2, as a wrong path in CI would hide). */
  allowEmpty: boolean;
  /** How many threads `mentions` reads on (default: one per core not busy). */
  threads?: number;
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
    else if (a === '--threads' || a.startsWith('--threads=')) {
      const n = value('--threads');
      if (!/^[1-9]\d{0,2}$/.test(n)) throw new UsageError(`--threads must be a number from 1, not "${n}"`);
      options.threads = Number(n);
    }
    else if (a === '--') {
      options.positionals.push(...args.slice(i + 1));
      break;
    }
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else options.positionals.push(a);
  }
  return options;
}

/** A file to read: named on the command line (a failure to read it fails the run), or found in a folder. */
interface Candidate {
  path: string;
  named: boolean;
}

/**
 * Expands PATH arguments into the files to read, without reading them: a missing path is a
 * failure, and so is a folder holding no outcome document unless `allowEmpty`.
 */
function collect(paths: string[], failures: string[], allowEmpty = true): Candidate[] {
  const files: Candidate[] = [];
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p);
    } catch {
      failures.push(`${p}: no such file or directory`);
      continue;
    }
    if (!stat.isDirectory()) files.push({ path: p, named: true });
    else {
      const found = findDocumentFiles(p);
      if (found.length === 0 && !allowEmpty) failures.push(`no outcome documents under ${p} (--allow-empty accepts that)`);
      files.push(...found.map((f) => ({ path: f, named: false })));
    }
  }
  return files;
}

/**
 * One file's text, or undefined (said on stderr). A named file that cannot be read fails the
 * run; a Word or PDF file found in a folder is skipped with its reason, and so is one whose first
 * page does not say it is an outcome (as a `.md` found there must).
 */
async function readCandidate(file: Candidate, failures: string[], say: (line: string) => void = (line) => process.stderr.write(line)): Promise<string | undefined> {
  // A Word or PDF file found in a folder is read whole only when its first page says it is an outcome.
  const read = await readDocument(file.path, file.named ? {} : { wanted: (firstPage) => TITLE_IN_HEAD.test(firstPage.slice(0, 4096)) });
  if (!read.ok) {
    if (file.named) failures.push(`${file.path}: ${read.reason}`);
    else say(`outcome-lint: ${file.path}: skipped: ${read.reason}\n`);
    return undefined;
  }
  if (!file.named && read.format !== 'text' && !TITLE_IN_HEAD.test(read.text.slice(0, 4096))) return undefined;
  if (read.warning) say(`outcome-lint: ${file.path}: ${read.warning}\n`);
  return read.text;
}

const TITLE_IN_HEAD = /OUTCOME\s+OF\s+(?:THE\s+)?PROCEEDINGS/i;

/** One file's result as --format json prints it. */
function fileJson(path: string, document: OutcomeDocument, findings: Finding[]) {
  return {
    path,
    kind: document.kind,
    number: document.header.number?.text ?? null,
    date: document.header.date?.value.valid ? document.header.date.value.iso : null,
    ...documentFields(document),
    diagnostics: findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range })),
  };
}

/**
 * Writes `{"files": [...]}` a file at a time, as JSON.stringify(…, null, 2) would lay it out:
 * nothing of a file is kept once it is written.
 */
class JsonFiles {
  private count = 0;

  add(file: unknown): void {
    process.stdout.write(`${this.count++ === 0 ? '{\n  "files": [\n' : ',\n'}${JSON.stringify(file, null, 2).replace(/^/gm, '    ')}`);
  }

  end(): void {
    process.stdout.write(this.count === 0 ? '{\n  "files": []\n}\n' : '\n  ]\n}\n');
  }
}

/**
 * Checks the files one at a time: each is read, parsed once and checked, and only its findings
 * kept (printed at once without --workspace). With --workspace, the index holds each
 * document's compact entry, and the cross-document findings are added at the end.
 */
async function lint(options: Options, catalogue: Catalogue): Promise<number> {
  if (options.positionals.length === 0) throw new UsageError('no PATH given');
  const failures: string[] = [];
  const files = collect(options.positionals, failures, options.allowEmpty);
  let index: WorkspaceIndex | undefined;
  if (options.workspace) {
    if (!fs.existsSync(options.workspace) || !fs.statSync(options.workspace).isDirectory()) throw new UsageError(`--workspace ${options.workspace} is not a directory`);
    index = new WorkspaceIndex(new MemoryWorkspace(), catalogue);
    const checked = new Set(files.map((f) => path.resolve(f.path)));
    for (const file of collect([options.workspace], [])) {
      if (checked.has(path.resolve(file.path))) continue;
      const text = await readCandidate(file, []);
      if (text !== undefined) index.setDocument(path.resolve(file.path), parseForIndex(text, catalogue));
    }
  }
  const json = options.format === 'json' ? new JsonFiles() : undefined;
  const counts = { files: 0, other: 0, error: 0, warning: 0, information: 0 };
  const report = (file: string, document: OutcomeDocument, findings: Finding[]) => {
    counts.files++;
    if (document.kind === 'other') counts.other++;
    for (const f of findings) counts[f.severity === 'hint' ? 'information' : f.severity]++;
    if (json) json.add(fileJson(file, document, findings));
    else for (const f of findings) process.stdout.write(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}\n`);
  };
  const held: { path: string; document: OutcomeDocument; findings: Finding[] }[] = [];
  for (const file of files) {
    const text = await readCandidate(file, failures);
    if (text === undefined) continue;
    const { document, findings } = lintText(text, catalogue);
    if (!index) report(file.path, document, findings);
    else {
      // Its tree is needed for the JSON fields: kept without its text until the index is complete.
      index.setDocument(path.resolve(file.path), document);
      held.push({ path: file.path, document, findings });
    }
  }
  for (const h of held) {
    const findings = [...h.findings, ...index!.queries.crossDocumentFindings(path.resolve(h.path))];
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    report(h.path, h.document, findings);
  }
  for (const f of failures) process.stderr.write(`outcome-lint: ${f}\n`);
  if (json) json.end();
  else {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stdout.write(`${plural(counts.files, 'file')} checked${counts.other ? ` (${counts.other} not an outcome document)` : ''}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information\n`);
  }
  if (failures.length > 0) return 2;
  return counts.error > 0 ? 1 : 0;
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

/**
 * A cheap test of a text before it is parsed: could it mention the topic at all? Any of the
 * names of the topic's entries, without regard to case (the exact match, on word boundaries, is
 * the parser's). For free words, their own expression. The same test picks the lines of a
 * document to scan.
 */
function mentionPrefilter(catalogue: Catalogue, topic: Topic): RegExp {
  if (topic.kind === 'words') return new RegExp(topic.pattern.source, topic.pattern.flags.replace('g', ''));
  const names = [...topic.ids].flatMap((id) => {
    const e = catalogue.entry(id);
    return e ? [e.name, ...e.aliases, ...e.abbreviations] : [];
  });
  // A name's mention holds its words in order, case aside, whatever stands between them (the
  // matcher reads spaces, dashes and stops loosely); a name holding another's words adds nothing.
  const phrases = [...new Set(names.map((n) => ` ${n.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').join(' ')} `))].filter((p) => p !== '  ');
  const needed = phrases.filter((p) => !phrases.some((other) => other !== p && p.includes(other)));
  return new RegExp(needed.map((p) => p.trim().split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\W*')).join('|'), 'i');
}

/** One document's mentions, as a lane of `mentions` found them: its meeting's date orders it. */
interface FoundIn {
  path: string;
  uri: string;
  when: string;
  count: number;
  /** The mentions' lines as text output prints them, or (json) their objects. */
  lines?: string;
  list?: MentionJson[];
}

interface MentionJson {
  path: string;
  number: string | null;
  date: string | null;
  section: string | null;
  range: Range;
  text: string;
}

/** What one lane of `mentions` read: its documents' mentions, and its messages with the index of the file each is about. */
interface LaneResult {
  found: FoundIn[];
  documents: number;
  notes: [number, string][];
  failures: [number, string][];
}

/** What a worker lane is given: the files, the counter the lanes take the next file from, and what it needs to load the catalogue and the topic itself. */
interface LaneData {
  mentionsLane: true;
  files: Candidate[];
  counter: SharedArrayBuffer;
  query: string;
  catalogues: string[];
  format: 'text' | 'json';
}

/**
 * Reads the files it takes from `next` until none is left: only those that may mention the topic
 * are parsed, and of each only its mentions are kept (rendered as the output prints them).
 */
async function mentionLane(files: Candidate[], next: () => number, catalogue: Catalogue, topic: Topic, format: 'text' | 'json'): Promise<LaneResult> {
  const mayMention = mentionPrefilter(catalogue, topic);
  const result: LaneResult = { found: [], documents: 0, notes: [], failures: [] };
  for (let i = next(); i < files.length; i = next()) {
    const file = files[i];
    const uri = path.resolve(file.path);
    const failures: string[] = [];
    const text = await readCandidate(file, failures, (line) => result.notes.push([i, line]));
    for (const f of failures) result.failures.push([i, f]);
    if (text === undefined) continue;
    if (!mayMention.test(text)) {
      // Not parsed: an outcome or not, it has no mention to list. Counted when it says it is an outcome.
      if (TITLE_IN_HEAD.test(text)) result.documents++;
      continue;
    }
    const document = parseForIndex(text, catalogue);
    if (document.kind !== 'outcome') continue;
    result.documents++;
    const occurrences = occurrencesInDocument(uri, document, text, catalogue, topic, mayMention);
    if (occurrences.length === 0) continue;
    const list = occurrences.map((m) => ({ path: file.path, number: m.number ?? null, date: m.date ?? null, section: m.section ?? null, range: m.range, text: m.text }));
    // Ordered as the index orders meetings (meetingDate, byMeetingDate).
    const when = document.meeting?.start?.iso ?? document.header.date?.value.iso ?? '9999';
    const found: FoundIn = { path: file.path, uri, when, count: list.length };
    if (format === 'json') found.list = list;
    else found.lines = list.map((m) => `${m.path}:${m.range.start.line + 1}:${m.range.start.character + 1}: ${m.number ?? '(no number)'} ${m.date ?? ''}${m.section ? ` [${m.section}]` : ''}: ${m.text}\n`).join('');
    result.found.push(found);
  }
  return result;
}

/** Below this many files a second lane's start (loading the program and the catalogue again) costs more than it saves. */
const FILES_PER_EXTRA_LANE = 400;

/**
 * The cores not busy with other work (the cores less the load average, as `make -l` reads it):
 * on a busy machine a second thread's start and its own warming up cost more than it saves.
 */
function freeCores(): number {
  return Math.max(1, Math.round(os.availableParallelism() - os.loadavg()[0]));
}

/** Runs a lane on a worker thread: this same file, told by its data to run the lane. */
function workerLane(data: LaneData): { result: Promise<LaneResult>; stop(): Promise<number> } {
  const worker = new Worker(__filename, { workerData: data });
  const result = new Promise<LaneResult>((resolve, reject) => {
    worker.once('message', (r: LaneResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a reading thread stopped (exit ${code})`)));
  });
  // Stopped, it is not waited for.
  result.catch(() => undefined);
  return { result, stop: () => worker.terminate() };
}

async function laneInWorker(data: LaneData): Promise<void> {
  const { catalogue } = loadCatalogue(data.catalogues, (p) => fs.readFileSync(p, 'utf8'));
  const counter = new Int32Array(data.counter);
  const result = await mentionLane(data.files, () => Atomics.add(counter, 0, 1), catalogue, resolveTopic(catalogue, data.query), data.format);
  parentPort!.postMessage(result);
}

/**
 * Every mention of a topic, oldest meeting first. The files are shared out among lanes (this
 * thread and, for many files, worker threads: `--threads`, by default one per free core), each taking
 * the next file from a shared counter; what they found is put in order at the end, so the output
 * is the same whatever the number of lanes.
 */
async function mentions(options: Options): Promise<number> {
  const [query, ...paths] = options.positionals;
  if (!query || paths.length === 0) throw new UsageError('mentions needs a TOPIC and at least one PATH');
  const failures: string[] = [];
  // A file named twice (or named and in a folder named) is listed once.
  const seen = new Set<string>();
  const files = collect(paths, failures, options.allowEmpty).filter((f) => !seen.has(path.resolve(f.path)) && seen.add(path.resolve(f.path)));
  const lanes = Math.max(1, Math.min(options.threads ?? freeCores(), Math.ceil(files.length / FILES_PER_EXTRA_LANE)));
  const counter = new SharedArrayBuffer(4);
  const data: LaneData = { mentionsLane: true, files, counter, query, catalogues: options.catalogues.map((c) => path.resolve(c)), format: options.format };
  // The workers start first: they load the program and the catalogue while this thread loads its own.
  const workers = Array.from({ length: lanes - 1 }, () => workerLane(data));
  const catalogue = catalogueOf(options);
  if (!catalogue) {
    await Promise.all(workers.map((w) => w.stop()));
    return 2;
  }
  const topic = resolveTopic(catalogue, query);
  const next = new Int32Array(counter);
  const own = mentionLane(files, () => Atomics.add(next, 0, 1), catalogue, topic, options.format);
  const results = await Promise.all([own, ...workers.map((w) => w.result)]);
  const found = results.flatMap((r) => r.found);
  found.sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : a.uri.localeCompare(b.uri)));
  const byFile = (a: [number, string], b: [number, string]) => a[0] - b[0];
  for (const [, note] of results.flatMap((r) => r.notes).sort(byFile)) process.stderr.write(note);
  for (const f of [...failures, ...results.flatMap((r) => r.failures).sort(byFile).map(([, f]) => f)]) process.stderr.write(`outcome-lint: ${f}\n`);
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ topic: topic.name, mentions: found.flatMap((d) => d.list!) }, null, 2) + '\n');
  } else {
    const out = new ChunkedOutput();
    for (const d of found) out.write(d.lines!);
    const documents = results.reduce((n, r) => n + r.documents, 0);
    const count = found.reduce((n, d) => n + d.count, 0);
    out.write(`${count} mention${count === 1 ? '' : 's'} of ${topic.name} in ${found.length} of ${documents} documents\n`);
    out.end();
  }
  return failures.length > 0 || results.some((r) => r.failures.length > 0) ? 2 : 0;
}

/** Standard output written in large pieces: a write per line costs a system call per line. */
class ChunkedOutput {
  private parts: string[] = [];
  private size = 0;

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.parts.length > 0) process.stdout.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** The built-in catalogue with the --catalogue files, or undefined when one of them is broken (each problem said on stderr). */
function catalogueOf(options: Options): Catalogue | undefined {
  const { catalogue, problems } = loadCatalogue(options.catalogues.map((c) => path.resolve(c)), (p) => fs.readFileSync(p, 'utf8'));
  // Each problem's message names its file already.
  for (const p of problems) process.stderr.write(`outcome-lint: ${p.message}\n`);
  return problems.length > 0 ? undefined : catalogue;
}

/** `outcome-lint text FILE`: the text as read (what the rules and the index see), its notes on stderr. */
async function text(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) throw new UsageError('text needs one FILE');
  const read = await readDocument(args[0]);
  if (!read.ok) {
    process.stderr.write(`outcome-lint: ${args[0]}: ${read.reason}\n`);
    return 2;
  }
  if (read.warning) process.stderr.write(`outcome-lint: ${args[0]}: ${read.warning}\n`);
  process.stdout.write(read.text.endsWith('\n') || read.text === '' ? read.text : `${read.text}\n`);
  return 0;
}

/** The exit status; a promise of it for `export`, which renders and writes asynchronously. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'export') return exportMain(argv.slice(1));
  try {
    if (argv[0] === 'text') return await text(argv.slice(1));
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const isMentions = argv[0] === 'mentions';
    const options = parseArgs(isMentions ? argv.slice(1) : argv);
    if (isMentions) return await mentions(options);
    const catalogue = catalogueOf(options);
    return catalogue ? await lint(options, catalogue) : 2;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`outcome-lint: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`outcome-lint: ${(e as Error).message}\n`);
    return 2;
  }
}

if (!isMainThread && (workerData as Partial<LaneData> | null)?.mentionsLane) void laneInWorker(workerData as LaneData);
else if (require.main === module) void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
