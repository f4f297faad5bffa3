import { createRequire } from 'node:module';
import type { Word } from './text.ts';

/**
 * Content terms for story similarity: word unigrams and bigrams that are not stop words or bare
 * numbers, bigrams never spanning punctuation. For Vietnamese, where a word is one to three
 * syllables, the syllable bigrams stand in for the words.
 */

export interface StopList {
  words: Set<string>;
  phrases: Set<string>;
}

const require = createRequire(import.meta.url);
const STOPWORDS: Record<string, string[]> = require('stopwords-iso/stopwords-iso.json');

/** Cache of immutable derived data (built from the package's lists on first use). */
const stopLists = new Map<string, StopList>();

/** Stop words of stopwords-iso, split into single words and two-word phrases. */
export function stopList(lang: string): StopList {
  let list = stopLists.get(lang);
  if (!list) {
    const all = STOPWORDS[lang] ?? [];
    list = { words: new Set(), phrases: new Set() };
    for (const w of all) {
      const parts = w.normalize('NFC').toLowerCase().split(/\s+/);
      if (parts.length === 1) list.words.add(parts[0]);
      else if (parts.length === 2) list.phrases.add(parts.join(' '));
    }
    stopLists.set(lang, list);
  }
  return list;
}

const NUMERIC = /^\p{N}+$/u;

/**
 * Per word of `ws`: its unigram term, and the bigram it opens with the next word of `ws`, or null.
 * The terms of a run of words are its unigrams and the bigrams opened by all but its last word.
 */
export interface TermSlots {
  unigrams: (string | null)[];
  bigrams: (string | null)[];
}

export function termSlots(text: string, ws: Word[], stops: StopList): TermSlots {
  const n = ws.length;
  const unigrams: (string | null)[] = new Array(n).fill(null);
  const bigrams: (string | null)[] = new Array(n).fill(null);
  const numeric = new Uint8Array(n);
  const stop = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    numeric[i] = NUMERIC.test(ws[i].norm) ? 1 : 0;
    stop[i] = stops.words.has(ws[i].norm) ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    if (numeric[i]) continue;
    const w = ws[i].norm;
    const content = !stop[i];
    if (content && w.length > 1) unigrams[i] = w;
    if (i + 1 < n && !numeric[i + 1] && (content || !stop[i + 1]) && inlineGap(text, ws[i].end, ws[i + 1].start)) {
      const phrase = `${w} ${ws[i + 1].norm}`;
      if (!stops.phrases.has(phrase)) bigrams[i] = phrase;
    }
  }
  return { unigrams, bigrams };
}

const INLINE_GAP = /^[^\S\n]*$/;

/** Whether text[start, end) is white space within one line (a bigram never spans punctuation or a line break). */
function inlineGap(text: string, start: number, end: number): boolean {
  return (end === start + 1 && text.charCodeAt(start) === 32) || INLINE_GAP.test(text.slice(start, end));
}

/** Term counts of words `from` to `to` (exclusive) of the slots: as `contentTerms` of that run of words. */
export function countSlots(slots: TermSlots, from = 0, to = slots.unigrams.length): Map<string, number> {
  const tf = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const u = slots.unigrams[i];
    if (u !== null) tf.set(u, (tf.get(u) ?? 0) + 1);
    const b = slots.bigrams[i];
    if (b !== null && i + 1 < to) tf.set(b, (tf.get(b) ?? 0) + 1);
  }
  return tf;
}

/** Term counts of a text: unigrams `w` and bigrams `w1 w2`. */
export function contentTerms(text: string, ws: Word[], stops: StopList): Map<string, number> {
  return countSlots(termSlots(text, ws, stops));
}

/** A sparse vector, terms sorted for merge-style dot products. */
export interface TermVector {
  terms: string[];
  weights: number[];
}

/** Inverse document frequency, smoothed; `df` and `docs` include any background counts. */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** Unit-length tf-idf vector of the `limit` heaviest terms. */
export function tfidfVector(tf: Map<string, number>, idfOf: (term: string) => number, limit: number): TermVector {
  const scored: [string, number][] = [];
  for (const [term, count] of tf) scored.push([term, (1 + Math.log(count)) * idfOf(term)]);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, limit).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { terms: top.map(([t]) => t), weights: top.map(([, w]) => w / norm) };
}

/** The `n` heaviest terms of a vector, heaviest first. */
export function topTerms(v: TermVector, n: number): string[] {
  return v.terms
    .map((t, i) => [t, v.weights[i]] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
}

/** A tf-idf vector with terms replaced by their 32-bit hashes, sorted: compact to store and compare. */
export interface HashedVector {
  keys: Uint32Array;
  weights: Float32Array;
}

export function hashVector(v: TermVector, hash: (term: string) => number): HashedVector {
  const byKey = new Map<number, number>();
  v.terms.forEach((t, i) => {
    const k = hash(t);
    byKey.set(k, (byKey.get(k) ?? 0) + v.weights[i]);
  });
  const keys = Uint32Array.from(byKey.keys()).sort();
  return { keys, weights: Float32Array.from(keys, (k) => byKey.get(k)!) };
}

export function hashedCosine(a: HashedVector, b: HashedVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) dot += a.weights[i++] * b.weights[j++];
    else if (a.keys[i] < b.keys[j]) i++;
    else j++;
  }
  return dot;
}
