import type { Catalogue } from '../catalogue/catalogue';
import type { OutcomeDocument } from '../document/model';
import { expectedPresidency } from '../rules/text';
import { escapeMarkdown as md } from '../text/markdown';
import { contains, lineRange, type Position, type Range } from '../text/range';
import { describeDate, describeNumber, entryMarkdown, semester } from './describe';

/** What a hover shows: Markdown over the range it describes (core coordinates); text of the document or the catalogue in it is escaped. */
export interface HoverContent {
  markdown: string;
  range: Range;
}

/** The first thing under `position` that the drafter may want explained. */
export function hoverAt(doc: OutcomeDocument, catalogue: Catalogue, position: Position): HoverContent | undefined {
  return headerHover(doc, catalogue, position) ?? textHover(doc, catalogue, position) ?? mentionHover(doc, catalogue, position);
}

function headerHover(doc: OutcomeDocument, catalogue: Catalogue, p: Position): HoverContent | undefined {
  const h = doc.header;
  for (const entry of h.subjectCodes) {
    if (!contains(entry.codeRange, p)) continue;
    const code = catalogue.subjectCode(entry.code);
    if (code) return { range: entry.codeRange, markdown: `**${md(code.code)}** — Council subject code\n\n${md(code.description)}` };
    const closest = catalogue.closestSubjectCodes(entry.code, 3);
    return { range: entry.codeRange, markdown: `**${md(entry.code)}** is not a Council subject code.${closest.length ? ` Closest: ${md(closest.join(', '))}.` : ''}` };
  }
  if (h.date && contains(h.date.range, p)) return { range: h.date.range, markdown: `Document date: ${describeDate(h.date.value, h.date.text)}` };
  if (h.malformedDate && contains(h.malformedDate.range, p)) {
    return { range: h.malformedDate.range, markdown: `"${md(h.malformedDate.value)}" is not written as day, month name and year (e.g. 29 July 2011).` };
  }
  if (h.number && contains(h.number.range, p)) return { range: h.number.range, markdown: `This document: ${describeNumber(h.number)}` };
  const pa = h.partialAccess?.date;
  if (pa && contains(pa.range, p)) return { range: pa.range, markdown: `Made partially accessible to the public: ${describeDate(pa.value, pa.text)}` };
  if (h.language && contains(h.language.range, p)) {
    const language = catalogue.language(h.language.value);
    return { range: h.language.range, markdown: language ? `Original language: ${md(language.name)}` : `"${md(h.language.value)}" is not an official EU language code.` };
  }
  if (h.marking && contains(h.marking.range, p)) {
    const marking = catalogue.marking(h.marking.value);
    return { range: h.marking.range, markdown: marking ? `**${md(marking.marking)}**\n\n${md(marking.description)}` : `"${md(h.marking.value)}" is not a distribution marking.` };
  }
  return undefined;
}

function textHover(doc: OutcomeDocument, catalogue: Catalogue, p: Position): HoverContent | undefined {
  const date = doc.dates.find((d) => contains(d.range, p));
  if (date) return { range: date.range, markdown: describeDate(date.value, date.text) };
  const ref = doc.references.find((r) => contains(r.range, p));
  if (ref) {
    const own = ref.series === 'ST' && ref.base === doc.header.number?.base && ref.text === doc.header.number.text;
    return { range: ref.range, markdown: `${describeNumber(ref)}${own ? ' — this document' : ''}` };
  }
  const mention = doc.presidencies.find((m) => contains(m.range, p));
  if (mention) {
    const named = catalogue.presidencyByName(mention.name);
    if (named.length === 0) return undefined;
    const country = named[0].country;
    const lines = [`**${md(country)}** — Council Presidency ${named.map(semester).join('; ')}`];
    const expected = expectedPresidency(doc, catalogue, mention);
    const role = mention.incoming ? 'incoming Presidency' : mention.outgoing ? 'outgoing Presidency' : 'Presidency';
    if (!expected) lines.push('The document gives no date to check the rota against.');
    else if (named.some((n) => n.country === expected.country)) lines.push(`Fits the rota: the ${role} in ${semester(expected)}.`);
    else lines.push(`Against the rota: the ${role} for ${semester(expected)} is ${md(expected.country)} (${md(expected.adjectives[0] ?? expected.country)}).`);
    return { range: mention.range, markdown: lines.join('\n\n') };
  }
  return undefined;
}

function mentionHover(doc: OutcomeDocument, catalogue: Catalogue, p: Position): HoverContent | undefined {
  const line = doc.lines[p.line];
  if (line === undefined || doc.footers.some((f) => f.start.line === p.line)) return undefined;
  const m = catalogue.findMentions(line).find((m) => m.start <= p.character && p.character <= m.end);
  const entry = m && catalogue.entry(m.id);
  return m && entry ? { range: lineRange(p.line, m.start, m.end), markdown: entryMarkdown(entry) } : undefined;
}
