// TextMate grammar tests: corpus snapshots plus targeted assertions.
//
// Snapshots live in test/fixtures/grammar/<name>.snap. They record only the
// tokens that received a council-outcome scope (codes, labels, dates,
// numbers...), with long tokens replaced by a hash, so that no running text
// of the corpus is copied into the repository. Regenerate with
// UPDATE_SNAPSHOTS=1 (a missing snapshot is written automatically).
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'council-outcome.tmLanguage.json');
const GRAMMAR_SOURCE = path.join(ROOT, 'syntaxes', 'build-grammar.js');
const SNAPSHOT_DIR = path.join(ROOT, 'test', 'fixtures', 'grammar');
const SCOPE_NAME = 'text.council-outcome';
const SUFFIX = '.council-outcome';
const LONG_TOKEN = 32;

interface Token {
  line: number; // 1-based
  column: number; // 0-based
  text: string;
  scopes: string[]; // without the root scope
}

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    onigReady = oniguruma.loadWASM(new Uint8Array(wasm).buffer);
  }
  return onigReady;
}

async function loadGrammar(): Promise<vsctm.IGrammar> {
  await loadOniguruma();
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE_NAME ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  assert.ok(grammar, 'grammar did not load');
  return grammar;
}

/** Tokenizes a whole text; fails on a grammar loop or an early stop. */
function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); };
  const out: Token[][] = [];
  try {
    let state = vsctm.INITIAL;
    lines.forEach((line, i) => {
      const result = grammar.tokenizeLine(line, state);
      assert.equal(result.stoppedEarly, false, `tokenization stopped early on line ${i + 1}`);
      state = result.ruleStack;
      out.push(result.tokens.map((t) => ({
        line: i + 1,
        column: t.startIndex,
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes.slice(1),
      })));
    });
  } finally {
    console.error = original;
  }
  assert.deepEqual(errors, [], 'vscode-textmate reported errors (endless loop?)');
  return out;
}

/** Our own scopes, minus the structural meta.* ones. */
function ownScopes(t: Token): string[] {
  return t.scopes.filter((s) => s.endsWith(SUFFIX) && !s.startsWith('meta.'));
}

function shortText(text: string): string {
  if (text.length <= LONG_TOKEN) return JSON.stringify(text);
  const hash = crypto.createHash('sha1').update(text).digest('hex').slice(0, 10);
  return `<${text.length} chars #${hash}>`;
}

function snapshotOf(name: string, tokens: Token[][]): string {
  const out = [
    `# grammar snapshot of ${name} (${SCOPE_NAME})`,
    '# line:column "token" => scopes; scopes without the ".council-outcome" suffix, meta.* omitted;',
    `# tokens longer than ${LONG_TOKEN} characters are replaced by their length and a hash.`,
  ];
  for (const line of tokens) {
    for (const t of line) {
      const scopes = ownScopes(t);
      if (scopes.length === 0 || t.text.trim() === '') continue;
      out.push(`${t.line}:${t.column} ${shortText(t.text)} => ${scopes.map((s) => s.slice(0, -SUFFIX.length)).join(' ')}`);
    }
  }
  return out.join('\n') + '\n';
}

/** A small line diff (LCS) for readable snapshot failures. */
function lineDiff(expected: string, actual: string, max = 60): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while ((i < n || j < m) && out.length < max) {
    if (i < n && j < m && a[i] === b[j]) { i++; j++; continue; }
    if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  if (out.length >= max) out.push('...');
  return out.join('\n');
}

function corpusFiles(): string[] {
  const files: string[] = [];
  for (const dir of [CORPUS, path.join(CORPUS, 'other')]) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.md')) files.push(path.join(dir, f));
    }
  }
  return files;
}

/** Scopes of the token(s) making up `fragment` on the line containing it. */
function scopesAt(tokens: Token[][], fragment: string, occurrence = 0, onLine?: number): string[] {
  let seen = 0;
  for (const line of onLine === undefined ? tokens : [tokens[onLine - 1]]) {
    const text = line.map((t) => t.text).join('');
    let from = 0;
    for (;;) {
      const at = text.indexOf(fragment, from);
      if (at < 0) break;
      if (seen++ === occurrence) {
        const end = at + fragment.length;
        const covering = line.filter((t) => t.column < end && t.column + t.text.length > at);
        // the scopes every covering token shares
        return covering
          .map((t) => t.scopes)
          .reduce((acc, s) => acc.filter((x) => s.includes(x)));
      }
      from = at + 1;
    }
  }
  throw new Error(`fragment not found: ${JSON.stringify(fragment)}`);
}

function assertScope(tokens: Token[][], fragment: string, scope: string, occurrence = 0, onLine?: number): void {
  const scopes = scopesAt(tokens, fragment, occurrence, onLine);
  const full = scope + SUFFIX;
  assert.ok(
    scopes.some((s) => s === full || s.startsWith(scope + '.')),
    `${JSON.stringify(fragment)} should have scope ${full}; has [${scopes.join(', ')}]`,
  );
}

function assertNoScope(tokens: Token[][], fragment: string, scopePrefix: string, occurrence = 0): void {
  const scopes = scopesAt(tokens, fragment, occurrence);
  assert.ok(
    !scopes.some((s) => s.startsWith(scopePrefix)),
    `${JSON.stringify(fragment)} should not have a ${scopePrefix}* scope; has [${scopes.join(', ')}]`,
  );
}

function lineScopes(tokens: Token[][], lineNo: number): string[] {
  return [...new Set(tokens[lineNo - 1].flatMap((t) => t.scopes))];
}

describe('grammar: council-outcome.tmLanguage.json', () => {
  let grammar: vsctm.IGrammar;
  const tok = (text: string) => tokenize(grammar, text);

  before(async () => {
    grammar = await loadGrammar();
  });

  describe('the grammar file', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));

    it('has the registered scope name', () => {
      assert.equal(raw.scopeName, SCOPE_NAME);
    });

    it('is up to date with syntaxes/build-grammar.js', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const generated = require(GRAMMAR_SOURCE) as { text: string };
      assert.equal(fs.readFileSync(GRAMMAR_PATH, 'utf8'), generated.text,
        'run `node syntaxes/build-grammar.js` and commit the result');
    });

    it('suffixes every scope name with .council-outcome and resolves every include', () => {
      const bad: string[] = [];
      const includes: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) { node.forEach(walk); return; }
        if (!node || typeof node !== 'object') return;
        for (const [k, v] of Object.entries(node)) {
          if ((k === 'name' || k === 'contentName') && typeof v === 'string' && node !== raw) {
            for (const s of v.split(' ')) if (!s.endsWith(SUFFIX)) bad.push(s);
          } else if (k === 'include' && typeof v === 'string') {
            includes.push(v);
          } else {
            walk(v);
          }
        }
      };
      walk(raw.patterns);
      walk(raw.repository);
      assert.deepEqual(bad, []);
      for (const inc of includes) {
        assert.ok(inc.startsWith('#') && inc.slice(1) in raw.repository, `unresolved include ${inc}`);
      }
    });

    it('compiles every regular expression with Oniguruma', async () => {
      await loadOniguruma();
      const failures: string[] = [];
      const walk = (node: unknown, where: string): void => {
        if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${where}[${i}]`)); return; }
        if (!node || typeof node !== 'object') return;
        for (const [k, v] of Object.entries(node)) {
          if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') {
            try {
              new oniguruma.OnigScanner([v]).dispose();
            } catch (e) {
              failures.push(`${where}.${k}: ${(e as Error).message}`);
            }
          } else {
            walk(v, `${where}.${k}`);
          }
        }
      };
      walk(raw.repository, 'repository');
      assert.deepEqual(failures, []);
    });
  });

  describe('corpus snapshots', () => {
    const files = corpusFiles();

    it('finds the corpus', () => {
      assert.ok(files.length >= 4, `expected the corpus at ${CORPUS}`);
    });

    for (const file of files) {
      const name = path.basename(file, '.md');
      it(`matches the snapshot for ${path.relative(CORPUS, file)}`, () => {
        const actual = snapshotOf(path.relative(CORPUS, file), tok(fs.readFileSync(file, 'utf8')));
        const snap = path.join(SNAPSHOT_DIR, `${name}.snap`);
        if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(snap)) {
          fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
          fs.writeFileSync(snap, actual);
          return;
        }
        const expected = fs.readFileSync(snap, 'utf8');
        if (expected !== actual) {
          assert.fail(`grammar output differs from ${path.relative(ROOT, snap)} ` +
            `(- snapshot, + now; UPDATE_SNAPSHOTS=1 to accept):\n${lineDiff(expected, actual)}`);
        }
      });
    }
  });

  describe('corpus structure', () => {
    const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');
    const count = (tokens: Token[][], scope: string) =>
      tokens.filter((line) => line.some((t) => t.scopes.includes(scope + SUFFIX))).length;

    it('13228/11: nine sessions, items inside them, three redactions, six codes', () => {
      const t = tok(read('13228-11.md'));
      assert.equal(count(t, 'keyword.other.session'), 9);
      assert.equal(count(t, 'constant.numeric.section-number'), 9);
      assert.equal(count(t, 'markup.heading.section'), 9);
      assert.ok(count(t, 'markup.heading.item') >= 20);
      assert.equal(count(t, 'markup.deleted.redaction'), 3);
      assert.equal(count(t, 'support.type.subject-code'), 6);
      assert.equal(count(t, 'entity.name.type.issuer'), 2); // split over two lines
      assert.equal(count(t, 'keyword.other.partial-access'), 2);
      assertScope(t, '28.09.2011', 'constant.numeric.date');
      assertScope(t, 'Cracow', 'string.unquoted.subject'); // the wrapped subject line
      assertScope(t, '25-26 July 2011', 'constant.numeric.date');
    });

    it('10483/17, 9278/18, 7725/23: numbered sections, lettered items', () => {
      const a = tok(read('10483-17.md'));
      assert.equal(count(a, 'markup.heading.section'), 5);
      assert.equal(count(a, 'support.type.subject-code'), 13);
      assertScope(a, '10084/17', 'variable.other.reference.document-number');
      const b = tok(read('9278-18.md'));
      assert.equal(count(b, 'markup.heading.section'), 5);
      assert.equal(count(b, 'markup.heading.item'), 10);
      const c = tok(read('7725-23.md'));
      assert.equal(count(c, 'markup.heading.section'), 8);
      assert.equal(count(c, 'support.type.subject-code'), 15);
      assert.equal(count(c, 'entity.name.type.issuer'), 0);
      for (const t of [a, b, c]) {
        assert.equal(count(t, 'keyword.other.document-type'), 1);
        assert.equal(count(t, 'keyword.control.marking'), 1);
        assert.equal(count(t, 'constant.numeric.document-number'), 1);
      }
    });

    it('the Commission communication gets no header scopes', () => {
      const t = tok(read('other/iss-annual-report-2011.md'));
      for (const scope of ['entity.name.type.issuer', 'keyword.other.document-type', 'keyword.other.label',
        'constant.numeric.document-number', 'keyword.control.marking', 'markup.deleted.redaction']) {
        assert.equal(count(t, scope), 0, scope);
      }
      assertScope(t, '11050/11', 'variable.other.reference.document-number');
      assertNoScope(t, '9/11', 'variable.other.reference');
    });
  });

  describe('generated documents (test/fixtures/generate.ts)', () => {
    interface Facts {
      number: string; base: string; sectionTitles: string[]; subjectCodes: { code: string }[];
      footers: number; hasDeleted: boolean; marking?: string; issuer: string;
    }
    type Generate = (count: number, seed?: number) => { fileName: string; text: string; facts: Facts }[];
    let generateCorpus: Generate | undefined;
    try {
      // loaded dynamically: the generator belongs to the fixtures and may evolve on its own
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      generateCorpus = (require('../fixtures/generate') as { generateCorpus?: Generate }).generateCorpus;
    } catch {
      generateCorpus = undefined;
    }

    it('tokenizes valid generated documents into their known structure', function () {
      if (!generateCorpus) this.skip();
      const problems: string[] = [];
      for (const doc of generateCorpus!(60, 11)) {
        const f = doc.facts;
        const tokens = tok(doc.text);
        const titles: string[] = [];
        const codes: string[] = [];
        const numbers: string[] = [];
        let footers = 0;
        let deleted = 0;
        let markings = 0;
        let issuers = 0;
        for (const line of tokens) {
          let title = '';
          for (const t of line) {
            const has = (s: string) => t.scopes.includes(s + SUFFIX);
            if (has('entity.name.section') && has('markup.heading.section')) title += t.text;
            if (has('support.type.subject-code') && has('meta.header')) codes.push(t.text);
            if (has('constant.numeric.document-number')) numbers.push(t.text);
            if (has('comment.line.page-footer') && /^\s*\d/.test(t.text)) footers++;
            if (has('markup.deleted.redaction')) deleted++;
            if (has('keyword.control.marking') && has('meta.header')) markings++;
            if (has('entity.name.type.issuer')) issuers++;
          }
          if (title) titles.push(title.trim());
        }
        const expect = (ok: boolean, what: string) => { if (!ok) problems.push(`${doc.fileName}: ${what}`); };
        expect(JSON.stringify(titles) === JSON.stringify(f.sectionTitles), `sections ${JSON.stringify(titles)}`);
        expect(JSON.stringify(codes) === JSON.stringify(f.subjectCodes.map((c) => c.code)), `codes ${codes.join(' ')}`);
        expect(numbers.length === 1 && f.number.startsWith(numbers[0]), `number ${numbers.join(' ')} for ${f.number}`);
        expect(footers === f.footers, `${footers} footers, expected ${f.footers}`);
        expect((deleted > 0) === f.hasDeleted, `DELETED ${deleted}`);
        expect((markings === 1) === (f.marking === 'LIMITE') && markings <= 1, `markings ${markings}`);
        expect((issuers > 0) === (f.issuer !== 'missing'), `issuer ${issuers}`);
      }
      assert.deepEqual(problems.slice(0, 10), []);
    });
  });

  describe('header', () => {
    it('issuer, in one line or two, any case', () => {
      assertScope(tok('Council of the European Union\n'), 'Council of the European Union', 'entity.name.type.issuer');
      const t = tok('**COUNCIL OF\nTHE EUROPEAN UNION**\n');
      assertScope(t, 'COUNCIL OF', 'entity.name.type.issuer');
      assertScope(t, 'THE EUROPEAN UNION', 'entity.name.type.issuer');
      assertScope(t, '**', 'punctuation.definition.tag.markup');
    });

    it('place and date, original language, interinstitutional file', () => {
      const t = tok('Luxembourg, 14 June 2019\n(OR. fr)\nInterinstitutional File: 2016/0132 (COD)\n');
      assertScope(t, 'Luxembourg', 'entity.name.tag.place');
      assertScope(t, '14 June 2019', 'constant.numeric.date');
      assertScope(t, 'OR.', 'keyword.other.original-language');
      assertScope(t, 'fr', 'constant.other.language-code');
      assertScope(t, 'Interinstitutional File', 'keyword.other.label');
      assertScope(t, '2016/0132', 'constant.numeric.interinstitutional-file');
      assertScope(t, 'COD', 'support.constant.procedure');
    });

    it('document number 13228/1/11 REV 1, ADD/COR, and REV on its own line', () => {
      const t = tok('Brussels, 2 August 2011\n\n13228/1/11 REV 1\n');
      assertScope(t, '13228/1/11', 'constant.numeric.document-number');
      assertScope(t, 'REV', 'keyword.other.revision');
      assertScope(t, '1', 'constant.numeric.revision', 4, 3); // the 5th "1" on line 3
      const u = tok('13228/11 ADD 1 COR 2\n');
      assertScope(u, '13228/11', 'constant.numeric.document-number');
      assertScope(u, 'ADD', 'keyword.other.revision');
      assertScope(u, 'COR', 'keyword.other.revision');
      const v = tok('13228/1/11\nREV 1\n');
      assertScope(v, 'REV', 'keyword.other.revision');
      assertNoScope(v, 'REV', 'support.type.subject-code');
    });

    it('partial access, whole or wrapped', () => {
      const t = tok('DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (28.09.2011)\n');
      assertScope(t, 'DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC', 'keyword.other.partial-access');
      assertScope(t, '28.09.2011', 'constant.numeric.date');
      const u = tok('**DOCUMENT PARTIALLY\nACCESSIBLE TO THE PUBLIC\n(28.09.2011)**\n');
      assertScope(u, 'ACCESSIBLE TO THE PUBLIC', 'keyword.other.partial-access');
      assertScope(u, '28.09.2011', 'constant.numeric.date');
    });

    it('markings', () => {
      for (const m of ['LIMITE', 'RESTREINT UE/EU RESTRICTED', 'CONFIDENTIEL UE/EU CONFIDENTIAL', 'SECRET UE/EU SECRET']) {
        assertScope(tok(`${m}\n`), m, 'keyword.control.marking');
      }
      assertScope(tok('**LIMITE**\n'), 'LIMITE', 'keyword.control.marking');
    });

    it('subject codes: code and number separately, in every markup', () => {
      let t = tok('JAIEX 75\n');
      assertScope(t, 'JAIEX', 'support.type.subject-code');
      assertScope(t, '75', 'constant.numeric.subject-code-number');
      t = tok('<b>JAIEX</b>\t<b>75</b>\n');
      assertScope(t, 'JAIEX', 'support.type.subject-code');
      assertScope(t, '75', 'constant.numeric.subject-code-number');
      assertScope(t, '<b>', 'punctuation.definition.tag.markup');
      t = tok('**JAIEX 45  \nUSA 37**\n');
      assertScope(t, 'JAIEX', 'support.type.subject-code');
      assertScope(t, 'USA', 'support.type.subject-code');
      assertScope(t, '37', 'constant.numeric.subject-code-number');
      t = tok('CFSP/PESC 1025\n');
      assertScope(t, 'CFSP/PESC', 'support.type.subject-code');
      assertScope(t, '1025', 'constant.numeric.subject-code-number');
    });

    it('OUTCOME OF PROCEEDINGS with any markup', () => {
      for (const line of ['OUTCOME OF PROCEEDINGS', '**OUTCOME OF PROCEEDINGS**', '#### **OUTCOME OF PROCEEDINGS**']) {
        const t = tok(`Brussels, 1 June 2017\n\n${line}\n`);
        assertScope(t, 'OUTCOME OF PROCEEDINGS', 'keyword.other.document-type');
        assertScope(t, 'OUTCOME OF PROCEEDINGS', 'markup.heading.title');
      }
    });

    it('header patterns do not fire in the body', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nUSA 37\n\n13228/11\n\nCouncil of the\n\nThe text says LIMITE in passing.\n');
      assertNoScope(t, 'USA', 'support.type.subject-code');
      assertNoScope(t, '13228/11', 'constant.numeric.document-number');
      assertNoScope(t, 'Council of the', 'entity.name.type.issuer');
      assertNoScope(t, 'LIMITE', 'keyword.control.marking');
    });
  });

  describe('addressing', () => {
    it('labels and values, any case, with a space before the colon', () => {
      const t = tok([
        'OUTCOME OF PROCEEDINGS',
        'from: General Secretariat of the Council',
        'TO:\tDelegations',
        'No. prev. doc.:\t10084/17, 7226/3/13 REV 3 JAI 192 DAPIX 53',
        'No. Cion doc.:\t9032/16 - COM(2016) 272 final',
        'Subject :\tOutcome of proceedings of the EU-US Senior Officials Meeting (Lisbon, 3-4 March 2021)',
        '',
      ].join('\n'));
      assertScope(t, 'from', 'keyword.other.label');
      assertScope(t, 'General Secretariat of the Council', 'string.unquoted.value');
      assertScope(t, 'TO', 'keyword.other.label');
      assertScope(t, 'Delegations', 'string.unquoted.value');
      assertScope(t, 'No. prev. doc.', 'keyword.other.label');
      assertScope(t, '10084/17', 'variable.other.reference.document-number');
      assertScope(t, '7226/3/13', 'variable.other.reference.document-number');
      assertScope(t, 'DAPIX', 'support.type.subject-code');
      assertScope(t, 'No. Cion doc.', 'keyword.other.label');
      assertScope(t, 'COM', 'keyword.other.document-series', 0, 5);
      assertScope(t, 'Subject', 'keyword.other.label');
      assertScope(t, ':', 'punctuation.separator.key-value', 0, 6);
      assertScope(t, 'Outcome of proceedings', 'string.unquoted.subject');
      assertScope(t, '3-4 March 2021', 'constant.numeric.date');
    });

    it('the older Of:/On: form and a wrapped subject', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nOf : Terrorism Working Party\nOn: 16 December 2019\nSubject: Meeting of the group,  \nBrussels, 30 November - 1 December 2020\n\nBody text.\n');
      assertScope(t, 'Of', 'keyword.other.label');
      assertScope(t, 'Terrorism Working Party', 'string.unquoted.value');
      assertScope(t, 'On', 'keyword.other.label');
      assertScope(t, '16 December 2019', 'constant.numeric.date');
      assertScope(t, 'Brussels', 'string.unquoted.subject');
      assertScope(t, '30 November - 1 December 2020', 'constant.numeric.date');
      assertNoScope(t, 'Body text.', 'string.unquoted');
    });

    it('Summary with or without a colon', () => {
      assertScope(tok('**Summary:** The meeting went well.\n'), 'Summary', 'keyword.other.label');
      assertScope(tok('OUTCOME OF PROCEEDINGS\n\nSummary\n\nText.\n'), 'Summary', 'keyword.other.label');
    });
  });

  describe('body', () => {
    it('Session 4: PNR issues is a section heading', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\n#### **Session 4: PNR issues**\n\n*1. PNR - update*\n\nText.\n');
      assertScope(t, 'Session', 'keyword.other.session');
      assertScope(t, '4', 'constant.numeric.section-number');
      assertScope(t, 'PNR issues', 'entity.name.section');
      assertScope(t, 'PNR issues', 'markup.heading.section');
      // after a session heading, numbered lines are items
      assertScope(t, 'PNR - update', 'entity.name.section.item');
      assertScope(t, '1', 'constant.numeric.item-number');
    });

    it('numbered sections and lettered items', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\n## **1. Counter-terrorism**\n\na) Information sharing\n\nThe EU side informed.\n');
      assertScope(t, 'Counter-terrorism', 'entity.name.section');
      assertScope(t, '1', 'constant.numeric.section-number');
      assertScope(t, 'Counter-terrorism', 'markup.heading.section');
      assertScope(t, 'Information sharing', 'entity.name.section.item');
      assertScope(t, 'a', 'constant.numeric.item-number');
      assertNoScope(t, 'The EU side informed.', 'markup.heading');
    });

    it('a section or item number standing alone (its title on a line below) is a heading number', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\n2.\n\nCounter-terrorism\n\na)\n\nInformation sharing\n');
      assertScope(t, '2', 'constant.numeric.section-number');
      assertScope(t, 'a', 'constant.numeric.item-number');
    });

    it('an item lettered "a." is an item heading; "e. g." is not', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\n1. Security\n\na. Information sharing\n\nb.\n\ne. g. the exchange of data\n');
      assertScope(t, 'a', 'constant.numeric.item-number');
      assertScope(t, 'Information sharing', 'entity.name.section.item');
      assertScope(t, 'b', 'constant.numeric.item-number');
      assertNoScope(t, 'e. g. the', 'markup.heading.item');
    });

    it('a part numbered in Roman numerals is a section heading', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nII. Justice\n\n1. Data protection\n\nIV.\n\nVisa policy\n');
      assertScope(t, 'II', 'constant.numeric.section-number');
      assertScope(t, 'Justice', 'entity.name.section');
      assertScope(t, 'IV', 'constant.numeric.section-number');
    });

    it('a numbered sentence in a paragraph is not damaged', () => {
      const t = tok([
        'OUTCOME OF PROCEEDINGS',
        '',
        'The group reported as follows:',
        '1. On 3 May the group met',
        '',
        '1. On 3 May the group met the delegation of the Commission in Brussels.',
        '',
      ].join('\n'));
      for (const line of [4, 6]) {
        assert.ok(!lineScopes(t, line).some((s) => s.startsWith('markup.heading') || s.startsWith('entity.name.section')),
          `line ${line} is not a heading: ${lineScopes(t, line).join(', ')}`);
      }
      assertScope(t, '3 May', 'constant.numeric.date');
      assertScope(t, '3 May', 'constant.numeric.date', 1);
      assertNoScope(t, '1. On', 'constant.numeric');
    });

    it('DELETED is a redaction', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nRegarding the agreement **DELETED**.\n\nDELETED\n');
      assertScope(t, 'DELETED', 'markup.deleted.redaction');
      assertScope(t, 'DELETED', 'markup.deleted.redaction', 1);
      assertScope(t, 'DELETED', 'markup.bold');
    });

    it('Presidencies named by the adjective of a member state', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nThe Polish Presidency thanked the incoming Danish Presidency and the British delegation.\n');
      assertScope(t, 'incoming', 'storage.modifier.presidency');
      assertScope(t, 'Danish', 'support.type.member-state');
      assertScope(t, 'Presidency', 'support.type.presidency', 1);
      assertScope(t, 'Polish', 'support.type.member-state');
      assertNoScope(t, 'British', 'support.type');
    });

    it('dates', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nMet on 21 November 2011, on 25-26 July 2011 and 30 November - 1 December 2020; not on 9/11.\n');
      assertScope(t, '21 November 2011', 'constant.numeric.date');
      assertScope(t, '25-26 July 2011', 'constant.numeric.date');
      assertScope(t, '30 November - 1 December 2020', 'constant.numeric.date');
      assertNoScope(t, '9/11', 'constant.numeric');
      assertNoScope(t, '9/11', 'variable.other');
    });

    it('document references in the text', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nSee doc. 11050/11, 7970/08 ENFOPOL 64, CM 1405/08, WK 10837/2020 INIT, SN 4438/01 and ST 9278 2018 INIT; Decision 2008/615/JHA.\n');
      assertScope(t, 'doc.', 'keyword.other.document-series');
      assertScope(t, '11050/11', 'variable.other.reference.document-number');
      assertScope(t, '7970/08', 'variable.other.reference.document-number');
      assertScope(t, 'ENFOPOL', 'support.type.subject-code');
      assertScope(t, '64', 'constant.numeric.subject-code-number');
      assertScope(t, 'CM', 'keyword.other.document-series');
      assertScope(t, '1405/08', 'variable.other.reference.document-number');
      assertScope(t, 'WK', 'keyword.other.document-series');
      assertScope(t, '10837/2020', 'variable.other.reference.document-number');
      assertScope(t, 'INIT', 'keyword.other.revision');
      assertScope(t, '4438/01', 'variable.other.reference.document-number');
      assertScope(t, '9278 2018', 'variable.other.reference.document-number');
      assertNoScope(t, '2008/615/JHA', 'variable.other.reference');
    });

    it('page footers are comments', () => {
      const t = tok('OUTCOME OF PROCEEDINGS\n\nText.\n\n12230/19 VLV/NH/dn 1 COMM LIMITE EN\n7163/17 DGD1B PC/pf 1 LIMITE EN\n');
      assertScope(t, '12230/19 VLV/NH/dn 1 COMM LIMITE EN', 'comment.line.page-footer');
      assertScope(t, '7163/17 DGD1B PC/pf 1 LIMITE EN', 'comment.line.page-footer');
    });

    it('keeps going after odd input (empty lines, rules, BOM, CRLF)', () => {
      const t = tok('\uFEFF\r\n---\r\nSession 1:\r\n\r\n---\r\nOUTCOME OF PROCEEDINGS\r\n');
      assertScope(t, '---', 'meta.separator');
      assertScope(t, 'OUTCOME OF PROCEEDINGS', 'keyword.other.document-type');
    });
  });
});
