import { describe, expect, it } from 'vitest';
import { HashCounts } from '../../pipeline/hash-counts.ts';

describe('HashCounts', () => {
  it('counts like a Map through several growths: counts past a byte, below zero and back, the key 0 and the largest key', () => {
    const table = new HashCounts(16);
    const reference = new Map<number, number>();
    let state = 7;
    let wrong = 0;
    for (let i = 0; i < 60000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      // a few keys counted often (past 255), many once or twice
      const key = state % 5000 === 0 ? 0 : state % 6000 === 1 ? 4294967295 : state % 4 === 0 ? state % 7 : state % 20000;
      const by = i % 11 === 0 ? -1 : i % 97 === 0 ? 300 : 1;
      const after = table.add(key, by);
      reference.set(key, (reference.get(key) ?? 0) + by);
      if (after !== reference.get(key)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(table.add(123456, -2)).toBe(-2); // a new key stepped below zero
    reference.set(123456, -2);
    expect(table.add(123456, 3)).toBe(1);
    reference.set(123456, 1);
    expect(Math.max(...reference.values())).toBeGreaterThan(255);
    expect(table.size).toBe(reference.size);
    expect([...reference].filter(([k, n]) => table.get(k) !== n)).toEqual([]);
    expect(table.get(987654321)).toBe(0);
    const { keys, counts } = table.entries();
    expect(keys.length).toBe(reference.size);
    const copy = HashCounts.from(keys, counts);
    expect(copy.size).toBe(reference.size);
    expect([...reference].filter(([k, n]) => copy.get(k) !== n)).toEqual([]);
  });
});
