import * as assert from 'node:assert/strict';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { corpusText, positionOf, Session } from './session';

describe('LSP: document text in hovers is escaped Markdown', () => {
  let session: Session;
  before(async () => {
    ({ session } = await Session.start());
  });
  after(async () => {
    await session.stop();
  });

  const cases: [string, string][] = [
    ['![x](https://example.org/pixel.png)', '\\!\\[x\\]\\(https\\://example.org/pixel.png\\)'],
    ['[run](command:workbench.action.terminal.new)', '\\[run\\]\\(command\\:workbench.action.terminal.new\\)'],
  ];
  for (const [date, escaped] of cases) {
    it(`shows a header date written ${date} as text: no image, no command link`, async () => {
      const text = corpusText('13228-11.md').replace('29 July 2011', date);
      const uri = `untitled:hover-${cases.findIndex((c) => c[0] === date)}.outcome.md`;
      await session.open(uri, text);
      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, date) });
      assert.equal((hover?.contents as MarkupContent).value, `"${escaped}" is not written as day, month name and year (e.g. 29 July 2011).`);
    });
  }
});
