import { describe, expect, it } from 'vitest';
import {
  candidateProbability,
  createShingleHasher,
  estimateJaccard,
  MinHasher,
  wordShingleHashes,
} from '../../../stages/dedup/minhash.ts';
import { jaccard, SHINGLE_SIZE, shingles, wordForms } from '../../../stages/dedup/text.ts';

const words = Array.from({ length: 400 }, (_, i) => `từ${(i * 7919) % 1000}`);

describe('MinHash and LSH', () => {
  it('estimates shingle Jaccard within a few points', async () => {
    const hasher = await createShingleHasher();
    const minHasher = new MinHasher();
    const a = words.join(' ');
    const b = words.map((w, i) => (i % 9 === 0 ? 'khác' + i : w)).join(' ');
    const exact = jaccard(shingles(a), shingles(b));
    const sig = (t: string) => minHasher.signature(wordShingleHashes(Uint32Array.from(wordForms(t), hasher.hash), SHINGLE_SIZE));
    expect(Math.abs(estimateJaccard(sig(a), sig(b)) - exact)).toBeLessThan(0.12);
    expect(minHasher.bandKeys(sig(a))).toEqual(minHasher.bandKeys(sig(a)));
  });

  it('makes pairs at the duplicate threshold candidates almost surely, unrelated ones rarely', () => {
    expect(candidateProbability(0.5)).toBeGreaterThan(0.99);
    expect(candidateProbability(0.05)).toBeLessThan(0.01);
  });
});
