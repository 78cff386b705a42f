import type { Finding } from '../rules/finding';
import { RULES, type RuleCode, type SeveritySetting } from '../rules/codes';
import type { Range } from '../text/range';
import { spanRange, type DocumentEntry } from './documentEntry';

export type Severities = Partial<Record<RuleCode, SeveritySetting>>;

/** What the cross-document checks need to know of the other documents. */
export interface NumberLookup {
  /** Documents whose own number has this base ("13228/11"), REVs and ADDs included. */
  documentsWithBase(base: string): readonly DocumentEntry[];
}

interface Reference {
  series: string;
  base: string;
  text: string;
  range: Range;
}

function severityOf(code: RuleCode, severities: Severities): SeveritySetting {
  return severities[code] ?? RULES[code].severity;
}

/** `reference.unresolved`: Council (ST) document numbers the text refers to that no document in the workspace carries. */
function unresolved(refs: Reference[], own: string | undefined, known: (base: string) => boolean, severities: Severities): Finding[] {
  const severity = severityOf('reference.unresolved', severities);
  if (severity === 'off') return [];
  return refs
    .filter((r) => r.series === 'ST' && r.base !== own && !known(r.base))
    .map((r) => ({ code: 'reference.unresolved', severity, message: `Document ${r.text} is not in the workspace: the reference cannot be followed.`, range: r.range }));
}

/**
 * The findings that depend on other documents: `reference.unresolved`, `reference.prev-doc-later`
 * (a "No. prev. doc." dated after this document) and `workspace.duplicate-number` (another file
 * carries the same number).
 */
export function crossDocumentFindings(entry: DocumentEntry, lookup: NumberLookup, severities: Severities = {}): Finding[] {
  const refs = entry.references.map((r) => ({ ...r, range: spanRange(r.span) }));
  const findings = unresolved(refs, entry.number?.base, (b) => lookup.documentsWithBase(b).length > 0, severities);

  const later = severityOf('reference.prev-doc-later', severities);
  if (later !== 'off' && entry.date) {
    for (const r of refs) {
      if (!r.previous) continue;
      const target = previousDocument(r.text, lookup.documentsWithBase(r.base));
      if (target?.date && target.date > entry.date) {
        findings.push({ code: 'reference.prev-doc-later', severity: later, message: `Previous document ${r.text} is dated ${target.date}, after this document (${entry.date}).`, range: r.range });
      }
    }
  }

  const duplicate = severityOf('workspace.duplicate-number', severities);
  if (duplicate !== 'off' && entry.number) {
    const own = entry.number;
    const others = lookup.documentsWithBase(own.base).filter((d) => d.uri !== entry.uri && d.number?.text === own.text);
    if (others.length > 0) {
      findings.push({ code: 'workspace.duplicate-number', severity: duplicate, message: `Document number ${own.text} is also carried by ${others.map((d) => fileName(d.uri)).join(', ')}.`, range: spanRange(own.span) });
    }
  }
  return findings;
}

/** The document a "No. prev. doc." value names: the exact number, else the original of the family. */
function previousDocument(text: string, family: readonly DocumentEntry[]): DocumentEntry | undefined {
  return family.find((d) => d.number?.text === text) ?? family.find((d) => d.number?.text === d.number?.base) ?? family[0];
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
