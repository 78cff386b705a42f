import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import type { DocumentEntry } from '../../server/src/core/workspace/documentEntry';
import { EntryUnpacker, packEntry, StringTable } from '../../server/src/core/workspace/packedEntry';
import { catalogueFingerprint, parseSnapshot, SNAPSHOT_VERSION } from '../../server/src/core/workspace/snapshot';
import { MemoryWorkspace } from '../../server/src/core/workspace/workspace';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { generateCorpus } from '../fixtures/generate';
import { corpusText, OUTCOME_FILES } from './corpus';

const catalogue = loadBuiltInCatalogue();

function files(): [string, string][] {
  return [
    ...OUTCOME_FILES.map((f): [string, string] => [`mem:///corpus/${f}`, corpusText(f)]),
    ...generateCorpus(30, 7).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text]),
    ['mem:///notes/readme.md', '# Notes\n\nNot an outcome document.\n'],
  ];
}

/** Every entry as JSON data. */
function plain(index: WorkspaceIndex): DocumentEntry[] {
  return [...index.entries()].map((e) => JSON.parse(JSON.stringify(e)) as DocumentEntry);
}

describe('workspace snapshot (packed entries)', () => {
  it('a warm index holds the same entries as the cold one, field by field', async () => {
    const ws = new MemoryWorkspace(files());
    const cold = new WorkspaceIndex(ws, catalogue);
    await cold.build();
    const text = JSON.stringify(cold.snapshot());
    const warm = new WorkspaceIndex(ws, catalogue);
    const report = await warm.build({ snapshot: parseSnapshot(text, catalogueFingerprint(catalogue)) });
    assert.equal(report.read, 0);
    assert.equal(JSON.stringify(warm.snapshot()), text);
    // Packed again from the entries: the same text (packing a tree and packing an entry agree).
    assert.equal(JSON.stringify(cold.snapshot()), text);
    assert.deepEqual([...warm.entries()], [...cold.entries()]);
    assert.deepEqual(plain(warm), plain(cold));
    // Saved again from the warm index: the same text.
    assert.equal(JSON.stringify(warm.snapshot()), text);
  });

  it('is written in pieces that make the same snapshot, and a warm start reads it', async () => {
    const ws = new MemoryWorkspace(files());
    const cold = new WorkspaceIndex(ws, catalogue);
    await cold.build();
    const pieces: string[] = [];
    cold.writeSnapshot((piece) => pieces.push(piece), 2000);
    assert.ok(pieces.length > 3, `${pieces.length} pieces`);
    const written = parseSnapshot(pieces.join(''), catalogueFingerprint(catalogue));
    assert.deepEqual(written, cold.snapshot());
    const warm = new WorkspaceIndex(ws, catalogue);
    assert.equal((await warm.build({ snapshot: written })).read, 0);
    assert.deepEqual(plain(warm), plain(cold));
  });

  it('keeps a heading text that is not its prefix and title, and leaves absent fields absent', () => {
    const entry: DocumentEntry = {
      uri: 'mem:///x.md',
      target: [3, 0, 10],
      sections: [
        { label: '1', title: 'PNR', text: '1. PNR', span: [5, 0, 6], endLine: 9, items: [{ label: 'a', title: 'Review', text: 'a) Review (joint)', span: [7, 0, 17], endLine: 9 }] },
        { label: '2', title: 'AOB', text: 'Session 2: AOB', span: [10, 0, 14], endLine: 12, items: [] },
      ],
      mentions: [{ id: 'pnr', spans: [5, 3, 6, 8, 1, 4] }, { id: 'europol', spans: [11, 0, 7] }],
      references: [
        { series: 'ST', text: '13228/1/11 REV 1', base: '13228/11', span: [2, 5, 21], previous: true },
        { series: 'CM', text: 'CM 1405/08', base: 'CM 1405/08', span: [8, 0, 10] },
      ],
      meetingRefs: [
        { direction: 'next', level: 'Ministerial', place: 'Washington', span: [11, 2, 30] },
        { direction: 'previous', plural: true, span: [12, 0, 18] },
      ],
    };
    const { uri, ...rest } = entry;
    const unpacked = (table: StringTable) => {
      const packed = JSON.parse(JSON.stringify(packEntry(entry, table))) as ReturnType<typeof packEntry>;
      return new EntryUnpacker(JSON.parse(JSON.stringify(table.strings)) as string[]).unpack(uri, packed);
    };
    // An indexing worker's table shares only short strings: the entry reads back the same.
    const short = new StringTable(3);
    assert.deepEqual(JSON.parse(JSON.stringify(unpacked(short))), { uri, ...rest });
    unpacked(short);
    assert.deepEqual([short.strings.filter((v) => v === 'pnr').length, short.strings.filter((v) => v === 'Review').length], [1, 2]);
    const back = unpacked(new StringTable());
    assert.deepEqual(JSON.parse(JSON.stringify(back)), { uri, ...rest });
    assert.ok(!('number' in back) && !('date' in back) && !('meeting' in back));
  });

  it('an older snapshot is ignored, and the index reads every file', async () => {
    const ws = new MemoryWorkspace(files());
    const cold = new WorkspaceIndex(ws, catalogue);
    await cold.build();
    const old = JSON.stringify({ ...cold.snapshot(), version: SNAPSHOT_VERSION - 1 });
    assert.equal(parseSnapshot(old, catalogueFingerprint(catalogue)), undefined);
    const text = JSON.stringify(cold.snapshot());
    assert.equal(parseSnapshot(text.replace('"strings":', '"strings_":'), catalogueFingerprint(catalogue)), undefined);
  });
});
