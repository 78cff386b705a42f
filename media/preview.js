// The Outcome Drafting preview's page script: patches the page with the blocks the extension
// sends (only those whose key changed are made anew), marks diagnostics in the margin, keeps
// the scroll in step with the editor and sends clicks back as lines.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is given by the webview host
  const vscode = acquireVsCodeApi();
  const sheets = {
    main: /** @type {HTMLElement} */ (document.getElementById('main')),
    annex: /** @type {HTMLElement} */ (document.getElementById('annex')),
  };
  const empty = /** @type {HTMLElement} */ (document.getElementById('empty'));
  const pages = /** @type {HTMLElement} */ (document.getElementById('pages'));
  /** @type {{line: number, severity: string, message: string}[]} */
  let diagnostics = [];
  let programmaticScroll = false;
  let footerHtml = '';
  let classified = '';
  let version = -1;
  /** The first line of the block the editor's scroll last brought to the top. */
  let scrolledTo = -1;

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'update') update(m);
    else if (m.type === 'diagnostics') {
      diagnostics = m.items;
      report(0);
    } else if (m.type === 'scroll') scrollToLine(m.line);
  });

  /** @param {{version: number, outcome: boolean, blocks: {key: string, html: string, line: number, endLine: number, annex: boolean}[], footer: string, classifiedMarking?: string}} m */
  function update(m) {
    empty.hidden = m.outcome;
    pages.hidden = !m.outcome;
    let created = 0;
    for (const name of /** @type {const} */ (['main', 'annex'])) {
      const sheet = sheets[name];
      const list = m.blocks.filter((b) => b.annex === (name === 'annex'));
      sheet.hidden = list.length === 0;
      const container = /** @type {HTMLElement} */ (sheet.querySelector('.blocks'));
      /** @type {Map<string, HTMLElement>} */
      const old = new Map();
      for (const el of /** @type {HTMLElement[]} */ ([...container.children])) old.set(/** @type {string} */ (el.dataset.key), el);
      /** @type {ChildNode | null} */
      let cursor = container.firstChild;
      for (const b of list) {
        let el = old.get(b.key);
        if (el) old.delete(b.key);
        else {
          el = document.createElement('div');
          el.className = 'block';
          el.dataset.key = b.key;
          el.innerHTML = b.html;
          created++;
        }
        el.dataset.line = String(b.line);
        el.dataset.end = String(b.endLine);
        // Moved only when out of place: unchanged blocks are not touched at all.
        if (el !== cursor) container.insertBefore(el, cursor);
        else cursor = cursor.nextSibling;
      }
      for (const el of old.values()) el.remove();
    }
    if (m.footer !== footerHtml || (m.classifiedMarking ?? '') !== classified) {
      footerHtml = m.footer;
      classified = m.classifiedMarking ?? '';
      for (const sheet of Object.values(sheets)) {
        /** @type {HTMLElement} */ (sheet.querySelector('.footer')).innerHTML = footerHtml;
        const top = /** @type {HTMLElement} */ (sheet.querySelector('.page-top'));
        top.textContent = classified;
        const number = sheet.querySelector('.page-number');
        if (number) number.textContent = sheet === sheets.main ? '1' : '';
      }
    }
    version = m.version;
    report(created);
  }

  /** Marks the diagnostics, then tells the extension what the page shows. */
  function report(created) {
    const marks = mark();
    const header = [...document.querySelectorAll('#main .header-columns, #main .header-right')].map((el) => /** @type {HTMLElement} */ (el).innerText).join(' ');
    vscode.postMessage({
      type: 'rendered',
      version,
      header: header.replace(/\s+/g, ' ').trim(),
      headings: [...document.querySelectorAll('.heading')].map((h) => /** @type {HTMLElement} */ (h).innerText.replace(/\s+/g, ' ').trim()),
      created,
      blocks: blocks().length,
      marks,
      scrolledTo,
    });
  }

  /** All blocks in page order. */
  function blocks() {
    return /** @type {HTMLElement[]} */ ([...document.querySelectorAll('.blocks > .block')]);
  }

  /** The block a source line belongs to: the last one starting at or before it. */
  function blockAt(line) {
    let found;
    for (const el of blocks()) {
      if (Number(el.dataset.line) <= line) found = el;
      else break;
    }
    return found;
  }

  /** Each diagnostic as a coloured mark in the page margin beside its block, with its message. */
  function mark() {
    for (const old of document.querySelectorAll('.diagnostic-marks')) old.remove();
    /** @type {Map<HTMLElement, {line: number, severity: string, message: string}[]>} */
    const byBlock = new Map();
    for (const d of diagnostics) {
      const el = blockAt(d.line);
      if (!el) continue;
      if (!byBlock.has(el)) byBlock.set(el, []);
      /** @type {any} */ (byBlock.get(el)).push(d);
    }
    let count = 0;
    for (const [el, list] of byBlock) {
      const marks = document.createElement('div');
      marks.className = 'diagnostic-marks';
      for (const d of list) {
        const item = document.createElement('div');
        item.className = `diagnostic ${d.severity}`;
        item.title = d.message;
        item.textContent = d.message;
        marks.appendChild(item);
        count++;
      }
      el.prepend(marks);
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
    report(0);
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
      const first = blocks().find((el) => el.getBoundingClientRect().bottom > 0);
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

  // The page keeps its printed width (A4, 210 mm); a narrower panel shows it scaled down.
  const PAGE_WIDTH_PX = (210 * 96) / 25.4;
  function fit() {
    const scale = Math.min(1, (document.documentElement.clientWidth - 24) / PAGE_WIDTH_PX);
    pages.style.zoom = String(Math.max(0.3, scale));
  }
  window.addEventListener('resize', fit);
  fit();

  vscode.postMessage({ type: 'ready' });
})();
