// Snippet tests: the file is valid, every body is valid snippet syntax with
// tab stops numbered without gaps, and the skeleton, expanded with its
// default text, is a complete outcome-of-proceedings header and body.
// The checks here are regular expressions: they do not depend on the
// language server's parser.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const SNIPPETS_PATH = path.join(ROOT, 'snippets', 'outcome.code-snippets');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'council-outcome.tmLanguage.json');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
  scope?: string;
}

// ---------------------------------------------------------------- parser ---

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; transform?: Transform }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[]; transform?: Transform };

interface Transform { regex: string; format: string; options: string }

/** VS Code's snippet variables (https://code.visualstudio.com/docs/editor/userdefinedsnippets). */
const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD',
  'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

/**
 * A strict parser of VS Code snippet syntax. VS Code itself treats anything
 * it cannot parse as text; here a stray `$` or an unbalanced `${` or `}` is
 * an error, since it is almost always a mistake in a hand-written body.
 */
function parseSnippet(src: string): Node[] {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${pos}: ${JSON.stringify(src.slice(Math.max(0, pos - 20), pos + 20))}`);
  };
  const readInt = (): number | undefined => {
    const m = /^\d+/.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  };
  const readName = (): string | undefined => {
    const m = /^[_a-z]\w*/i.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  // reads up to an unescaped `stop`, unescaping `\x`
  const readUntil = (stop: string, escapable: string): string => {
    let out = '';
    while (pos < src.length && src[pos] !== stop) {
      if (src[pos] === '\\' && pos + 1 < src.length && escapable.includes(src[pos + 1])) {
        out += src[pos + 1];
        pos += 2;
      } else {
        out += src[pos++];
      }
    }
    if (src[pos] !== stop) fail(`missing ${JSON.stringify(stop)}`);
    pos++;
    return out;
  };
  const readTransform = (): Transform => {
    // at '/'
    pos++;
    const regex = readUntil('/', '/\\');
    const format = readUntil('/', '/\\$}');
    const m = /^[a-z]*/.exec(src.slice(pos));
    pos += m![0].length;
    if (src[pos] !== '}') fail('transform not closed');
    pos++;
    try {
      new RegExp(regex, m![0]);
    } catch (e) {
      fail(`bad transform regex: ${(e as Error).message}`);
    }
    return { regex, format, options: m![0] };
  };

  const parseSeq = (inside: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\' && pos + 1 < src.length && '$}\\'.includes(src[pos + 1])) {
        text += src[pos + 1];
        pos += 2;
      } else if (c === '}') {
        if (inside) break;
        fail('unbalanced "}"');
      } else if (c === '$') {
        flush();
        pos++;
        if (src[pos] === '{') {
          pos++;
          const index = readInt();
          if (index !== undefined) {
            if (src[pos] === '}') {
              pos++;
              nodes.push({ kind: 'tabstop', index });
            } else if (src[pos] === ':') {
              pos++;
              const children = parseSeq(true);
              if (src[pos] !== '}') fail('placeholder not closed');
              pos++;
              nodes.push({ kind: 'placeholder', index, children });
            } else if (src[pos] === '|') {
              pos++;
              const options: string[] = [];
              let cur = '';
              for (;;) {
                if (pos >= src.length) fail('choice not closed');
                const d = src[pos];
                if (d === '\\' && ',|\\$}'.includes(src[pos + 1])) { cur += src[pos + 1]; pos += 2; continue; }
                if (d === ',') { options.push(cur); cur = ''; pos++; continue; }
                if (d === '|') {
                  options.push(cur);
                  pos++;
                  if (src[pos] !== '}') fail('choice must end with "|}"');
                  pos++;
                  break;
                }
                cur += d;
                pos++;
              }
              if (options.some((o) => o === '')) fail('empty choice option');
              nodes.push({ kind: 'choice', index, options });
            } else if (src[pos] === '/') {
              nodes.push({ kind: 'tabstop', index, transform: readTransform() });
            } else {
              fail('bad tab stop');
            }
          } else {
            const name = readName();
            if (!name) fail('expected a number or a variable name after "${"');
            if (src[pos] === '}') {
              pos++;
              nodes.push({ kind: 'variable', name: name! });
            } else if (src[pos] === ':') {
              pos++;
              const children = parseSeq(true);
              if (src[pos] !== '}') fail('variable default not closed');
              pos++;
              nodes.push({ kind: 'variable', name: name!, children });
            } else if (src[pos] === '/') {
              nodes.push({ kind: 'variable', name: name!, transform: readTransform() });
            } else {
              fail('bad variable');
            }
          }
        } else {
          const index = readInt();
          if (index !== undefined) {
            nodes.push({ kind: 'tabstop', index });
          } else {
            const name = readName();
            if (!name) fail('stray "$" (escape it as "\\$")');
            nodes.push({ kind: 'variable', name: name! });
          }
        }
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  };

  const nodes = parseSeq(false);
  if (pos !== src.length) fail('unexpected end');
  return nodes;
}

function walk(nodes: Node[], visit: (n: Node) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind === 'placeholder' || (n.kind === 'variable' && n.children)) walk(n.children!, visit);
  }
}

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

// ------------------------------------------------------------- expansion ---

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

function variablesFor(date: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(date.getUTCFullYear()),
    CURRENT_YEAR_SHORT: String(date.getUTCFullYear()).slice(-2),
    CURRENT_MONTH: pad(date.getUTCMonth() + 1),
    CURRENT_MONTH_NAME: MONTH_NAMES[date.getUTCMonth()],
    CURRENT_MONTH_NAME_SHORT: MONTH_NAMES[date.getUTCMonth()].slice(0, 3),
    CURRENT_DATE: pad(date.getUTCDate()),
  };
}

function applyTransform(value: string, t: Transform): string {
  return value.replace(new RegExp(t.regex, t.options), (...m: unknown[]) =>
    t.format.replace(/\$(\d+)|\$\{(\d+)\}/g, (_x, a?: string, b?: string) => String(m[Number(a ?? b)] ?? '')));
}

/** The text VS Code inserts when the user accepts every default. */
function expand(nodes: Node[], vars: Record<string, string>): string {
  const defaults = new Map<number, string>();
  // a tab stop mirrors the placeholder or choice of the same index
  walk(nodes, (n) => {
    if (n.kind === 'placeholder' && !defaults.has(n.index)) defaults.set(n.index, expand(n.children, vars));
    if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0]);
  });
  const go = (list: Node[]): string => list.map((n) => {
    switch (n.kind) {
      case 'text': return n.value;
      case 'tabstop': {
        const v = defaults.get(n.index) ?? '';
        return n.transform ? applyTransform(v, n.transform) : v;
      }
      case 'placeholder': return go(n.children);
      case 'choice': return n.options[0];
      case 'variable': {
        const v = vars[n.name];
        if (v === undefined) return n.children ? go(n.children) : '';
        return n.transform ? applyTransform(v, n.transform) : v;
      }
    }
  }).join('');
  return go(nodes);
}

// ---------------------------------------------------------------- checks ---

const OFFICIAL_LANGUAGES = 'bg es cs da de et el en fr ga hr it lv lt hu mt nl pl pt ro sk sl fi sv'.split(' ');
// Subject codes named in the template (corpus codes and others in public use).
const KNOWN_CODES = new Set(('ASIM CATS COEST COPEN CORDROGUE COSI COTER COTRA CRIMORG CT CYBER DATAPROTECT ' +
  'EJUSTICE ENFOPOL EUROJUST FRONT IXIM JAI JAIEX JUSTCIV RELEX USA VISA COMIX DROIPEN ENFOCUSTOM FREMP GENVAL ' +
  'MIGR SCHENGEN SIRIS PESC CODEC COHOM COSCE COAFR MAMA COASI COLAT ECOFIN POLGEN INST JUR INF API DAPIX EJN ' +
  'EPPO EUROPOL HYBRID DISINFO DIGIT COPS POLMIL PROCIV TELECOM PARLNAT ELARG CIVCOM COWEB').split(' '));
const MONTH_RE = MONTH_NAMES.join('|');

function isRealDate(day: number, month: string, year: number): boolean {
  const m = MONTH_NAMES.indexOf(month);
  const d = new Date(Date.UTC(year, m, day));
  return m >= 0 && d.getUTCDate() === day && d.getUTCMonth() === m;
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(new Uint8Array(wasm).buffer).catch((e: Error) => {
      if (!/already/i.test(e.message)) throw e; // loaded by another test file
    });
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
    });
    const g = await registry.loadGrammar('text.council-outcome');
    assert.ok(g);
    return g;
  })();
  return grammarPromise;
}

describe('snippets: outcome.code-snippets', () => {
  const raw = fs.readFileSync(SNIPPETS_PATH, 'utf8');
  let snippets: Record<string, Snippet>;

  it('is valid JSON (no comments, no trailing commas)', () => {
    snippets = JSON.parse(raw) as Record<string, Snippet>;
    assert.ok(snippets && typeof snippets === 'object' && !Array.isArray(snippets));
  });

  it('gives every snippet a prefix, a body and a description; prefixes are unique words', () => {
    const seen = new Set<string>();
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(prefixes.length > 0, `${name}: prefix`);
      for (const p of prefixes) {
        assert.match(p, /^\S+$/, `${name}: prefix ${JSON.stringify(p)} must be one word`);
        assert.ok(!seen.has(p), `${name}: prefix ${p} used twice`);
        seen.add(p);
      }
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.ok(bodyText(s).trim().length > 0, `${name}: empty body`);
      assert.ok(typeof s.description === 'string' && s.description.trim().length > 0, `${name}: description`);
      if (s.scope !== undefined) assert.equal(s.scope, 'council-outcome');
    }
    for (const required of ['outcome', 'section', 'item', 'paragraph', 'prevdoc']) {
      assert.ok(seen.has(required), `a snippet with prefix ${required}`);
    }
  });

  it('parses every body as snippet syntax: balanced ${…}, known variables, tab stops 1..n without gaps', () => {
    for (const [name, s] of Object.entries(snippets)) {
      let nodes: Node[];
      try {
        nodes = parseSnippet(bodyText(s));
      } catch (e) {
        assert.fail(`${name}: ${(e as Error).message}`);
      }
      const indexes = new Set<number>();
      const choices = new Map<number, string>();
      walk(nodes, (n) => {
        if (n.kind === 'tabstop' || n.kind === 'placeholder' || n.kind === 'choice') indexes.add(n.index);
        if (n.kind === 'choice') {
          const key = n.options.join('|');
          assert.ok(!choices.has(n.index) || choices.get(n.index) === key, `${name}: $${n.index} has two different choices`);
          choices.set(n.index, key);
        }
        if (n.kind === 'variable') assert.ok(KNOWN_VARIABLES.has(n.name), `${name}: unknown variable ${n.name}`);
      });
      const numbered = [...indexes].filter((i) => i > 0).sort((a, b) => a - b);
      assert.ok(numbered.length > 0, `${name}: no tab stops`);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${name}: tab stops must be numbered 1..n`);
    }
  });

  it('offers the standard paragraph openings and the meeting levels as choices', () => {
    const all = Object.values(snippets).map(bodyText).join('\n');
    assert.ok(all.includes('|The EU side,The US side,Both sides|'));
    const skeleton = bodyText(snippets[findByPrefix(snippets, 'outcome')]);
    assert.ok(skeleton.includes('|Ministerial Meeting,Senior Officials Meeting|'));
    const para = bodyText(snippets[findByPrefix(snippets, 'paragraph')]);
    assert.ok(para.includes('The EU side') && para.includes('The US side') && para.includes('Both sides'));
    assert.match(bodyText(snippets[findByPrefix(snippets, 'prevdoc')]), /^No\. prev\. doc\.:\t/);
  });

  it('uses only known subject codes in its choices', () => {
    for (const [name, s] of Object.entries(snippets)) {
      walk(parseSnippet(bodyText(s)), (n) => {
        if (n.kind === 'choice' && n.options.every((o) => /^[A-Z]{2,}(?:\/[A-Z]{2,})?$/.test(o) && !/LIMITE|UE/.test(o))) {
          for (const o of n.options) assert.ok(KNOWN_CODES.has(o), `${name}: unknown subject code ${o}`);
        }
      });
    }
  });

  describe('the skeleton, expanded with its defaults', () => {
    // several dates: leading zeros, month and year ends
    const dates = ['2024-03-05', '2025-12-31', '2026-01-01', '2023-11-10'].map((d) => new Date(`${d}T12:00:00Z`));

    for (const date of dates) {
      it(`is a complete document (date ${date.toISOString().slice(0, 10)})`, () => {
        const doc = expand(parseSnippet(bodyText(snippets[findByPrefix(snippets, 'outcome')])), variablesFor(date));
        const lines = doc.split('\n');
        const find = (re: RegExp, what: string): number => {
          const i = lines.findIndex((l) => re.test(l));
          assert.ok(i >= 0, `missing ${what}:\n${doc}`);
          return i;
        };
        const issuer = find(/^Council of the European Union$/i, 'issuer');
        const placeDate = find(new RegExp(`^(?:Brussels|Luxembourg), (?:[1-9]|[12]\\d|3[01]) (?:${MONTH_RE}) \\d{4}$`), 'place and date');
        const [, day, month, year] = new RegExp(`^(?:Brussels|Luxembourg), (\\d+) (${MONTH_RE}) (\\d{4})$`).exec(lines[placeDate])!;
        assert.ok(isRealDate(Number(day), month, Number(year)), `not a real date: ${lines[placeDate]}`);
        assert.equal(Number(day), date.getUTCDate());
        const lang = find(/^\(OR\. [a-z]{2}\)$/, '(OR. xx)');
        assert.ok(OFFICIAL_LANGUAGES.includes(/^\(OR\. ([a-z]{2})\)$/.exec(lines[lang])![1]));
        const number = find(/^\d{1,5}\/\d{2}$/, 'document number');
        assert.equal(lines[number].slice(-2), year.slice(-2), 'the number\'s year is the document date\'s year');
        const marking = find(/^LIMITE$/, 'marking');
        const codeLines = lines
          .map((l, i) => ({ l, i, m: /^([A-Z]{2,}(?:\/[A-Z]{2,})?) ([1-9]\d*)$/.exec(l) }))
          .filter((x) => x.m);
        assert.ok(codeLines.length >= 1, 'subject codes');
        const codes = codeLines.map((x) => x.m![1]);
        assert.equal(new Set(codes).size, codes.length, `no code twice: ${codes.join(', ')}`);
        for (const c of codes) assert.ok(KNOWN_CODES.has(c), `known code ${c}`);
        const title = find(/^OUTCOME OF PROCEEDINGS$/, 'OUTCOME OF PROCEEDINGS');
        const from = find(/^From:\t\S/, 'From:');
        const to = find(/^To:\t\S/, 'To:');
        const subject = find(/^Subject:\t\S/, 'Subject:');
        assert.match(lines[subject],
          new RegExp(`(Ministerial Meeting|Senior Officials Meeting) \\([^,()]+, \\d{1,2}(-\\d{1,2})? (${MONTH_RE}) \\d{4}\\)$`),
          'the subject names level, place and dates');
        const summary = find(/^Summary:\t\S/, 'Summary:');
        const order = [issuer, placeDate, lang, number, marking, codeLines[0].i, codeLines[codeLines.length - 1].i,
          title, from, to, subject, summary];
        assert.deepEqual(order, [...order].sort((a, b) => a - b), 'header parts in template order');

        const sections = lines.map((l, i) => ({ i, m: /^(\d+)\. \S/.exec(l) })).filter((x) => x.m);
        assert.ok(sections.length >= 2, 'numbered sections');
        assert.deepEqual(sections.map((x) => Number(x.m![1])), sections.map((_, i) => i + 1), 'sections 1..n');
        assert.ok(sections[0].i > summary);
        const paragraphs = lines.filter((l) => /^(?:The EU side|The US side|Both sides) \S.*\.$/.test(l));
        assert.equal(paragraphs.length, sections.length, 'one paragraph per section');
        assert.ok(!doc.includes('$'), 'no snippet syntax left');
      });
    }

    it('is highlighted by the grammar part by part', async () => {
      const grammar = await loadGrammar();
      const doc = expand(parseSnippet(bodyText(snippets[findByPrefix(snippets, 'outcome')])), variablesFor(new Date('2024-03-05T12:00:00Z')));
      let state = vsctm.INITIAL;
      const scopes = new Set<string>();
      for (const line of doc.split('\n')) {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        for (const t of r.tokens) t.scopes.forEach((s) => scopes.add(s.replace(/\.council-outcome$/, '')));
      }
      for (const s of ['entity.name.type.issuer', 'entity.name.tag.place', 'constant.numeric.date',
        'constant.other.language-code', 'constant.numeric.document-number', 'keyword.control.marking',
        'support.type.subject-code', 'constant.numeric.subject-code-number', 'keyword.other.document-type',
        'keyword.other.label', 'string.unquoted.value', 'string.unquoted.subject', 'markup.heading.section',
        'entity.name.section']) {
        assert.ok(scopes.has(s), `the expanded skeleton has no ${s} token`);
      }
    });
  });

  describe('the other snippets, expanded', () => {
    const vars = variablesFor(new Date('2024-03-05T12:00:00Z'));
    const ex = (prefix: string) => expand(parseSnippet(bodyText(snippets[findByPrefix(snippets, prefix)])), vars);

    it('section: a numbered heading and a paragraph', () => {
      assert.match(ex('section'), /^\d+\. \S.*\n\n(The EU side|The US side|Both sides) \S.*\.\n$/);
    });
    it('item: a lettered item and a paragraph', () => {
      assert.match(ex('item'), /^[a-z]\) \S.*\n\n(The EU side|The US side|Both sides) \S.*\.\n$/);
    });
    it('paragraph: a sentence with a standard opening', () => {
      assert.match(ex('paragraph'), /^(The EU side|The US side|Both sides) \S.*\.$/);
    });
    it('prevdoc: a No. prev. doc. line with a document number', () => {
      assert.match(ex('prevdoc'), /^No\. prev\. doc\.:\t\d{1,5}\/24$/);
    });
  });

  describe('the strict parser itself', () => {
    it('rejects unbalanced or stray syntax', () => {
      for (const bad of ['${1:abc', 'a } b', '${1|a,b}', '$ x', '${}', '${1|a,,b|}']) {
        assert.throws(() => parseSnippet(bad), Error, bad);
      }
    });
    it('accepts nesting, escapes, transforms', () => {
      const nodes = parseSnippet('${1:a ${2:b} \\$c} ${CURRENT_DATE/^0?(\\d+)$/$1/} $0');
      assert.equal(expand(nodes, { CURRENT_DATE: '05' }), 'a b $c 5 ');
    });
  });
});

function findByPrefix(all: Record<string, Snippet>, prefix: string): string {
  const name = Object.keys(all).find((k) => {
    const p = all[k].prefix;
    return Array.isArray(p) ? p.includes(prefix) : p === prefix;
  });
  assert.ok(name, `no snippet with prefix ${prefix}`);
  return name!;
}
