import { describe, expect, it } from 'vitest';
import { heaviestIds, heaviestInOrder, sentenceOverlaps } from '../../../stages/dedup/engine.ts';
import { sentenceOverlap } from '../../../stages/dedup/similarity.ts';
import { distinctInPlace } from '../../../stages/dedup/text.ts';

/** The values sorted, each once (a sentence's term set, as the index keeps it). */
function distinctSorted(values: number[]): Uint32Array {
  const sorted = Uint32Array.from(values);
  return sorted.slice(0, distinctInPlace(sorted));
}

describe('heaviestInOrder', () => {
  it('picks what sorting by value (descending) then index would, in index order', () => {
    let state = 3;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    for (let round = 0; round < 200; round++) {
      const n = 1 + (next() % (round % 2 ? 60 : 600)); // up to an article's worth of terms
      // Few distinct values, so that ties straddle the cut.
      const w = Float64Array.from({ length: n }, () => (next() % 7) / 3);
      const limit = 1 + (next() % (round % 2 ? 40 : 400));
      const reference = Array.from({ length: n }, (_, i) => i)
        .sort((a, b) => w[b] - w[a] || a - b)
        .slice(0, limit)
        .sort((a, b) => a - b);
      expect(heaviestInOrder(w, limit)).toEqual(reference);
    }
  });
});

describe('heaviestIds', () => {
  it('pick the heaviest ids as a full sort by weight, then id, would', () => {
    let state = 11;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    for (const n of [0, 5, 40, 41, 300, 3000]) {
      const ids = Array.from({ length: n }, (_, k) => `a${(next() % 100000).toString(36)}-${k}`);
      const weights = ids.map(() => (next() % 7) * 0.25); // many ties
      const slot = new Map(ids.map((id, k) => [id, k]));
      const sorted = ids
        .map((id, k) => [id, weights[k]] as const)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 40)
        .map(([id]) => id);
      expect(heaviestIds({ slot, ids, weights }, 40)).toEqual(sorted);
    }
  });
});

describe('sentenceOverlaps', () => {
  it('finds what comparing every pair of sentences finds', () => {
    let state = 5;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    const sentence = (n: number) => distinctSorted(Array.from({ length: n }, () => next() % 60)); // a small vocabulary: many shared terms
    const similar = Array.from({ length: 5 }, (_, a) => ({ id: `a${a}`, data: { sentences: Array.from({ length: 12 }, () => sentence(next() % 14)) } }));
    const mine = Array.from({ length: 30 }, () => sentence(next() % 14));
    for (const threshold of [0.5, 0.3, 0]) {
      const expected: { sentence: number; id: string; score: number }[] = [];
      mine.forEach((terms, k) => {
        if (terms.length < 3) return;
        let hit: { sentence: number; id: string; score: number } | null = null;
        for (const s of similar) {
          for (const other of s.data.sentences) {
            const score = sentenceOverlap(terms, other);
            if (score >= threshold && (!hit || score > hit.score)) hit = { sentence: k, id: s.id, score: Math.round(score * 10000) / 10000 };
          }
        }
        if (hit) expected.push(hit);
      });
      expect(expected.length).toBeGreaterThan(0);
      expect(sentenceOverlaps(mine, similar, threshold)).toEqual(expected);
    }
  });
});
