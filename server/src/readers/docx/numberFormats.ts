/**
 * A list counter written in a level's number format (w:numFmt), as Word displays it. Formats
 * Word offers for other scripts (Chinese counting, Hebrew, Thai…) never occur in Council
 * documents; they are written in decimal.
 */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value);
    case 'lowerLetter':
      return letters(value).toLowerCase();
    case 'ordinal':
      return `${value}${ordinalSuffix(value)}`;
    case 'decimalEnclosedParen':
      return `(${value})`;
    case 'decimalEnclosedFullstop':
      return `${value}.`;
    case 'cardinalText':
      return cardinal(value);
    case 'ordinalText':
      return ordinalWord(value);
    default:
      return String(value);
  }
}

/** The last value written in letters (ZZZZZZZZZZZZZZZZZZZZ). */
const MAX_LETTERS = 26 * 20;

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  let out = '';
  let rest = value;
  for (const [n, s] of ROMAN) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** Word's letters: A…Z, then AA…ZZ, then AAA…: the letter repeated, not a base-26 number. */
function letters(value: number): string {
  // Word stops its lists at 32767; past a few hundred, letters are no label anyone reads.
  if (value <= 0 || value > MAX_LETTERS) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function ordinalSuffix(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNIT_ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];

/** Word capitalises the first letter of a number in words ("One", "Twenty-One"). */
function cardinal(value: number): string {
  if (value < 0 || value >= 100) return String(value);
  const words = value < 20 ? UNITS[value] : TENS[Math.floor(value / 10)] + (value % 10 ? `-${UNITS[value % 10]}` : '');
  return capitalised(words);
}

function ordinalWord(value: number): string {
  if (value < 0 || value >= 100) return `${value}${ordinalSuffix(value)}`;
  if (value < 20) return capitalised(UNIT_ORDINALS[value]);
  const tens = TENS[Math.floor(value / 10)];
  return capitalised(value % 10 ? `${tens}-${UNIT_ORDINALS[value % 10]}` : `${tens.slice(0, -1)}ieth`);
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
