/**
 * What the client and the server say to each other beyond LSP: the custom requests (method,
 * parameters, answer), the command the code lenses name, the language id and diagnostic source.
 * Declared once, here; each side registers or sends a request through its own library by
 * `method` (`onCustomRequest` in the server, `sendCustomRequest` in the client), so that no
 * type of one side's protocol library reaches the other.
 */
import type { Range } from '../server/src/core/text/range';

/** A custom request: its method name, with its parameters and answer as types. */
export interface CustomRequest<P, R> {
  readonly method: string;
  /** Types only (never set). */
  readonly types?: { params: P; result: R };
}

function request<P, R>(method: string): CustomRequest<P, R> {
  return { method };
}

/** Sends a custom request through the client's library (anything with `sendRequest(method, params)`). */
export function sendCustomRequest<P, R>(client: { sendRequest<T>(method: string, params?: unknown): Promise<T> }, request: CustomRequest<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(request.method, params);
}

/** What a server's connection offers to answer a request by method; `token` is the request's cancellation. */
export interface RequestRegistry<Token> {
  onRequest(method: string, handler: (params: never, token: Token) => unknown): unknown;
}

/** Answers a custom request in the server. */
export function onCustomRequest<P, R, Token>(connection: RequestRegistry<Token>, request: CustomRequest<P, R>, handler: (params: P, token: Token) => R | Promise<R>): void {
  connection.onRequest(request.method, handler as (params: never, token: Token) => unknown);
}

export const LANGUAGE_ID = 'council-outcome';
/** The `source` of the server's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'outcome';
/** The client command a code lens names: shows its locations (converted to the editor's types by the client). */
export const SHOW_REFERENCES_COMMAND = 'outcomeDrafting.showReferences';

/** Positions and ranges as the core has them: zero-based, as in LSP. */
export type { Position, Range } from '../server/src/core/text/range';

// ------------------------------------------------------------------ outcome/documentInfo

export interface DocumentInfoParams {
  uri: string;
}

/** What the status bar shows of a document. */
export interface DocumentInfo {
  kind: 'outcome' | 'other';
  /** The header's document number as written ("13228/1/11 REV 1"). */
  number?: string;
  /** The header date, yyyy-mm-dd. */
  date?: string;
  errors: number;
  warnings: number;
}

/** Answers null for a document the server does not hold. */
export const DocumentInfoRequest = request<DocumentInfoParams, DocumentInfo | null>('outcome/documentInfo');

// ------------------------------------------------------------------ the Topic History view

export interface TopicChoice {
  id: string;
  name: string;
  /** "topic", "agreement", "body"… */
  kind: string;
  /** Its aliases and abbreviations, which the picker matches typed words against. */
  names: string[];
}

export interface TopicHistoryParams {
  /** A catalogue id, name, alias or abbreviation, or free words. */
  query: string;
  /** The page of documents to read, oldest meeting first (default: from the first, at most `TOPIC_HISTORY_PAGE`). */
  offset?: number;
  limit?: number;
}

export interface TopicHistory {
  topic: string;
  meetings: {
    uri: string;
    /** "13228/11, Cracow, 25–26 July 2011" */
    label: string;
    /** Each mention with its sentence (`at`: where it stands in `text`). */
    mentions: { range: Range; text: string; at: [number, number]; section?: string }[];
  }[];
  /** The documents that may mention the topic, in all: the next page starts at `offset + limit` while below it. */
  total: number;
  /** The topic's mentions in all (the locations Find All References counts on one of them); not known for free words. */
  mentions?: number;
  offset: number;
  limit: number;
}

/** Documents read for one page of a topic's history. */
export const TOPIC_HISTORY_PAGE = 200;

export const TopicsRequest = request<void, TopicChoice[]>('outcome/topics');
export const TopicHistoryRequest = request<TopicHistoryParams, TopicHistory>('outcome/topicHistory');

// ------------------------------------------------------------------ bounded references

/** A references reply cut to `outcomeDrafting.references.limit`: how many it holds of how many. */
export interface ReferencesBounded {
  shown: number;
  total: number;
  /** The catalogue entry they are mentions of, for the Topic History (none for a heading that names no entry). */
  topic?: string;
}

/**
 * `outcome/referencesBounded`, from the server: sent to a client that asks for it (the
 * initialization option `referencesBoundedNotice: true`), after a reply it cut.
 */
export const REFERENCES_BOUNDED_NOTIFICATION = 'outcome/referencesBounded';

/** What the client says of a cut reply: "References: 2,000 of 59,947 shown, oldest meeting first". */
export function referencesBoundedText(n: ReferencesBounded): string {
  const count = (x: number) => x.toLocaleString('en-GB');
  return `References: ${count(n.shown)} of ${count(n.total)} shown, oldest meeting first (outcomeDrafting.references.limit)${n.topic ? ' — the Topic History lists them all' : ''}`;
}

// ------------------------------------------------------------------ the preview and the export

/** `outcome/preview`: the preview's blocks for the document's current version (server/src/core/layout/html.ts). */
export interface PreviewParams {
  uri: string;
  /** The footer's initials and directorate, from the client's settings. */
  initials?: string;
  directorate?: string;
  /** The `id` of the preview the page shows: blocks it holds come without their HTML. */
  since?: number;
}

export interface PreviewResult {
  version: number;
  /** False for a document that is no outcome of proceedings: then nothing to show. */
  outcome: boolean;
  /** This rendering, for the next request's `since`. */
  id: number;
  /**
   * Set when rendered `since` the page's rendering `base`: its first `head` blocks and its last
   * `tail` (their lines moved by `shift`) stand as they were, and `blocks` are the ones between.
   */
  keep?: { base: number; head: number; tail: number; shift: number };
  /**
   * Each with a key that changes whenever its source does; `html` only for a key the rendering
   * `since` did not have; `annex`: from the annex's page on.
   */
  blocks: { key: string; html?: string; line: number; endLine: number; annex: boolean }[];
  footer: string;
  classifiedMarking?: string;
}

export const PreviewRequest = request<PreviewParams, PreviewResult | null>('outcome/preview');

/** `outcome/export`: the document's current text written as Word (or PDF through LibreOffice) to `target`. */
export interface ExportParams {
  uri: string;
  format: 'docx' | 'pdf';
  target: string;
  initials?: string;
  directorate?: string;
  /** The soffice program, when the setting gives one. */
  libreOffice?: string;
}

export type ExportResult = { ok: true } | { ok: false; reason: string };

export const ExportRequest = request<ExportParams, ExportResult>('outcome/export');

// ------------------------------------------------------------------ Word and PDF files

export interface ArchiveTextParams {
  /** A Word or PDF file: `file:` or `outcome-archive:` (see server/src/node/fileUris.ts). */
  uri: string;
}

/** The text the server reads in a Word or PDF file (what the index, the rules and the ranges it answers refer to), or why it cannot. */
export type ArchiveText = { text: string; notes?: string } | { reason: string };

/** `outcome/archiveText`: for the client's read-only view of the file (scheme `outcome-archive`). */
export const ArchiveTextRequest = request<ArchiveTextParams, ArchiveText>('outcome/archiveText');
