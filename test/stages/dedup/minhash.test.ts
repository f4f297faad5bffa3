import { describe, expect, it } from 'vitest';
import {
  candidateProbability,
  estimateJaccard,
  fmix32,
  MinHasher,
  wordShingleHashes,
} from '../../../stages/dedup/minhash.ts';
import { termHash } from '../../../stages/dedup/xxhash32.ts';
import { jaccard, SHINGLE_SIZE, shingles, wordForms } from '../../../stages/dedup/text.ts';

const words = Array.from({ length: 400 }, (_, i) => `từ${(i * 7919) % 1000}`);

describe('MinHash and LSH', () => {
  it('estimates shingle Jaccard within a few points', async () => {
    const minHasher = new MinHasher();
    const a = words.join(' ');
    const b = words.map((w, i) => (i % 9 === 0 ? 'khác' + i : w)).join(' ');
    const exact = jaccard(shingles(a), shingles(b));
    const sig = (t: string) => minHasher.signature(wordShingleHashes(Uint32Array.from(wordForms(t), termHash), SHINGLE_SIZE));
    expect(Math.abs(estimateJaccard(sig(a), sig(b)) - exact)).toBeLessThan(0.12);
    expect(minHasher.bandKeys(sig(a))).toEqual(minHasher.bandKeys(sig(a)));
  });

  it('signs with the unsigned minimum of each permutation', () => {
    const minHasher = new MinHasher();
    const { mul, add } = minHasher as unknown as { mul: Uint32Array; add: Uint32Array };
    let state = 3;
    // More shingles than the WebAssembly memory's first page holds, then a slice at an offset, one, none.
    const shingles = Uint32Array.from({ length: 20000 }, () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0));
    shingles.set([0, 0xffffffff, 0x80000000, 0x7fffffff], 0);
    for (const some of [shingles, shingles.subarray(0, 700), shingles.subarray(3, 4), shingles.subarray(0, 0)]) {
      const expected = Array.from(mul, (m, i) => {
        let min = 0xffffffff;
        for (const s of some) min = Math.min(min, fmix32((Math.imul(s, m) + add[i]) | 0));
        return min;
      });
      expect(Array.from(minHasher.signature(some))).toEqual(expected);
    }
  });

  it('makes pairs at the duplicate threshold candidates almost surely, unrelated ones rarely', () => {
    expect(candidateProbability(0.5)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.05)).toBeLessThan(0.01);
  });
});
