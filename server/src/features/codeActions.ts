import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis } from './analysis';
import { isDiagnosticData, type DiagnosticFix } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';

/**
 * Quick fixes for the diagnostics the client sends back, from the fixes each carries in its
 * `data`. Diagnostics of an older version are skipped: the client pulls fresh ones after
 * every change. A client that drops `data` gets the fixes of the matching current finding.
 */
export function codeActions(analysis: Analysis, params: CodeActionParams, versionedEdits: boolean): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const fixes = fixesOf(analysis, diagnostic);
    fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: workspaceEdit(analysis, fix, versionedEdits),
      });
    });
  }
  return actions;
}

function fixesOf(analysis: Analysis, diagnostic: Diagnostic): DiagnosticFix[] {
  if (isDiagnosticData(diagnostic.data)) return diagnostic.data.version === analysis.version ? diagnostic.data.fixes : [];
  const finding = analysis.findings.find((f) => f.code === diagnostic.code && sameRange(analysis.toEditor(f.range), diagnostic.range));
  return (finding?.fixes ?? []).map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: analysis.toEditor(e.range), newText: e.newText })) }));
}

function workspaceEdit(analysis: Analysis, fix: DiagnosticFix, versioned: boolean): WorkspaceEdit {
  // A versioned edit is refused by the client if the document changed since: never a misplaced edit.
  return versioned
    ? { documentChanges: [TextDocumentEdit.create({ uri: analysis.uri, version: analysis.version }, fix.edits)] }
    : { changes: { [analysis.uri]: fix.edits } };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
