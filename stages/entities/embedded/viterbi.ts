/**
 * First-order Viterbi decoding over BIO tags: token rows from the static features, a transition
 * row per previous tag, and a row per (previous tag, token shape). `I-X` may only follow `B-X` or
 * `I-X`, so every decoded sequence reads back as well-formed spans.
 */
import { STATIC_FEATURES, WORD_FEATURES, transitionBucket, transitionShapeBucket, wordFeatures, type SentenceView } from './features.ts';
import type { TagInfo } from './labels.ts';
import type { RowWeights } from './model.ts';

/** allowed[(prev + 1) * L + tag], prev = -1 for the sentence start. */
export function transitionsAllowed(info: TagInfo): Uint8Array {
  const L = info.type.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let p = -1; p < L; p++) {
    for (let t = 0; t < L; t++) {
      const inside = info.type[t] >= 0 && !info.begin[t];
      allowed[(p + 1) * L + t] = !inside || (p >= 0 && info.type[p] === info.type[t]) ? 1 : 0;
    }
  }
  return allowed;
}

export interface Decoder {
  weights: RowWeights;
  info: TagInfo;
  allowed: Uint8Array;
  featureMask: number;
  /** Multiplies raw scores before the softmax that gives token probabilities. */
  scale: number;
  /** Rows of the word-only features by word, for fixed weights (tagging, not training). */
  wordRows?: WordRowCache;
}

const CONTEXT_FEATURES = Array.from({ length: STATIC_FEATURES }, (_, k) => k).filter((k) => !WORD_FEATURES.includes(k));

/**
 * The summed weight rows of a word's WORD_FEATURES, direct-mapped by its hash (a slot holds the
 * last word that landed there, checked on both its hashes). News repeats its words: most tokens
 * find their row here instead of computing their word features and making 16 table lookups (the
 * tagger leaves those slots to the cache: see staticFeatures' `words`).
 */
export class WordRowCache {
  private readonly word: Uint32Array;
  private readonly lower: Uint32Array;
  private readonly filled: Uint8Array;
  private readonly rows: Float64Array;
  private readonly mask: number;

  constructor(
    private readonly weights: RowWeights,
    private readonly tags: number,
    private readonly featureMask: number,
    slots = 1 << 14,
  ) {
    this.mask = slots - 1;
    this.word = new Uint32Array(slots);
    this.lower = new Uint32Array(slots);
    this.filled = new Uint8Array(slots);
    this.rows = new Float64Array(slots * tags);
  }

  /** Adds token i's word-only row to `row`. */
  add(view: SentenceView, i: number, statics: Int32Array, base: number, row: Float64Array): void {
    const w = view.word[i];
    const l = view.lower[i];
    const slot = (Math.imul(w, 0x9e3779b1) >>> 18) & this.mask;
    const at = slot * this.tags;
    if (!this.filled[slot] || this.word[slot] !== w || this.lower[slot] !== l) {
      const own = this.rows.subarray(at, at + this.tags);
      own.fill(0);
      wordFeatures(view, i, this.featureMask, statics, base);
      for (const k of WORD_FEATURES) this.weights.add(statics[base + k], own);
      this.word[slot] = w;
      this.lower[slot] = l;
      this.filled[slot] = 1;
    }
    for (let t = 0; t < this.tags; t++) row[t] += this.rows[at + t];
  }
}

/**
 * Best tag sequence of a sentence into `tags` (and token confidences into `probs`). `before` is
 * the tag before the sentence: -1 at a sentence start, or the entity tag the previous sentence
 * ended in when a name runs on over a full stop (see tagger.ts).
 */
export function viterbi(d: Decoder, view: SentenceView, statics: Int32Array, tags: Uint8Array, probs?: Float32Array, before = -1): void {
  const n = view.length;
  const L = d.info.type.length;
  const { weights, allowed, featureMask: mask } = d;
  const emit = new Float64Array(n * L);
  const row = new Float64Array(L);
  const cache = d.wordRows;
  for (let i = 0; i < n; i++) {
    row.fill(0);
    const base = i * STATIC_FEATURES;
    if (cache) {
      cache.add(view, i, statics, base, row);
      for (const k of CONTEXT_FEATURES) weights.add(statics[base + k], row);
    } else {
      for (let k = 0; k < STATIC_FEATURES; k++) weights.add(statics[base + k], row);
    }
    emit.set(row, i * L);
  }
  const trans = new Float64Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    row.fill(0);
    weights.add(transitionBucket(p, mask), row);
    trans.set(row, p * L);
  }
  const delta = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  // Transition rows per (token, previous tag), kept for the backward pass of the probabilities.
  const pair: Float64Array[] | null = probs ? new Array(n) : null; // token i's rows (shared per shape)
  row.fill(0);
  weights.add(transitionShapeBucket(before + 1, view.shape[0], mask), row);
  const first = (before + 1) * L;
  for (let t = 0; t < L; t++) delta[t] = allowed[first + t] ? emit[t] + trans[first + t] + row[t] : -Infinity;
  // Transition + (previous tag, shape) rows, per shape: most tokens of a sentence share a few shapes.
  const byShape = new Map<number, Float64Array>();
  for (let i = 1; i < n; i++) {
    const cur = i * L;
    const last = cur - L;
    let rows = byShape.get(view.shape[i]);
    if (!rows) {
      rows = new Float64Array(L * L);
      for (let p = 0; p < L; p++) {
        row.fill(0);
        weights.add(transitionShapeBucket(p + 1, view.shape[i], mask), row);
        for (let t = 0; t < L; t++) rows[p * L + t] = trans[(p + 1) * L + t] + row[t];
      }
      byShape.set(view.shape[i], rows);
    }
    if (pair) pair[i] = rows;
    for (let t = 0; t < L; t++) delta[cur + t] = -Infinity;
    for (let p = 0; p < L; p++) {
      const from = delta[last + p];
      if (from === -Infinity) continue;
      const a = (p + 1) * L;
      for (let t = 0; t < L; t++) {
        if (!allowed[a + t]) continue;
        const v = from + rows[p * L + t];
        if (v > delta[cur + t]) {
          delta[cur + t] = v;
          back[cur + t] = p;
        }
      }
    }
    for (let t = 0; t < L; t++) delta[cur + t] += emit[cur + t];
  }
  let best = 0;
  const end = (n - 1) * L;
  for (let t = 1; t < L; t++) if (delta[end + t] > delta[end + best]) best = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = best;
    best = back[i * L + best];
  }
  if (probs && pair) maxMarginals(delta, pair, emit, allowed, n, L, d.scale, tags, probs, d.info.type);
}

/**
 * Token confidence: softmax over tags of the max-marginals (best whole-sentence score with the
 * token forced to each tag), read at the decoded tag. Only entity tokens get one (spans take
 * their score from them); the others are left at 0.
 */
function maxMarginals(
  delta: Float64Array,
  pair: Float64Array[],
  emit: Float64Array,
  allowed: Uint8Array,
  n: number,
  L: number,
  scale: number,
  tags: Uint8Array,
  probs: Float32Array,
  typeOf: ArrayLike<number>,
): void {
  let first = 0; // the first entity token: nothing before it needs a confidence
  while (first < n && typeOf[tags[first]] < 0) first++;
  if (first === n) return;
  const after = new Float64Array(n * L); // best score of tokens i+1.. given tag t at i
  for (let i = n - 2; i >= first; i--) {
    for (let p = 0; p < L; p++) {
      let best = -Infinity;
      for (let t = 0; t < L; t++) {
        if (!allowed[(p + 1) * L + t]) continue;
        const v = pair[i + 1][p * L + t] + emit[(i + 1) * L + t] + after[(i + 1) * L + t];
        if (v > best) best = v;
      }
      after[i * L + p] = best;
    }
  }
  for (let i = first; i < n; i++) {
    if (typeOf[tags[i]] < 0) continue;
    const top = delta[i * L + tags[i]] + after[i * L + tags[i]];
    let z = 0;
    for (let t = 0; t < L; t++) {
      const v = delta[i * L + t] + after[i * L + t];
      if (v > -Infinity) z += Math.exp(Math.min(0, v - top) * scale);
    }
    probs[i] = 1 / z;
  }
}
