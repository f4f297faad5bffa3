import { describe, expect, it } from 'vitest';
import { jaccard, shingles } from '../../../stages/dedup/index.ts';
import { sortedJaccard } from '../../../stages/dedup/text.ts';

describe('shingles and exact Jaccard', () => {
  it('makes word 5-grams, lower-cased, ignoring punctuation', () => {
    expect([...shingles('Một hai, ba bốn năm SÁU.')]).toEqual(['một hai ba bốn năm', 'hai ba bốn năm sáu']);
  });

  it('makes one shingle of a text shorter than five words, none of an empty one', () => {
    expect([...shingles('Tin nhanh')]).toEqual(['tin nhanh']);
    expect(shingles(' … ').size).toBe(0);
  });

  it('computes Jaccard on hand-worked sets', () => {
    const a = shingles('a b c d e f g'); // abcde bcdef cdefg
    const b = shingles('a b c d e f x'); // abcde bcdef cdefx
    expect(jaccard(a, b)).toBeCloseTo(2 / 4);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, new Set())).toBe(0);
  });

  it('agrees on sorted hash arrays', () => {
    expect(sortedJaccard([1, 2, 3, 9], [2, 3, 4])).toBeCloseTo(2 / 5);
  });
});
