/**
 * A stamp put on the page over the document (the register's "PUBLIC" once declassified, drawn
 * large and slanted letter by letter) is no text of it: its pieces are a few capitals each, far
 * larger than the page's text, and there are several of them in one size (one large word is a
 * heading).
 */
import type { TextPiece } from './lines';

/** How many times the page's usual font size a stamp's letters are at least. */
const STAMP_SIZE = 2;
const STAMP_PIECE = /^\p{Lu}{1,3}$/u;

/** A stamp split into letters is at least this many pieces. */
const STAMP_PIECES = 3;

export function withoutStamps(pieces: readonly TextPiece[]): readonly TextPiece[] {
  const usual = usualSize(pieces);
  const bySize = new Map<number, number>();
  for (const p of pieces) if (p.size >= STAMP_SIZE * usual && STAMP_PIECE.test(p.text.trim())) bySize.set(p.size, (bySize.get(p.size) ?? 0) + 1);
  const stampSizes = new Set([...bySize].filter(([, n]) => n >= STAMP_PIECES).map(([size]) => size));
  return stampSizes.size === 0 ? pieces : pieces.filter((p) => !(stampSizes.has(p.size) && STAMP_PIECE.test(p.text.trim())));
}

/** The font size most of the page's characters are set in. */
function usualSize(pieces: readonly TextPiece[]): number {
  const chars = new Map<number, number>();
  for (const p of pieces) chars.set(p.size, (chars.get(p.size) ?? 0) + p.text.length);
  let best = 0;
  let most = -1;
  for (const [size, n] of chars) if (n > most) [best, most] = [size, n];
  return best;
}
