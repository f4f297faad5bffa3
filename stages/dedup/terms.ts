import { createRequire } from 'node:module';
import { isNumeric, normOf, pairOf, type Tokens } from './tokens.ts';
import { termHashOf } from './xxhash32.ts';

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

/** A stop list's words and phrases by xxHash32 of their UTF-8 (open addressing), a hit checked byte for byte. */
export class StopTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly bytes: Uint8Array;

  constructor(list: StopList) {
    const entries = [...list.words, ...list.phrases];
    const utf8 = entries.map((e) => encoder.encode(e));
    this.bytes = new Uint8Array(utf8.reduce((n, b) => n + b.length, 0));
    this.starts = new Uint32Array(entries.length + 1);
    this.hashes = new Uint32Array(entries.length);
    let size = 16;
    while (size < 2 * entries.length) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    utf8.forEach((b, e) => {
      this.bytes.set(b, this.starts[e]);
      this.starts[e + 1] = this.starts[e] + b.length;
      this.hashes[e] = termHashOf(this.bytes, this.starts[e], this.starts[e + 1]);
      let s = this.hashes[e] & this.mask;
      while (this.slots[s]) s = (s + 1) & this.mask;
      this.slots[s] = e + 1;
    });
  }

  /** Whether `bytes[from, to)`, of xxHash32 `hash`, is a word or phrase of the list. */
  has(bytes: Uint8Array, from: number, to: number, hash: number): boolean {
    for (let s = hash & this.mask; this.slots[s]; s = (s + 1) & this.mask) {
      const e = this.slots[s] - 1;
      const at = this.starts[e];
      if (this.hashes[e] === hash && this.starts[e + 1] - at === to - from && sameRange(this.bytes, at, bytes, from, to - from)) return true;
    }
    return false;
  }
}

const encoder = new TextEncoder();

function sameRange(a: Uint8Array, from: number, b: Uint8Array, bFrom: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[from + k] !== b[bFrom + k]) return false;
  return true;
}

/** One table per stop list. */
const stopTables = new WeakMap<StopList, StopTable>();

export function stopTable(list: StopList): StopTable {
  let table = stopTables.get(list);
  if (!table) stopTables.set(list, (table = new StopTable(list)));
  return table;
}

/**
 * Per word of the tokens: whether it is a stop word, whether it is a unigram term, and whether it
 * opens a bigram term with the next word (and that bigram's hash). Bare numbers are no term; a
 * unigram is a content word of two or more units; a bigram joins two non-numeric words of which at
 * least one is content, with only white space within one line between them, and is no stop phrase.
 */
export interface TermSlots {
  stop: Uint8Array;
  unigram: Uint8Array;
  bigram: Uint8Array;
  bigramHash: Uint32Array;
}

export function termSlots(tok: Tokens, stops: StopList): TermSlots {
  const { n, text, start, end, norm, normStart, normEnd, byteStart, byteEnd, hash } = tok;
  const table = stopTable(stops);
  const numeric = new Uint8Array(n);
  const stop = new Uint8Array(n);
  const unigram = new Uint8Array(n);
  const bigram = new Uint8Array(n);
  const bigramHash = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    numeric[i] = isNumeric(norm, normStart[i], normEnd[i]) ? 1 : 0;
    stop[i] = table.has(tok.bytes, byteStart[i], byteEnd[i], hash[i]) ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    if (numeric[i]) continue;
    const content = !stop[i];
    if (content && normEnd[i] - normStart[i] > 1) unigram[i] = 1;
    if (i + 1 < n && !numeric[i + 1] && (content || !stop[i + 1]) && inlineGap(text, end[i], start[i + 1])) {
      // Only white space between the two words, so none was taken out between them
      // (`withoutSpans`): they are neighbours in `tok.bytes` too, "w1 w2" one range.
      const h = termHashOf(tok.bytes, byteStart[i], byteEnd[i + 1]);
      if (!table.has(tok.bytes, byteStart[i], byteEnd[i + 1], h)) {
        bigram[i] = 1;
        bigramHash[i] = h;
      }
    }
  }
  return { stop, unigram, bigram, bigramHash };
}

const INLINE_GAP = /^[^\S\n]*$/;

/** Whether text[start, end) is white space within one line (a bigram never spans punctuation or a line break). */
function inlineGap(text: string, start: number, end: number): boolean {
  return (end === start + 1 && text.charCodeAt(start) === 32) || INLINE_GAP.test(text.slice(start, end));
}

/**
 * An article's distinct terms in order of first occurrence (the text's words, then the title's),
 * each with its hash, count and first occurrence; the counts are the text's plus the title's
 * times `titleWeight`. Terms are told apart by their bytes, not their hashes: two terms whose
 * 32-bit hashes collide stay two terms.
 */
export interface DistinctTerms {
  size: number;
  hash: Uint32Array;
  count: Float64Array;
  /** Word of the first occurrence, and whether the term is the bigram that word opens. */
  word: Uint32Array;
  bigram: Uint8Array;
}

export function distinctTerms(tok: Tokens, slots: TermSlots, titleWeight = 1): DistinctTerms {
  const { n, nText, bytes, byteStart, byteEnd, hash: wordHash } = tok;
  let size = 16;
  while (size < 4 * n) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  const hash = new Uint32Array(2 * n);
  const word = new Uint32Array(2 * n);
  const bigram = new Uint8Array(2 * n);
  const textCount = new Uint32Array(2 * n);
  const titleCount = new Uint32Array(2 * n);
  let m = 0;
  const sameWord = (a: number, b: number) =>
    byteEnd[a] - byteStart[a] === byteEnd[b] - byteStart[b] && sameRange(bytes, byteStart[a], bytes, byteStart[b], byteEnd[a] - byteStart[a]);
  const add = (h: number, w: number, bi: number, counts: Uint32Array) => {
    let s = h & mask;
    for (let e = table[s]; e; e = table[(s = (s + 1) & mask)]) {
      const id = e - 1;
      if (hash[id] === h && bigram[id] === bi && sameWord(word[id], w) && (!bi || sameWord(word[id] + 1, w + 1))) {
        counts[id]++;
        return;
      }
    }
    table[s] = m + 1;
    hash[m] = h;
    word[m] = w;
    bigram[m] = bi;
    counts[m++]++;
  };
  for (let i = 0; i < n; i++) {
    const counts = i < nText ? textCount : titleCount;
    if (slots.unigram[i]) add(wordHash[i], i, 0, counts);
    if (slots.bigram[i] && i + 1 < (i < nText ? nText : n)) add(slots.bigramHash[i], i, 1, counts);
  }
  const count = new Float64Array(m);
  for (let k = 0; k < m; k++) count[k] = titleCount[k] ? textCount[k] + titleCount[k] * titleWeight : textCount[k];
  return { size: m, hash: hash.subarray(0, m), count, word: word.subarray(0, m), bigram: bigram.subarray(0, m) };
}

/** Term k of `terms` as a string. */
export function termString(tok: Tokens, terms: DistinctTerms, k: number): string {
  return terms.bigram[k] ? pairOf(tok, terms.word[k]) : normOf(tok, terms.word[k]);
}

/** Inverse document frequency, smoothed; `df` and `docs` include any background counts. */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** A tf-idf vector with terms replaced by their 32-bit hashes, sorted: compact to store and compare. */
export interface HashedVector {
  keys: Uint32Array;
  weights: Float32Array;
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
