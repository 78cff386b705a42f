// The Outcome Drafting preview's page script: keeps one element per block the extension sends
// (made anew only for a key it has not seen: the others come without their HTML), flows the
// blocks into A4 pages by their measured heights (a page whose blocks did not change is not
// touched), marks diagnostics in the margin, keeps the scroll in step with the editor and sends
// clicks back as lines.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is given by the webview host
  const vscode = acquireVsCodeApi();
  const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));
  const pagesEl = /** @type {HTMLElement} */ (document.getElementById('pages'));
  /** The height of a page's text area (A4 less the margins), in the units blocks are measured in. */
  const ruler = /** @type {HTMLElement} */ (document.getElementById('ruler'));
  /** Where new blocks are measured before they are placed: as wide as a page's text. */
  const measure = /** @type {HTMLElement} */ (document.getElementById('measure'));

  /** @typedef {{key: string, html?: string, line: number, endLine: number, annex: boolean}} Block */
  /** @typedef {{el: HTMLElement, body: HTMLElement, blocks: HTMLElement[]}} Page */

  /** @type {Map<string, HTMLElement>} every block element by its key */
  let elements = new Map();
  /** @type {HTMLElement[]} the blocks in document order */
  let order = [];
  /** @type {number[]} each block's first source line, in the same order */
  let starts = [];
  /** @type {Set<HTMLElement>} the blocks from the annex on */
  let annexBlocks = new Set();
  /** @type {Page[]} */
  const pages = [];
  /** @type {WeakMap<HTMLElement, number>} measured heights; emptied when the panel's size changes */
  let heights = new WeakMap();
  /** @type {{line: number, severity: string, message: string}[]} */
  let diagnostics = [];
  /** @type {Map<HTMLElement, string>} the marks each block shows, by their messages */
  const shownMarks = new Map();
  let programmaticScroll = false;
  let footerHtml = '';
  let classified = '';
  let version = -1;
  /** The id of the rendering this page shows (0: none). */
  let applied = 0;
  /** How many blocks the last update brought (the others were kept as they stood). */
  let received = 0;
  /** The first line of the block the editor's scroll last brought to the top. */
  let scrolledTo = -1;

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'update') update(m);
    else if (m.type === 'diagnostics') {
      diagnostics = m.items;
      report(0, 0);
    } else if (m.type === 'scroll') scrollToLine(m.line);
  });

  /** @param {{version: number, outcome: boolean, id: number, keep?: {base: number, head: number, tail: number, shift: number}, blocks: Block[], footer: string, classifiedMarking?: string}} m */
  function update(m) {
    empty.hidden = m.outcome;
    pagesEl.hidden = !m.outcome;
    const keep = m.keep ?? { base: applied, head: 0, tail: 0, shift: 0 };
    // Sent against a rendering this page does not show, or without the HTML of a block it lacks: it missed an update.
    if (keep.base !== applied || keep.head + keep.tail > order.length || m.blocks.some((b) => b.html === undefined && !elements.has(b.key))) {
      vscode.postMessage({ type: 'resync' });
      return;
    }
    let created = 0;
    const head = order.slice(0, keep.head);
    const tail = order.slice(order.length - keep.tail);
    /** @type {HTMLElement[]} */
    const middle = [];
    /** @type {Map<string, HTMLElement>} */
    const next = new Map();
    for (const el of head) next.set(/** @type {string} */ (el.dataset.key), el);
    for (const b of m.blocks) {
      let el = elements.get(b.key);
      if (!el) {
        el = document.createElement('div');
        el.className = 'block';
        el.dataset.key = b.key;
        el.innerHTML = /** @type {string} */ (b.html);
        measure.appendChild(el);
        created++;
      }
      next.set(b.key, el);
      if (el.dataset.line !== String(b.line)) el.dataset.line = String(b.line);
      if (el.dataset.end !== String(b.endLine)) el.dataset.end = String(b.endLine);
      if (b.annex) annexBlocks.add(el);
      else annexBlocks.delete(el);
      middle.push(el);
    }
    for (const el of tail) {
      next.set(/** @type {string} */ (el.dataset.key), el);
      if (keep.shift) {
        el.dataset.line = String(Number(el.dataset.line) + keep.shift);
        el.dataset.end = String(Number(el.dataset.end) + keep.shift);
      }
    }
    for (const [key, el] of elements) {
      if (!next.has(key)) {
        el.remove();
        annexBlocks.delete(el);
      }
    }
    elements = next;
    order = head.concat(middle, tail);
    starts = starts.slice(0, keep.head).concat(
      m.blocks.map((b) => b.line),
      starts.slice(starts.length - keep.tail).map((line) => line + keep.shift),
    );
    const footerChanged = m.footer !== footerHtml || (m.classifiedMarking ?? '') !== classified;
    footerHtml = m.footer;
    classified = m.classifiedMarking ?? '';
    const changed = flow(footerChanged);
    version = m.version;
    applied = m.id;
    received = m.blocks.length;
    report(created, changed);
  }

  /**
   * Flows the blocks into pages: each page takes blocks while their heights fit its text area;
   * the annex starts a page; a heading is not left alone at the foot of a page; a block taller
   * than a page has one of its own, which grows to hold it. Returns how many pages changed.
   */
  function flow(footerChanged) {
    const capacity = ruler.offsetHeight;
    for (const el of order) if (!heights.has(el)) heights.set(el, el.offsetHeight);
    /** @type {HTMLElement[][]} */
    const plan = [[]];
    let used = 0;
    let annexStarted = false;
    for (const el of order) {
      const h = /** @type {number} */ (heights.get(el));
      let page = plan[plan.length - 1];
      const startsAnnex = !annexStarted && annexBlocks.has(el);
      if (startsAnnex) annexStarted = true;
      if (page.length > 0 && (startsAnnex || used + h > capacity)) {
        const next = [];
        // Keep a heading with the block after it, unless it is all the page holds.
        const last = page[page.length - 1];
        if (!startsAnnex && page.length > 1 && isHeading(last)) {
          page.pop();
          next.push(last);
          used = /** @type {number} */ (heights.get(last));
        } else used = 0;
        plan.push(next);
        page = next;
      }
      page.push(el);
      used += h;
    }
    while (pages.length < plan.length) pages.push(newPage(pages.length + 1));
    while (pages.length > plan.length) /** @type {Page} */ (pages.pop()).el.remove();
    let changed = 0;
    plan.forEach((want, i) => {
      const page = pages[i];
      if (footerChanged) dress(page, i + 1);
      if (want.length === page.blocks.length && want.every((el, j) => el === page.blocks[j])) return;
      changed++;
      // Only blocks out of place are moved: the page's others stay as they are.
      /** @type {ChildNode | null} */
      let cursor = page.body.firstChild;
      for (const el of want) {
        if (el !== cursor) page.body.insertBefore(el, cursor);
        else cursor = cursor.nextSibling;
      }
      while (cursor) {
        const after = cursor.nextSibling;
        if (!want.includes(/** @type {HTMLElement} */ (cursor))) cursor.remove();
        cursor = after;
      }
      page.blocks = want;
    });
    return changed;
  }

  /** @param {HTMLElement} el */
  function isHeading(el) {
    return el.firstElementChild?.classList.contains('heading') ?? false;
  }

  /** @param {number} n the page's number */
  function newPage(n) {
    const el = document.createElement('div');
    el.className = 'page';
    el.innerHTML = '<div class="page-top"></div><div class="blocks"></div><div class="footer"></div>';
    pagesEl.insertBefore(el, ruler);
    const page = { el, body: /** @type {HTMLElement} */ (el.querySelector('.blocks')), blocks: [] };
    dress(page, n);
    return page;
  }

  /** The page's header (a classified marking) and footer, with its number. */
  function dress(page, n) {
    /** @type {HTMLElement} */ (page.el.querySelector('.page-top')).textContent = classified;
    const footer = /** @type {HTMLElement} */ (page.el.querySelector('.footer'));
    footer.innerHTML = footerHtml;
    const number = footer.querySelector('.page-number');
    if (number) number.textContent = String(n);
  }

  /** Marks the diagnostics, then tells the extension what the page shows. */
  function report(created, pagesChanged) {
    const marks = mark();
    const first = pages[0]?.el;
    const header = first ? [...first.querySelectorAll('.header-columns, .header-right')].map((el) => /** @type {HTMLElement} */ (el).innerText).join(' ') : '';
    const text = (/** @type {Element | null} */ el) => (el ? /** @type {HTMLElement} */ (el).innerText.replace(/\s+/g, ' ').trim() : '');
    vscode.postMessage({
      type: 'rendered',
      version,
      id: applied,
      received,
      header: header.replace(/\s+/g, ' ').trim(),
      headings: [...document.querySelectorAll('.blocks .heading')].map((h) => text(h)),
      created,
      blocks: order.length,
      marks,
      scrolledTo,
      pages: pages.length,
      pagesChanged,
      footers: pages.map((p) => [...p.el.querySelectorAll('.footer span')].map((cell) => text(cell)).filter(Boolean).join(' ')),
      pageTops: pages.map((p) => text(p.el.querySelector('.page-top'))),
      pageLines: pages.map((p) => Number(p.blocks[0]?.dataset.line ?? -1)),
    });
  }

  /** The block a source line belongs to: the last one starting at or before it (a binary search: a long draft has thousands). */
  function blockAt(line) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? order[lo - 1] : undefined;
  }

  /** The first block whose bottom is below the top of the panel (blocks stand in page order, top to bottom). */
  function firstVisible() {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid].getBoundingClientRect().bottom > 0) hi = mid;
      else lo = mid + 1;
    }
    return order[lo];
  }

  /** Each diagnostic as a coloured mark in the page margin beside its block, with its message; blocks whose marks are the same are not touched. */
  function mark() {
    /** @type {Map<HTMLElement, {line: number, severity: string, message: string}[]>} */
    const byBlock = new Map();
    for (const d of diagnostics) {
      const el = blockAt(d.line);
      if (!el) continue;
      if (!byBlock.has(el)) byBlock.set(el, []);
      /** @type {any} */ (byBlock.get(el)).push(d);
    }
    let count = 0;
    for (const [el] of shownMarks) {
      if (!byBlock.has(el) || !el.isConnected) {
        el.querySelector(':scope > .diagnostic-marks')?.remove();
        shownMarks.delete(el);
      }
    }
    for (const [el, list] of byBlock) {
      count += list.length;
      const signature = list.map((d) => `${d.severity}\u0000${d.message}`).join('\u0001');
      if (shownMarks.get(el) === signature) continue;
      el.querySelector(':scope > .diagnostic-marks')?.remove();
      const marks = document.createElement('div');
      marks.className = 'diagnostic-marks';
      for (const d of list) {
        const item = document.createElement('div');
        item.className = `diagnostic ${d.severity}`;
        item.title = d.message;
        item.textContent = d.message;
        marks.appendChild(item);
      }
      el.prepend(marks);
      shownMarks.set(el, signature);
    }
    return count;
  }

  function scrollToLine(line) {
    const el = blockAt(line);
    if (!el) return;
    const start = Number(el.dataset.line);
    const end = Number(el.dataset.end);
    const fraction = end > start ? Math.min(1, (line - start) / (end - start + 1)) : 0;
    const rect = el.getBoundingClientRect();
    programmaticScroll = true;
    window.scrollTo({ top: window.scrollY + rect.top + rect.height * fraction - 8 });
    scrolledTo = start;
    report(0, 0);
  }

  let scrollPending = false;
  window.addEventListener('scroll', () => {
    if (programmaticScroll) {
      programmaticScroll = false;
      return;
    }
    if (scrollPending) return;
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      const first = firstVisible();
      if (!first) return;
      const rect = first.getBoundingClientRect();
      const start = Number(first.dataset.line);
      const end = Number(first.dataset.end);
      const fraction = rect.height > 0 ? Math.max(0, -rect.top) / rect.height : 0;
      vscode.postMessage({ type: 'scroll', line: Math.round(start + fraction * (end - start)) });
    });
  });

  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const el = target.closest && /** @type {HTMLElement | null} */ (target.closest('.blocks > .block'));
    if (el) vscode.postMessage({ type: 'click', line: Number(el.dataset.line) });
  });

  // The page keeps its printed width (A4, 210 mm); a narrower panel shows it scaled down. The
  // blocks are measured again at the new scale.
  const PAGE_WIDTH_PX = (210 * 96) / 25.4;
  let scale = 0;
  function fit() {
    const next = Math.max(0.3, Math.min(1, (document.documentElement.clientWidth - 24) / PAGE_WIDTH_PX));
    if (next === scale) return;
    scale = next;
    pagesEl.style.zoom = String(scale);
    heights = new WeakMap();
    if (order.length) report(0, flow(false));
  }
  window.addEventListener('resize', fit);
  fit();

  vscode.postMessage({ type: 'ready' });
})();
