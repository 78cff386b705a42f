/**
 * Page footers kept by PDF conversion: "12230/19 VLV/NH/dn 1 COMM LIMITE EN",
 * "7163/17 DGD1B PC/pf 1 LIMITE EN", sometimes broken over two or three lines.
 * They are layout: not references, not numbering, not text.
 */
const INITIALS = /(?:^|\s)[A-Z]{2,4}(?:\/[A-Z]{2,4})*\/[a-z]{2,3}(?:\s|$)/;
const NUMBER_START = /^\d{1,5}\/(?:\d{1,2}\/)?\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*(?:\s|$)/;
const NUMBER_ONLY = /^\d{1,5}\/(?:\d{1,2}\/)?\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*$/;
/** The tail: page number, directorate, marking and language, e.g. "1 COMM LIMITE EN", "LIMITE EN". */
const TAIL = /^(?:\d{1,3}\s+)?(?:[A-Z][A-Z0-9.]{1,8}\s+){0,3}[A-Z]{2}$/;

export function findFooters(clean: string[], from: number, to: number): Set<number> {
  const footers = new Set<number>();
  for (let l = from; l < to; l++) {
    const text = clean[l].trim();
    if (text.length === 0 || text.length > 80 || !INITIALS.test(text)) continue;
    const prev = previousContent(clean, l, from);
    const startsHere = NUMBER_START.test(text);
    const numberAbove = prev !== undefined && NUMBER_ONLY.test(clean[prev].trim());
    if (!startsHere && !numberAbove) continue;
    footers.add(l);
    if (numberAbove) footers.add(prev!);
    // Continuation lines right below.
    for (let k = l + 1; k < Math.min(to, l + 3); k++) {
      const t = clean[k].trim();
      if (t === '') continue;
      if (t.length <= 40 && TAIL.test(t)) footers.add(k);
      else break;
    }
  }
  return footers;
}

function previousContent(clean: string[], line: number, from: number): number | undefined {
  for (let l = line - 1; l >= from && l >= line - 2; l--) if (clean[l].trim() !== '') return l;
  return undefined;
}
