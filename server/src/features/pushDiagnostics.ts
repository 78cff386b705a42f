import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A drafter typing produces a change per key: diagnostics follow once they pause. */
export const CHANGE_DELAY_MS = 250;

export interface PushOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The document's diagnostics, as a pull would answer them. */
  diagnosticsOf: (uri: string) => Promise<Diagnostic[]>;
  /** Logs a failure; publishing goes on for the other documents. */
  log: (message: string) => void;
}

/**
 * Diagnostics sent with `textDocument/publishDiagnostics`, for clients that do not pull them
 * (Neovim before 0.10, eglot, Sublime LSP, Kate): on open, after a change, and for every open
 * document when settings, the catalogue or the cross-document findings change; cleared on close.
 * A document is sent again only when its diagnostics differ from what the client holds.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What the client holds for each open document, as JSON (an empty list is never stored). */
  private readonly sent = new Map<string, string>();

  constructor(private readonly options: PushOptions) {
    const { documents } = options;
    // onDidChangeContent also fires on open, right after onDidOpen: an open is published at once.
    const opened = new Set<string>();
    documents.onDidOpen((e) => opened.add(e.document.uri));
    documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      this.schedule(uri, opened.delete(uri) ? 0 : CHANGE_DELAY_MS);
    });
    documents.onDidClose((e) => this.clear(e.document.uri));
  }

  /** Every open document is published again (once the current burst of changes is over). */
  publishAll(): void {
    for (const d of this.options.documents.all()) this.schedule(d.uri, CHANGE_DELAY_MS);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay);
    this.timers.set(uri, timer);
  }

  private async publish(uri: string): Promise<void> {
    const document = this.options.documents.get(uri);
    if (!document) return;
    const version = document.version;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await this.options.diagnosticsOf(uri);
    } catch (e) {
      this.options.log(`Outcome Drafting: diagnostics of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    }
    // Closed, or changed again meanwhile: the next publish (or the clear) speaks for it.
    if (this.options.documents.get(uri)?.version !== version) return;
    const json = JSON.stringify(diagnostics);
    // An empty list is sent only to clear what the client shows (files that are no outcome documents stay silent).
    if (this.sent.get(uri) === json || (diagnostics.length === 0 && !this.sent.has(uri))) return;
    if (diagnostics.length) this.sent.set(uri, json);
    else this.sent.delete(uri);
    void this.options.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.sent.delete(uri)) void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
