import type { Body, Entry, Instrument } from '../catalogue/schema';
import type { CalendarDate, DocumentNumber, DocumentNumberRef } from '../document/model';
import { formatDate, weekday } from '../document/dates';
import { dateProblem } from '../rules/header';
import { rotaDate, semester } from '../rules/text';
import { escapeMarkdown as md } from '../text/markdown';

export { rotaDate, semester };

/** How editing features name domain things to a drafter (Markdown where it says so: document and catalogue text escaped in it). */

export function presidencyRole(role: 0 | 1): string {
  return role === 0 ? 'current Presidency' : 'incoming Presidency';
}

/** "Thursday 29 July 2011", or why the date does not exist (Markdown). */
export function describeDate(d: CalendarDate, text: string): string {
  return d.valid ? `${weekday(d)} ${formatDate(d)}` : `${md(text.trim())} does not exist: ${dateProblem(d)}.`;
}

/** "Council document 13228/11", "Revision 1 of Council document 13228/11", "Meeting notice CM 1405/08" (Markdown). */
export function describeNumber(n: DocumentNumber | DocumentNumberRef): string {
  const series = 'series' in n ? n.series : 'ST';
  if (series === 'CM') return `Council meeting notice (CM series) ${md(n.base.slice(3))}`;
  if (series === 'WK') return `Council working document (WK series) ${md(n.base.slice(3))}${n.text.endsWith('INIT') ? ', initial version' : ''}`;
  if (series === 'SN') return `Council SN document ${md(n.base.slice(3))} (a meeting paper outside the ST register)`;
  let what = `Council document ${md(n.base)}`;
  for (const s of n.suffixes) {
    const name = s.kind === 'REV' ? 'Revision' : s.kind === 'ADD' ? 'Addendum' : 'Corrigendum';
    what = `${name} ${s.index} ${s.kind === 'REV' ? 'of' : 'to'} ${lowerFirst(what)}`;
  }
  return `${what} (${n.year})`;
}

function lowerFirst(s: string): string {
  return /^Council/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/** An instrument, topic or body: name, full title, reference, year, note. */
export function entryMarkdown(entry: Entry): string {
  if (isBody(entry)) {
    const where = entry.jurisdiction ? ` (${entry.jurisdiction === 'international' ? 'international body' : `${entry.jurisdiction} body`})` : '';
    return `**${md(entry.name)}**${where}\n\n${md(entry.description)}${aka(entry)}`;
  }
  const parts = [`**${md(entry.name)}**${entry.kind === 'topic' ? ' (topic)' : ''}`];
  if (entry.title) parts.push(md(entry.title));
  const facts = [entry.reference, entry.year !== undefined ? String(entry.year) : undefined].filter(Boolean);
  if (facts.length) parts.push(md(facts.join(' · ')));
  if (entry.note) parts.push(`*${md(entry.note)}*`);
  return parts.join('\n\n') + aka(entry);
}

function aka(entry: Instrument | Body): string {
  const other = [...entry.abbreviations, ...entry.aliases.slice(0, 4)];
  return other.length ? `\n\nAlso written: ${md(other.join(', '))}` : '';
}

function isBody(entry: Entry): entry is Body {
  return 'description' in entry && !('kind' in entry);
}
