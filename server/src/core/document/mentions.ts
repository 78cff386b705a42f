import type { PresidencyMention } from './model';
import type { Range } from '../text/range';

/**
 * "the Polish Presidency", "the incoming Danish Presidency's priorities". Every capitalised
 * word before "Presidency" is kept; the rota rule decides which name a Member State.
 */
/** What stands before "Presidency": an optional qualifier, then the name (anchored at the end). */
const BEFORE_PRESIDENCY = /(?:\b(incoming|outgoing|next|previous|current|future|forthcoming|upcoming)[ \t]+)?\b([A-Z][a-z]+(?:[ \t]+(?:Republic|Kingdom))?)(?:'s|’s)?[ \t]+(?:EU[ \t]+|Council[ \t]+)?$/;
const DELETED = /\bDELETED\b/g;

export function scanPresidencies(line: string, at: (start: number, end: number) => Range, into: PresidencyMention[]): void {
  for (let p = line.indexOf('Presidency'); p >= 0; p = line.indexOf('Presidency', p + 10)) {
    const after = line.charCodeAt(p + 10);
    if ((after >= 97 && after <= 122) || (after >= 65 && after <= 90)) continue; // "Presidency" must end a word
    const from = Math.max(0, p - 60);
    const m = BEFORE_PRESIDENCY.exec(line.slice(from, p));
    if (!m) continue;
    const qualifier = m[1]?.toLowerCase();
    const nameStart = from + m.index + m[0].indexOf(m[2], m[1] ? m[1].length : 0);
    into.push({
      name: m[2],
      incoming: qualifier === 'incoming' || qualifier === 'next' || qualifier === 'forthcoming' || qualifier === 'upcoming' || qualifier === 'future',
      outgoing: qualifier === 'outgoing' || qualifier === 'previous',
      range: at(nameStart, p + 10),
    });
  }
}

export function scanDeleted(line: string, at: (start: number, end: number) => Range, into: Range[]): void {
  if (line.indexOf('DELETED') < 0) return;
  DELETED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DELETED.exec(line))) into.push(at(m.index, m.index + m[0].length));
}
