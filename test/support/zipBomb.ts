import { strToU8, zipSync } from 'fflate';

/**
 * A zip bomb built without inflating it: a deflate stream in one fixed-Huffman block that
 * writes `prefix`, then `repeats` × 258 copies of a space (13 bits each), then `suffix`. Eighty
 * megabytes take 500 kB and no time to make.
 */
export function spacesDeflated(prefix: string, repeats: number, suffix: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((repeats * 13 + (prefix.length + suffix.length + 1) * 9 + 20) / 8) + 8);
  let bit = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  const literal = (byte: number) => (byte < 144 ? code(0x30 + byte, 8) : code(0x190 + byte - 144, 9));
  bits(1, 1); // last block
  bits(1, 2); // fixed Huffman codes
  for (const b of strToU8(prefix)) literal(b);
  literal(0x20);
  for (let i = 0; i < repeats; i++) {
    code(0xc5, 8); // length 258
    code(0, 5); // distance 1
  }
  for (const b of strToU8(suffix)) literal(b);
  code(0, 7); // end of block
  return out.subarray(0, Math.ceil(bit / 8));
}

/**
 * A zip of the given parts, with `name` replaced by already-deflated `data` declared as
 * `declaredSize` bytes: the sizes a hostile file states need not be the true ones.
 */
export function zipWithDeflatedPart(parts: Record<string, Uint8Array>, name: string, data: Uint8Array, declaredSize: number): Uint8Array {
  const placeholder = strToU8(`${name}:placeholder`);
  const zip = zipSync({ ...parts, [name]: [placeholder, { level: 0 }] });
  // Rebuild with the placeholder's stored bytes swapped for the deflated data.
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const chunks: Uint8Array[] = [];
  let at = 0;
  const nameBytes = strToU8(name);
  const isName = (offset: number) => nameBytes.every((b, i) => zip[offset + i] === b);
  let local = -1;
  for (let p = 0; p + 30 < zip.length; p++) {
    if (view.getUint32(p, true) === 0x04034b50 && view.getUint16(p + 26, true) === nameBytes.length && isName(p + 30)) {
      local = p;
      break;
    }
  }
  const dataStart = local + 30 + nameBytes.length + view.getUint16(local + 28, true);
  chunks.push(zip.slice(0, dataStart), data, zip.slice(dataStart + placeholder.length));
  const shift = data.length - placeholder.length;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  const o = new DataView(out.buffer);
  o.setUint16(local + 8, 8, true);
  o.setUint32(local + 18, data.length, true);
  o.setUint32(local + 22, declaredSize, true);
  // Central directory entries and end record, after the data: fix offsets and this entry's sizes.
  const eocd = out.length - 22;
  const dirOffset = o.getUint32(eocd + 16, true) + shift;
  o.setUint32(eocd + 16, dirOffset, true);
  for (let p = dirOffset; p < eocd; ) {
    const nameLength = o.getUint16(p + 28, true);
    const offset = o.getUint32(p + 42, true);
    if (offset > local) o.setUint32(p + 42, offset + shift, true);
    if (nameLength === nameBytes.length && nameBytes.every((b, i) => out[p + 46 + i] === b)) {
      o.setUint16(p + 10, 8, true);
      o.setUint32(p + 20, data.length, true);
      o.setUint32(p + 24, declaredSize, true);
    }
    p += 46 + nameLength + o.getUint16(p + 30, true) + o.getUint16(p + 32, true);
  }
  return out;
}
