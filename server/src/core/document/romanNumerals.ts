/** Roman numerals as Council documents number their parts: "I. Home Affairs", "II. Justice". */

const NUMERALS: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1..39 as "I".."XXXIX". */
export function toRoman(n: number): string {
  let out = '';
  for (const [value, numeral] of NUMERALS) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** The value of a numeral written the usual way ("IV", not "IIII"); undefined for anything else. */
export function romanValue(text: string): number | undefined {
  let n = 0;
  let rest = text;
  for (const [value, numeral] of NUMERALS) {
    while (rest.startsWith(numeral)) {
      n += value;
      rest = rest.slice(numeral.length);
    }
  }
  return rest === '' && n > 0 && n < 40 && toRoman(n) === text ? n : undefined;
}
