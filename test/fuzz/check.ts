import type { Catalogue } from '../../server/src/core/catalogue/catalogue';
import { lintText } from '../../server/src/core/lint';
import { fixEdits, type Finding, type TextReplacement } from '../../server/src/core/rules/finding';
import type { Range } from '../../server/src/core/text/range';

/** What can be wrong with the core's answer on one document. */
export type ProblemKind = 'exception' | 'range outside the document' | 'fix leaves its diagnostic' | 'fix adds an error' | 'fix edits outside its target';

export interface Problem {
  kind: ProblemKind;
  detail: string;
}

export interface CheckResult {
  problems: Problem[];
  /** Milliseconds parse and validate took. */
  ms: number;
  fixesApplied: number;
}

/**
 * The document as the core numbers it: a leading byte order mark is not counted, and a line
 * ends at CRLF, LF or a lone CR.
 */
function coreLines(text: string): { body: string; starts: number[]; lengths: number[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = [0];
  const lengths: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - starts[starts.length - 1]);
      if (c === 13 && body.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  lengths.push(body.length - starts[starts.length - 1]);
  return { body, starts, lengths };
}

function inside(r: Range, lengths: number[]): boolean {
  const ok = (p: Range['start']) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

const show = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/** A letter or digit: an edit that starts or ends between two of them cuts a word, so it is misplaced. */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** The text with the edits made, and where a position of the old text stands in it. */
function apply(text: string, edits: TextReplacement[]): { text: string; moved: (p: Range['start']) => Range['start'] } {
  const { body, starts } = coreLines(text);
  const offset = (p: Range['start']) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => offset(a.range.start) - offset(b.range.start));
  let out = '';
  let copied = 0;
  for (const e of sorted) {
    out += body.slice(copied, offset(e.range.start)) + e.newText;
    copied = offset(e.range.end);
  }
  out += body.slice(copied);
  const moved = (p: Range['start']) => {
    // Edits before the position (insertions at it included) move it by what they add; inside one, it goes to its start.
    let at = offset(p);
    let shift = 0;
    for (const e of sorted) {
      const [s, t] = [offset(e.range.start), offset(e.range.end)];
      if (t <= at) shift += e.newText.length - (t - s);
      else if (s < at) at = s;
    }
    const { starts: newStarts } = coreLines(out);
    const o = at + shift;
    let line = 0;
    while (line + 1 < newStarts.length && newStarts[line + 1] <= o) line++;
    return { line, character: o - newStarts[line] };
  };
  return { text: out, moved };
}

function countByCode(findings: Finding[], severity?: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (!severity || f.severity === severity) m.set(f.code, (m.get(f.code) ?? 0) + 1);
  return m;
}

/**
 * Parses and validates `text`, checks every range, then applies each quick fix and validates
 * again: the fix must remove a finding of its rule, add no error of any rule, and cut no word.
 */
export function checkDocument(text: string, catalogue: Catalogue, options: { fixes?: boolean } = {}): CheckResult {
  const problems: Problem[] = [];
  let findings: Finding[];
  const t0 = process.hrtime.bigint();
  try {
    findings = lintText(text, catalogue).findings;
  } catch (e) {
    return { problems: [{ kind: 'exception', detail: (e as Error).stack ?? String(e) }], ms: 0, fixesApplied: 0 };
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const { body, starts, lengths } = coreLines(text);
  const charAt = (p: Range['start'], delta: number) => body[starts[p.line] + p.character + delta];
  let fixesApplied = 0;
  const before = countByCode(findings);
  const errorsBefore = countByCode(findings, 'error');
  // The fixes of the first finding of each rule are applied (later ones of a rule work alike, and
  // each application is a validation more).
  const tried = new Set<string>();
  for (const f of findings) {
    if (!inside(f.range, lengths)) problems.push({ kind: 'range outside the document', detail: `${f.code} at ${show(f.range)}` });
    if (options.fixes === false || tried.has(f.code)) continue;
    tried.add(f.code);
    for (const fix of f.fixes ?? []) {
      let edits: TextReplacement[];
      let after: Finding[];
      let moved: (p: Range['start']) => Range['start'];
      try {
        edits = fixEdits(fix);
        const bad = edits.find((e) => !inside(e.range, lengths));
        if (bad) {
          problems.push({ kind: 'range outside the document', detail: `${f.code} fix "${fix.title}" edits ${show(bad.range)}` });
          continue;
        }
        const cut = edits.find((e) => (isWordChar(charAt(e.range.start, -1)) && isWordChar(charAt(e.range.start, 0)) && e.newText !== '') || (isWordChar(charAt(e.range.end, -1)) && isWordChar(charAt(e.range.end, 0)) && !(e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character)));
        if (cut) problems.push({ kind: 'fix edits outside its target', detail: `${f.code} fix "${fix.title}" at ${show(cut.range)} cuts a word` });
        const fixed = apply(text, edits);
        moved = fixed.moved;
        after = lintText(fixed.text, catalogue).findings;
        fixesApplied++;
      } catch (e) {
        problems.push({ kind: 'exception', detail: `applying ${f.code} fix "${fix.title}": ${(e as Error).stack ?? e}` });
        continue;
      }
      const here = moved(f.range.start);
      const fewer = (countByCode(after).get(f.code) ?? 0) < (before.get(f.code) ?? 0);
      if (!fewer && after.some((g) => g.code === f.code && g.range.start.line === here.line && g.range.start.character === here.character)) problems.push({ kind: 'fix leaves its diagnostic', detail: `${f.code} at ${show(f.range)}: "${fix.title}"` });
      for (const [code, n] of countByCode(after, 'error')) {
        if (n > (errorsBefore.get(code) ?? 0)) problems.push({ kind: 'fix adds an error', detail: `${f.code} fix "${fix.title}" adds ${code}` });
      }
    }
  }
  return { problems, ms, fixesApplied };
}
