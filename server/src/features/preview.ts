import type { Catalogue } from '../core/catalogue/catalogue';
import { buildLayout, LayoutMemo } from '../core/layout';
import { PreviewRenderer } from '../core/layout/html';
import type { Analysis } from './analysis';
import type { PreviewParams, PreviewResult } from '../../../shared/protocol';

/** Per open document, its blocks and their HTML, remembered between versions. */
const renderers = new Map<string, { memo: LayoutMemo; renderer: PreviewRenderer }>();

/** The preview of one version of a document; null when it is no outcome document (or was refused). */
export function preview(analysis: Analysis, text: string, catalogue: Catalogue, params: PreviewParams): PreviewResult | null {
  const doc = analysis.lint?.document;
  if (!doc || doc.kind !== 'outcome') return { version: analysis.version, outcome: false, id: 0, blocks: [], footer: '' };
  let memory = renderers.get(analysis.uri);
  if (!memory) renderers.set(analysis.uri, (memory = { memo: new LayoutMemo(), renderer: new PreviewRenderer() }));
  const page = memory.renderer.render(buildLayout(doc, text, catalogue, memory.memo), { initials: params.initials, directorate: params.directorate }, params.since);
  return { version: analysis.version, outcome: true, ...page };
}

export function forgetPreview(uri: string): void {
  renderers.delete(uri);
}
