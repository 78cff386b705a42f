/**
 * Page footers kept by PDF conversion: "12230/19 VLV/NH/dn 1 COMM LIMITE EN",
 * "7163/17 DGD1B PC/pf 1 LIMITE EN", sometimes broken over several lines (text taken
 * from a PDF gives each cell of the footer a line, blank lines between).
 * They are layout: not references, not numbering, not text.
 */
/** The document number a footer opens with: "7163/17", "13228/1/11 REV 1". */
const NUMBER = String.raw`^\d{1,5}\/(?:\d{1,2}\/)?\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*`;
const INITIALS = /(?:^|\s)[A-Z]{2,4}(?:\/[A-Z]{2,4})*\/[a-z]{2,3}(?:\s|$)/;
/** Initials all in capitals ("VL/MV"), which a footer's page number must then follow. */
const CAPITAL_INITIALS = /\s[A-Z]{2,4}(?:\/[A-Z]{2,4})+\s+\d{1,3}(?:\s|$)/;
/** A footer whose initials are the typist's alone: "12926/16 al 1 GIP 1B". */
const TYPIST_ONLY = new RegExp(String.raw`${NUMBER}\s+[a-z]{2,3}\s+\d{1,3}(?:\s+[A-Z0-9][A-Z0-9.]*)*$`);
const NUMBER_START = new RegExp(String.raw`${NUMBER}(?:\s|$)`);
/** The number on a line of its own above the initials, perhaps with the directorate: "7163/17", "7163/17 DGD1B". */
const NUMBER_ABOVE = new RegExp(String.raw`${NUMBER}(?:\s+[A-Z][A-Z0-9.]{1,10}){0,2}$`);
/** The tail: page number, directorate, marking and language, e.g. "1 COMM LIMITE EN", "LIMITE EN". */
const TAIL = /^(?:\d{1,3}\s+)?(?:[A-Z][A-Z0-9.]{1,8}\s+){0,3}[A-Z]{2}$/;
/**
 * A piece of the tail on a line of its own, as PDF tables break it: the page number, the
 * marking, the language, the directorate ("DGD1B", "DG D 1B", "GIP.2", "JAI.1", "COMM").
 */
const TAIL_PIECE = /^(?:\d{1,3}|LIMITE|(?:RESTREINT|CONFIDENTIEL|SECRET)\s+UE\b.*|[A-Z]{2}|DG\s*[A-Z](?:\s*\d[A-Z0-9.]*)?|COMM|[A-Z]{2,5}\.\d[A-Z0-9.]*|[A-Z]{2,5}\s?\d[A-Z]?)$/;
/** How far below the initials the tail may reach, blank lines included. */
const TAIL_LINES = 8;

export function findFooters(clean: string[], from: number, to: number): Set<number> {
  const footers = new Set<number>();
  for (let l = from; l < to; l++) {
    const text = clean[l].trim();
    if (text.length === 0 || text.length > 80) continue;
    const typistOnly = TYPIST_ONLY.test(text);
    if (!typistOnly && !INITIALS.test(text) && !CAPITAL_INITIALS.test(text)) continue;
    const prev = previousContent(clean, l, from);
    const startsHere = typistOnly || NUMBER_START.test(text);
    const numberAbove = prev !== undefined && NUMBER_ABOVE.test(clean[prev].trim());
    if (!startsHere && !numberAbove) continue;
    footers.add(l);
    if (numberAbove) footers.add(prev!);
    // Continuation lines below, blank lines between them or not.
    for (let k = l + 1; k < Math.min(to, l + 1 + TAIL_LINES); k++) {
      const t = clean[k].trim();
      if (t === '') continue;
      if (t.length <= 40 && (TAIL.test(t) || TAIL_PIECE.test(t))) footers.add(k);
      else break;
    }
  }
  return footers;
}

function previousContent(clean: string[], line: number, from: number): number | undefined {
  for (let l = line - 1; l >= from && l >= line - 2; l--) if (clean[l].trim() !== '') return l;
  return undefined;
}
