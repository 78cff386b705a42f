import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Severity } from '../core/rules/codes';
import type { Finding, Fix, TextReplacement } from '../core/rules/finding';
import type { Analysis } from './analysis';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import type { RuleLinks } from './ruleLinks';

/**
 * A quick fix carried by its diagnostic, in editor positions of the version it was computed on.
 * A fix that may edit much of the document carries only its title: its edits are made when it
 * is chosen (`codeAction/resolve`).
 */
export interface DiagnosticFix {
  title: string;
  edits?: TextEdit[];
}

/** `Diagnostic.data`: what the code actions need, so they never re-run the rules. */
export interface DiagnosticData {
  version: number;
  fixes: DiagnosticFix[];
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(analysis: Analysis, links: RuleLinks): Diagnostic[] {
  return analysis.findings.map((f) => toDiagnostic(analysis, f, links));
}

function toDiagnostic(analysis: Analysis, finding: Finding, links: RuleLinks): Diagnostic {
  const diagnostic: Diagnostic = {
    range: analysis.toEditor(finding.range),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  const href = links.get(finding.code);
  if (href) diagnostic.codeDescription = { href };
  if (finding.fixes?.length) {
    const data: DiagnosticData = {
      version: analysis.version,
      fixes: finding.fixes.map((fix) => diagnosticFix(analysis, fix)),
    };
    diagnostic.data = data;
  }
  return diagnostic;
}

export function diagnosticFix(analysis: Analysis, fix: Fix): DiagnosticFix {
  return fix.edits ? { title: fix.title, edits: fix.edits.map((e) => editorEdit(analysis, e)) } : { title: fix.title };
}

export function editorEdit(analysis: Analysis, e: TextReplacement): TextEdit {
  return { range: analysis.toEditor(e.range), newText: e.newText };
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  const d = data as Partial<DiagnosticData> | undefined;
  return typeof d?.version === 'number' && Array.isArray(d.fixes);
}
