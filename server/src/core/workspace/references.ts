import type { OutcomeDocument } from '../document/model';
import type { Finding } from '../rules/finding';
import { RULES, type RuleCode, type SeveritySetting } from '../rules/codes';

/**
 * `reference.unresolved`: Council (ST) document numbers the text refers to that no
 * document in the workspace carries. `known` holds base numbers ("13228/11").
 */
export function unresolvedReferences(doc: OutcomeDocument, known: ReadonlySet<string>, severities: Partial<Record<RuleCode, SeveritySetting>> = {}): Finding[] {
  const severity = severities['reference.unresolved'] ?? RULES['reference.unresolved'].severity;
  if (severity === 'off' || doc.kind !== 'outcome') return [];
  const own = doc.header.number?.base;
  return doc.references
    .filter((r) => r.series === 'ST' && r.base !== own && !known.has(r.base))
    .map((r) => ({ code: 'reference.unresolved', severity, message: `Document ${r.text} is not in the workspace: the reference cannot be followed.`, range: r.range }));
}
