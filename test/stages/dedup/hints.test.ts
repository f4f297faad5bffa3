import { describe, expect, it } from 'vitest';
import { createDoc } from '../../../pipeline/doc.ts';
import { DedupResources } from '../../../stages/dedup/engine.ts';
import { articleHints } from '../../../stages/dedup/hints.ts';
import { createShingleHasher } from '../../../stages/dedup/minhash.ts';
import { DEFAULT_OPTIONS } from '../../../stages/dedup/options.ts';

describe('dedup article hints', () => {
  it('keep every term with its own hash, ordered by hash, however many terms an article has', async () => {
    const hasher = await createShingleHasher();
    // 40,000 distinct words: 80,000 terms (unigrams and bigrams), more than 16 bits can index.
    const text = Array.from({ length: 40000 }, (_, i) => `từ${i.toString(36)}x`).join(' ');
    const hints = articleHints(createDoc({ id: 'big', source: 'test', text, lang: 'vi' }), new DedupResources(hasher), DEFAULT_OPTIONS);
    expect(hints.terms.length).toBeGreaterThan(65536);
    expect(new Set(hints.terms).size).toBe(hints.terms.length);
    hints.terms.forEach((t, i) => {
      if (hints.termHashes[i] !== hasher.hash(t)) throw new Error(`term ${i} (${t}) carries another term's hash`);
      if (i && hints.termHashes[i] < hints.termHashes[i - 1]) throw new Error(`terms out of hash order at ${i}`);
    });
  });
});
