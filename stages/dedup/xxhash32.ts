/**
 * xxHash32 in plain JavaScript, over UTF-8 bytes: the same numbers as xxhash-wasm's `h32`
 * (which encodes a string with `TextEncoder`, lone surrogates as U+FFFD), but it hashes any byte
 * range of a buffer in place, so a word or a two-word term is hashed straight from the UTF-8 of
 * the text, without a string of its own or a copy into WebAssembly memory.
 */

const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
const read32 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
const round = (acc: number, lane: number) => Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);

/** xxHash32 of `bytes[start, end)`, unsigned. */
export function xxh32(bytes: Uint8Array, start: number, end: number, seed: number): number {
  let p = start;
  let h: number;
  if (end - start >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    const last = end - 16;
    do {
      v1 = round(v1, read32(bytes, p));
      v2 = round(v2, read32(bytes, p + 4));
      v3 = round(v3, read32(bytes, p + 8));
      v4 = round(v4, read32(bytes, p + 12));
      p += 16;
    } while (p <= last);
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else h = (seed + P5) | 0;
  h = (h + (end - start)) | 0;
  for (; p + 4 <= end; p += 4) h = Math.imul(rotl((h + Math.imul(read32(bytes, p), P3)) | 0, 17), P4);
  for (; p < end; p++) h = Math.imul(rotl((h + Math.imul(bytes[p], P5)) | 0, 11), P1);
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(1024);

/**
 * The seed of every hash dedup keeps: words (shingles), terms, short lines' keys, the background
 * table's terms. One seed and one function, so that they all agree.
 */
export const TERM_SEED = 0x6e6e6c70;

/** The hash of a term (a word, "w1 w2", a line's normal form) as dedup keeps it. */
export function termHash(term: string): number {
  return xxh32String(term, TERM_SEED);
}

/** `termHash` of the UTF-8 term at `bytes[start, end)`. */
export function termHashOf(bytes: Uint8Array, start: number, end: number): number {
  return xxh32(bytes, start, end, TERM_SEED);
}

/** xxHash32 of a string's UTF-8. */
export function xxh32String(s: string, seed: number): number {
  if (scratch.length < s.length * 3) scratch = new Uint8Array(s.length * 3 * 2);
  const { written } = encoder.encodeInto(s, scratch);
  return xxh32(scratch, 0, written, seed);
}

/**
 * Writes the UTF-8 of `s[from, to)` at `out[at]` (the caller makes room: 3 bytes per UTF-16
 * unit) and returns the position after it; a lone surrogate becomes U+FFFD, as `TextEncoder` writes it.
 */
export function utf8Write(s: string, from: number, to: number, out: Uint8Array, at: number): number {
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = i + 1 < to ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          out[at++] = 0xf0 | (c >> 18);
          out[at++] = 0x80 | ((c >> 12) & 63);
          out[at++] = 0x80 | ((c >> 6) & 63);
          out[at++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 63);
      out[at++] = 0x80 | (c & 63);
    }
  }
  return at;
}
