import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, bcubed, percentile, prf } from '../../pipeline/evaluate/metrics.ts';

const clusters = (pairs: [string, string][]) => new Map(pairs);

describe('metrics, against hand-worked cases', () => {
  it('prf: 3 hits, 1 false, 2 missed', () => {
    const m = prf(3, 1, 2);
    expect(m.precision).toBeCloseTo(0.75);
    expect(m.recall).toBeCloseTo(0.6);
    expect(m.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('B-cubed: gold {a,b,c}{d,e}, predicted {a,b}{c,d,e}', () => {
    const gold = clusters([['a', 'g1'], ['b', 'g1'], ['c', 'g1'], ['d', 'g2'], ['e', 'g2']]);
    const pred = clusters([['a', 'p1'], ['b', 'p1'], ['c', 'p2'], ['d', 'p2'], ['e', 'p2']]);
    // precision per item: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> 3.667/5
    // recall per item:    a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> 3.667/5
    const m = bcubed(gold, pred);
    expect(m.precision).toBeCloseTo(11 / 15);
    expect(m.recall).toBeCloseTo(11 / 15);
    expect(m.f1).toBeCloseTo(11 / 15);
  });

  it('B-cubed: everything in one cluster vs gold singletons', () => {
    const gold = clusters([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]);
    const pred = clusters([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'x']]);
    const m = bcubed(gold, pred);
    expect(m.precision).toBeCloseTo(0.25);
    expect(m.recall).toBeCloseTo(1);
  });

  it('ARI: identical partitions score 1, label names do not matter', () => {
    const gold = clusters([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]);
    const pred = clusters([['a', 'z'], ['b', 'z'], ['c', 'y'], ['d', 'y']]);
    expect(adjustedRandIndex(gold, pred)).toBeCloseTo(1);
  });

  it('ARI: gold {a,b}{c,d}, predicted {a,b,c}{d}', () => {
    // contingency pairs: C(2,2)+C(1,2)+C(1,2) = 1; row pairs 1+1 = 2; col pairs 3+0 = 3; C(4,2) = 6
    // expected = 2*3/6 = 1; max = (2+3)/2 = 2.5; ARI = (1-1)/(2.5-1) = 0
    const gold = clusters([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]);
    const pred = clusters([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'y']]);
    expect(adjustedRandIndex(gold, pred)).toBeCloseTo(0);
  });

  it('percentile: nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBe(0);
  });
});
