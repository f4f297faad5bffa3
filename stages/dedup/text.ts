/**
 * Words and shingles. A word is a run of letters, marks and digits, NFC and lower-cased; for
 * Vietnamese that is a syllable. Shingles are word k-grams (k = 5), the unit of near-duplicate
 * Jaccard; a text of fewer than k words is one shingle.
 */

export const SHINGLE_SIZE = 5;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The normal forms (NFC, lower case) of a text's words: the reference near-duplicate evaluation reads (the stage reads `tokens.ts`). */
export function wordForms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].normalize('NFC').toLowerCase());
  return out;
}

/** The word k-grams of a list of words, joined by one space. */
export function shingleList(forms: string[], k = SHINGLE_SIZE): string[] {
  if (forms.length === 0) return [];
  if (forms.length < k) return [forms.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + k <= forms.length; i++) out.push(forms.slice(i, i + k).join(' '));
  return out;
}

/** The set of word k-gram shingles of a text: the exact reference near-duplicates are judged by. */
export function shingles(text: string, k = SHINGLE_SIZE): Set<string> {
  return new Set(shingleList(wordForms(text), k));
}

/** Exact Jaccard of two shingle sets; two empty sets score 0 (nothing to compare). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Sorts `values` and moves each distinct value once to its front; returns how many there are. */
export function distinctInPlace(values: Uint32Array): number {
  values.sort();
  let n = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[n - 1]) values[n++] = values[i];
  return n;
}

/** Jaccard of two sorted, duplicate-free number arrays (hashed shingle sets). */
export function sortedJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sortedIntersection(a, b);
  return shared / (a.length + b.length - shared);
}

/** Count of values two sorted, duplicate-free arrays share. */
export function sortedIntersection(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}
