import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { lintText } from '../../server/src/core/lint';
import { MemoryWorkspace } from '../../server/src/core/workspace/workspace';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { generateCorpus } from '../fixtures/generate';
import { CORPUS, corpusText, edit, OTHER_FILE, OUTCOME_FILES } from './corpus';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'outcome-lint.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('outcome-lint (as a process)', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('json: the four real documents are outcomes without error, the communication is other', () => {
    const r = run('--format', 'json', CORPUS, path.join(CORPUS, 'other', 'iss-annual-report-2011.md'));
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: { path: string; kind: string; number: string | null; diagnostics: { severity: string; code: string }[] }[] };
    const outcomes = out.files.filter((f) => f.kind === 'outcome');
    assert.deepEqual(outcomes.map((f) => f.number).sort(), ['10483/17', '13228/11', '7725/23', '9278/18']);
    assert.ok(outcomes.every((f) => f.diagnostics.every((d) => d.severity !== 'error' && d.code !== 'codes.unknown')));
    const other = out.files.find((f) => f.path.endsWith('iss-annual-report-2011.md'))!;
    assert.equal(other.kind, 'other');
    assert.ok(other.diagnostics.length <= 1);
  });

  it('json: each file gives its type as titled, subject, meeting and sections with their items', () => {
    const note = path.join(tmp, 'note.md');
    fs.writeFileSync(note, ['Council of the European Union', 'Brussels, 6 April 2016', 'CM 2203/16', '', '"A" ITEM NOTE', '', 'From:\tPresidency', 'Subject:\tA roadmap', ''].join('\n'));
    const r = run('--format', 'json', path.join(CORPUS, '9278-18.md'), note);
    const [outcome, other] = JSON.parse(r.stdout).files as Record<string, unknown>[];
    assert.equal(outcome.type, 'OUTCOME OF PROCEEDINGS');
    assert.equal(outcome.subject, 'Outcome of proceedings of the EU-US Justice and Home Affairs Ministerial Meeting (Sofia, 22-23 May 2018)');
    assert.deepEqual(outcome.meeting, { series: 'EU-US JHA', level: 'Ministerial', place: 'Sofia', dates: ['2018-05-22', '2018-05-23'] });
    const sections = outcome.sections as { number: string; title: string; range: unknown; items: { number: string; title: string; range: unknown }[] }[];
    assert.deepEqual(sections[0].range, { start: { line: 40, character: 0 }, end: { line: 56, character: 262 } });
    assert.deepEqual(sections[0].items[1], { number: 'b', title: 'Prevention of radicalisation and terrorist use of the Internet', range: { start: { line: 50, character: 0 }, end: { line: 52, character: 689 } } });
    assert.deepEqual(sections.map((s) => s.number), ['1', '2', '3', '4', '5']);
    assert.deepEqual(other, {
      path: note,
      kind: 'other',
      number: 'CM 2203/16',
      date: '2016-04-06',
      type: '"A" ITEM NOTE',
      subject: 'A roadmap',
      meeting: { series: null, level: 'Other', place: null, dates: [] },
      sections: [],
      diagnostics: [{ code: 'document.not-outcome', severity: 'information', message: 'This is a document of another type (""A" ITEM NOTE", a meeting notice (CM)), not an outcome of proceedings, so the template is not checked.', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 13 } } }],
    });
  });

  it('text: compiler-style lines, a summary line, exit 1 on an error', () => {
    const file = path.join(tmp, 'draft.outcome.md');
    fs.writeFileSync(file, edit(corpusText('9278-18.md'), /^9278\/18$/m, '9278/17'));
    const r = run(file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:11:6: error header\\.number-year: Document number 9278/17 ends in 17, but the document is dated 31 May 2018`, 'm'));
    assert.match(r.stdout, /^1 file checked: 1 error, 0 warnings, 0 information$/m);
  });

  it('a folder is searched for outcome documents (by name or by title)', () => {
    const dir = path.join(tmp, 'folder');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.outcome.md'), corpusText('7725-23.md'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), corpusText('10483-17.md'));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nNothing to see.\n');
    const r = run('--format', 'json', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout).files as { path: string }[]).map((f) => path.relative(dir, f.path)).sort(), ['a.outcome.md', path.join('sub', 'b.md')]);
  });

  it('a missing file is an I/O failure: exit 2 and one line on stderr', () => {
    const r = run(path.join(tmp, 'nope.md'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nope\.md: no such file or directory/);
  });

  it('a binary file is refused with exit 2', () => {
    const file = path.join(tmp, 'scan.outcome.md');
    fs.writeFileSync(file, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]));
    const r = run(file);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /binary file/);
  });

  it('invalid UTF-8 is read with a warning, not refused', () => {
    const file = path.join(tmp, 'latin1.outcome.md');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(corpusText('9278-18.md').replace('Sofia', 'Sof\u00eda'), 'latin1')]));
    const r = run(file);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /not valid UTF-8/);
  });

  it('a folder with no outcome document exits 2 and says so, unless --allow-empty', () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    fs.writeFileSync(path.join(empty, 'notes.md'), 'Meeting notes, not an outcome.\n');
    const r = run(empty);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `outcome-lint: no outcome documents under ${empty} (--allow-empty accepts that)\n`);
    const allowed = run('--allow-empty', empty);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.match(allowed.stdout, /^0 files checked/m);
  });

  it('a broken catalogue file is named once in its message', () => {
    const file = path.join(tmp, 'broken-catalogue.json');
    fs.writeFileSync(file, '{ "subjectCodes": [');
    const r = run('--catalogue', file, CORPUS);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.split(file).length - 1, 1, r.stderr);
    assert.match(r.stderr, /^outcome-lint: .*broken-catalogue\.json: invalid JSON/);
  });

  it('--version prints the version of the package', () => {
    const r = run('--version');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('usage errors exit 2', () => {
    assert.equal(run().status, 2);
    assert.equal(run('--format', 'xml', CORPUS).status, 2);
    assert.equal(run('--bogus', CORPUS).status, 2);
  });

  it('--workspace reports references not found there', () => {
    const r = run('--format', 'json', '--workspace', CORPUS, path.join(CORPUS, '10483-17.md'));
    const diagnostics = JSON.parse(r.stdout).files[0].diagnostics as { code: string }[];
    assert.deepEqual(diagnostics.map((d) => d.code), ['reference.unresolved']);
  });

  it('mentions: oldest meeting first, on word boundaries', () => {
    const r = run('mentions', '--format', 'json', 'PNR', CORPUS);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { topic: string; mentions: { number: string; date: string; section: string | null; text: string }[] };
    const numbers = [...new Set(out.mentions.map((m) => m.number))];
    assert.deepEqual(numbers, ['13228/11', '10483/17', '9278/18', '7725/23'].filter((n) => numbers.includes(n)));
    assert.ok(numbers.length >= 3);
    assert.ok(out.mentions.some((m) => m.section === 'Session 4: PNR issues'));
    const budapest = JSON.parse(run('mentions', '--format', 'json', 'Budapest Convention', CORPUS).stdout) as { mentions: { text: string }[] };
    assert.ok(budapest.mentions.every((m) => !/workshop in Budapest/.test(m.text)));
    const tftp = JSON.parse(run('mentions', '--format', 'json', 'TFTP', CORPUS).stdout) as { mentions: { text: string }[] };
    assert.ok(tftp.mentions.every((m) => !/\bTFTS\b/.test(m.text) || /\bTFTP\b/.test(m.text)));
  });
});

describe('outcome-lint on Word and PDF files', () => {
  const ARCHIVE = path.join(ROOT, 'test', 'fixtures', 'archive');
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-archive-'));
    fs.mkdirSync(path.join(tmp, 'register', 'scans'), { recursive: true });
    fs.copyFileSync(path.join(ARCHIVE, 'outcome-libreoffice.docx'), path.join(tmp, 'register', '15990-25.docx'));
    fs.copyFileSync(path.join(ARCHIVE, 'outcome-pages.pdf'), path.join(tmp, 'register', '6401-26.pdf'));
    fs.copyFileSync(path.join(ARCHIVE, 'scanned.pdf'), path.join(tmp, 'register', 'scans', 'scan.pdf'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('checks named Word and PDF files and finds them in folders; a scan found there is skipped with its reason', () => {
    const r = run('--format', 'json', path.join(tmp, 'register'));
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string; kind: string; number: string | null }[] }).files;
    assert.deepEqual(files.map((f) => [path.relative(tmp, f.path), f.kind, f.number]), [
      [path.join('register', '15990-25.docx'), 'outcome', '15990/25'],
      [path.join('register', '6401-26.pdf'), 'outcome', '6401/26'],
    ]);
    assert.equal(r.stderr, `outcome-lint: ${path.join(tmp, 'register', 'scans', 'scan.pdf')}: skipped: no text layer: this PDF is an image\n`);
  });

  it('a named file that cannot be read fails with one line: encrypted PDF, a .docx that is not Word, a FIFO', () => {
    const notWord = path.join(tmp, 'notes.docx');
    fs.writeFileSync(notWord, 'plain text, not a zip');
    const fifo = path.join(tmp, 'pipe.pdf');
    spawnSync('mkfifo', [fifo]);
    for (const [file, reason] of [
      [path.join(ARCHIVE, 'encrypted.pdf'), /encrypted/],
      [notWord, /./],
      [fifo, /^a named pipe \(FIFO\), not a file$/],
    ] as const) {
      const r = run(file);
      assert.equal(r.status, 2, file);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.ok(lines[0].startsWith(`outcome-lint: ${file}: `), lines[0]);
      assert.match(lines[0].slice(`outcome-lint: ${file}: `.length), reason);
    }
  });

  it('text FILE prints the text as read', () => {
    const r = run('text', path.join(tmp, 'register', '15990-25.docx'));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('OUTCOME OF PROCEEDINGS'), r.stdout);
    assert.ok(lines.includes('2.\tCounter-terrorism'), r.stdout);
    const scan = run('text', path.join(tmp, 'register', 'scans', 'scan.pdf'));
    assert.equal(scan.status, 2);
    assert.match(scan.stderr, /scan\.pdf: no text layer: this PDF is an image\n$/);
  });

  it('mentions finds a topic in a PDF, at its place in the text as read', () => {
    const r = run('mentions', '--format', 'json', 'e-evidence', path.join(tmp, 'register'));
    assert.equal(r.status, 0, r.stderr);
    const list = (JSON.parse(r.stdout) as { mentions: { path: string; range: { start: { line: number; character: number }; end: { character: number } } }[] }).mentions;
    const inPdf = list.filter((m) => m.path.endsWith('6401-26.pdf'));
    assert.ok(inPdf.length > 0, r.stdout);
    const text = run('text', path.join(tmp, 'register', '6401-26.pdf')).stdout.split('\n');
    for (const m of inPdf) assert.match(text[m.range.start.line].slice(m.range.start.character, m.range.end.character), /^(?:electronic evidence|e-evidence)$/i);
  });

  it('streams a folder of many documents: every file reported once, in order, the summary counting them all', () => {
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    const text = corpusText('7725-23.md');
    const names = Array.from({ length: 120 }, (_, i) => `d${String(i).padStart(3, '0')}.outcome.md`);
    for (const n of names) fs.writeFileSync(path.join(dir, n), text);
    const json = run('--format', 'json', dir);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual((JSON.parse(json.stdout) as { files: { path: string }[] }).files.map((f) => path.basename(f.path)), names);
    const plain = run(dir);
    assert.match(plain.stdout, /^120 files checked: 0 errors, /m);
    // With --workspace the cross-document checks see all of them: each number is carried 120 times.
    const ws = run('--format', 'json', '--workspace', dir, path.join(dir, names[0]));
    const codes = (JSON.parse(ws.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0].diagnostics.map((d) => d.code);
    assert.ok(codes.includes('workspace.duplicate-number'), codes.join(' '));
  });
});

describe('outcome-lint mentions over a folder of many documents', () => {
  let dir: string;
  let index: WorkspaceIndex;
  let outcomes: number;
  before(async function () {
    this.timeout(60000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-lint-mentions-'));
    // More files than one thread reads alone (the CLI adds a thread per 400 files).
    const files: [string, string][] = generateCorpus(450, 5).map((d) => [path.join(dir, d.fileName), d.text]);
    for (const f of [...OUTCOME_FILES, OTHER_FILE]) files.push([path.join(dir, path.basename(f)), corpusText(f)]);
    for (const [file, text] of files) fs.writeFileSync(file, text);
    // The index built from the whole parse of every document: what the Topic History lists.
    const catalogue = loadBuiltInCatalogue();
    index = new WorkspaceIndex(new MemoryWorkspace(files), catalogue);
    outcomes = files.filter(([, text]) => lintText(text, catalogue).document.kind === 'outcome').length;
    await index.build();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const topic of ['PNR', 'TFTP', 'Budapest Convention', 'e-evidence', 'Member States']) {
    it(`${topic}: what the index's Topic History lists from the whole parse, in its order, on one thread or two`, async function () {
      this.timeout(60000);
      const history = await index.queries.topicHistory(topic);
      const expected = history.meetings.flatMap((m) => m.occurrences.map((o) => ({ path: o.uri, number: o.number ?? null, date: o.date ?? null, section: o.section ?? null, range: o.range, text: o.text })));
      assert.ok(expected.length > 0, topic);
      const one = run('mentions', '--format', 'json', '--threads', '1', topic, dir);
      assert.equal(one.status, 0, one.stderr);
      assert.deepEqual(JSON.parse(one.stdout), { topic: history.topic.name, mentions: expected });
      if (topic === 'PNR') assert.equal(run('mentions', '--format', 'json', '--threads', '2', topic, dir).stdout, one.stdout);
      // The text output, read on two threads: a line per mention, in the same order.
      const text = run('mentions', '--threads', '2', topic, dir);
      assert.equal(text.status, 0, text.stderr);
      const lines = text.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, -1), expected.map((m) => `${m.path}:${m.range.start.line + 1}:${m.range.start.character + 1}: ${m.number ?? '(no number)'} ${m.date ?? ''}${m.section ? ` [${m.section}]` : ''}: ${m.text}`));
      assert.equal(lines.at(-1), `${expected.length} mention${expected.length === 1 ? '' : 's'} of ${history.topic.name} in ${history.meetings.length} of ${outcomes} documents`);
    });
  }

  it('--threads takes a number from 1', () => {
    const r = run('mentions', '--threads', '0', 'PNR', dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^outcome-lint: --threads must be a number from 1, not "0"\n/);
  });
});
