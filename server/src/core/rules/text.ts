
import type { OutcomeDocument, PresidencyMention } from '../document/model';
import type { RotaPresidency, RuleCatalogue, RuleGroup } from './context';
import { dateProblem } from './header';

/** The date the rota is read at: the meeting's last day, else the document date. */
export function rotaDate(doc: OutcomeDocument): string | undefined {
  const end = doc.meeting?.end;
  if (end?.valid) return end.iso;
  const date = doc.header.date?.value;
  return date?.valid ? date.iso : undefined;
}

export function semester(p: Pick<RotaPresidency, 'year' | 'half'>): string {
  return `${p.half === 1 ? 'January–June' : 'July–December'} ${p.year}`;
}

export function expectedPresidency(doc: OutcomeDocument, catalogue: RuleCatalogue, mention: PresidencyMention): RotaPresidency | undefined {
  const at = rotaDate(doc);
  if (!at) return undefined;
  const current = catalogue.presidencyOn(at);
  if (!current) return undefined;
  if (mention.incoming) return catalogue.presidencyAfter(current);
  if (mention.outgoing) {
    const i = catalogue.presidencies.indexOf(current);
    return i > 0 ? catalogue.presidencies[i - 1] : undefined;
  }
  return current;
}

export const textRules: RuleGroup = (doc, catalogue, report) => {
  for (const d of doc.dates) {
    if (!d.value.valid && !report.skip('text.date-invalid')) report({ code: 'text.date-invalid', message: `${d.text.trim()} does not exist: ${dateProblem(d.value)}.`, range: d.range });
  }
  // Once the document has introduced "the incoming X Presidency", a later plain
  // "the X Presidency" speaks of that same incoming Presidency.
  const incoming = new Set<string>();
  for (const mention of doc.presidencies) {
    const named = catalogue.presidencyByName(mention.name);
    if (named.length === 0) continue; // "the EU Presidency", "the Council Presidency"
    const expected = expectedPresidency(doc, catalogue, mention);
    if (!expected) continue;
    if (named.some((p) => p.country === expected.country)) {
      if (mention.incoming) incoming.add(expected.country);
      continue;
    }
    if (!mention.incoming && !mention.outgoing && named.some((p) => incoming.has(p.country))) continue;
    if (report.skip('text.presidency-rota')) continue;
    const role = mention.incoming ? 'incoming Presidency' : mention.outgoing ? 'outgoing Presidency' : 'Presidency';
    const nameRange = { start: mention.range.start, end: { line: mention.range.start.line, character: mention.range.start.character + mention.name.length } };
    const adjective = expected.adjectives[0] ?? expected.country;
    report({
      code: 'text.presidency-rota',
      message: `The ${mention.name} Presidency is named as the ${role}, but by the rota the ${role} for ${semester(expected)} is ${expected.country} (${adjective}).`,
      range: nameRange,
      fixes: [{ title: `Replace with ${adjective}`, edits: [{ range: nameRange, newText: adjective }] }],
    });
  }
  if (!doc.header.partialAccess) {
    for (const range of doc.deleted) {
      if (report.skip('redaction.deleted-without-partial-access')) continue;
      report({
        code: 'redaction.deleted-without-partial-access',
        message: 'DELETED marks text withheld from a partially public release, but the header has no "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC" line.',
        range,
      });
    }
  }
};

