import type { HeaderLayout, LayoutBlock, Numbering, PageLayout, Run } from './model';

/** One block of the preview: its HTML, and a key that changes only when the HTML does. */
export interface PreviewBlock {
  /** A hash of the block's content, with `#n` for the n-th block of the same content. */
  key: string;
  html: string;
  line: number;
  endLine: number;
  /** True from the annex on: those blocks go on a page of their own. */
  annex: boolean;
}

export interface PreviewPage {
  blocks: PreviewBlock[];
  /** The footer (one per page), with the drafter's initials and directorate when set. */
  footer: string;
  classifiedMarking?: string;
}

/**
 * The preview's rendering of a layout: HTML per block, remembered by content, so an edit
 * renders only the blocks it changed and the webview replaces only those.
 */
export class PreviewRenderer {
  private cache = new Map<string, string>();
  private previous = new Map<string, string>();

  render(layout: PageLayout, footer: { initials?: string; directorate?: string } = {}): PreviewPage {
    const seen = new Map<string, number>();
    const next = new Map<string, string>();
    let annex = false;
    const blocks = layout.blocks.map((block) => {
      if (block.kind === 'annex') annex = true;
      const content = contentOf(block);
      let html = this.cache.get(content) ?? this.previous.get(content);
      if (html === undefined) html = blockHtml(block);
      next.set(content, html);
      const hash = fnv1a(content);
      const n = seen.get(hash) ?? 0;
      seen.set(hash, n + 1);
      return { key: n ? `${hash}#${n}` : hash, html, line: block.line, endLine: block.endLine, annex };
    });
    // Kept for two renderings: a block typed away and back (an undo) is still there.
    this.previous = this.cache;
    this.cache = next;
    const f = layout.footer;
    const cell = (text: string | undefined, cls: string) => `<span class="${cls}">${escapeHtml(text ?? '')}</span>`;
    const footerHtml =
      `<div class="footer-row">${cell(f.number, 'left')}${cell(footer.initials, 'centre')}<span class="right page-number"></span></div>` +
      `<div class="footer-row">${cell(footer.directorate, 'left')}${cell(f.marking, 'centre bold')}${cell(f.language, 'right bold')}</div>`;
    return { blocks, footer: footerHtml, classifiedMarking: layout.classifiedMarking };
  }
}

/**
 * What a block shows, without where it stands: the same paragraph moved down a line keeps its
 * key. Written out per kind (not a JSON copy of the block): this runs on every block of every
 * update.
 */
function contentOf(block: LayoutBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return 'p' + runsKey(block.runs);
    case 'heading':
      return `h${block.level}\u0002${block.numbering.kind}\u0002${numberText(block.numbering)}\u0002${runsKey(block.title)}`;
    case 'summary':
      return 's' + runsKey(block.runs);
    case 'annex':
      return 'x' + runsKey(block.title);
    case 'header':
      return 'H' + JSON.stringify(block.header);
    case 'title':
      return 'T' + block.text;
    case 'addressing':
      return 'A' + block.rows.map((r) => `${r.label}\u0002${runsKey(r.value)}`).join('\u0003');
  }
}

function runsKey(runs: readonly Run[]): string {
  let key = '';
  for (const r of runs) key += `${r.bold ? 'b' : ''}${r.italic ? 'i' : ''}${r.underline ? 'u' : ''}\u0000${r.text}\u0001`;
  return key;
}

function blockHtml(block: LayoutBlock): string {
  switch (block.kind) {
    case 'header':
      return headerHtml(block.header);
    case 'title':
      return `<p class="title">${escapeHtml(block.text)}</p>`;
    case 'addressing':
      return `<table class="addressing">${block.rows.map((r) => `<tr><td class="label">${escapeHtml(r.label)}</td><td>${runsHtml(r.value)}</td></tr>`).join('')}</table><hr class="rule">`;
    case 'summary':
      return `<p class="summary"><b>Summary:</b> ${runsHtml(block.runs)}</p>`;
    case 'heading':
      return `<p class="heading ${block.level}"><span class="number">${escapeHtml(numberText(block.numbering))}</span><span class="heading-title">${runsHtml(block.title)}</span></p>`;
    case 'paragraph':
      return `<p>${runsHtml(block.runs)}</p>`;
    case 'annex':
      return `<p class="annex-heading">ANNEX</p>${block.title.length ? `<p class="annex-title">${runsHtml(block.title)}</p>` : ''}`;
  }
}

function headerHtml(h: HeaderLayout): string {
  const lines = (list: (string | undefined)[]) => list.filter((t): t is string => !!t).map((t) => `<div>${escapeHtml(t)}</div>`).join('');
  const right = [
    h.number && `<div class="number"><b>${escapeHtml(h.number)}</b></div>`,
    h.interinstitutionalFile && `<div>${escapeHtml(h.interinstitutionalFile)}</div>`,
    h.partialAccess && `<div><b>${escapeHtml(h.partialAccess)}</b></div>`,
    h.marking && `<div class="marking"><b>${escapeHtml(h.marking)}</b></div>`,
    h.codes.length ? `<table class="codes">${h.codes.map((c) => `<tr><td>${escapeHtml(c.code)}</td><td class="code-number">${escapeHtml(c.number)}</td></tr>`).join('')}</table>` : '',
  ].filter(Boolean);
  return `<div class="header-columns"><div class="issuer">${lines(h.issuer)}</div><div class="place">${lines([h.placeAndDate, h.language])}</div></div><div class="header-right">${right.join('')}</div>`;
}

/** The number a heading shows: what Word's numbering would print, or the label as written. */
export function numberText(numbering: Numbering): string {
  if (numbering.kind === 'text') return numbering.label;
  const n = numbering.ordinal;
  const value = numbering.format === 'decimal' ? String(n) : numbering.format === 'lowerLetter' ? letters(n) : roman(n);
  return `${numbering.before}${value}${numbering.after}`;
}

function letters(n: number): string {
  // Word's lowerLetter: a…z, then aa…zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, digits] of table) for (; n >= value; n -= value) out += digits;
  return out;
}

function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      let html = escapeHtml(r.text);
      if (r.bold) html = `<b>${html}</b>`;
      if (r.italic) html = `<i>${html}</i>`;
      if (r.underline) html = `<u>${html}</u>`;
      return html;
    })
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** FNV-1a, 32 bits, in base 36: a short key for a block's content. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
