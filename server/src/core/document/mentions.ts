import type { PresidencyMention } from './model';
import { lineRange, type Range } from '../text/range';

/**
 * "the Polish Presidency", "the incoming Danish Presidency's priorities". Every capitalised
 * word before "Presidency" is kept; the rota rule decides which name a Member State.
 */
const PRESIDENCY = /\b(?:(incoming|outgoing|next|previous|current|future|forthcoming|upcoming)\s+)?((?:[A-Z][a-z]+)(?:\s+(?:Republic|Kingdom))?)(?:'s|’s)?\s+(?:EU\s+|Council\s+)?Presidency\b/g;
const DELETED = /\bDELETED\b/g;

export function scanPresidencies(line: string, lineNo: number, into: PresidencyMention[]): void {
  if (line.indexOf('Presidency') < 0) return;
  PRESIDENCY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRESIDENCY.exec(line))) {
    const qualifier = m[1]?.toLowerCase();
    const nameStart = m.index + m[0].indexOf(m[2], m[1] ? m[1].length : 0);
    into.push({
      name: m[2],
      incoming: qualifier === 'incoming' || qualifier === 'next' || qualifier === 'forthcoming' || qualifier === 'upcoming' || qualifier === 'future',
      outgoing: qualifier === 'outgoing' || qualifier === 'previous',
      range: lineRange(lineNo, nameStart, m.index + m[0].length),
    });
  }
}

export function scanDeleted(line: string, lineNo: number, into: Range[]): void {
  if (line.indexOf('DELETED') < 0) return;
  DELETED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DELETED.exec(line))) into.push(lineRange(lineNo, m.index, m.index + m[0].length));
}
