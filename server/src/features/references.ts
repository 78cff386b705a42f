import type { CancellationToken, Location, Position, ResultProgressReporter } from 'vscode-languageserver';
import type { ReferencePage } from '../core/workspace/queries';
import type { Analysis } from './analysis';
import { canonicalUri, type WorkspaceService } from './workspaceIndex';

export interface ReferencesOptions {
  /** At most this many locations in the reply (`outcomeDrafting.references.limit`). */
  limit: number;
  /** Where the client takes partial results (its `partialResultToken`): then every location is sent, a batch of at most `limit` at a time, and the reply is empty. */
  partial?: ResultProgressReporter<Location[]>;
  token?: CancellationToken;
  /** Told when the reply holds fewer locations than there are. */
  bounded?: (shown: number, total: number, topic: string | undefined) => void;
}

/**
 * Find references on a mention of an instrument or topic (every mention of it across the
 * workspace) or on a section or item heading (its topic at the earlier meetings), oldest meeting
 * first: at most `limit` of them, or all of them streamed to a client that takes partial results,
 * the request's cancellation looked at between batches.
 */
export async function references(analysis: Analysis, workspace: WorkspaceService, position: Position, options: ReferencesOptions): Promise<Location[]> {
  const { token, partial } = options;
  if (!(await workspace.whenBuilt(token))) return [];
  const uri = canonicalUri(analysis.uri);
  const at = analysis.toCore(position);
  const page = (offset: number, limit: number): Promise<ReferencePage> => Promise.resolve(workspace.queries.references(uri, at, { offset, limit }));
  if (!partial) {
    const first = await page(0, options.limit);
    if (first.total > first.locations.length) options.bounded?.(first.locations.length, first.total, first.topic);
    return first.locations;
  }
  // Each batch as large as a reply may be.
  for (let offset = 0; ; offset += options.limit) {
    if (token?.isCancellationRequested) return [];
    const batch = await page(offset, options.limit);
    if (batch.locations.length > 0) partial.report(batch.locations);
    if (offset + options.limit >= batch.total) return [];
    // Lets the connection read a cancellation (or a change to the document) before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
