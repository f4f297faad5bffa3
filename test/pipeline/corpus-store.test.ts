import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { corpusFile, loadCorpus, saveCorpus } from '../../pipeline/corpus-store.ts';
import { tempDir } from '../helpers.ts';

describe('--index: the corpus saved as one JSON line per slice', () => {
  it('saves and loads every kind of state, a large namespace over several lines', async () => {
    const corpus = new MemoryCorpus();
    await corpus.increment('boilerplate:lines', ['Đọc thêm', 'Chia sẻ'], 3);
    for (let i = 0; i < 2_500; i++) await corpus.setRecord('dedup:doc', `id-${i}`, Uint8Array.from([i & 255, 1, 2, (i >> 8) & 255]));
    await corpus.incrementHashes('dedup:df', Uint32Array.from({ length: 250_000 }, (_, i) => i * 7 + 1), 2);
    await corpus.appendHashed('dedup:band', Uint32Array.from([1, 2, 0xffffffff]), 'id-1');
    await corpus.appendHashed('dedup:band', Uint32Array.from([2]), 'id-2');
    const dir = tempDir();
    await saveCorpus(corpus, dir);
    const lines = readFileSync(corpusFile(dir), 'utf8').trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('{"records"')).length).toBe(3); // 1,000 records a line
    expect(lines.filter((l) => l.startsWith('{"hashCounts"')).length).toBe(3); // 100,000 counters a line
    const restored = await loadCorpus(dir);
    expect(restored.snapshot()).toEqual(corpus.snapshot());
    expect(await restored.records('dedup:doc', ['id-2499', 'id-x'])).toEqual([Uint8Array.from([2499 & 255, 1, 2, 9]), undefined]);
    expect(await restored.listHashed('dedup:band', Uint32Array.from([2, 0xffffffff]))).toEqual([['id-1', 'id-2'], ['id-1']]);
    await Promise.all([corpus.close(), restored.close()]);
  });

  it('refuses an index of an older version and names the line of a damaged one', async () => {
    const old = tempDir();
    writeFileSync(join(old, 'corpus.json'), '{}');
    await expect(loadCorpus(old)).rejects.toThrow(/older version .* build the index again/);
    const damaged = tempDir();
    const corpus = new MemoryCorpus();
    await corpus.increment('boilerplate:lines', ['x']);
    await saveCorpus(corpus, damaged);
    writeFileSync(corpusFile(damaged), `${readFileSync(corpusFile(damaged), 'utf8')}{"space":"x","entr`);
    await expect(loadCorpus(damaged)).rejects.toThrow(/corpus\.jsonl \(line 3\)/);
    await corpus.close();
  });
});
