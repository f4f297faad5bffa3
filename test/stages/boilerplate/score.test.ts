import { describe, expect, it } from 'vitest';
import { shingleMatch, shingleScore, snippetCounts, snippetScore } from '../../../stages/boilerplate/score.ts';

describe('boilerplate scores', () => {
  it('counts word 4-gram shingles as multisets', () => {
    // gold 5 tokens -> 2 shingles; predicted 6 tokens -> 3 shingles, 2 shared.
    expect(shingleMatch('a b c d e', 'a b c d e f')).toEqual({ tp: 2, fp: 1, fn: 0 });
    // fewer than 4 tokens: one shingle
    expect(shingleMatch('a b', 'a b')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('averages per-record precision and recall, then takes F1 of the means', () => {
    const s = shingleScore([
      { gold: 'a b c d e', predicted: 'a b c d e f' }, // P 2/3, R 1
      { gold: 'w x y z', predicted: 'w x y z' }, // P 1, R 1
    ]);
    expect(s.precision).toBeCloseTo((2 / 3 + 1) / 2);
    expect(s.recall).toBeCloseTo(1);
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall));
  });

  it('looks snippets up in white-space-collapsed output and sums counts over pages', () => {
    const c = snippetCounts('The  main\ntext here. Share this', ['main text', 'missing'], ['Share this', 'Footer']);
    expect(c).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
    const s = snippetScore([c, { tp: 1, fn: 0, fp: 0, tn: 1 }]);
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.accuracy).toBeCloseTo(4 / 6);
  });
});
