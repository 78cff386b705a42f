import * as assert from 'node:assert/strict';
import {
  DEFECTS,
  MONTHS,
  PRESIDENCY_ADJECTIVE,
  SERIES_IDS,
  daysInMonth,
  generateCorpus,
  generateDocument,
  mulberry32,
  presidencyOn,
  type GeneratedDocument,
} from '../fixtures/generate';
import { parse } from '../../server/src/core/document/parse';
import { validate } from '../../server/src/core/rules/validate';
import { lintText } from '../../server/src/core/lint';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';

const MONTH_RE = MONTHS.join('|');
const LONG_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTH_RE}) (\\d{4})\\b`, 'g');
const RANGE_DATE = new RegExp(`\\b(\\d{1,2})-(\\d{1,2}) (${MONTH_RE}) (\\d{4})\\b`, 'g');
const DOTTED_DATE = /\((\d{2})\.(\d{2})\.(\d{4})\)/g;
const ADJECTIVE_TO_COUNTRY = new Map(Object.entries(PRESIDENCY_ADJECTIVE).map(([c, a]) => [a, c]));
const PRESIDENCY_RE = new RegExp(`\\b(incoming )?(${[...ADJECTIVE_TO_COUNTRY.keys()].join('|')}) Presidency\\b`, 'g');

function isRealDate(d: number, month: number, y: number): boolean {
  return month >= 1 && month <= 12 && d >= 1 && d <= daysInMonth(y, month);
}

function realDatesOnly(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(LONG_DATE)) {
    if (!isRealDate(+m[1], MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1, +m[3])) bad.push(m[0]);
  }
  for (const m of text.matchAll(RANGE_DATE)) {
    if (!isRealDate(+m[1], MONTHS.indexOf(m[3] as (typeof MONTHS)[number]) + 1, +m[4])) bad.push(m[0]);
  }
  for (const m of text.matchAll(DOTTED_DATE)) if (!isRealDate(+m[1], +m[2], +m[3])) bad.push(m[0]);
  return bad;
}

describe('document generator', function () {
  this.timeout(60000);
  let corpus: GeneratedDocument[];
  before(() => {
    corpus = generateCorpus(2000, 1);
  });

  it('is deterministic: the same seed gives the same text', () => {
    const a = generateDocument(mulberry32(42));
    const b = generateDocument(mulberry32(42));
    assert.equal(a.text, b.text);
    assert.deepEqual(a.facts, b.facts);
    assert.notEqual(generateDocument(mulberry32(43)).text, a.text);
    const c1 = generateCorpus(50, 9);
    const c2 = generateCorpus(50, 9);
    assert.deepEqual(c1.map((d) => d.text), c2.map((d) => d.text));
    assert.deepEqual(c1.map((d) => d.fileName), c2.map((d) => d.fileName));
  });

  it('produces realistic sizes (4-25 KB) and a ~60 KB document on request', () => {
    for (const d of corpus) {
      const bytes = Buffer.byteLength(d.text, 'utf8');
      assert.equal(bytes, d.facts.bytes);
      assert.ok(bytes >= 4000 && bytes <= 25000, `${d.fileName}: ${bytes} bytes`);
    }
    const big = generateDocument(mulberry32(5), { targetBytes: 60000 });
    assert.ok(big.facts.bytes >= 58000 && big.facts.bytes <= 64000, `${big.facts.bytes} bytes`);
  });

  it('writes only real dates, and the meeting ends before the document date', () => {
    for (const d of corpus) {
      assert.deepEqual(realDatesOnly(d.text), [], d.fileName);
      assert.ok(d.facts.meetingStart <= d.facts.meetingEnd, d.fileName);
      assert.ok(d.facts.meetingEnd < d.facts.date, d.fileName);
      if (d.facts.partialAccess) assert.ok(d.facts.partialAccess >= d.facts.date, d.fileName);
    }
  });

  it('names Presidencies according to the rota of the meeting semester', () => {
    let mentions = 0;
    for (const d of corpus) {
      const rota = presidencyOn(d.facts.meetingStart);
      assert.equal(d.facts.presidency, rota.current);
      assert.equal(d.facts.incomingPresidency, rota.incoming);
      for (const m of d.text.matchAll(PRESIDENCY_RE)) {
        const country = ADJECTIVE_TO_COUNTRY.get(m[2]);
        assert.equal(country, m[1] ? rota.incoming : rota.current, `${d.fileName}: "${m[0]}" for a meeting on ${d.facts.meetingStart}`);
        mentions++;
      }
    }
    assert.ok(mentions > corpus.length, `only ${mentions} Presidency mentions`);
  });

  it("gives each number the year of its date (REV/ADD: never a later year than the date's)", () => {
    for (const d of corpus) {
      const year = +d.facts.date.slice(0, 4);
      if (d.facts.suffix) assert.ok(d.facts.numberYear <= year, d.fileName);
      else assert.equal(d.facts.numberYear, year, d.fileName);
      const yy = String(d.facts.numberYear % 100).padStart(2, '0');
      assert.ok(d.facts.base.endsWith(`/${yy}`), d.fileName);
      const compact = d.text.replace(/\*\*/g, '').replace(/\r?\n(REV \d)/, ' $1');
      assert.ok(compact.includes(d.facts.number), `${d.fileName} does not show ${d.facts.number}`);
    }
  });

  it('numbers documents chronologically within each year, with unique file names', () => {
    const bases = corpus.filter((d) => !d.facts.suffix);
    const byYear = new Map<number, GeneratedDocument[]>();
    for (const d of bases) byYear.set(d.facts.numberYear, [...(byYear.get(d.facts.numberYear) ?? []), d]);
    for (const [year, docs] of byYear) {
      docs.sort((a, b) => a.facts.serial - b.facts.serial);
      for (let i = 1; i < docs.length; i++) {
        assert.ok(docs[i - 1].facts.date <= docs[i].facts.date, `${year}: ${docs[i - 1].facts.number} after ${docs[i].facts.number}`);
        assert.ok(docs[i - 1].facts.serial < docs[i].facts.serial);
      }
    }
    assert.equal(new Set(corpus.map((d) => d.fileName)).size, corpus.length);
    assert.ok(corpus.some((d) => d.facts.suffix?.kind === 'REV'));
    assert.ok(corpus.some((d) => d.facts.suffix?.kind === 'ADD'));
  });

  it('refers "No. prev. doc." to an earlier document of the same series', () => {
    const byNumber = new Map(corpus.map((d) => [d.facts.number, d]));
    let linked = 0;
    for (const d of corpus) {
      for (const n of d.facts.prevDocs) {
        const prev = byNumber.get(n);
        assert.ok(prev, `${d.fileName}: ${n} is not in the corpus`);
        assert.equal(prev.facts.series, d.facts.series);
        assert.ok(prev.facts.date < d.facts.date, `${d.fileName} (${d.facts.date}) cites ${n} (${prev.facts.date})`);
        assert.match(d.text, new RegExp(`No\\. prev\\. doc\\.:\\s.*${n.replace(/[/.]/g, '\\$&')}`));
        linked++;
      }
    }
    assert.ok(linked > corpus.length / 2);
  });

  it('covers several series over 2007-2027 and varies the layout', () => {
    const big = generateCorpus(10000, 1);
    assert.equal(big.length, 10000);
    const years = new Set(big.map((d) => +d.facts.date.slice(0, 4)));
    for (let y = 2007; y <= 2027; y++) assert.ok(years.has(y), `no document in ${y}`);
    assert.deepEqual(new Set(big.map((d) => d.facts.series)), new Set(SERIES_IDS));
    const has = (p: (d: GeneratedDocument) => boolean) => assert.ok(big.some(p));
    has((d) => d.facts.crlf);
    has((d) => d.facts.bom);
    has((d) => d.facts.footers > 0);
    has((d) => d.facts.annex);
    has((d) => d.facts.partialAccess !== undefined && d.facts.hasDeleted);
    has((d) => d.facts.issuer === 'missing');
    has((d) => d.facts.issuePlace === 'Luxembourg');
    has((d) => d.facts.sectionStyle === 'session');
    has((d) => d.facts.level === 'Senior Officials');
    has((d) => d.facts.meetingStart.slice(5, 7) !== d.facts.meetingEnd.slice(5, 7));
    has((d) => d.facts.instruments.includes('CLOUD Act'));
    for (const d of big) {
      assert.ok(d.facts.subjectCodes.length >= 3 && d.facts.subjectCodes.length <= 16, d.fileName);
      assert.ok(d.facts.sectionTitles.length >= 3 && d.facts.sectionTitles.length <= 9, d.fileName);
      if (d.facts.hasDeleted) assert.ok(d.facts.partialAccess, d.fileName);
    }
  });

  describe('against the core parser and validator', () => {
    const catalogue = loadBuiltInCatalogue();

    it('200 generated documents parse as outcome documents with no error-level finding', () => {
      for (const d of corpus.slice(0, 200)) {
        const doc = parse(d.text);
        assert.equal(doc.kind, 'outcome', d.fileName);
        const errors = validate(doc, catalogue).filter((f) => f.severity === 'error');
        assert.deepEqual(errors.map((f) => `${f.code} line ${f.range.start.line}: ${f.message}`), [], d.fileName);
        // The same through the entry point the CLI and the server use.
        const viaLint = lintText(d.text, catalogue).findings.filter((f) => f.severity === 'error');
        assert.deepEqual(viaLint.map((f) => f.code), [], d.fileName);
      }
    });

    it('a planted defect is reported with its rule code', () => {
      for (const defect of DEFECTS) {
        for (let seed = 1; seed <= 5; seed++) {
          const { text, facts } = generateDocument(mulberry32(seed * 31 + defect.length), { defects: [defect] });
          const codes = lintText(text, catalogue).findings.map((f) => f.code);
          for (const code of facts.expectedCodes) assert.ok(codes.includes(code), `${defect} (seed ${seed}): ${code} not in ${codes.join(', ')}`);
        }
      }
    });
  });
});
