/**
 * Character n-grams as the model sees them: lower-cased words padded with a space on each side,
 * every n-gram of 1..MAX_ORDER characters inside the padded word, keyed by a 32-bit FNV-1a hash
 * of its UTF-16 code units. The build and the detector share this code, so they agree.
 */
export const MAX_ORDER = 5;

/** FNV-1a (32 bit) of `word[from..to)`. */
export function hashRange(word: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const c = word.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), 0x01000193);
    h = Math.imul(h ^ (c >>> 8), 0x01000193);
  }
  return h >>> 0;
}

export function pad(word: string): string {
  return ` ${word} `;
}
