import xxhash from 'xxhash-wasm';
import { describe, expect, it } from 'vitest';
import { TERM_SEED, termHash, utf8Write, xxh32, xxh32String } from '../../../stages/dedup/xxhash32.ts';

// ASCII, two- and three-byte letters, astral letters and an emoji, combining marks, lone surrogates (TextEncoder writes U+FFFD).
const PIECES = ['a', 'Z', ' ', '7', 'é', 'ạ', 'ế', 'Đ', 'ß', 'Σ', 'ς', 'İ', '中', 'ก', '\u0301', '😀', '𝐀', '𐐀', '\ud800', '\udc00', '\n', '\t', '\u00a0'];

function randomStrings(count: number): string[] {
  let state = 42;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    let s = '';
    const n = Math.floor(next() * 45); // across the 16-byte stripes and the 4-byte and 1-byte tails
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
    return s;
  });
}

describe('xxHash32 in JavaScript', () => {
  it('gives xxhash-wasm h32 numbers for strings of every kind and length', async () => {
    const { h32 } = await xxhash();
    const strings = ['', 'a', 'abcd', 'abcdefghijklmnop', 'abcdefghijklmnopq', 'thời sự', 'ΟΔΟΣ', '\ud83d', ...randomStrings(5000)];
    for (const s of strings) {
      const expected = h32(s, TERM_SEED) >>> 0;
      if (xxh32String(s, TERM_SEED) !== expected || termHash(s) !== expected) throw new Error(`hash of ${JSON.stringify(s)}`);
      expect(xxh32String(s, 0)).toBe(h32(s, 0) >>> 0);
    }
  });

  it('hashes a byte range in place as the string it encodes', async () => {
    const { h32 } = await xxhash();
    const encoder = new TextEncoder();
    for (const s of randomStrings(2000)) {
      const bytes = new Uint8Array(3 * s.length + 10);
      const end = utf8Write(s, 0, s.length, bytes, 7);
      expect(bytes.subarray(7, end)).toEqual(encoder.encode(s));
      expect(xxh32(bytes, 7, end, TERM_SEED)).toBe(h32(s, TERM_SEED) >>> 0);
    }
  });
});
