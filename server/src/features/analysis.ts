import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalogue } from '../core/catalogue/catalogue';
import { lintText, type LintResult } from '../core/lint';
import { RULES, type RuleCode, type SeveritySetting } from '../core/rules/codes';
import type { Finding } from '../core/rules/finding';
import type { Position, Range } from '../core/text/range';
import { MAX_DOCUMENT_BYTES } from '../node/documentFiles';

/** What linting depends on besides the text; `generation` changes whenever any of it does. */
export interface LintContext {
  catalogue: Catalogue;
  severities: Partial<Record<RuleCode, SeveritySetting>>;
  generation: number;
}

/**
 * One version of one open document, parsed and checked once and shared by every feature.
 *
 * The core strips a byte order mark before counting columns, while the editor's line 0
 * still holds it: positions on line 0 differ by one between the two, and every feature
 * converts through `toEditor`/`toCore`.
 */
export class Analysis {
  /** Undefined when the text was refused (binary, too large): then `findings` says why. */
  readonly lint?: LintResult;
  readonly findings: Finding[];
  private readonly lineZeroShift: number;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly generation: number,
    text: string,
    context: LintContext,
  ) {
    this.lineZeroShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const refusal = refusalReason(text);
    if (refusal) {
      const severity = context.severities['document.not-outcome'] ?? RULES['document.not-outcome'].severity;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      this.findings = severity === 'off' ? [] : [{ code: 'document.not-outcome', severity, message: `This file is ${refusal}: it is not checked.`, range }];
      return;
    }
    this.lint = lintText(text, context.catalogue, { severities: context.severities });
    this.findings = this.lint.findings;
  }

  toEditor(range: Range): Range {
    return { start: this.toEditorPosition(range.start), end: this.toEditorPosition(range.end) };
  }

  toEditorPosition(p: Position): Position {
    return p.line === 0 && this.lineZeroShift ? { line: 0, character: p.character + this.lineZeroShift } : p;
  }

  toCore(p: Position): Position {
    return p.line === 0 && this.lineZeroShift ? { line: 0, character: Math.max(0, p.character - this.lineZeroShift) } : p;
  }
}

/** Why a text is not read as a document at all, if it is not. */
export function refusalReason(text: string): string | undefined {
  // A UTF-16 unit is at most 3 UTF-8 bytes: only long texts need their size counted.
  if (text.length * 3 > MAX_DOCUMENT_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DOCUMENT_BYTES) {
      return `too large to be an outcome document (${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1048576} MB)`;
    }
  }
  if (text.indexOf('\0') >= 0) return 'binary data (it contains NUL characters), not a text document';
  return undefined;
}

/** The latest analysis of each open document, rebuilt when its version or the lint context changes. */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  constructor(private readonly context: () => LintContext) {}

  get(document: TextDocument): Analysis {
    const context = this.context();
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === context.generation) return cached;
    const analysis = new Analysis(document.uri, document.version, context.generation, document.getText(), context);
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
