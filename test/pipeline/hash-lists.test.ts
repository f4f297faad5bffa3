import { describe, expect, it } from 'vitest';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { HashLists } from '../../pipeline/hash-lists.ts';

describe('HashLists', () => {
  it('keeps lists like a Map of arrays through several growths, oldest value first: lists of one value and of many', () => {
    const lists = new HashLists();
    const reference = new Map<number, string[]>();
    let state = 11;
    for (let call = 0; call < 3000; call++) {
      const keys: number[] = [];
      for (let k = 0; k < 5; k++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        // the largest uint32 is a key like any other; a third of the keys are drawn from 400, the rest mostly once
        keys.push(state % 700 === 0 ? 4294967295 : state % 3 === 0 ? state % 400 : state);
      }
      const value = `doc${call}`;
      lists.append(Uint32Array.from(keys), value);
      for (const key of keys) {
        const list = reference.get(key) ?? [];
        list.push(value); // a key twice in one call: twice in its list
        reference.set(key, list);
      }
    }
    expect([...reference.values()].filter((v) => v.length === 1).length).toBeGreaterThan(5000);
    const differs = (l: HashLists) => [...reference].filter(([key, values]) => JSON.stringify(l.list(key)) !== JSON.stringify(values));
    expect(differs(lists)).toEqual([]);
    expect(lists.list(123456789)).toEqual([]);
    expect([...lists.keys()].sort((a, b) => a - b)).toEqual([...reference.keys()].sort((a, b) => a - b));
    const copy = HashLists.from(JSON.parse(JSON.stringify(lists.snapshot())));
    expect(differs(copy)).toEqual([]);
  });

  it('survives a MemoryCorpus snapshot round trip beside the string-keyed lists', async () => {
    const corpus = new MemoryCorpus();
    await corpus.appendHashed('band', Uint32Array.of(7, 4000000000), 'a');
    await corpus.appendHashed('band', Uint32Array.of(7), 'b');
    await corpus.append('story', 's', ['a']);
    const restored = MemoryCorpus.fromSnapshot(JSON.parse(JSON.stringify(corpus.snapshot())));
    expect(await restored.listHashed('band', Uint32Array.of(7, 4000000000, 8))).toEqual([['a', 'b'], ['a'], []]);
    expect(await restored.list('story', 's')).toEqual(['a']);
    expect(await restored.listHashed('other', Uint32Array.of(7))).toEqual([[]]);
  });
});
