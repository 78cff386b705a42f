import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDocx } from '../../server/src/readers/docx';
import { ExportRequest, PreviewRequest, type PreviewResult } from '../../shared/protocol';
import { corpusText, positionOf, Session, uriOf } from './session';

describe('LSP: preview and export requests', () => {
  let session: Session;
  let tmp: string;
  const uri = uriOf('9278-18.md');
  const text = corpusText('9278-18.md');
  before(async () => {
    ({ session } = await Session.start());
    await session.open(uri, text);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outcome-export-'));
  });
  after(async () => {
    await session.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const preview = async (since?: number) => (await session.connection.sendRequest(PreviewRequest.method, { uri, initials: 'PC/pf', since })) as PreviewResult;

  it('answers the blocks of the page; after an edit, since the page\'s rendering, only the edited block, with its HTML', async () => {
    const first = await preview();
    assert.ok(first.blocks.every((b) => b.html), 'a first rendering sends every block');
    assert.equal(first.outcome, true);
    assert.equal(first.version, 1);
    assert.match(first.blocks[0].html!, /^<div class="header-columns"><div class="issuer"><div>Council of the<\/div><div>European Union<\/div><\/div>/);
    const heading = first.blocks.find((b) => b.line === 40)!;
    assert.equal(heading.html, '<p class="heading section"><span class="number">1.</span><span class="heading-title">Counterterrorism</span></p>');
    assert.match(first.footer, /<span class="left">9278\/18<\/span><span class="centre">PC\/pf<\/span>/);
    assert.deepEqual(first.blocks.filter((b) => b.annex).map((b) => b.line)[0], 98);

    const at = positionOf(text, 'Both delegations concurred');
    await session.change(uri, 2, [{ range: { start: at, end: at }, text: 'Indeed, ' }]);
    const second = await preview(first.id);
    assert.equal(second.version, 2);
    // Only the edited block is sent, with its HTML; the page keeps the blocks before and after it.
    const edited = first.blocks.findIndex((b) => b.line === at.line);
    assert.deepEqual(second.keep, { base: first.id, head: edited, tail: first.blocks.length - edited - 1, shift: 0 });
    assert.deepEqual(second.blocks.map((b) => b.line), [at.line]);
    assert.notEqual(second.blocks[0].key, first.blocks[edited].key);
    assert.match(second.blocks[0].html!, /^<p>Indeed, Both delegations concurred/);
    // A page that does not hold the last rendering (reloaded, or a stale id) gets every block again.
    const again = await preview(first.id);
    assert.equal(again.keep, undefined);
    assert.equal(again.blocks.length, first.blocks.length);
    assert.ok(again.blocks.every((b) => b.html !== undefined));
    assert.deepEqual(again.blocks.map((b) => b.key), [...first.blocks.slice(0, edited), second.blocks[0], ...first.blocks.slice(edited + 1)].map((b) => b.key));
  });

  it('exports the open text (with its unsaved edit) to Word; refuses a target it cannot write', async () => {
    const target = path.join(tmp, '9278-18.docx');
    assert.deepEqual(await session.connection.sendRequest(ExportRequest.method, { uri, format: 'docx', target, initials: 'PC/pf', directorate: 'JAI.1' }), { ok: true });
    const read = readDocx(fs.readFileSync(target));
    assert.ok(read.ok && read.text.includes('Indeed, Both delegations concurred'), 'the edited text, not the file');
    const nowhere = path.join(tmp, 'missing', 'x.docx');
    assert.deepEqual(await session.connection.sendRequest(ExportRequest.method, { uri, format: 'docx', target: nowhere }), { ok: false, reason: `cannot write ${nowhere}: the folder ${path.dirname(nowhere)} does not exist` });
    await assert.rejects(session.connection.sendRequest(ExportRequest.method, { uri, format: 'odt', target }), /outcome\/export: format/);
  });
});
