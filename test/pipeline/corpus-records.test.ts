import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { SpilledRecords } from '../../pipeline/corpus-records.ts';

/** A deterministic record of `n` bytes that differs by `seed`. */
function record(n: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (seed * 31 + i * 7) & 0xff;
  return bytes;
}

describe('SpilledRecords', () => {
  it('gives back every record of two namespaces, pending or on disk, small, empty or larger than the write batch; a key set again gives its last record', () => {
    const records = new SpilledRecords();
    const sizes = [0, 1, 7000, 5, 70000, 30000];
    const expected = new Map<string, Uint8Array>();
    const same = (a: Uint8Array | undefined, b: Uint8Array) => !!a && a.byteOffset === 0 && Buffer.compare(a, b) === 0; // offset 0: word views need an aligned start
    for (let k = 0; k < 300; k++) {
      const bytes = k === 100 ? record(3 << 20, k) : record(sizes[k % sizes.length] + (k % 3), k);
      records.set(k % 2 ? 'odd' : 'even', `id${k % 250}`, bytes); // the last 50 replace earlier ones
      expected.set(`${k % 2 ? 'odd' : 'even'} id${k % 250}`, bytes);
      if (k % 25 === 0) for (const [name, want] of expected) expect(same(records.get(...(name.split(' ') as [string, string])), want)).toBe(true);
    }
    expect(records.size).toBe(250);
    expect(records.bytes).toBeGreaterThan(6 << 20); // several write batches, and one record larger than a batch
    for (const [name, want] of expected) expect(same(records.get(...(name.split(' ') as [string, string])), want)).toBe(true);
    const odd = [...expected].filter(([name]) => name.startsWith('odd ')).map(([name, want]) => [name.slice(4), want] as const);
    const many = records.getMany('odd', [...odd.map(([key]) => key), 'nope']);
    expect(many.at(-1)).toBeUndefined();
    expect(odd.filter(([, want], k) => !many[k] || many[k]!.byteOffset % 4 !== 0 || Buffer.compare(many[k]!, want) !== 0)).toEqual([]); // each at a word boundary
    expect(records.get('odd', 'nope')).toBeUndefined();
    expect(records.get('other', 'id1')).toBeUndefined();
    expect([...records.keys('odd'), ...records.keys('even')].sort()).toEqual([...expected.keys()].map((k) => k.split(' ')[1]).sort());
    records.close();
    expect(records.get('odd', 'id1')).toBeUndefined();
  });

  it('leaves no file behind: the spill file is unlinked as soon as it is open', () => {
    const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith('newsnlp-corpus-'));
    const before = ours();
    const records = new SpilledRecords();
    records.set('doc', 'a', record(2 << 20, 1)); // past the write batch: on disk
    expect(Buffer.compare(records.get('doc', 'a')!, record(2 << 20, 1))).toBe(0);
    expect(ours()).toEqual(before);
    records.close();
  });
});

describe('MemoryCorpus records', () => {
  it('survive a snapshot round trip (--index) and are listed among the keys', async () => {
    const corpus = new MemoryCorpus();
    await corpus.setRecord('doc', 'a', Uint8Array.of(1, 2, 3));
    await corpus.setRecord('doc', 'b', new Uint8Array(0));
    const restored = MemoryCorpus.fromSnapshot(JSON.parse(JSON.stringify(corpus.snapshot())));
    expect((await restored.records('doc', ['a', 'b', 'c'])).map((r) => r && [...r])).toEqual([[1, 2, 3], [], undefined]);
    expect((await restored.keys('doc')).sort()).toEqual(['a', 'b']);
    expect(await restored.records('other', ['a'])).toEqual([undefined]);
    await corpus.close();
    await restored.close();
  });

  it('refuses a snapshot from before records (dedup 1.4 and older kept JSON entries)', () => {
    expect(() => MemoryCorpus.fromSnapshot({ spaces: {}, hashCounts: {}, hashLists: {} } as never)).toThrow(/build the index again/);
  });
});
