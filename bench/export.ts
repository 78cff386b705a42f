/**
 * Bench section "export": the Word export (layout model + .docx) of the largest real document,
 * a generated document of about 20 pages and a 1 MB draft; the preview's update after an edit
 * on the server side (parse and checks, layout, the HTML of the changed blocks).
 */
import { loadBuiltInCatalogue } from '../server/src/core/catalogue/load';
import { buildLayout, LayoutMemo } from '../server/src/core/layout';
import { PreviewRenderer } from '../server/src/core/layout/html';
import { lintText, parseWith } from '../server/src/core/lint';
import { wordDocument } from '../server/src/node/export/wordDocument';
import { registerSection, type BenchContext } from './sections';

/** A draft of about `bytes` made of a real document's sections repeated and numbered on. */
function longDraft(text: string, bytes: number): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^1\. /.test(l));
  const annex = lines.findIndex((l) => /^Joint EU-U\.S\. statement/.test(l));
  const head = lines.slice(0, first).join('\n');
  const body = lines.slice(first, annex > 0 ? annex : lines.length);
  const out = [head];
  let size = head.length;
  let n = 0;
  while (size < bytes) {
    for (const l of body) {
      const line = l.replace(/^\d+\. /, () => `${++n}. `);
      out.push(line);
      size += line.length + 1;
    }
  }
  return out.join('\n');
}

/** CPU time (user and system) since `start`, in nanoseconds: less skewed than wall-clock on a loaded machine. */
function cpuNs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) * 1000;
}

registerSection('export', async (ctx: BenchContext) => {
  const catalogue = loadBuiltInCatalogue();
  const real = ctx.realDocuments();
  const largest = real.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const base = real.find((d) => d.name.startsWith('9278-18'))!.text;
  const twentyPages = longDraft(base, 60_000);
  const megabyte = longDraft(base, 1024 * 1024);
  const footer = { initials: 'PC/pf', directorate: 'JAI.1' };

  const exportTime = async (text: string, runs: number) => {
    const doc = parseWith(text, catalogue);
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      await wordDocument(buildLayout(doc, text, catalogue), footer);
      if (i >= 2) {
        samples.push(Number(process.hrtime.bigint() - t));
        cpu.push(cpuNs(c));
      }
    }
    return { wall: ctx.stats(samples), cpu: ctx.stats(cpu) };
  };
  for (const [label, key, text, runs] of [
    [`largest real document (${largest.name}, ${(largest.text.length / 1024).toFixed(0)} KB)`, 'largest', largest.text, 20],
    [`~20 pages (${(twentyPages.length / 1024).toFixed(0)} KB)`, 'twentyPages', twentyPages, 20],
    [`1 MB draft`, 'megabyte', megabyte, 3],
  ] as const) {
    const { wall, cpu } = await exportTime(text, runs);
    ctx.row(`export to .docx, ${label}`, `median ${ctx.fmtMs(wall.medianMs)} (CPU ${ctx.fmtMs(cpu.medianMs)}), max ${ctx.fmtMs(wall.maxMs)}`);
    ctx.record(`export.docx.${key}.medianMs`, wall.medianMs);
    ctx.record(`export.docx.${key}.cpuMedianMs`, cpu.medianMs);
  }

  // The preview after one edit: the server re-checks the text (once, shared with diagnostics),
  // lays out only the blocks whose source changed and renders only those; its answer holds only
  // the blocks between those the edit left in place (the page holds the others).
  for (const [label, key, text] of [
    [largest.name, 'largest', largest.text],
    ['1 MB draft', 'megabyte', megabyte],
  ] as const) {
    const memo = new LayoutMemo();
    const renderer = new PreviewRenderer();
    // A letter typed into the document's longest paragraph, again and again.
    const longest = text.split('\n').reduce((a, b) => (b.length > a.length ? b : a));
    const paragraph = text.indexOf(longest) + 10;
    let current = text;
    let id = renderer.render(buildLayout(parseWith(current, catalogue), current, catalogue, memo), footer).id;
    const total: number[] = [];
    const check: number[] = [];
    const own: number[] = [];
    const cpu: number[] = [];
    let blocks = 0;
    let sent = 0;
    let withHtml = 0;
    let bytes = 0;
    for (let i = 0; i < 12; i++) {
      current = current.slice(0, paragraph) + 'x' + current.slice(paragraph);
      const t = process.hrtime.bigint();
      const c = process.cpuUsage();
      const doc = lintText(current, catalogue).document;
      const checked = process.hrtime.bigint();
      const page = renderer.render(buildLayout(doc, current, catalogue, memo), footer, id);
      const answer = JSON.stringify(page);
      const done = process.hrtime.bigint();
      id = page.id;
      if (i >= 2) {
        total.push(Number(done - t));
        check.push(Number(checked - t));
        own.push(Number(done - checked));
        cpu.push(cpuNs(c));
      }
      blocks = (page.keep ? page.keep.head + page.keep.tail : 0) + page.blocks.length;
      sent = page.blocks.length;
      withHtml = page.blocks.filter((b) => b.html !== undefined).length;
      bytes = answer.length;
    }
    const s = ctx.stats(total);
    ctx.row(
      `preview update after an edit, ${label} (${blocks} blocks, ${sent} sent, ${withHtml} with HTML, answer ${(bytes / 1024).toFixed(1)} KB)`,
      `median ${ctx.fmtMs(s.medianMs)} (CPU ${ctx.fmtMs(ctx.stats(cpu).medianMs)}: checks ${ctx.fmtMs(ctx.stats(check).medianMs)}, layout + HTML + answer ${ctx.fmtMs(ctx.stats(own).medianMs)}), max ${ctx.fmtMs(s.maxMs)}`,
    );
    ctx.record(`export.preview.${key}.medianMs`, s.medianMs);
    ctx.record(`export.preview.${key}.ownMedianMs`, ctx.stats(own).medianMs);
  }
});
