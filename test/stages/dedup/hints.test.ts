import { describe, expect, it } from 'vitest';
import { createDoc } from '../../../pipeline/doc.ts';
import { DedupResources } from '../../../stages/dedup/engine.ts';
import { articleHints, hashOrder, termAt } from '../../../stages/dedup/hints.ts';
import { termHash } from '../../../stages/dedup/xxhash32.ts';
import { DEFAULT_OPTIONS } from '../../../stages/dedup/options.ts';

describe('dedup article hints', () => {
  it('keep every term with its own hash, ordered by hash, however many terms an article has', async () => {
    // 40,000 distinct words: 80,000 terms (unigrams and bigrams), more than 16 bits can index.
    const text = Array.from({ length: 40000 }, (_, i) => `từ${i.toString(36)}x`).join(' ');
    const hints = articleHints(createDoc({ id: 'big', source: 'test', text, lang: 'vi' }), new DedupResources(), DEFAULT_OPTIONS);
    const terms = Array.from(hints.termHashes, (_, i) => termAt(hints.terms, i));
    expect(terms.length).toBeGreaterThan(65536);
    expect(hints.terms.text).toBe(terms.join('\n'));
    expect(new Set(terms).size).toBe(terms.length);
    terms.forEach((t, i) => {
      if (hints.termHashes[i] !== termHash(t)) throw new Error(`term ${i} (${t}) carries another term's hash`);
      if (i && hints.termHashes[i] < hints.termHashes[i - 1]) throw new Error(`terms out of hash order at ${i}`);
    });
  });

  it('order positions by hash, then position', () => {
    let state = 7;
    const hashes = Uint32Array.from({ length: 5000 }, () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 3000);
    hashes.set([0xffffffff, 0xffffffff, 0x80000000, 0x7fffffff, 0], 0);
    const expected = Array.from(hashes, (_, i) => i).sort((a, b) => hashes[a] - hashes[b] || a - b);
    expect(Array.from(hashOrder(hashes))).toEqual(expected);
    expect(Array.from(hashOrder(new Uint32Array(0)))).toEqual([]);
  });
});
