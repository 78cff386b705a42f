import type { Catalogue } from '../../server/src/core/catalogue/catalogue';
import type { OutcomeDocument } from '../../server/src/core/document/model';
import { entryMentionSpans } from '../../server/src/core/topics';

/**
 * What must survive a round trip through another format: header facts, subject codes,
 * addressing, section and item numbers and titles, and the catalogue entries mentioned (with
 * how often). Spacing is normalised; layout (line numbers, markup) is not compared.
 */
export function documentFacts(doc: OutcomeDocument, catalogue: Catalogue) {
  const one = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim();
  const h = doc.header;
  const mentions = [...entryMentionSpans(doc, catalogue)].map(([id, spans]) => `${id} ×${spans.length / 3}`).sort();
  return {
    kind: doc.kind,
    number: h.number?.text,
    date: h.date?.value.iso,
    language: h.language?.value,
    partialAccessDate: h.partialAccess?.date?.text,
    marking: one(h.marking?.value),
    codes: h.subjectCodes.map((c) => `${c.code} ${c.number ?? c.numberText}`),
    addressing: doc.addressing.filter((f) => f.label !== 'summary').map((f) => `${f.label}: ${one(f.value)}`),
    references: doc.references.map((r) => r.text),
    sections: doc.sections.map((s) => ({ heading: `${s.heading.label} ${one(s.heading.title)}`, items: s.items.map((i) => `${i.heading.label} ${one(i.heading.title)}`) })),
    mentions,
  };
}
