import assert from 'node:assert/strict';
import { loadBuiltInCatalogue } from '../../server/src/core/catalogue/load';
import { completionsAt } from '../../server/src/core/editing/completion';
import { lintText } from '../../server/src/core/lint';
import { corpusText } from './corpus';

/** A completion replaces the word being typed, and the words before it only when the name starts with them. */
describe('completion ranges in prose', () => {
  const catalogue = loadBuiltInCatalogue();
  const base = corpusText('9278-18.md');

  /** The line after accepting `label` at the end of `typed`, appended as a paragraph of the first section. */
  function accept(typed: string, label: string): string {
    const text = base.replace(/^(1\. Counterterrorism\r?\n)/m, `$1\n${typed}\n`);
    const doc = lintText(text, catalogue).document;
    const line = doc.lines.findIndex((l) => l === typed);
    assert.ok(line > 0, 'the typed line is in the document');
    const item = completionsAt(doc, catalogue, { line, character: typed.length }).items.find((i) => i.label === label);
    assert.ok(item, `"${label}" is offered after "${typed}"`);
    assert.equal(item.range.start.line, line);
    assert.equal(item.range.end.character, typed.length);
    return typed.slice(0, item.range.start.character) + item.insertText + typed.slice(item.range.end.character);
  }

  it('keeps the article before a name matched inside it', () => {
    assert.equal(
      accept('They also discussed the Budap', 'Second Additional Protocol to the Budapest Convention'),
      'They also discussed the Second Additional Protocol to the Budapest Convention',
    );
  });

  it('replaces the words typed when the name starts with them', () => {
    assert.equal(accept('They ratified the Budapest Conv', 'Budapest Convention'), 'They ratified the Budapest Convention');
  });
});
