import type { Catalogue } from '../core/catalogue/catalogue';
import { buildLayout } from '../core/layout';
import { PreviewRenderer } from '../core/layout/html';
import type { Analysis } from './analysis';
import type { PreviewParams, PreviewResult } from '../../../shared/protocol';

/** One renderer per open document: it remembers the blocks' HTML between versions. */
const renderers = new Map<string, PreviewRenderer>();

/** The preview of one version of a document; null when it is no outcome document (or was refused). */
export function preview(analysis: Analysis, text: string, catalogue: Catalogue, params: PreviewParams): PreviewResult | null {
  const doc = analysis.lint?.document;
  if (!doc || doc.kind !== 'outcome') return { version: analysis.version, outcome: false, blocks: [], footer: '' };
  let renderer = renderers.get(analysis.uri);
  if (!renderer) renderers.set(analysis.uri, (renderer = new PreviewRenderer()));
  const page = renderer.render(buildLayout(doc, text, catalogue), { initials: params.initials, directorate: params.directorate });
  return { version: analysis.version, outcome: true, ...page };
}

export function forgetPreview(uri: string): void {
  renderers.delete(uri);
}
