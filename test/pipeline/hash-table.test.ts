import { describe, expect, it } from 'vitest';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { HashTable } from '../../pipeline/hash-table.ts';

describe('HashTable', () => {
  it('counts like a Map through several growths, negative steps included', () => {
    const table = new HashTable(16);
    const reference = new Map<number, number>();
    let state = 7;
    for (let i = 0; i < 20000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const key = state % 5000 === 0 ? 0 : state % 3000; // key 0 is a key like any other
      const by = i % 7 === 0 ? -1 : 1;
      const after = table.add(key, by);
      reference.set(key, (reference.get(key) ?? 0) + by);
      expect(after).toBe(reference.get(key));
    }
    expect(table.size).toBe(reference.size);
    for (const [k, n] of reference) expect(table.get(k)).toBe(n);
    expect(table.get(4294967295)).toBe(0);
    const { keys, counts } = table.entries();
    const copy = HashTable.from(keys, counts);
    for (const [k, n] of reference) expect(copy.get(k)).toBe(n);
  });

  it('survives a MemoryCorpus snapshot round trip through JSON', async () => {
    const corpus = new MemoryCorpus();
    expect(await corpus.incrementHashes('df', Uint32Array.of(1, 4000000000, 77))).toEqual([1, 1, 1]);
    expect(await corpus.incrementHashes('df', Uint32Array.of(4000000000, 77), 2)).toEqual([3, 3]);
    const restored = MemoryCorpus.fromSnapshot(JSON.parse(JSON.stringify(corpus.snapshot())));
    expect(await restored.incrementHashes('df', Uint32Array.of(1, 4000000000), 0)).toEqual([1, 3]);
    expect((await restored.keys('df')).sort()).toEqual([(1).toString(36), (77).toString(36), (4000000000).toString(36)].sort());
  });
});

describe('MemoryCorpus.fromSnapshot', () => {
  it('refuses an index of the older layout with a message that says so', () => {
    expect(() => MemoryCorpus.fromSnapshot({ 'dedup:df': [['a', 1]] } as never)).toThrow(/older version.*build the index again/);
  });
});
