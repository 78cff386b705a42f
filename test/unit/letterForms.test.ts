import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { completionsAt } from '../../server/src/core/editing/completion';
import { lintText } from '../../server/src/core/lint';
import { fixEdits } from '../../server/src/core/rules/finding';
import { corpusText } from './corpus';

/** Items lettered "a.", "b." instead of "a)", "b)": another way drafters and converters write them. */
describe('items lettered with a full stop', () => {
  const catalogue = loadBuiltInCatalogue();
  const original = corpusText('9278-18.md');
  const dotted = original.replace(/^([a-c])\) /gm, '$1. ');
  const outline = (text: string) => lintText(text, catalogue).document.sections.map((s) => s.items.map((i) => `${i.heading.label}:${i.heading.title}`));

  it('reads the same items as "a)", with the same titles and label columns', () => {
    assert.notEqual(dotted, original);
    assert.deepEqual(outline(dotted), outline(original));
    const item = lintText(dotted, catalogue).document.sections[0].items[1].heading;
    assert.equal(item.labelRange.start.character, 0);
    assert.equal(item.labelRange.end.character, 1);
    assert.deepEqual(lintText(dotted, catalogue).findings.filter((f) => f.code.startsWith('body.')), []);
  });

  it('reports a skipped letter in the document\'s own form, and the fix renumbers the letter only', () => {
    const skipped = dotted.replace(/^b\. Prevention/m, 'c. Prevention');
    const finding = lintText(skipped, catalogue).findings.find((f) => f.code === 'body.item-numbering')!;
    assert.equal(finding.message, 'Item c. follows item a. in section 1: the numbering skips; expected b.');
    const edits = fixEdits(finding.fixes![0]);
    assert.deepEqual(edits.map((e) => e.newText), ['b']);
    assert.ok(edits.every((e) => e.range.end.character - e.range.start.character === 1));
  });

  it('does not take "p. 12", "e. g." or a lower-case sentence for an item', () => {
    const body = ['p. 12 of the report was discussed.', 'e. g. the exchange of data.', 'a. small number of cases remained open.'].join('\n');
    const text = original.replace(/^a\) Information sharing/m, `${body}\na) Information sharing`);
    assert.deepEqual(outline(text), outline(original));
  });

  it('offers the next item label in the same form', () => {
    // An empty line after the last paragraph of item c) of section 1.
    const at = dotted.indexOf('\n\n', dotted.indexOf('c. Further cooperation')) + 1;
    const { document } = lintText(dotted, catalogue);
    const line = dotted.slice(0, at).split('\n').length - 1;
    const labels = completionsAt(document, catalogue, { line, character: 0 }).items.map((i) => i.insertText);
    assert.ok(labels.includes('d. '), labels.join(' | '));
    assert.ok(!labels.includes('d) '), labels.join(' | '));
  });

  it('takes a letter standing alone on its line with its title below, as a PDF table gives it', () => {
    const split = dotted.replace(/^b\. (Prevention[^\n]*)/m, 'b.\n\n$1');
    assert.deepEqual(outline(split), outline(original));
  });
});
