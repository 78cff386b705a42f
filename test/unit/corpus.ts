import * as fs from 'node:fs';
import * as path from 'node:path';

/** The real documents live beside the checkout, in ../shared/corpus (as in CI). */
export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

export const OUTCOME_FILES = ['13228-11.md', '10483-17.md', '9278-18.md', '7725-23.md'];
export const OTHER_FILE = path.join('other', 'iss-annual-report-2011.md');

export function corpusText(name: string): string {
  return fs.readFileSync(path.join(CORPUS, name), 'utf8');
}

/** Position of the `occurrence`-th `needle` in `text`, as an LSP range. */
export function rangeOf(text: string, needle: string, occurrence = 1) {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found ${occurrence} times`);
  }
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** Replaces exactly one occurrence, failing loudly when the real text has changed. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : from.flags + 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one "${from}" in the document, found ${count}`);
  return text.replace(from, to);
}
