/** 32-bit hashing for feature ids: FNV-1a over UTF-16 code units, and an integer mixer. */
export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** Combine two 32-bit values (murmur3 finaliser on a multiply-xor). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of s[from, to) (equal to hashString(s.slice(from, to)), without the slice). */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
