import type { DateMention } from './mentions.ts';
import type { HashedVector } from './terms.ts';

/**
 * The numeric part of an article's index entry, packed into one base64 string (JSON-safe for the
 * journal, the `--index` snapshot and Redis): one string per article instead of one per field
 * and per sentence. Layout, 32-bit words: counts [shingles, vector terms, sentences, mentions],
 * shingle hashes, vector keys, vector weights (float32), sentence ends, sentence term hashes,
 * mentions as [year or 0, first day, last day].
 */
export interface ProfileData {
  shingles: Uint32Array;
  vector: HashedVector;
  sentences: Uint32Array[];
  mentions: DateMention[];
}

export function packProfile(d: ProfileData): string {
  const sentenceWords = d.sentences.reduce((n, s) => n + s.length, 0);
  const size = 4 + d.shingles.length + 2 * d.vector.keys.length + d.sentences.length + sentenceWords + 3 * d.mentions.length;
  const words = new Uint32Array(size);
  const asFloat = new Float32Array(words.buffer);
  const asInt = new Int32Array(words.buffer);
  words.set([d.shingles.length, d.vector.keys.length, d.sentences.length, d.mentions.length]);
  let at = 4;
  words.set(d.shingles, at);
  at += d.shingles.length;
  words.set(d.vector.keys, at);
  at += d.vector.keys.length;
  asFloat.set(d.vector.weights, at);
  at += d.vector.keys.length;
  let end = 0;
  for (const s of d.sentences) words[at++] = end += s.length;
  for (const s of d.sentences) {
    words.set(s, at);
    at += s.length;
  }
  for (const [year, from, to] of d.mentions) asInt.set([year ?? 0, from, to], (at += 3) - 3);
  return Buffer.from(words.buffer).toString('base64');
}

export function unpackProfile(packed: string): ProfileData {
  const bytes = Buffer.from(packed, 'base64');
  const words = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  const [nShingles, nTerms, nSentences, nMentions] = words;
  let at = 4;
  const take = (n: number) => words.subarray(at, (at += n));
  const shingles = take(nShingles);
  const keys = take(nTerms);
  const weights = new Float32Array(words.buffer, 4 * at, nTerms);
  at += nTerms;
  const ends = take(nSentences);
  const hashes = take(nSentences ? ends[nSentences - 1] : 0);
  const sentences = Array.from(ends, (e, k) => hashes.subarray(k ? ends[k - 1] : 0, e));
  const ints = new Int32Array(words.buffer, 4 * at, 3 * nMentions);
  const mentions = Array.from({ length: nMentions }, (_, k): DateMention => [ints[3 * k] || null, ints[3 * k + 1], ints[3 * k + 2]]);
  return { shingles, vector: { keys, weights }, sentences, mentions };
}

/** A newline-joined list of terms or band keys (a term is words joined by one space: never a newline). */
export function splitList(joined: string): string[] {
  return joined ? joined.split('\n') : [];
}
