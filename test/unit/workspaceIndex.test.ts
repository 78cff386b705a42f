import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { byMeetingDate, entryFromDocument, spanRange, type DocumentEntry } from '../../server/src/core/workspace/documentEntry';
import { catalogueFingerprint, parseSnapshot } from '../../server/src/core/workspace/snapshot';
import { parseForIndex, parseWith } from '../../server/src/core/lint';
import { MemoryWorkspace } from '../../server/src/core/workspace/workspace';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { generateCorpus, generateDocument, mulberry32, type DocumentSpec } from '../fixtures/generate';
import { corpusText, OUTCOME_FILES, rangeOf } from './corpus';
import { topicReferences } from '../fixtures/topicReferences';

const catalogue = loadBuiltInCatalogue();

const C13228 = 'mem:///corpus/13228-11.md';
const C10483 = 'mem:///corpus/10483-17.md';
const C9278 = 'mem:///corpus/9278-18.md';
const C7725 = 'mem:///corpus/7725-23.md';
/** The SOM before Cracow; its "No. prev. doc." names a later document (13228/11). */
const BUDAPEST = 'mem:///generated/8000-11.outcome.md';
/** The Ministerial meeting 13228/11 prepares ("November date tbc., Washington"). */
const WASHINGTON = 'mem:///generated/17600-11.outcome.md';
/** The Ministerial meeting 7725/23 announces ("in Stockholm on 21 June 2023"). */
const STOCKHOLM = 'mem:///generated/11000-23.outcome.md';

function generated(seed: number, spec: DocumentSpec): string {
  return generateDocument(mulberry32(seed), { series: 'EU-US JHA', references: [], ...spec }).text;
}

function workspaceFiles(): [string, string][] {
  return [
    ...OUTCOME_FILES.map((f): [string, string] => [`mem:///corpus/${f}`, corpusText(f)]),
    [BUDAPEST, generated(1, { serial: 8000, date: '2011-04-12', level: 'Senior Officials', place: 'Budapest', meetingStart: '2011-03-30', meetingEnd: '2011-03-31', prevDocs: ['13228/11'] })],
    [WASHINGTON, generated(2, { serial: 17600, date: '2011-12-02', level: 'Ministerial', place: 'Washington', meetingStart: '2011-11-21', meetingEnd: '2011-11-21', prevDocs: ['13228/11'] })],
    [STOCKHOLM, generated(3, { serial: 11000, date: '2023-06-30', level: 'Ministerial', place: 'Stockholm', meetingStart: '2023-06-21', meetingEnd: '2023-06-21', prevDocs: ['7725/23'] })],
    ['mem:///notes/readme.md', '# Notes\n\nNot an outcome document.\n'],
  ];
}

async function built(files = workspaceFiles()): Promise<{ ws: MemoryWorkspace; index: WorkspaceIndex }> {
  const ws = new MemoryWorkspace(files);
  const index = new WorkspaceIndex(ws, catalogue);
  await index.build();
  return { ws, index };
}

function entry(index: WorkspaceIndex, uri: string): DocumentEntry {
  const e = index.entry(uri);
  assert.ok(e, `${uri} is indexed`);
  return e;
}

/** Where each meeting reference on the line of `phrase` leads. */
function definitionsAt(index: WorkspaceIndex, uri: string, file: string, phrase: string): string[][] {
  const line = rangeOf(corpusText(file), phrase).start.line;
  const from = entry(index, uri);
  const refs = from.meetingRefs.filter((r) => r.span[0] === line);
  assert.ok(refs.length > 0, `a meeting reference on line ${line}`);
  return refs.map((r) => index.queries.resolveMeetingRef(from, r).map((e) => e.uri));
}

describe('workspace index', () => {
  it('indexes every outcome document in batches, reporting progress, and skips other files', async () => {
    const ws = new MemoryWorkspace(workspaceFiles());
    const index = new WorkspaceIndex(ws, catalogue);
    const progress: [number, number][] = [];
    const report = await index.build({ batchSize: 3, onProgress: (done, total) => progress.push([done, total]) });
    assert.deepEqual(report, { files: 8, documents: 7, read: 8, reused: 0, cancelled: false });
    assert.deepEqual(progress, [[3, 8], [6, 8], [8, 8]]);
    assert.equal(index.entry('mem:///notes/readme.md'), undefined);
    const e = entry(index, C13228);
    assert.equal(e.number?.text, '13228/11');
    assert.equal(e.date, '2011-07-29');
    assert.deepEqual(e.meeting, { series: 'EU-US JHA', level: 'Senior Officials', informal: true, place: 'Cracow', start: '2011-07-25', end: '2011-07-26' });
    assert.deepEqual(
      e.sections.map((s) => s.text),
      ['Session 1: Introduction', 'Session 2: CyberSecurity/CyberCrime', 'Session 3: Counter-terrorism and security', 'Session 4: PNR issues', 'Session 5: Mobility, borders and migration issues', 'Session 6: Data protection', 'Session 7: Judicial cooperation in criminal matters', 'Session 8: International cooperation', 'Session 9: Concluding session'],
    );
    assert.equal(e.sections[3].items[0].title, 'PNR – update (including update on the EU PNR proposal)');
  });

  it('stops between batches when cancelled', async () => {
    const index = new WorkspaceIndex(new MemoryWorkspace(workspaceFiles()), catalogue);
    let batches = 0;
    const report = await index.build({ batchSize: 2, onProgress: () => batches++, isCancelled: () => batches >= 2 });
    assert.equal(report.cancelled, true);
    assert.equal(report.read, 4);
  });

  describe('links', () => {
    it('a document number leads to that document; a REV not in the workspace to the original', async () => {
      const { index } = await built();
      assert.equal(index.queries.documentByNumber('13228/11')?.uri, C13228);
      assert.equal(index.queries.documentByNumber('13228/1/11 REV 1')?.uri, C13228);
      assert.equal(index.queries.documentByNumber('10084/17'), undefined);
      const prev = entry(index, WASHINGTON).references.find((r) => r.previous);
      assert.equal(prev?.text, '13228/11');
      assert.equal(index.queries.documentByNumber(prev!.text)?.uri, C13228);
    });

    it('knows which documents refer to a document', async () => {
      const { index } = await built();
      assert.deepEqual(index.queries.referringDocuments('13228/11').sort(), [BUDAPEST, WASHINGTON].sort());
    });
  });

  describe('meeting references lead to the meeting\'s outcome', () => {
    it('"the next (EU-US) ministerial meeting" in every form 13228/11 uses: Washington, November 2011', async () => {
      const { index } = await built();
      assert.deepEqual(definitionsAt(index, C13228, '13228-11.md', 'the next EU-US Ministerial meeting in November 2011'), [[WASHINGTON]]);
      assert.deepEqual(definitionsAt(index, C13228, '13228-11.md', 'Preparation for the next ministerial meeting'), [[WASHINGTON]]);
      assert.deepEqual(definitionsAt(index, C13228, '13228-11.md', 'The date for the next ministerial meeting'), [[WASHINGTON]]);
    });

    it('"previous meetings": the earlier meetings of the series, nearest first', async () => {
      const { index } = await built();
      assert.deepEqual(definitionsAt(index, C13228, '13228-11.md', 'At previous meetings'), [[BUDAPEST]]);
    });

    it('"the next Ministerial meeting in Stockholm on 21 June 2023" and "the EU-US Ministerial meeting in June"', async () => {
      const { index } = await built();
      assert.deepEqual(definitionsAt(index, C7725, '7725-23.md', 'the next Ministerial meeting in Stockholm'), [[STOCKHOLM]]);
      assert.deepEqual(definitionsAt(index, C7725, '7725-23.md', 'ahead of the EU-US Ministerial meeting in June'), [[STOCKHOLM]]);
      assert.deepEqual(definitionsAt(index, C7725, '7725-23.md', 'prepare the ground for the next EU-US JHA Ministerial meeting'), [[STOCKHOLM]]);
    });

    it('a meeting that is not in the workspace leads nowhere', async () => {
      const { index } = await built();
      // Washington, second half of 2018: no such outcome here.
      assert.deepEqual(definitionsAt(index, C9278, '9278-18.md', 'at the next EU-U.S. Ministerial'), [[]]);
    });

    it('"the previous SOM" skips Ministerial meetings; "the next Ministerial meeting" skips SOMs', async () => {
      const { index } = await built();
      const from = entry(index, C10483);
      assert.deepEqual(index.queries.resolveMeetingRef(from, { direction: 'previous', level: 'Senior Officials' }).map((e) => e.uri), [C13228]);
      assert.deepEqual(index.queries.resolveMeetingRef(from, { direction: 'previous', level: 'Ministerial' }).map((e) => e.uri), [WASHINGTON]);
      assert.deepEqual(index.queries.resolveMeetingRef(from, { direction: 'next', level: 'Ministerial' }).map((e) => e.uri), [C9278]);
      assert.deepEqual(index.queries.resolveMeetingRef(from, { direction: 'named', level: 'Ministerial', place: 'Sofia' }).map((e) => e.uri), [C9278]);
    });
  });

  describe('topics across the workspace', () => {
    it('every mention of an entry, oldest meeting first', async () => {
      const { index } = await built();
      const refs = topicReferences(index, 'pnr').locations;
      const order = refs.map((r) => index.entry(r.uri)!);
      for (let i = 1; i < order.length; i++) assert.ok(byMeetingDate(order[i - 1], order[i]) <= 0, 'oldest meeting first');
      const heading = rangeOf(corpusText('13228-11.md'), 'PNR issues');
      assert.ok(refs.some((r) => r.uri === C13228 && r.range.start.line === heading.start.line && r.range.start.character === heading.start.character));
      assert.ok(refs.some((r) => r.uri === C9278));
    });

    it('when a topic was last discussed before a meeting, and at how many earlier meetings', async () => {
      const { index } = await built();
      const last = index.queries.lastDiscussed(index.queries.topicOf('pnr'), entry(index, C7725));
      assert.equal(last?.entry.uri, C9278);
      assert.equal(last?.label, '9278/18, Sofia, 22–23 May 2018 (1 a)');
      const earlier = index.queries.earlierMeetingsDiscussing({ ids: new Set(['pnr']) }, entry(index, C9278)).map((m) => m.entry.uri);
      assert.ok(earlier.includes(C13228));
      assert.ok(!earlier.includes(C9278) && !earlier.includes(C7725));
      const byTitle = index.queries.earlierMeetingsDiscussing({ title: 'transnational organised crime' }, entry(index, C9278));
      assert.deepEqual(byTitle.map((m) => m.entry.uri), [C10483]);
    });

    it('a section\'s code lens counts what outcome-lint mentions lists for the topic its heading names', async () => {
      const { index } = await built();
      // 9278/18 section 2, "Security and judicial cooperation in cyberspace": 10483/17 section 2
      // ("Cyberspace - …") discussed it, and so did 13228/11 in its text.
      const section = entry(index, C9278).sections.findIndex((s) => /cyberspace/i.test(s.title));
      assert.deepEqual(index.queries.sectionTopic(C9278, section), { names: ['Cyberspace'] });
      const earlier = index.queries.earlierMeetings(C9278, section).map((m) => m.entry.uri);
      assert.deepEqual(earlier, [C13228, C10483]);
      const { meetings } = await index.queries.topicHistory('cyberspace');
      const listedBefore = meetings.map((m) => m.uri).filter((u) => byMeetingDate(entry(index, u), entry(index, C9278)) < 0);
      assert.deepEqual(listedBefore, earlier);
      // A heading that names no catalogue topic is counted by its title, and says so.
      const crime = entry(index, C9278).sections.findIndex((s) => s.title === 'Transnational organised crime');
      assert.deepEqual(index.queries.sectionTopic(C9278, crime), { title: 'Transnational organised crime' });
    });

    it('a meeting phrase leads to its meeting\'s outcome, or says why it leads nowhere', async () => {
      const phrase = (index: WorkspaceIndex, uri: string, file: string, words: string) => {
        const at = rangeOf(corpusText(file), words);
        const found = index.queries.meetingPhrases(uri).find((p) => p.span[0] === at.start.line && p.span[1] === at.start.character);
        assert.ok(found, `a meeting phrase at "${words}"`);
        return found;
      };
      const { index } = await built();
      assert.deepEqual(phrase(index, C7725, '7725-23.md', 'the next EU-US JHA Ministerial meeting').targets.map((e) => e.uri), [STOCKHOLM]);
      assert.deepEqual(phrase(index, C13228, '13228-11.md', 'the next EU-US Ministerial meeting in November 2011').targets.map((e) => e.uri), [WASHINGTON]);
      // Without the later documents, the same phrases say what the workspace holds instead.
      const corpusOnly = (await built(workspaceFiles().filter(([u]) => u.startsWith('mem:///corpus/')))).index;
      const latest = phrase(corpusOnly, C7725, '7725-23.md', 'the next EU-US JHA Ministerial meeting');
      assert.deepEqual(latest.targets, []);
      assert.equal(latest.reason, 'no later EU-US JHA Ministerial in the workspace; the latest is 9278/18, May 2018');
      const dated = phrase(corpusOnly, C13228, '13228-11.md', 'the next EU-US Ministerial meeting in November 2011');
      assert.equal(dated.reason, 'no later EU-US Ministerial (November 2011) in the workspace; the next one there is 10483/17, June 2017');
    });

    it('a "No. prev. doc." naming a NOTE in the workspace resolves to it, and the NOTE is no outcome', async () => {
      const note = [
        'Council of the European Union',
        '',
        'Brussels, 5 June 2017',
        '(OR. en)',
        '',
        '10084/17',
        '',
        'LIMITE',
        '',
        'JAIEX 48',
        '',
        'NOTE',
        '',
        'From: Presidency',
        'To: Delegations',
        'Subject: Preparation of the EU-US Justice and Home Affairs Ministerial Meeting',
        '',
        'The Presidency sets out the points it proposes for the agenda.',
        '',
      ].join('\n');
      const NOTE = 'mem:///register/10084-17.md';
      const { index } = await built([...workspaceFiles(), [NOTE, note]]);
      const noted = entry(index, NOTE);
      assert.equal(noted.number?.text, '10084/17');
      assert.equal(noted.date, '2017-06-05');
      assert.deepEqual(noted.sections, []);
      // 10483/17 names it as its previous document: the reference now resolves.
      assert.deepEqual(index.queries.crossDocumentFindings(C10483).filter((f) => f.code === 'reference.unresolved'), []);
      const at = rangeOf(corpusText('10483-17.md'), '10084/17').start;
      assert.deepEqual(index.queries.definition(C10483, at).map((e) => e.uri), [NOTE]);
      // A NOTE holds no meeting: "the next meeting" never lands on it.
      assert.ok(!index.queries.meetingsOf('EU-US JHA').some((e) => e.uri === NOTE));
    });

    it('each mention knows where it stands in its sentence', async () => {
      const { index } = await built();
      const { meetings } = await index.queries.topicHistory('PNR');
      const all = meetings.flatMap((m) => m.occurrences);
      assert.ok(all.length > 5);
      for (const o of all) assert.match(o.text.slice(o.at[0], o.at[1]), /PNR|passenger name record/i, o.text);
      const words = await index.queries.topicHistory('Cracow');
      for (const o of words.meetings.flatMap((m) => m.occurrences)) assert.equal(o.text.slice(o.at[0], o.at[1]), 'Cracow');
    });

    it('the topic history reads each sentence, naming the section', async () => {
      const { index } = await built();
      const { topic, meetings } = await index.queries.topicHistory('PNR');
      assert.equal(topic.name, catalogue.entry('pnr')!.name);
      const cracow = meetings.find((m) => m.uri === C13228)!;
      assert.equal(cracow.label, '13228/11, Cracow, 25–26 July 2011');
      assert.ok(cracow.occurrences.some((o) => o.section === 'Session 4: PNR issues' && /PNR/.test(o.text)));
      const words = await index.queries.topicHistory('Cracow');
      assert.equal(words.topic.kind, 'words');
      assert.deepEqual(words.meetings.map((m) => m.uri), [C13228]);
    });
  });

  it('workspace symbols: every section and item heading, named with its meeting', async () => {
    const { index } = await built();
    const found = index.queries.workspaceSymbols('pnr issues');
    assert.equal(found[0].name, 'Session 4: PNR issues — 13228/11, Cracow, July 2011');
    assert.deepEqual(spanRange(found[0].span), rangeOf(corpusText('13228-11.md'), 'Session 4: PNR issues'));
    assert.equal(index.queries.workspaceSymbols('counterterrorism sofia')[0].name, '1. Counterterrorism — 9278/18, Sofia, May 2018');
    assert.ok(index.queries.workspaceSymbols('pnrupd').some((s) => s.name.startsWith('1. PNR – update')), 'letters in order');
    assert.equal(index.queries.workspaceSymbols('', 5).length, 5);
  });

  describe('cross-document findings', () => {
    it('an ST reference not in the workspace, a previous document dated later, a number carried twice', async () => {
      const files = workspaceFiles();
      files.push(['mem:///copy/9278-18 copy.md', corpusText('9278-18.md')]);
      const { index } = await built(files);
      assert.deepEqual(
        index.queries.crossDocumentFindings(C10483).map((f) => [f.code, f.severity, f.range]),
        [['reference.unresolved', 'information', rangeOf(corpusText('10483-17.md'), '10084/17')]],
      );
      const later = index.queries.crossDocumentFindings(BUDAPEST).filter((f) => f.code === 'reference.prev-doc-later');
      assert.equal(later.length, 1);
      assert.match(later[0].message, /13228\/11 is dated 2011-07-29, after this document \(2011-04-12\)/);
      assert.deepEqual(index.queries.crossDocumentFindings(WASHINGTON).filter((f) => f.code === 'reference.prev-doc-later'), []);
      for (const uri of [C9278, 'mem:///copy/9278-18 copy.md']) {
        const dup = index.queries.crossDocumentFindings(uri).filter((f) => f.code === 'workspace.duplicate-number');
        assert.equal(dup.length, 1, uri);
        assert.equal(dup[0].severity, 'warning');
      }
      assert.deepEqual(index.queries.crossDocumentFindings(C10483, { 'reference.unresolved': 'off' }), []);
    });
  });

  describe('incremental updates', () => {
    it('a changed file is re-read alone and the documents referring to it are named', async () => {
      const { ws, index } = await built();
      const before = ws.reads.length;
      const edited = corpusText('13228-11.md').replace('Brussels, 29 July 2011', 'Brussels, 29 December 2011');
      ws.set(C13228, edited);
      const affected = await index.refresh(C13228);
      assert.deepEqual(ws.reads.slice(before), [C13228]);
      assert.deepEqual(affected.sort(), [BUDAPEST, WASHINGTON].sort());
      assert.equal(entry(index, C13228).date, '2011-12-29');
      assert.equal(index.queries.crossDocumentFindings(WASHINGTON).filter((f) => f.code === 'reference.prev-doc-later').length, 1);
    });

    it('a deleted file is dropped: links to it no longer resolve', async () => {
      const { ws, index } = await built();
      ws.delete(C13228);
      const affected = index.remove(C13228);
      assert.deepEqual(affected.sort(), [BUDAPEST, WASHINGTON].sort());
      assert.equal(index.queries.documentByNumber('13228/11'), undefined);
      assert.ok(topicReferences(index, 'pnr').locations.every((r) => r.uri !== C13228));
      assert.ok(index.queries.crossDocumentFindings(WASHINGTON).some((f) => f.code === 'reference.unresolved'));
      assert.ok(index.queries.workspaceSymbols('session').every((sym) => sym.uri !== C13228));
    });

    it('lookups built ahead of queries read plain entries: no field is computed on read', async () => {
      const { index } = await built();
      await index.prepareQueries();
      index.queries.workspaceSymbols('pnr');
      assert.ok(topicReferences(index, 'pnr').total > 0);
      const accessor = (e: DocumentEntry, key: string) => Object.getOwnPropertyDescriptor(e, key)?.get !== undefined;
      for (const e of index.entries()) for (const key of ['sections', 'mentions', 'references', 'meetingRefs']) assert.ok(!accessor(e, key), `${e.uri}: ${key}`);
      assert.ok(index.entry(C13228)!.sections.length > 0);
    });

    it('lookups built ahead of queries are kept current', async () => {
      const { ws, index } = await built();
      await index.prepareQueries();
      assert.ok(topicReferences(index, 'pnr').locations.some((r) => r.uri === C13228));
      ws.delete(C13228);
      index.remove(C13228);
      assert.ok(topicReferences(index, 'pnr').locations.every((r) => r.uri !== C13228));
      assert.ok(index.queries.workspaceSymbols('cracow').every((s) => s.uri !== C13228));
      assert.deepEqual(index.queries.referringDocuments('13228/11').sort(), [BUDAPEST, WASHINGTON].sort());
      ws.set(C13228, corpusText('13228-11.md'));
      await index.refresh(C13228);
      assert.equal(index.queries.workspaceSymbols('pnr issues cracow')[0].uri, C13228);
      assert.ok(topicReferences(index, 'pnr').locations.some((r) => r.uri === C13228));
    });

    it('a rename is a delete and an add', async () => {
      const { ws, index } = await built();
      const to = 'mem:///corpus/renamed/13228-11.outcome.md';
      ws.rename(C13228, to);
      await index.rename(C13228, to);
      assert.equal(index.entry(C13228), undefined);
      assert.equal(index.queries.documentByNumber('13228/11')?.uri, to);
      assert.deepEqual(definitionsAt(index, to, '13228-11.md', 'At previous meetings'), [[BUDAPEST]]);
    });

    it('an open document\'s tree replaces its entry without reading the file', async () => {
      const { ws, index } = await built();
      const before = ws.reads.length;
      const affected = index.setDocument(C10483, parseWith(corpusText('10483-17.md').replace('10084/17', '13228/11'), catalogue));
      assert.equal(ws.reads.length, before);
      assert.deepEqual(affected, []);
      assert.deepEqual(index.queries.crossDocumentFindings(C10483), []);
      assert.ok(index.queries.referringDocuments('13228/11').includes(C10483));
      // Unsaved text is not saved in the snapshot: the file is read again next time.
      assert.ok(index.snapshot().files.every((f) => f.uri !== C10483));
    });
  });

  describe('snapshot', () => {
    it('a warm start re-reads only the files whose size or mtime changed, and answers as a cold index', async () => {
      const files = [...workspaceFiles(), ...generateCorpus(40, 5).map((d): [string, string] => [`mem:///archive/${d.fileName}`, d.text])];
      const { ws, index } = await built(files);
      const saved = JSON.stringify(index.snapshot());

      ws.set(WASHINGTON, generated(9, { serial: 17600, date: '2011-12-02', level: 'Ministerial', place: 'Washington', meetingStart: '2011-11-21', meetingEnd: '2011-11-21' }));
      ws.delete(C7725);
      ws.set('mem:///corpus/7725-23 moved.md', corpusText('7725-23.md'));
      const before = ws.reads.length;
      const warm = new WorkspaceIndex(ws, catalogue);
      const report = await warm.build({ snapshot: parseSnapshot(saved, catalogueFingerprint(catalogue)) });
      assert.deepEqual(ws.reads.slice(before).sort(), [WASHINGTON, 'mem:///corpus/7725-23 moved.md'].sort());
      assert.equal(report.read, 2);
      assert.equal(report.reused, files.length - 2);

      const cold = new WorkspaceIndex(ws, catalogue);
      await cold.build();
      const sorted = (i: WorkspaceIndex) => i.snapshot().files.sort((a, b) => a.uri.localeCompare(b.uri));
      assert.deepEqual(sorted(warm), sorted(cold));
      assert.deepEqual(topicReferences(warm, 'europol').locations, topicReferences(cold, 'europol').locations);
      assert.deepEqual(warm.queries.workspaceSymbols('migration'), cold.queries.workspaceSymbols('migration'));
    });

    it('a snapshot from another catalogue or version is not used', () => {
      const index = new WorkspaceIndex(new MemoryWorkspace(), catalogue);
      const text = JSON.stringify(index.snapshot());
      assert.ok(parseSnapshot(text, catalogueFingerprint(catalogue)));
      assert.equal(parseSnapshot(text, 'another'), undefined);
      assert.equal(parseSnapshot(text.replace(/"version":\d+/, '"version":0'), catalogueFingerprint(catalogue)), undefined);
      assert.equal(parseSnapshot('{not json', catalogueFingerprint(catalogue)), undefined);
    });
  });

  describe('topic postings kept sorted as files change', () => {
    it('answers as a fresh index after adds, changes and deletions', async () => {
      const { ws, index } = await built();
      await index.prepareQueries();
      topicReferences(index, 'pnr');
      // An earlier meeting appears, a later one moves before every other, one goes away.
      ws.set('mem:///generated/5000-09.outcome.md', generated(9, { serial: 5000, date: '2009-03-02', level: 'Ministerial', place: 'Prague', meetingStart: '2009-02-26', meetingEnd: '2009-02-26', prevDocs: [] }));
      await index.refresh('mem:///generated/5000-09.outcome.md');
      ws.set(STOCKHOLM, generated(3, { serial: 11000, date: '2008-06-30', level: 'Ministerial', place: 'Stockholm', meetingStart: '2008-06-21', meetingEnd: '2008-06-21', prevDocs: [] }));
      await index.refresh(STOCKHOLM);
      ws.delete(C9278);
      index.remove(C9278);
      const fresh = new WorkspaceIndex(ws, catalogue);
      await fresh.build();
      for (const id of ['pnr', 'tftp', 'eu-us-pnr-agreement']) {
        assert.deepEqual(topicReferences(index, id).locations, topicReferences(fresh, id).locations, id);
        assert.deepEqual(index.queries.documentsForTopic(index.queries.topicOf(id)).map((e) => e.uri), fresh.queries.documentsForTopic(fresh.queries.topicOf(id)).map((e) => e.uri), id);
      }
      assert.ok(topicReferences(index, 'pnr').locations.length > 0);
      // Once more, after the lists were asked for again.
      ws.set(C13228, corpusText('13228-11.md').replace(/PNR/g, 'TFTP'));
      await index.refresh(C13228);
      const again = new WorkspaceIndex(ws, catalogue);
      await again.build();
      for (const id of ['pnr', 'tftp']) assert.deepEqual(topicReferences(index, id).locations, topicReferences(again, id).locations, id);
    });
  });
});

describe('the index parse', () => {
  it('skips the dates, Presidencies and DELETED the rules read, and gives the same entries as a full parse', () => {
    const texts = [...OUTCOME_FILES.map((f) => corpusText(f)), ...generateCorpus(200, 7).map((d) => d.text)];
    for (const text of texts) {
      const light = parseForIndex(text, catalogue);
      assert.deepEqual([light.dates.length, light.presidencies.length, light.deleted.length], [0, 0, 0]);
      assert.equal(JSON.stringify(entryFromDocument('mem:///x.md', light, catalogue)), JSON.stringify(entryFromDocument('mem:///x.md', parseWith(text, catalogue), catalogue)));
    }
    // The full parse does find them: the comparison above is not between two empty readings.
    assert.ok(parseWith(corpusText('13228-11.md'), catalogue).dates.length > 0);
  });
});
