import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { headingTitlesOf, referenceBasesOf, type DocumentEntry } from '../../server/src/core/workspace/documentEntry';
import { normaliseTitle } from '../../server/src/core/workspace/lookups';
import { MemoryWorkspace } from '../../server/src/core/workspace/workspace';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { generateCorpus } from '../fixtures/generate';
import { corpusText, OUTCOME_FILES } from './corpus';
import { topicReferences } from '../fixtures/topicReferences';

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
    for (const id of IDS) assert.deepEqual(topicReferences(index, id), topicReferences(expected, id), id);
    assert.ok(topicReferences(index, 'pnr').total > 0);

    const [first, second] = files();
    ws.set(first[0], second[1]);
    await index.refresh(first[0]);
    ws.delete(second[0]);
    index.remove(second[0]);
    expected = await fresh();
    for (const id of IDS) assert.deepEqual(topicReferences(index, id), topicReferences(expected, id), id);
  });
});

describe('answers right after indexing', () => {
  it('need no lookup built after it: references answer at once, as the settled index does', async () => {
    const index = new WorkspaceIndex(new MemoryWorkspace(files()), catalogue);
    await index.build();
    const e = [...index.entries()].find((d) => d.mentions.some((g) => g.id === 'pnr'))!;
    const [line, start] = e.mentions.find((g) => g.id === 'pnr')!.spans;
    const at = { line, character: start + 1 };
    const heading = { line: e.sections.at(-1)!.span[0], character: 0 };
    const preparing = index.prepareQueries();
    const answered = index.queries.references(e.uri, at);
    const onHeading = index.queries.references(e.uri, heading);
    const earlier = index.queries.earlierMeetings(e.uri, e.sections.length - 1);
    assert.ok(answered.total > 0);
    await preparing;
    assert.deepEqual(answered, index.queries.references(e.uri, at));
    assert.deepEqual(onHeading, index.queries.references(e.uri, heading));
    assert.deepEqual(earlier, index.queries.earlierMeetings(e.uri, e.sections.length - 1));
  });
});

describe('lookups kept as documents come and go', () => {
  it('hold what a fresh index holds', async () => {
    const ws = new MemoryWorkspace(files());
    const index = new WorkspaceIndex(ws, catalogue);
    await index.build();
    const [first, second, third, fourth] = files();
    // Asked for once, so that a list already in order takes the changes.
    for (const id of IDS) index.lookups.postings.get(id);
    ws.set(first[0], second[1]);
    await index.refresh(first[0]);
    ws.delete(third[0]);
    index.remove(third[0]);
    ws.set('mem:///archive/new.md', second[1]);
    await index.refresh('mem:///archive/new.md');
    // Built again over the same set: changed files replaced, one gone dropped.
    ws.set(second[0], fourth[1]);
    ws.delete(fourth[0]);
    await index.build();
    const fresh = new WorkspaceIndex(ws, catalogue);
    await fresh.build();
    const uris = (list: Iterable<DocumentEntry>) => [...list].map((e) => e.uri);
    for (const id of IDS) {
      assert.deepEqual(uris(index.lookups.postings.get(id)), uris(fresh.lookups.postings.get(id)), id);
      assert.equal(index.lookups.postings.mentionCount([id]), fresh.lookups.postings.mentionCount([id]), id);
    }
    assert.ok(index.lookups.postings.mentionCount(['pnr']) > 0);
    const titles = new Set([...fresh.entries(), ...index.entries()].flatMap((e) => headingTitlesOf(e).map(normaliseTitle)));
    for (const t of titles) assert.deepEqual(uris(index.lookups.titles.get(t)).sort(), uris(fresh.lookups.titles.get(t)).sort(), t);
    const bases = new Set([...fresh.entries(), ...index.entries()].flatMap((e) => referenceBasesOf(e, 'ST')));
    for (const base of bases) assert.deepEqual([...index.lookups.referrers.get(base)].sort(), [...fresh.lookups.referrers.get(base)].sort(), base);
  });
});
