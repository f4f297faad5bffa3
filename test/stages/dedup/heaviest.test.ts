import { describe, expect, it } from 'vitest';
import { heaviestIds, heaviestInOrder } from '../../../stages/dedup/engine.ts';

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
