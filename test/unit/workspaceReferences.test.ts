import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
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
