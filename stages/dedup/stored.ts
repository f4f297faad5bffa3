import type { DateMention } from './mentions.ts';
import type { HashedVector } from './terms.ts';

/**
 * The numeric part of an article's index entry, packed into one base64 string (JSON-safe for the
 * journal, the `--index` snapshot and Redis): one string per article instead of one per field
 * and per sentence. Layout, 32-bit words: counts [vector terms, mentions, shingles, sentences];
 * then what scoring every candidate reads: vector keys, vector weights (float32), mentions as
 * [year or 0, first day, last day]; then what only some candidates read: shingle hashes (shared
 * LSH buckets), sentence ends and sentence term hashes (the most similar few). Unpacking decodes
 * the first part at once and the rest on first use: most candidates never need it.
 */
export interface ProfileData {
  shingles: Uint32Array;
  vector: HashedVector;
  sentences: Uint32Array[];
  mentions: DateMention[];
}

export function packProfile(d: ProfileData): string {
  const sentenceWords = d.sentences.reduce((n, s) => n + s.length, 0);
  const size = 4 + 2 * d.vector.keys.length + 3 * d.mentions.length + d.shingles.length + d.sentences.length + sentenceWords;
  const words = new Uint32Array(size);
  const asFloat = new Float32Array(words.buffer);
  const asInt = new Int32Array(words.buffer);
  words.set([d.vector.keys.length, d.mentions.length, d.shingles.length, d.sentences.length]);
  let at = 4;
  words.set(d.vector.keys, at);
  at += d.vector.keys.length;
  asFloat.set(d.vector.weights, at);
  at += d.vector.keys.length;
  for (const [year, from, to] of d.mentions) asInt.set([year ?? 0, from, to], (at += 3) - 3);
  words.set(d.shingles, at);
  at += d.shingles.length;
  let end = 0;
  for (const s of d.sentences) words[at++] = end += s.length;
  for (const s of d.sentences) {
    words.set(s, at);
    at += s.length;
  }
  return Buffer.from(words.buffer).toString('base64');
}

/** The first `bytes` bytes (at least) of a base64 string, as 32-bit words. */
function decodeWords(packed: string, bytes: number): Uint32Array {
  const decoded = Buffer.from(packed.length > ((bytes + 2) / 3) * 4 ? packed.slice(0, Math.ceil(bytes / 3) * 4) : packed, 'base64');
  const words = new Uint32Array(decoded.length >>> 2);
  new Uint8Array(words.buffer).set(decoded.subarray(0, words.length * 4));
  return words;
}

export function unpackProfile(packed: string): ProfileData {
  const [nTerms, nMentions, nShingles, nSentences] = decodeWords(packed, 16);
  const headWords = 4 + 2 * nTerms + 3 * nMentions;
  const head = decodeWords(packed, 4 * headWords);
  const keys = head.subarray(4, 4 + nTerms);
  const weights = new Float32Array(head.buffer, 4 * (4 + nTerms), nTerms);
  const ints = new Int32Array(head.buffer, 4 * (4 + 2 * nTerms), 3 * nMentions);
  const mentions = Array.from({ length: nMentions }, (_, k): DateMention => [ints[3 * k] || null, ints[3 * k + 1], ints[3 * k + 2]]);
  let tail: { shingles: Uint32Array; sentences: Uint32Array[] } | null = null;
  const rest = () => {
    if (tail) return tail;
    const words = decodeWords(packed, Infinity);
    let at = headWords;
    const take = (n: number) => words.subarray(at, (at += n));
    const shingles = take(nShingles);
    const ends = take(nSentences);
    const hashes = take(nSentences ? ends[nSentences - 1] : 0);
    return (tail = { shingles, sentences: Array.from(ends, (e, k) => hashes.subarray(k ? ends[k - 1] : 0, e)) });
  };
  return {
    vector: { keys, weights },
    mentions,
    get shingles() {
      return rest().shingles;
    },
    get sentences() {
      return rest().sentences;
    },
  };
}

/** A newline-joined list of terms (a term is words joined by one space: never a newline). */
export function splitList(joined: string): string[] {
  return joined ? joined.split('\n') : [];
}
