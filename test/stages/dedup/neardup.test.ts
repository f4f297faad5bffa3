import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { buildNearDuplicateSet, evaluateNearDuplicates, exactPairs } from '../../../stages/dedup/neardup.ts';
import { jaccard, shingles } from '../../../stages/dedup/text.ts';

/** Unlabelled records like the bulk dumps: a title and a few sentences of seeded words. */
const records = Array.from({ length: 60 }, (_, r) => {
  let s = r * 104729 + 7;
  const next = () => ((s = (s * 48271) % 2147483647), s / 2147483647);
  const sentence = () => {
    const words = Array.from({ length: 12 }, () => `từ${Math.floor(next() * 5000)}`);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  return { id: `r${r}`, title: `Tiêu đề bài ${r} về sự kiện số ${r}`, text: Array.from({ length: 16 }, sentence).join(' ') };
});

describe('near-duplicate test set', () => {
  it('is the same for the same seed and different for another', () => {
    const a = buildNearDuplicateSet(records, { originals: 30 });
    expect(buildNearDuplicateSet(records, { originals: 30 })).toEqual(a);
    expect(buildNearDuplicateSet(records, { originals: 30, seed: 7 })).not.toEqual(a);
    expect(a.some((c) => c.source)).toBe(true);
    expect(a.every((c) => c.text.includes(c.body))).toBe(true);
  });

  it('finds exactly the pairs at or above the threshold by exact body Jaccard', () => {
    const cases = buildNearDuplicateSet(records, { originals: 30 });
    const pairs = exactPairs(cases, 0.5);
    let expected = 0;
    for (let i = 0; i < cases.length; i++)
      for (let j = i + 1; j < cases.length; j++) if (jaccard(shingles(cases[i].body), shingles(cases[j].body)) >= 0.5) expected++;
    expect(pairs.size).toBe(expected);
  });

  it('finds the copies the truth holds, and nothing else, when pages carry no furniture', async () => {
    const config = defaultConfig({ dedup: { duplicateThreshold: 0.5, storyThreshold: 0.11 } });
    const result = await evaluateNearDuplicates(records, config, { boilerplate: false, set: { originals: 60, furniture: false } });
    expect(result.tables[0].rows[0][3]).toBeGreaterThan(10);
    expect(result.metrics.precision).toBe(1);
    expect(result.metrics.recall).toBeGreaterThanOrEqual(0.98);
  });
});
