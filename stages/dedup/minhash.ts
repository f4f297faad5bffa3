import { SimdSigner } from './minhash-simd.ts';
import { distinctInPlace } from './text.ts';

/**
 * MinHash signatures and LSH bands. Each shingle is hashed once with xxHash32; the signature's
 * permutations are cheap bijections of that hash (multiply-add, then murmur3's finaliser).
 * Two texts agree on one signature position with probability equal to their shingle Jaccard;
 * banding (b bands of r rows) makes a pair a candidate with probability 1 - (1 - J^r)^b.
 */

export interface LshShape {
  bands: number;
  rows: number;
}

/** 42 bands of 3 rows: candidate probability 0.996 at Jaccard 0.5, 0.04 at 0.1. */
export const DEFAULT_LSH: LshShape = { bands: 42, rows: 3 };

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed permutation parameters from a splitmix-like sequence, so signatures persist across runs. */
function permutationParams(n: number): { mul: Uint32Array; add: Uint32Array } {
  const mul = new Uint32Array(n);
  const add = new Uint32Array(n);
  let state = 0x9e3779b9;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state);
  };
  for (let i = 0; i < n; i++) {
    mul[i] = next() | 1;
    add[i] = next();
  }
  return { mul, add };
}

export class MinHasher {
  readonly size: number;
  private readonly mul: Uint32Array;
  private readonly add: Uint32Array;

  /** Permutation i maps a shingle hash x to `fmix32(mul[i] * x + add[i])`; the signature keeps each one's minimum. */
  private readonly signer: SimdSigner;

  constructor(readonly shape: LshShape = DEFAULT_LSH) {
    this.size = shape.bands * shape.rows;
    ({ mul: this.mul, add: this.add } = permutationParams(this.size));
    this.signer = new SimdSigner(this.mul, this.add);
  }

  signature(shingleHashes: Uint32Array): Uint32Array {
    const sig = new Uint32Array(this.size);
    this.signer.sign(shingleHashes, sig);
    return sig;
  }

  /**
   * One 32-bit key per band: a hash of its rows seeded with the band's number (two bands that
   * share a key by chance only make a candidate that the shingle Jaccard then turns down).
   */
  bandKeys(signature: Uint32Array): Uint32Array {
    const { bands, rows } = this.shape;
    const keys = new Uint32Array(bands);
    for (let b = 0; b < bands; b++) {
      let h = b;
      for (let r = 0; r < rows; r++) h = fmix32((h ^ signature[b * rows + r]) + 0x9e3779b9);
      keys[b] = h;
    }
    return keys;
  }
}

/** MinHash estimate of Jaccard: the share of equal signature positions. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}

/** Probability that a pair of Jaccard j becomes an LSH candidate. */
export function candidateProbability(j: number, shape: LshShape = DEFAULT_LSH): number {
  return 1 - (1 - j ** shape.rows) ** shape.bands;
}

/**
 * Sorted, duplicate-free hashes of the word k-grams of a text given its words' hashes: each
 * shingle hash chains its words' hashes (no string is built per shingle). Fewer than k words make
 * one shingle.
 */
export function wordShingleHashes(wordHashes: ArrayLike<number>, k: number): Uint32Array {
  const n = wordHashes.length;
  if (n === 0) return new Uint32Array(0);
  const count = n < k ? 1 : n - k + 1;
  const width = Math.min(n, k);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x5bd1e995 ^ width;
    for (let j = 0; j < width; j++) h = fmix32((Math.imul(h, 0x01000193) ^ wordHashes[i + j]) + 0x9e3779b9);
    out[i] = h;
  }
  return out.slice(0, distinctInPlace(out));
}
