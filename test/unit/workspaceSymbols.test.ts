import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import type { DocumentEntry, HeadingEntry } from '../../server/src/core/workspace/documentEntry';
import { meetingLabel } from '../../server/src/core/workspace/meetingLabel';
import { SymbolTable } from '../../server/src/core/workspace/symbols';
import { MemoryWorkspace } from '../../server/src/core/workspace/workspace';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { generateCorpus } from '../fixtures/generate';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();

/** The search as the symbol table defines it, document by document and heading by heading. */
function naive(entries: Iterable<DocumentEntry>, query: string, limit: number): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const named: { e: DocumentEntry; h: HeadingEntry; name: string }[] = [];
  for (const e of entries) for (const s of e.sections) for (const h of [s, ...s.items]) named.push({ e, h, name: `${h.text} — ${meetingLabel(e, 'month')}` });
  const key = ({ e, h, name }: (typeof named)[number]) => `${e.uri} ${h.span.join(':')} ${name}`;
  let found = named.filter(({ name }) => words.every((w) => name.toLowerCase().includes(w)));
  if (found.length === 0 && words.length === 1) {
    const inOrder = new RegExp([...words[0]].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?'));
    found = named.filter(({ name }) => inOrder.test(name.toLowerCase()));
  }
  return found.slice(0, limit).map(key);
}

function search(index: WorkspaceIndex, query: string, limit: number): string[] {
  return index.queries.workspaceSymbols(query, limit).map((s) => `${s.uri} ${s.span.join(':')} ${s.name}`);
}

const QUERIES = ['', 'pnr', 'PNR cracow', 'session 4', 'data protection', 'migration 2015', 'zzz-no-match', 'pnrcrac', 'e-evidence washington', 'a) ', '— 1', 'x.y(z'];

describe('workspace symbols over the joined names', () => {
  it('finds what a search document by document finds, in the same order, up to the limit', async () => {
    const files: [string, string][] = [
      ...OUTCOME_FILES.map((f): [string, string] => [`mem:///corpus/${f}`, corpusText(f)]),
      ...generateCorpus(60, 3).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text]),
    ];
    const ws = new MemoryWorkspace(files);
    const index = new WorkspaceIndex(ws, catalogue);
    await index.build();
    await index.prepareQueries();
    const check = () => {
      for (const q of QUERIES) for (const limit of [3, 256]) assert.deepEqual(search(index, q, limit), naive(index.entries(), q, limit), `"${q}", at most ${limit}`);
    };
    check();
    // Files change, come and go: the joined names follow.
    const [first, second] = files;
    ws.set(first[0], second[1].replace(/PNR/g, 'Passenger data'));
    await index.refresh(first[0]);
    ws.delete(second[0]);
    index.remove(second[0]);
    ws.set('mem:///archive/new.md', files[5][1]);
    await index.refresh('mem:///archive/new.md');
    check();
  });

  it('searches blocks of a few documents as one string, and rebuilds the blocks that changed', async () => {
    const files: [string, string][] = generateCorpus(40, 9).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text]);
    const ws = new MemoryWorkspace(files);
    const index = new WorkspaceIndex(ws, catalogue);
    await index.build();
    const table = new SymbolTable(3);
    const check = () => {
      for (const q of QUERIES) {
        for (const limit of [2, 256]) {
          const got = table.search(index.entries(), q, limit).map((s) => `${s.uri} ${s.span.join(':')} ${s.name}`);
          assert.deepEqual(got, naive(index.entries(), q, limit), `"${q}", at most ${limit}`);
        }
      }
    };
    check();
    ws.set(files[4][0], files[20][1]);
    await index.refresh(files[4][0]);
    table.delete();
    check();
    ws.delete(files[7][0]);
    index.remove(files[7][0]);
    table.delete();
    check();
  });

  it('told of every document from the first, makes its blocks as they fill and answers as a search document by document', async () => {
    const files: [string, string][] = generateCorpus(20, 9).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text]);
    const index = new WorkspaceIndex(new MemoryWorkspace(files), catalogue);
    await index.build();
    const all = [...index.entries()];
    const later = all.pop()!;
    const table = new SymbolTable(3, true);
    const check = (entries: DocumentEntry[]) => {
      for (const q of QUERIES) assert.deepEqual(table.search(entries, q, 256).map((s) => `${s.uri} ${s.span.join(':')} ${s.name}`), naive(entries, q, 256), `"${q}" after ${entries.length}`);
    };
    // Queries between the documents' arrivals: a full block, a partial one, none.
    for (let n = 1; n <= all.length; n++) {
      table.add(all[n - 1], true);
      if (n % 2 === 1) check(all.slice(0, n));
    }
    check(all);
    // One that comes elsewhere than last: the table reads the documents again on the next query.
    const reordered = [all[5], ...all.slice(0, 5), ...all.slice(6)];
    table.add(all[5], false);
    check(reordered);
    table.add(later, true);
    check([...reordered, later]);
  });

  it('blocks built a slice at a time stay out of use when documents change meanwhile', async () => {
    const files: [string, string][] = generateCorpus(30, 5).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text]);
    const ws = new MemoryWorkspace(files);
    const index = new WorkspaceIndex(ws, catalogue);
    await index.build();
    const table = new SymbolTable(3);
    const gone = [...index.entries()][1].uri;
    let pauses = 0;
    await table.prepare(index.entries(), async () => {
      pauses++;
      // The first block is built; one of its documents goes, and a query comes before the slices end.
      if (pauses === 2) {
        ws.delete(gone);
        index.remove(gone);
        table.delete();
      }
      if (pauses === 3) table.search(index.entries(), 'session', 256);
    });
    assert.ok(pauses > 3);
    for (const q of QUERIES) assert.deepEqual(table.search(index.entries(), q, 256).map((s) => `${s.uri} ${s.span.join(':')} ${s.name}`), naive(index.entries(), q, 256), `"${q}"`);
    assert.ok(table.search(index.entries(), '', 1000).every((s) => s.uri !== gone));
  });
});
