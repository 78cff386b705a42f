import assert from 'node:assert/strict';
import { loadBuiltInCatalogue, loadCatalogue } from '../../server/src/core/catalogue/load';
import { completionsAt } from '../../server/src/core/editing/completion';
import { hoverAt } from '../../server/src/core/editing/hover';
import { lintText } from '../../server/src/core/lint';
import { escapeMarkdown, markdownLink } from '../../server/src/core/text/markdown';
import { corpusText, edit, rangeOf } from './corpus';

/** Markdown as an editor renders it (CommonMark, GFM's bare-URL links, raw HTML and any link target let through to be seen). */
async function render(markdown: string): Promise<string> {
  const { micromark } = await import('micromark');
  const { gfmAutolinkLiteral, gfmAutolinkLiteralHtml } = await import('micromark-extension-gfm-autolink-literal');
  return micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfmAutolinkLiteral()], htmlExtensions: [gfmAutolinkLiteralHtml()] });
}

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const PIXEL = '![x](https://example.org/pixel.png)';
const COMMAND = '[run](command:workbench.action.terminal.new)';

const HOSTILE = [
  PIXEL,
  COMMAND,
  '<img src=x onerror=alert(1)>',
  '<https://example.org/a>',
  '<command:workbench.action.terminal.new>',
  'see www.example.org or https://example.org/a or mail@example.org',
  '**bold** _it_ `code` ~~gone~~',
  '# not a heading',
  '&lt;b&gt; &#x41; \\* a\\b',
  '[ref]: https://example.org/pixel.png',
  'two\nlines',
];

describe('Markdown escaping of document and catalogue text', () => {
  for (const text of HOSTILE) {
    it(`shows ${JSON.stringify(text)} as written, with no link, image or HTML`, async () => {
      assert.equal(await render(escapeMarkdown(text)), `<p>${html(text.replace('\n', ' '))}</p>`);
    });
  }

  it('links to a place of ours with the label as written, whatever the target holds', async () => {
    const out = await render(markdownLink(COMMAND, 'file:///w/a) [x](command:y.md#L3'));
    assert.equal(out, `<p><a href="file:///w/a%29%20%5Bx%5D%28command:y.md#L3">${html(COMMAND)}</a></p>`);
  });

  const catalogue = loadBuiltInCatalogue();
  for (const date of [PIXEL, COMMAND]) {
    it(`hovers a header date written ${date} with the text shown, not rendered`, async () => {
      const text = edit(corpusText('13228-11.md'), '29 July 2011', date);
      const doc = lintText(text, catalogue).document;
      const found = hoverAt(doc, catalogue, rangeOf(text, date).start);
      assert.ok(found);
      assert.equal(await render(found.markdown), `<p>&quot;${html(date)}&quot; is not written as day, month name and year (e.g. 29 July 2011).</p>`);
    });
  }

  it('escapes the text of an extra catalogue file in hovers and completion documentation', async () => {
    const extra = {
      instruments: [{ id: 'budapest-convention', name: 'Budapest Convention', kind: 'convention', title: PIXEL, note: COMMAND, reference: '<img src=x>' }],
    };
    const { catalogue: withExtra, problems } = loadCatalogue(['/extra.json'], () => JSON.stringify(extra));
    assert.deepEqual(problems, []);
    const text = corpusText('7725-23.md');
    const doc = lintText(text, withExtra).document;
    const at = rangeOf(text, 'Budapest Convention').start;
    const hover = hoverAt(doc, withExtra, { line: at.line, character: at.character + 3 });
    assert.ok(hover);
    const shown = await render(hover.markdown);
    assert.doesNotMatch(shown, /<a |<img/);
    assert.equal(shown, `<p><strong>Budapest Convention</strong></p>\n<p>${html(PIXEL)}</p>\n<p>${html('<img src=x>')}</p>\n<p><em>${html(COMMAND)}</em></p>`);

    const line = doc.lines[at.line];
    const typed = { line: at.line, character: at.character + 'Budapest Con'.length };
    assert.ok(line.startsWith('Budapest Con', at.character));
    const item = completionsAt(doc, withExtra, typed).items.find((c) => c.label === 'Budapest Convention');
    assert.ok(item?.documentation);
    assert.equal(await render(item.documentation), shown);
  });
});
