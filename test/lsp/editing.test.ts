import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, corpusText, positionOf, Session } from './session';

async function complete(session: Session, uri: string, position: Position): Promise<CompletionList> {
  const result = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  assert.ok(result && !Array.isArray(result), 'a CompletionList');
  return result;
}

function byLabel(list: CompletionList, label: string): CompletionItem {
  const item = list.items.find((i) => i.label === label);
  assert.ok(item, `no completion "${label}" among ${list.items.map((i) => i.label).slice(0, 20).join(', ')}`);
  return item;
}

/** The document after accepting a completion item. */
function accept(text: string, item: CompletionItem): string {
  return applyEdits(text, [item.textEdit as TextEdit]);
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

/** Inserts `typed` after (or before) the first `needle`; returns the new text and the cursor after the typed text. */
function typeAt(text: string, needle: string, typed: string, before = false): { text: string; cursor: Position } {
  const offset = text.indexOf(needle) + (before ? 0 : needle.length);
  const next = text.slice(0, offset) + typed + text.slice(offset);
  const start = positionOf(next, typed, offset);
  return { text: next, cursor: { line: start.line, character: start.character + typed.length } };
}

describe('LSP: completion', () => {
  let session: Session;
  let version = 0;
  before(async () => {
    ({ session } = await Session.start());
  });
  after(async () => {
    await session.stop();
  });

  async function openDraft(text: string): Promise<string> {
    const uri = `untitled:draft-${++version}.outcome.md`;
    await session.open(uri, text);
    return uri;
  }

  it('offers subject codes with their descriptions in the code block', async () => {
    const { text, cursor } = typeAt(corpusText('7725-23.md'), 'COTER 50\n', 'CRIM');
    const list = await complete(session, await openDraft(text), cursor);
    const item = byLabel(list, 'CRIMORG');
    assert.match(item.detail ?? '', /organised crime/i);
    assert.ok(!list.items.some((i) => i.label === 'JAIEX'), 'codes already listed are not offered again');
    assert.match(accept(text, item), /COTER 50\nCRIMORG\n/);
  });

  it('offers "(OR. xx)" languages in the header', async () => {
    const base = corpusText('7725-23.md').replace('(OR. en)', '(OR. ');
    const cursor = positionOf(base, '(OR. ');
    cursor.character += 5;
    const list = await complete(session, await openDraft(base), cursor);
    assert.equal(byLabel(list, 'fr').detail, 'French');
  });

  it('finds the Budapest Convention by part of a name and inserts its canonical name', async () => {
    const { text, cursor } = typeAt(corpusText('7725-23.md'), 'The Swedish Presidency confirmed', ' Budap', true);
    const list = await complete(session, await openDraft(text), cursor);
    const item = list.items.find((i) => /Budapest Convention/.test(i.label));
    assert.ok(item, `no Budapest Convention among ${list.items.map((i) => i.label).join(', ')}`);
    assert.equal((item.documentation as MarkupContent).kind, 'markdown');
    assert.match((item.documentation as MarkupContent).value, /Cybercrime/);
    assert.ok(accept(text, item).includes(` ${item.label}The Swedish Presidency`), 'the typed "Budap" is replaced, nothing else');
  });

  it('finds instruments and bodies by an abbreviation or a word of an alias', async () => {
    for (const [typed, expected] of [['TFT', 'TFTP Agreement'], ['Umbrel', 'EU-US Umbrella Agreement'], ['PNR', 'PNR Directive'], ['Europ', 'Europol']]) {
      const { text, cursor } = typeAt(corpusText('7725-23.md'), 'The Swedish Presidency confirmed', ` ${typed}`, true);
      const list = await complete(session, await openDraft(text), cursor);
      const item = byLabel(list, expected);
      assert.ok(item.filterText?.toLowerCase().includes(typed.toLowerCase()), `"${item.filterText}" lets the client keep "${expected}" for "${typed}"`);
    }
  });

  it('puts the Presidency of the meeting first and the incoming one next', async () => {
    // 7725/23: Stockholm, March 2023 (Swedish), incoming Spanish.
    for (const [typed, expected] of [['Swe', 'Swedish Presidency'], ['Spa', 'Spanish Presidency']]) {
      const { text, cursor } = typeAt(corpusText('7725-23.md'), 'The Swedish Presidency confirmed', ` ${typed}`, true);
      const list = await complete(session, await openDraft(text), cursor);
      const item = byLabel(list, expected);
      assert.match(item.detail ?? '', /2023/);
    }
    const { text, cursor } = typeAt(corpusText('7725-23.md'), 'The Swedish Presidency confirmed', ' S', true);
    const list = await complete(session, await openDraft(text), cursor);
    const presidencies = list.items.filter((i) => /Presidency$/.test(i.label)).sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.deepEqual(presidencies.slice(0, 2).map((i) => i.label), ['Swedish Presidency', 'Spanish Presidency']);
  });

  it('offers the next section number at the start of a line in the body', async () => {
    // 7725/23 has sections 1 to 5 (numbered); a new line after the last one.
    const base = corpusText('7725-23.md');
    const text = `${base.trimEnd()}\n\n`;
    const lines = text.split('\n');
    const list = await complete(session, await openDraft(text), { line: lines.length - 1, character: 0 });
    const sections = base.split('\n').filter((l) => /^\d\. /.test(l)).length;
    const item = byLabel(list, `${sections + 1}.`);
    assert.equal((item.textEdit as TextEdit).newText, `${sections + 1}. `);
  });

  it('offers the next item of the section in the style the document uses', async () => {
    // 9278/18, section 1 has items a) to c); a new line after "c)" paragraph.
    const base = corpusText('9278-18.md');
    const at = base.indexOf('2. Security and judicial cooperation');
    const text = `${base.slice(0, at)}\n${base.slice(at)}`;
    const cursor = positionOf(text, '2. Security and judicial cooperation');
    cursor.line -= 1;
    const list = await complete(session, await openDraft(text), cursor);
    assert.equal((byLabel(list, 'd)').textEdit as TextEdit).newText, 'd) ');
    assert.ok(list.items.some((i) => i.label === '2.'), 'the next section too');
  });

  it('offers the addressing labels not yet used at the start of a line of the block', async () => {
    const base = corpusText('7725-23.md');
    const at = base.indexOf('From:');
    const text = `${base.slice(0, at)}No\n${base.slice(at)}`;
    const cursor = positionOf(text, 'No\nFrom:');
    cursor.character = 2;
    const list = await complete(session, await openDraft(text), cursor);
    const prev = byLabel(list, 'No. prev. doc.:');
    assert.match((prev.textEdit as TextEdit).newText, /^No\. prev\. doc\.:\s$/);
    assert.ok(!list.items.some((i) => i.label === 'From:'), 'From: is already there');
  });

});

describe('LSP: hover', () => {
  let session: Session;
  const uri = 'untitled:hover-13228.outcome.md';
  const text = corpusText('13228-11.md');
  before(async () => {
    ({ session } = await Session.start());
    await session.open(uri, text);
  });
  after(async () => {
    await session.stop();
  });

  const hoverAt = (needle: string, offset = 1, from = 0) => {
    const p = positionOf(text, needle, from);
    return session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: p.line, character: p.character + offset } });
  };

  it('names the weekday of a date', async () => {
    assert.match(markdown(await hoverAt('29 July 2011')), /Friday 29 July 2011/);
    assert.match(markdown(await hoverAt('25-26 July 2011')), /Monday 25 July 2011/);
  });

  it('explains a subject code', async () => {
    assert.match(markdown(await hoverAt('JAIEX')), /\*\*JAIEX\*\*/);
  });

  it('says whether a Presidency fits the rota', async () => {
    const polish = markdown(await hoverAt('Polish Presidency'));
    assert.match(polish, /Poland/);
    assert.match(polish, /Fits the rota/);
    const danish = markdown(await hoverAt('incoming Danish Presidency', 10));
    assert.match(danish, /Denmark/);
    assert.match(danish, /incoming Presidency in January–June 2012/);
  });

  it('gives the full title, reference and year of an instrument', async () => {
    const hover = markdown(await hoverAt('Cybercrime Convention', 3));
    assert.match(hover, /Budapest Convention/);
    assert.match(hover, /2001/);
  });

  it('says what a document number is', async () => {
    assert.match(markdown(await hoverAt('13228/11')), /This document: Council document 13228\/11 \(2011\)/);
  });

  it('says why an impossible date does not exist', async () => {
    const edited = text.replace('Cracow, 25-26 July 2011', 'Cracow, 31 June 2011');
    const other = 'untitled:hover-invalid.outcome.md';
    await session.open(other, edited);
    const p = positionOf(edited, '31 June 2011');
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: { line: p.line, character: p.character + 1 } });
    assert.match(markdown(hover), /does not exist: June 2011 has 30 days/);
  });
});
