import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixEdits } from '../core/rules/finding';
import type { Analysis } from './analysis';
import { diagnosticFix, editorEdit, isDiagnosticData, type DiagnosticFix } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';

/** What the client takes: versioned edits, and edits filled in by `codeAction/resolve`. */
export interface CodeActionClient {
  versionedEdits: boolean;
  resolveEdits: boolean;
}

/** `CodeAction.data` of a fix whose edits are made on `codeAction/resolve`: which fix of which finding. */
interface ResolveData {
  uri: string;
  version: number;
  code: string;
  range: Diagnostic['range'];
  fix: number;
}

/**
 * Quick fixes for the diagnostics the client sends back, from the fixes each carries in its
 * `data`. Diagnostics of an older version are skipped: the client pulls fresh ones after
 * every change. A client that drops `data` gets the fixes of the matching current finding.
 * A fix that edits much of the document (renumbering) gets its edits on `codeAction/resolve`
 * when the client resolves them, else here, for the diagnostics asked about only.
 */
export function codeActions(analysis: Analysis, params: CodeActionParams, client: CodeActionClient): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const fixes = fixesOf(analysis, diagnostic);
    fixes.forEach((fix, i) => {
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 };
      if (fix.edits) action.edit = workspaceEdit(analysis, fix.edits, client.versionedEdits);
      else if (client.resolveEdits) action.data = { uri: analysis.uri, version: analysis.version, code: String(diagnostic.code), range: diagnostic.range, fix: i } satisfies ResolveData;
      else {
        const edits = deferredEdits(analysis, String(diagnostic.code), diagnostic.range, i);
        if (edits) action.edit = workspaceEdit(analysis, edits, client.versionedEdits);
      }
      actions.push(action);
    });
  }
  return actions;
}

/** The URI a code action to resolve is about, or undefined when its data is not ours. */
export function resolveUri(action: CodeAction): string | undefined {
  return isResolveData(action.data) ? action.data.uri : undefined;
}

/**
 * Fills in the edits of a fix offered without them. An action of an older version stays
 * without edits (the client then applies nothing): the text has changed since.
 */
export function resolveCodeAction(analysis: Analysis, action: CodeAction, versionedEdits: boolean): CodeAction {
  const data = action.data;
  if (!isResolveData(data) || data.version !== analysis.version) return action;
  const edits = deferredEdits(analysis, data.code, data.range, data.fix);
  return edits ? { ...action, edit: workspaceEdit(analysis, edits, versionedEdits) } : action;
}

function deferredEdits(analysis: Analysis, code: string, range: Diagnostic['range'], index: number): TextEdit[] | undefined {
  const finding = analysis.findings.find((f) => f.code === code && sameRange(analysis.toEditor(f.range), range));
  const fix = finding?.fixes?.[index];
  return fix && fixEdits(fix).map((e) => editorEdit(analysis, e));
}

function isResolveData(data: unknown): data is ResolveData {
  const d = data as Partial<ResolveData> | undefined;
  return typeof d?.uri === 'string' && typeof d.version === 'number' && typeof d.code === 'string' && typeof d.fix === 'number' && typeof d.range?.start?.line === 'number';
}

function fixesOf(analysis: Analysis, diagnostic: Diagnostic): DiagnosticFix[] {
  if (isDiagnosticData(diagnostic.data)) return diagnostic.data.version === analysis.version ? diagnostic.data.fixes : [];
  const finding = analysis.findings.find((f) => f.code === diagnostic.code && sameRange(analysis.toEditor(f.range), diagnostic.range));
  return (finding?.fixes ?? []).map((fix) => diagnosticFix(analysis, fix));
}

function workspaceEdit(analysis: Analysis, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  // A versioned edit is refused by the client if the document changed since: never a misplaced edit.
  return versioned ? { documentChanges: [TextDocumentEdit.create({ uri: analysis.uri, version: analysis.version }, edits)] } : { changes: { [analysis.uri]: edits } };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
