import assert from 'node:assert/strict';
import fc from 'fast-check';
import { headingOnLine, headingsAt, headingTextsOf, headingTitlesOf, mentionAt, mentionIdsOf, referenceBasesOf, mentionSpansOf, mentionTriplesOf, type DocumentEntry, type HeadingEntry } from '../../server/src/core/workspace/documentEntry';
import { EntryUnpacker, MalformedEntry, PackedEntryCheck, packEntry, StringTable } from '../../server/src/core/workspace/packedEntry';

/**
 * The index holds its entries packed (`PackedDocumentEntry`): whatever an entry holds, read
 * through the index's form it is the same data as the plain entry it was packed from, the
 * helpers that read the packed form directly answer as they do on the plain entry, and packed
 * again it gives the same saved form.
 */
const IDS = ['pnr', 'tftp', 'europol', 'data-protection', 'a-very-long-catalogue-entry-identifier'];
const text = fc.string({ maxLength: 30 });
const span = fc.tuple(fc.nat(400), fc.nat(200), fc.nat(200)).map(([line, a, b]): [number, number, number] => [line, Math.min(a, b), Math.max(a, b)]);
const heading = fc.record({ label: fc.string({ maxLength: 3 }), title: text, prefix: fc.option(text, { nil: undefined }), whole: text, span, more: fc.nat(20) }).map(
  ({ label, title, prefix, whole, span: s, more }): HeadingEntry => ({ label, title, text: prefix === undefined ? whole : prefix + title, span: s, endLine: s[0] + more }),
);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const sortedTriples = fc.array(span, { minLength: 1, maxLength: 6 }).map((spans) => spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]).flat());
const entry: fc.Arbitrary<DocumentEntry> = fc
  .record({
    uri: fc.webUrl(),
    number: optional(fc.record({ text, base: text, span })),
    date: optional(text),
    meeting: optional(fc.record({ informal: fc.boolean(), series: optional(text), level: optional(fc.constantFrom('Ministerial' as const, 'Senior Officials' as const)), place: optional(text), start: optional(text), end: optional(text) })),
    target: span,
    sections: fc.array(fc.tuple(heading, fc.array(heading, { maxLength: 3 })).map(([h, items]) => ({ ...h, items })), { maxLength: 4 }),
    mentions: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: IDS.length }).chain((ids) => fc.tuple(...ids.map((id) => sortedTriples.map((spans) => ({ id, spans }))))),
    references: fc.array(fc.record({ series: fc.constantFrom('ST' as const, 'CM' as const), text, base: text, span, previous: optional(fc.constant(true as const)) }), { maxLength: 3 }),
    meetingRefs: fc.array(fc.record({ direction: fc.constantFrom('next' as const, 'previous' as const, 'named' as const), plural: optional(fc.constant(true)), place: optional(text), year: optional(fc.integer({ min: 1990, max: 2030 })), span }), { maxLength: 3 }),
  })
  .map((e) => withoutAbsent(e) as unknown as DocumentEntry);

/** Absent fields left out rather than undefined, as entries hold them (and JSON reads them back). */
function withoutAbsent(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutAbsent);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, withoutAbsent(x)]));
}

/** As the saved index and a worker give it: packed against `table`, through JSON, checked and held packed. */
function held(e: DocumentEntry, table = new StringTable()): DocumentEntry {
  const packed = JSON.parse(JSON.stringify(packEntry(e, table))) as unknown;
  return new EntryUnpacker(JSON.parse(JSON.stringify(table.strings)) as string[]).unpack(e.uri, packed);
}

describe('packed index entries', () => {
  it('read the same as the plain entry, field by field, whatever it holds', () => {
    fc.assert(
      fc.property(entry, fc.constantFrom(Infinity, 3), (plain, sharedUpTo) => {
        const e = held(plain, new StringTable(sharedUpTo));
        assert.deepEqual(JSON.parse(JSON.stringify(e)), JSON.parse(JSON.stringify(plain)));
        for (const key of ['uri', 'number', 'date', 'meeting', 'target', 'sections', 'mentions', 'references', 'meetingRefs'] as const) {
          assert.deepEqual(withoutAbsent(e[key]), withoutAbsent(plain[key]), key);
          assert.equal(key in e, key in plain, `${key} present`);
        }
      }),
    );
  });

  it('answer the helpers as the plain entry does', () => {
    fc.assert(
      fc.property(entry, fc.subarray(IDS), fc.nat(400), fc.nat(200), (plain, ids, line, character) => {
        const e = held(plain);
        const wanted = new Set(ids);
        assert.deepEqual(mentionIdsOf(e), mentionIdsOf(plain));
        assert.deepEqual(headingTextsOf(e), headingTextsOf(plain));
        assert.deepEqual(headingTitlesOf(e), headingTitlesOf(plain));
        for (const series of ['ST', 'CM'] as const) assert.deepEqual(referenceBasesOf(e, series), referenceBasesOf(plain, series));
        assert.deepEqual(Array.from(mentionTriplesOf(e, wanted)), Array.from(mentionTriplesOf(plain, wanted)));
        assert.deepEqual(mentionSpansOf(e, wanted), mentionSpansOf(plain, wanted));
        assert.equal(mentionAt(e, line, character), mentionAt(plain, line, character));
        assert.deepEqual(headingOnLine(e, line), headingOnLine(plain, line));
        assert.deepEqual(headingsAt(e, line), headingsAt(plain, line));
      }),
    );
  });

  it('pack again as the plain entry packs, strings in the same order', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (plains) => {
        const fromHeld = new StringTable();
        const fromPlain = new StringTable();
        const held_ = plains.map((p) => held(p));
        // Several entries against one table, as a save packs them: each string's index depends on those packed before.
        assert.deepEqual(held_.map((e) => packEntry(e, fromHeld)), plains.map((p) => packEntry(p, fromPlain)));
        assert.deepEqual(fromHeld.strings, fromPlain.strings);
      }),
    );
  });

  it('a damaged packed entry is refused, never held', () => {
    const table = new StringTable();
    const plain: DocumentEntry = { uri: 'mem:///x.md', target: [1, 0, 4], sections: [{ label: '1', title: 'PNR', text: '1. PNR', span: [5, 0, 6], endLine: 9, items: [] }], mentions: [{ id: 'pnr', spans: [5, 3, 6] }], references: [], meetingRefs: [] };
    const packed = packEntry(plain, table);
    const check = (damage: (p: unknown[]) => void, strings: unknown[] = table.strings) => {
      const p = JSON.parse(JSON.stringify(packed)) as unknown[];
      damage(p);
      assert.throws(() => new PackedEntryCheck(strings).check(plain.uri, p), MalformedEntry);
    };
    check((p) => (p[1] = ['Session 1', 'x']));
    check((p) => ((p[2] as number[])[1] = 9));
    check((p) => ((p[0] as number[])[2] = -1));
    check((p) => ((p[1] as number[])[0] = 2 ** 40));
    check((p) => p.pop());
    check(() => undefined, []);
  });
});
