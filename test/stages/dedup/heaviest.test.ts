import { describe, expect, it } from 'vitest';
import { heaviestInOrder } from '../../../stages/dedup/engine.ts';

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
