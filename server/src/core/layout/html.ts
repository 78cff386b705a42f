import type { HeaderLayout, LayoutBlock, Numbering, PageLayout, Run } from './model';

/** One block of the preview: its HTML, and a key that changes whenever its source does. */
export interface PreviewBlock {
  /** A hash of the block's source, with `#n` for the n-th block of the same source. */
  key: string;
  /** Left out when the preview rendered last (`since`) had this key: its page keeps that block as it is. */
  html?: string;
  line: number;
  endLine: number;
  /** True from the annex on: those blocks go on a page of their own. */
  annex: boolean;
}

/**
 * Blocks of the rendering `base` that stand as they were: its first `head` blocks, and its last
 * `tail` with their lines moved by `shift`; the answer's `blocks` are those between.
 */
export interface KeptBlocks {
  base: number;
  head: number;
  tail: number;
  shift: number;
}

export interface PreviewPage {
  /** Which rendering this is: the next one may be asked `since` it. */
  id: number;
  /** Set when rendered `since` the last rendering: then `blocks` are only the blocks between those kept. */
  keep?: KeptBlocks;
  blocks: PreviewBlock[];
  /** The footer (one per page), with the drafter's initials and directorate when set. */
  footer: string;
  classifiedMarking?: string;
}

interface Rendered {
  html: string;
  hash: string;
}

/**
 * The preview's rendering of a layout: HTML per block, remembered by the block's source key, so
 * an edit renders only the blocks it changed; to a page that holds the rendering before, it
 * sends only the blocks between those the edit left in place (before it, and after it moved by
 * the lines it added or removed), and the HTML of those only when the page lacks it.
 */
export class PreviewRenderer {
  private cache = new Map<string, Rendered>();
  private previous = new Map<string, Rendered>();
  private lastId = 0;
  private lastKeys = new Set<string>();
  private lastBlocks: PreviewBlock[] = [];

  /** `since`: the id of the rendering the page shows. */
  render(layout: PageLayout, footer: { initials?: string; directorate?: string } = {}, since?: number): PreviewPage {
    const seen = new Map<string, number>();
    const next = new Map<string, Rendered>();
    const html: string[] = [];
    const keys = new Set<string>();
    let annex = false;
    const blocks = layout.blocks.map((block): PreviewBlock => {
      if (block.kind === 'annex') annex = true;
      let rendered = this.cache.get(block.key) ?? this.previous.get(block.key);
      if (rendered === undefined) rendered = { html: blockHtml(block), hash: fnv1a(block.key) };
      next.set(block.key, rendered);
      const n = seen.get(rendered.hash) ?? 0;
      seen.set(rendered.hash, n + 1);
      const key = n ? `${rendered.hash}#${n}` : rendered.hash;
      keys.add(key);
      html.push(rendered.html);
      return { key, line: block.line, endLine: block.endLine, annex };
    });
    const known = since !== undefined && since === this.lastId;
    const keep = known ? kept(this.lastBlocks, blocks, since) : undefined;
    const from = keep?.head ?? 0;
    const answer = blocks.slice(from, blocks.length - (keep?.tail ?? 0)).map((b, i): PreviewBlock => (known && this.lastKeys.has(b.key) ? b : { ...b, html: html[from + i] }));
    // Kept for two renderings: a block typed away and back (an undo) is still there.
    this.previous = this.cache;
    this.cache = next;
    this.lastKeys = keys;
    this.lastBlocks = blocks;
    const f = layout.footer;
    const cell = (text: string | undefined, cls: string) => `<span class="${cls}">${escapeHtml(text ?? '')}</span>`;
    const footerHtml =
      `<div class="footer-row">${cell(f.number, 'left')}${cell(footer.initials, 'centre')}<span class="right page-number"></span></div>` +
      `<div class="footer-row">${cell(footer.directorate, 'left')}${cell(f.marking, 'centre bold')}${cell(f.language, 'right bold')}</div>`;
    return { id: ++this.lastId, keep, blocks: answer, footer: footerHtml, classifiedMarking: layout.classifiedMarking };
  }
}

/** The blocks of `before` that `after` has in the same place: the same first ones, and the same last ones moved by one number of lines. */
function kept(before: readonly PreviewBlock[], after: readonly PreviewBlock[], base: number): KeptBlocks {
  const same = (a: PreviewBlock, b: PreviewBlock, shift: number) => a.key === b.key && a.annex === b.annex && b.line - a.line === shift && b.endLine - a.endLine === shift;
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && same(before[head], after[head], 0)) head++;
  const shift = after.length && before.length ? after[after.length - 1].line - before[before.length - 1].line : 0;
  let tail = 0;
  while (tail < most - head && same(before[before.length - 1 - tail], after[after.length - 1 - tail], shift)) tail++;
  return { base, head, tail, shift };
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

/** FNV-1a twice (two offset bases), 64 bits in base 36: a short key for a block's source, collisions unlikely among a long draft's thousands of blocks. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  let g = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ c, 0x01000193);
    g = Math.imul(g ^ c, 0x01000193);
  }
  return (h >>> 0).toString(36) + (g >>> 0).toString(36).padStart(7, '0');
}
