import type { Heading, OutcomeDocument } from '../document/model';
import type { Report, RuleGroup } from './context';
import { contentLineRange, quoted } from './anchors';
import type { Fix } from './finding';
import { letterMark } from '../document/body';
import { toRoman } from '../document/romanNumerals';

function labelFor(style: Heading['style'], ordinal: number, like: Heading): string {
  if (style === 'letter') return String.fromCharCode(96 + ordinal);
  if (style === 'roman') return toRoman(ordinal);
  // "1.2" sub-numbers keep their section part.
  return like.label.includes('.') ? `${like.label.split('.')[0]}.${ordinal}` : String(ordinal);
}

/** Renumbers `headings` from index `from`, following on from the one before it (edits made when asked for). */
function renumber(headings: Heading[], from: number, what: string): Fix {
  const startAt = from === 0 ? 1 : headings[from - 1].ordinal + 1;
  const resolveEdits = () => {
    const edits = [];
    for (let i = from; i < headings.length; i++) {
      // Letters end at z, and a heading's number has two digits at most ("100." is read as text):
      // the headings past the last label keep theirs.
      if (startAt + i - from > (headings[i].style === 'letter' ? 26 : 99)) break;
      const expected = labelFor(headings[i].style, startAt + i - from, headings[i]);
      if (expected !== headings[i].label) edits.push({ range: headings[i].labelRange, newText: expected });
    }
    return edits;
  };
  return { title: `Renumber ${what} from here`, resolveEdits };
}

/** "Session 4", "section 4", "item c)", "item 2" as a drafter names them. */
function describe(h: Heading, kind: 'section' | 'item'): string {
  if (h.style === 'session') return `Session ${h.label}`;
  return h.style === 'letter' ? `${kind} ${h.label}${letterMark(h)}` : `${kind} ${h.label}`;
}

/** Ends with a full stop, unless a label ending in one ("b.") already does. */
function sentence(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function checkSequence(headings: Heading[], kind: 'section' | 'item', report: Report, context: string): void {
  const code = kind === 'section' ? 'body.section-numbering' : 'body.item-numbering';
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const expected = i === 0 ? 1 : headings[i - 1].ordinal + 1;
    if (h.ordinal === expected || report.skip(code)) continue;
    const expectedLabel = labelFor(h.style, expected, h) + (h.style === 'letter' ? letterMark(h) : '');
    const here = capitalised(describe(h, kind));
    const problem = i > 0 && h.ordinal <= headings[i - 1].ordinal ? 'repeats or goes back' : 'skips';
    report({
      code,
      message:
        i === 0
          ? sentence(`${here} opens the ${kind}s${context}: the numbering starts at ${expectedLabel}`)
          : sentence(`${here} follows ${describe(headings[i - 1], kind)}${context}: the numbering ${problem}; expected ${expectedLabel}`),
      range: h.labelRange,
      fixes: [renumber(headings, i, kind === 'section' ? 'the sections' : `the items${context}`)],
    });
  }
}

/**
 * The numbering runs of a section's items. Items in the style of the first are one run;
 * items in another style between two of them are a level below ("1. Data protection",
 * "a) …", "b) …", "2. …"), numbered afresh under each.
 */
function itemRuns(items: Heading[]): { headings: Heading[]; under?: Heading }[] {
  if (items.length === 0) return [];
  const top = items[0].style;
  const runs: { headings: Heading[]; under?: Heading }[] = [{ headings: [] }];
  let below: { headings: Heading[]; under?: Heading } | undefined;
  for (const h of items) {
    if (h.style === top) {
      runs[0].headings.push(h);
      below = undefined;
    } else {
      if (!below) runs.push((below = { headings: [], under: runs[0].headings[runs[0].headings.length - 1] }));
      below.headings.push(h);
    }
  }
  return runs;
}

export const bodyRules: RuleGroup = (doc: OutcomeDocument, _catalogue, report) => {
  if (doc.sections.length === 0) {
    const after = doc.addressing[doc.addressing.length - 1]?.range.end.line ?? doc.title?.range.end.line ?? 0;
    report({
      code: 'body.sections-missing',
      message: 'The body has no numbered section: expected headings such as "1. Counter-terrorism" or "Session 1: Introduction".',
      range: contentLineRange(doc, after + 1),
    });
    return;
  }
  checkSequence(doc.sections.map((s) => s.heading), 'section', report, '');
  for (const section of doc.sections) {
    if (section.items.length > 0) {
      for (const run of itemRuns(section.items.map((i) => i.heading))) {
        const under = run.under ? ` under item ${run.under.label}` : '';
        checkSequence(run.headings, 'item', report, `${under} in section ${section.heading.label}`);
      }
    }
    if (section.items.length === 0 && section.paragraphs.length === 0 && !report.skip('body.section-empty')) {
      report({ code: 'body.section-empty', message: `Section ${section.heading.label} ("${quoted(section.heading.title)}") has neither items nor text.`, range: section.heading.range });
    }
  }
};
