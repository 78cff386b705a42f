/**
 * Characters of symbol fonts as Unicode. Word keeps a bullet or a `w:sym` as a code in the font's
 * private range (U+F0B7 in Symbol is "•"); what the drafter sees is the glyph, written here as the
 * Unicode character of the same shape. An unknown symbol reads as a bullet: it stands where one is.
 */
const SYMBOL_FONT: Record<number, string> = {
  0x2d: '\u2212', 0xa3: '≤', 0xa5: '∞', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓', 0xb0: '°', 0xb1: '±',
  0xb3: '≥', 0xb4: '×', 0xb7: '•', 0xb9: '≠', 0xbb: '≈', 0xd2: '®', 0xd3: '©', 0xd4: '™', 0xe2: '®', 0xe3: '©', 0xe4: '™',
};
const WINGDINGS: Record<number, string> = {
  0x6c: '●', 0x6e: '■', 0x71: '❑', 0x75: '◆', 0x76: '❖', 0x9f: '•', 0xa7: '▪', 0xa8: '◻', 0xd8: '➢', 0xe0: '➔', 0xe8: '➔', 0xfb: '✗', 0xfc: '✓', 0xfe: '☑',
};

export function symbolCharacter(code: number, font: string | undefined): string {
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const table = font && /wingdings/i.test(font) ? WINGDINGS : font && /symbol/i.test(font) ? SYMBOL_FONT : undefined;
  if (table) {
    if (table[low] !== undefined) return table[low];
    if (table === SYMBOL_FONT && low >= 0x20 && low < 0x7f && !/[A-Za-z]/.test(String.fromCharCode(low))) return String.fromCharCode(low);
    return '•';
  }
  if (code >= 0xf000 && code <= 0xf0ff) return SYMBOL_FONT[low] ?? WINGDINGS[low] ?? '•';
  if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '•';
  return String.fromCodePoint(code);
}

/** Text in a symbol font's private range (a bullet's lvlText, "\uF0B7") as the characters it shows. */
export function symbolText(text: string, font: string | undefined): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code >= 0xf000 && code <= 0xf0ff ? symbolCharacter(code, font) : ch;
  }
  return out;
}
