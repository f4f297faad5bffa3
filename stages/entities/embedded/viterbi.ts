/**
 * First-order Viterbi decoding over BIO tags: token rows from the static features, a transition
 * row per previous tag, and a row per (previous tag, token shape). `I-X` may only follow `B-X` or
 * `I-X`, so every decoded sequence reads back as well-formed spans.
 */
import { spread } from '../../../pipeline/hash-table.ts';
import {
  COMBO_GROUPS,
  LOWER_CONTEXT,
  STATIC_FEATURES,
  WORD_FEATURES,
  lowerContextBucket,
  lowerPad,
  transitionBucket,
  transitionShapeBucket,
  wordFeatures,
  type SentenceView,
} from './features.ts';
import type { TagInfo } from './labels.ts';
import type { RowWeights } from './model.ts';
import type { SparseWeights } from './weights.ts';

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
  /** Summed rows kept between sentences: fixed weights only (tagging, not training). */
  caches?: TagCaches;
}

/** The decoder's caches of summed weight rows; see each class. */
export interface TagCaches {
  words: WordRowCache;
  /** One per group of COMBO_GROUPS. */
  combos: ComboRowCache[];
  transitions: TransitionRows;
}

/**
 * Slots of each COMBO_GROUPS cache, as few as keep its misses near their floor (tokens missing,
 * 800 baomoi articles, at 1k / 4k / 16k / 64k slots: shapes 4.0 / 1.6 / 1.0 / 0.8%, gazetteer and
 * memory 2.7 / 1.3 / 0.8 / 0.7%, classes 23 / 13 / 6.9 / 4.5%, runs 11 / 11 / 10 / 10%, their
 * combinations holding the run's words): every megabyte spared stays in the cache for the weights.
 */
const COMBO_SLOTS = [1 << 12, 1 << 12, 1 << 14, 1 << 10];

/** Caches for a decoder of fixed weights (`slots`: for every cache, small in tests to contest them). */
export function tagCaches(d: Omit<Decoder, 'caches'> & { weights: SparseWeights }, slots?: number): TagCaches {
  const L = d.info.type.length;
  return {
    words: new WordRowCache(d.weights, L, d.featureMask, slots),
    combos: COMBO_GROUPS.map((group, k) => new ComboRowCache(d.weights, L, group, slots ?? COMBO_SLOTS[k])),
    transitions: new TransitionRows(d),
  };
}

/** What no cache holds: the features of the neighbouring words (but their lower case alone). */
const NEIGHBOUR_FEATURES = Array.from({ length: STATIC_FEATURES }, (_, k) => k).filter(
  (k) => !WORD_FEATURES.includes(k) && !COMBO_GROUPS.some((g) => g.includes(k)) && !LOWER_CONTEXT.some((c) => c.slot === k),
);
/** Without caches every slot is added from the weights (training, and the tests' reference). */
const ALL_FEATURES = Array.from({ length: STATIC_FEATURES }, (_, k) => k);

/**
 * Per word, direct-mapped by its hash (a slot holds the last word that landed there, checked on
 * both its hashes): the summed weight row of its WORD_FEATURES, and its rows as the neighbour of
 * LOWER_CONTEXT (which read its lower case only), added to the tokens that see it there. News
 * repeats its words: most tokens find all five rows in one place instead of computing their word
 * features and making 20 lookups in the multi-megabyte weight table. Slot layout in `slots`:
 * [filled, word, lower, own row, one row per LOWER_CONTEXT entry]; rows are exact Int32 sums of
 * the Int16 weights.
 */
export class WordRowCache {
  private readonly slots: Int32Array;
  private readonly stride: number;
  private readonly mask: number;
  /** Rows of LOWER_CONTEXT entry k for tokens whose neighbour lies beyond the sentence. */
  private readonly pads: Int32Array;
  private readonly rows: IntegerRows;

  constructor(
    weights: SparseWeights,
    private readonly tags: number,
    private readonly featureMask: number,
    slots = 1 << 14,
  ) {
    this.mask = slots - 1;
    this.stride = 3 + (1 + LOWER_CONTEXT.length) * tags;
    this.slots = new Int32Array(slots * this.stride);
    this.rows = new IntegerRows(weights, tags);
    this.pads = new Int32Array(LOWER_CONTEXT.length * tags);
    LOWER_CONTEXT.forEach(({ slot, offset }, k) => this.rows.add(lowerContextBucket(slot, lowerPad(offset), featureMask), this.pads, k * tags));
  }

  /** Adds token i's own row and its rows as a neighbour into `scores` (token j at `j * tags`). */
  add(view: SentenceView, i: number, statics: Int32Array, base: number, scores: Float64Array): void {
    const { tags, slots } = this;
    const w = view.word[i] | 0;
    const l = view.lower[i] | 0;
    const at = (spread(w) & this.mask) * this.stride;
    if (slots[at] !== 1 || slots[at + 1] !== w || slots[at + 2] !== l) this.fill(view, i, statics, base, at);
    const n = view.length;
    let row = at + 3;
    for (let t = 0; t < tags; t++) scores[i * tags + t] += slots[row + t];
    for (const { offset } of LOWER_CONTEXT) {
      row += tags;
      // Token j reads its neighbour at j + offset: this token is that neighbour of j = i - offset.
      const j = i - offset;
      if (j >= 0 && j < n) for (let t = 0; t < tags; t++) scores[j * tags + t] += slots[row + t];
    }
    // The neighbours of token i beyond the sentence: the padding's rows.
    for (let k = 0; k < LOWER_CONTEXT.length; k++) {
      const j = i + LOWER_CONTEXT[k].offset;
      if (j < 0 || j >= n) for (let t = 0; t < tags; t++) scores[i * tags + t] += this.pads[k * tags + t];
    }
  }

  private fill(view: SentenceView, i: number, statics: Int32Array, base: number, at: number): void {
    const { slots, tags, featureMask } = this;
    slots.fill(0, at, at + this.stride);
    wordFeatures(view, i, featureMask, statics, base);
    for (const k of WORD_FEATURES) this.rows.add(statics[base + k], slots, at + 3);
    LOWER_CONTEXT.forEach(({ slot }, k) => this.rows.add(lowerContextBucket(slot, view.lower[i], featureMask), slots, at + 3 + (1 + k) * tags));
    slots[at] = 1;
    slots[at + 1] = view.word[i];
    slots[at + 2] = view.lower[i];
  }

}

/** Weight rows added into Int32 sums, exactly: the cached rows of a shipped model's Int16 weights. */
class IntegerRows {
  private readonly row: Float64Array;

  constructor(
    private readonly weights: SparseWeights,
    private readonly tags: number,
  ) {
    this.row = new Float64Array(tags);
  }

  /** Adds the row of `bucket` to `into[at..at + tags)` (through a Float64 row: the weights' interface). */
  add(bucket: number, into: Int32Array, at: number): void {
    this.row.fill(0);
    this.weights.add(bucket, this.row);
    for (let t = 0; t < this.tags; t++) into[at + t] += this.row[t];
  }
}

/**
 * The summed weight rows of a group of feature slots whose buckets take few combinations
 * (a group of COMBO_GROUPS), direct-mapped by a hash of the buckets (a slot holds the last
 * combination that landed there, compared bucket by bucket). A shipped model's weights are
 * integers, so a cached sum is exactly what adding each row gives. Slot layout: [filled,
 * buckets..., row...] side by side, so that a token touches one place in memory.
 */
export class ComboRowCache {
  private readonly slots: Int32Array;
  private readonly stride: number;
  private readonly mask: number;
  private readonly width: number;
  private readonly rows: IntegerRows;

  constructor(
    weights: SparseWeights,
    private readonly tags: number,
    private readonly group: readonly number[],
    slots = 1 << 14,
  ) {
    this.width = group.length;
    this.mask = slots - 1;
    this.stride = 1 + this.width + tags;
    this.slots = new Int32Array(slots * this.stride);
    this.rows = new IntegerRows(weights, tags);
  }

  /** Adds the group's row of the token whose static features start at `base` to `scores[at..at + tags)`. */
  add(statics: Int32Array, base: number, scores: Float64Array, at: number): void {
    const { width, group, slots, tags } = this;
    let h = 0x811c9dc5;
    for (let j = 0; j < width; j++) h = Math.imul(h ^ statics[base + group[j]], 0x01000193);
    const own = (spread(h) & this.mask) * this.stride;
    let same = slots[own] === 1;
    for (let j = 0; same && j < width; j++) same = slots[own + 1 + j] === statics[base + group[j]];
    const row = own + 1 + width;
    if (!same) {
      slots.fill(0, row, row + tags);
      for (let j = 0; j < width; j++) {
        const bucket = statics[base + group[j]];
        slots[own + 1 + j] = bucket;
        this.rows.add(bucket, slots, row);
      }
      slots[own] = 1;
    }
    for (let t = 0; t < tags; t++) scores[at + t] += slots[row + t];
  }
}

/**
 * Transition rows of fixed weights: per token shape, the L x L scores of moving from tag p to tag
 * t before a token of that shape (the transition row of p plus the (p, shape) row), with
 * transitions BIO forbids at -Infinity. They depend only on the model and the shape, so a tagger
 * computes them once per shape, not once per sentence.
 */
export class TransitionRows {
  private readonly byShape = new Map<number, Float64Array>();

  constructor(private readonly d: Omit<Decoder, 'caches'>) {}

  forShape(shape: number): Float64Array {
    let rows = this.byShape.get(shape);
    if (!rows) {
      // Shapes of text in other scripts keep their characters: bound the map, not the input.
      if (this.byShape.size >= 4096) this.byShape.clear();
      rows = transitionRows(this.d, shape);
      this.byShape.set(shape, rows);
    }
    return rows;
  }
}

/** Scores of p -> t before a token of `shape` (see TransitionRows), computed from the weights. */
function transitionRows(d: Omit<Decoder, 'caches'>, shape: number): Float64Array {
  const L = d.info.type.length;
  const rows = new Float64Array(L * L);
  const trans = new Float64Array(L);
  const row = new Float64Array(L);
  for (let p = 0; p < L; p++) {
    trans.fill(0);
    d.weights.add(transitionBucket(p + 1, d.featureMask), trans);
    row.fill(0);
    d.weights.add(transitionShapeBucket(p + 1, shape, d.featureMask), row);
    const a = (p + 1) * L;
    for (let t = 0; t < L; t++) rows[p * L + t] = d.allowed[a + t] ? trans[t] + row[t] : -Infinity;
  }
  return rows;
}

/**
 * Per-sentence work arrays, grown as needed and reused: viterbi runs synchronously, one sentence
 * at a time per thread, and a fresh set of typed arrays per sentence was a measurable share of
 * tagging time.
 */
let scratch = { size: 0, emit: new Float64Array(0), delta: new Float64Array(0), back: new Int8Array(0), after: new Float64Array(0) };

function scratchFor(size: number): typeof scratch {
  if (scratch.size < size) {
    const n = Math.max(size, 2 * scratch.size);
    scratch = { size: n, emit: new Float64Array(n), delta: new Float64Array(n), back: new Int8Array(n), after: new Float64Array(n) };
  }
  return scratch;
}

/** The first token's transition rows, reused likewise. */
let firstRows = { start: new Float64Array(0), row: new Float64Array(0) };

const NO_ROWS: Float64Array = new Float64Array(0);
let pairs: Float64Array[] = [];

/**
 * Best tag sequence of a sentence into `tags` (and token confidences into `probs`). `before` is
 * the tag before the sentence: -1 at a sentence start, or the entity tag the previous sentence
 * ended in when a name runs on over a full stop (see tagger.ts).
 */
export function viterbi(d: Decoder, view: SentenceView, statics: Int32Array, tags: Uint8Array, probs?: Float32Array, before = -1): void {
  const n = view.length;
  const L = d.info.type.length;
  const { weights, allowed, featureMask: mask } = d;
  const { emit, delta, back, after } = scratchFor(n * L);
  const moves = movesFor(allowed, L);
  emit.fill(0, 0, n * L);
  const caches = d.caches;
  for (let i = 0; i < n; i++) {
    const base = i * STATIC_FEATURES;
    const at = i * L;
    if (caches) {
      caches.words.add(view, i, statics, base, emit);
      for (const combo of caches.combos) combo.add(statics, base, emit, at);
      for (const k of NEIGHBOUR_FEATURES) weights.add(statics[base + k], emit, at);
    } else {
      for (const k of ALL_FEATURES) weights.add(statics[base + k], emit, at);
    }
  }
  // Training changes the weights between sentences: its rows are cached for one sentence only.
  const transitions = caches?.transitions ?? new TransitionRows(d);
  // Token i's transition rows, kept for the backward pass of the probabilities.
  if (pairs.length < n) pairs = new Array(Math.max(n, 2 * pairs.length)).fill(NO_ROWS);
  // The first token: from `before` (or the sentence start), its transition and (before, shape) rows.
  if (firstRows.start.length < L) firstRows = { start: new Float64Array(L), row: new Float64Array(L) };
  const { start, row } = firstRows;
  start.fill(0, 0, L);
  weights.add(transitionBucket(before + 1, mask), start);
  row.fill(0, 0, L);
  weights.add(transitionShapeBucket(before + 1, view.shape[0], mask), row);
  const first = (before + 1) * L;
  for (let t = 0; t < L; t++) delta[t] = allowed[first + t] ? emit[t] + start[t] + row[t] : -Infinity;
  let lastShape = -1;
  let rows: Float64Array = NO_ROWS;
  for (let i = 1; i < n; i++) {
    const cur = i * L;
    const last = cur - L;
    if (view.shape[i] !== lastShape) {
      lastShape = view.shape[i];
      rows = transitions.forShape(lastShape);
    }
    pairs[i] = rows;
    // Per tag, the best of the tags it may follow (the first on a tie, 0 when none is reachable).
    for (let t = 0; t < L; t++) {
      let best = -Infinity;
      let from = 0;
      for (let k = moves.intoStart[t]; k < moves.intoStart[t + 1]; k++) {
        const p = moves.into[k];
        const v = delta[last + p] + rows[p * L + t];
        if (v > best) {
          best = v;
          from = p;
        }
      }
      delta[cur + t] = best + emit[cur + t];
      back[cur + t] = from;
    }
  }
  let best = 0;
  const end = (n - 1) * L;
  for (let t = 1; t < L; t++) if (delta[end + t] > delta[end + best]) best = t;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = best;
    best = back[i * L + best];
  }
  if (probs) maxMarginals(delta, after, pairs, emit, n, L, moves, d.scale, tags, probs, d.info.type);
}

/**
 * The moves BIO allows between the tags of two tokens, as lists: the tags each tag may follow
 * (`into`, from `intoStart[t]` to `intoStart[t + 1]`, in tag order) and those each may precede
 * (`outOf`, likewise). `I-X` follows only `B-X` and `I-X`: the loops skip the forbidden pairs
 * instead of adding their -Infinity (53 of the 81 pairs of four entity types).
 */
interface Moves {
  into: Uint8Array;
  intoStart: Uint16Array;
  outOf: Uint8Array;
  outStart: Uint16Array;
}

const movesOf = new WeakMap<Uint8Array, Moves>();

function movesFor(allowed: Uint8Array, L: number): Moves {
  let moves = movesOf.get(allowed);
  if (moves) return moves;
  const lists = (ok: (a: number, b: number) => boolean) => {
    const list: number[] = [];
    const start = new Uint16Array(L + 1);
    for (let a = 0; a < L; a++) {
      for (let b = 0; b < L; b++) if (ok(a, b)) list.push(b);
      start[a + 1] = list.length;
    }
    return { list: Uint8Array.from(list), start };
  };
  // allowed[(p + 1) * L + t]: t may follow p.
  const into = lists((t, p) => allowed[(p + 1) * L + t] === 1);
  const outOf = lists((p, t) => allowed[(p + 1) * L + t] === 1);
  moves = { into: into.list, intoStart: into.start, outOf: outOf.list, outStart: outOf.start };
  movesOf.set(allowed, moves);
  return moves;
}

/**
 * Token confidence: softmax over tags of the max-marginals (best whole-sentence score with the
 * token forced to each tag), read at the decoded tag. Only entity tokens get one (spans take
 * their score from them); the others are left at 0. `pair[i]` are token i's transition rows
 * (forbidden transitions at -Infinity).
 */
function maxMarginals(
  delta: Float64Array,
  after: Float64Array,
  pair: Float64Array[],
  emit: Float64Array,
  n: number,
  L: number,
  moves: Moves,
  scale: number,
  tags: Uint8Array,
  probs: Float32Array,
  typeOf: ArrayLike<number>,
): void {
  let first = 0; // the first entity token: nothing before it needs a confidence
  while (first < n && typeOf[tags[first]] < 0) first++;
  if (first === n) return;
  // after[i * L + t]: best score of tokens i+1.. given tag t at i
  after.fill(0, (n - 1) * L, n * L);
  for (let i = n - 2; i >= first; i--) {
    const rows = pair[i + 1];
    const next = (i + 1) * L;
    for (let p = 0; p < L; p++) {
      let best = -Infinity;
      for (let k = moves.outStart[p]; k < moves.outStart[p + 1]; k++) {
        const t = moves.outOf[k];
        const v = rows[p * L + t] + emit[next + t] + after[next + t];
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
