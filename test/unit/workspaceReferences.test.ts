import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { headingTitlesOf, referenceBasesOf, type DocumentEntry } from '../../server/src/core/workspace/documentEntry';
import { normaliseTitle } from '../../server/src/core/workspace/lookups';
import { Slices } from '../../server/src/core/workspace/slices';
import { MemoryWorkspace } from '../../server/src/core/workspace/workspace';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { generateCorpus } from '../fixtures/generate';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();
const IDS = [...catalogue.instruments, ...catalogue.topics, ...catalogue.bodies].map((e) => e.id);

function files(): [string, string][] {
  return [
    ...OUTCOME_FILES.map((f): [string, string] => [`mem:///corpus/${f}`, corpusText(f)]),
    ...generateCorpus(40, 11).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text]),
  ];
}

describe('every mention of a topic', () => {
  it('is what a fresh index lists, before and after files change', async () => {
    const ws = new MemoryWorkspace(files());
    const index = new WorkspaceIndex(ws, catalogue);
    await index.build();
    await index.prepareQueries();
    const fresh = async () => {
      const other = new WorkspaceIndex(ws, catalogue);
      await other.build();
      return other;
    };
    let expected = await fresh();
    for (const id of IDS) assert.deepEqual(index.queries.references(index.queries.topicOf(id)).toArray(), expected.queries.references(expected.queries.topicOf(id)).toArray(), id);
    assert.ok(index.queries.references(index.queries.topicOf('pnr')).toArray().length > 0);

    const [first, second] = files();
    ws.set(first[0], second[1]);
    await index.refresh(first[0]);
    ws.delete(second[0]);
    index.remove(second[0]);
    expected = await fresh();
    for (const id of IDS) assert.deepEqual(index.queries.references(index.queries.topicOf(id)).toArray(), expected.queries.references(expected.queries.topicOf(id)).toArray(), id);
  });
});

describe('answers while the lookups are built after indexing', () => {
  it('wait for them where they read them, and answer as the built index does', async () => {
    const index = new WorkspaceIndex(new MemoryWorkspace(files()), catalogue);
    await index.build();
    const e = [...index.entries()].find((d) => d.mentions.some((g) => g.id === 'pnr'))!;
    const [line, start] = e.mentions.find((g) => g.id === 'pnr')!.spans;
    const at = { line, character: start + 1 };
    const preparing = index.prepareQueries();
    const waiting = index.answers.references(e.uri, at);
    assert.ok(waiting instanceof Promise, 'references wait for the lookups');
    assert.ok(!(index.answers.document(e.uri) instanceof Promise), 'a document answers at once');
    assert.ok(!(index.answers.symbols('pnr', 5) instanceof Promise), 'symbols answer at once (kept as documents arrive)');
    await preparing;
    const answered = await waiting;
    assert.ok(answered.total > 0);
    assert.deepEqual(answered, index.queries.references(e.uri, at));
    assert.ok(!(index.answers.references(e.uri, at) instanceof Promise), 'once built, at once');
  });
});

describe('lookups built in slices while documents come and go', () => {
  it('hold what a fresh index holds', async () => {
    const ws = new MemoryWorkspace(files());
    const index = new WorkspaceIndex(ws, catalogue);
    await index.build();
    const [first, second, third] = files();
    let turns = 0;
    // Every pause gives way, and at the first ones documents change, come and go.
    const slices = new Slices(async () => {
      turns++;
      if (turns === 2) {
        ws.set(first[0], second[1]);
        await index.refresh(first[0]);
      }
      if (turns === 3) {
        ws.delete(third[0]);
        index.remove(third[0]);
      }
      if (turns === 4) {
        ws.set('mem:///archive/new.md', second[1]);
        await index.refresh('mem:///archive/new.md');
      }
    }, 0);
    await index.lookups.postings.prepare(slices);
    await index.lookups.titles.prepare(new Slices(async () => undefined, 0));
    assert.ok(turns > 4);
    const fresh = new WorkspaceIndex(ws, catalogue);
    await fresh.build();
    const uris = (list: Iterable<DocumentEntry>) => [...list].map((e) => e.uri);
    for (const id of IDS) assert.deepEqual(uris(index.lookups.postings.get(id)), uris(fresh.lookups.postings.get(id)), id);
    const titles = new Set([...fresh.entries()].flatMap((e) => headingTitlesOf(e).map(normaliseTitle)));
    for (const t of titles) assert.deepEqual(uris(index.lookups.titles.get(t)).sort(), uris(fresh.lookups.titles.get(t)).sort(), t);
    for (const e of fresh.entries()) for (const base of referenceBasesOf(e, 'ST')) assert.deepEqual([...index.lookups.referrers.get(base)].sort(), [...fresh.lookups.referrers.get(base)].sort(), base);
  });
});
