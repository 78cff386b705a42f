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
