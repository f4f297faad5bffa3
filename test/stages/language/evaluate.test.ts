import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { detectLanguage } from '../../../stages/language/detect.ts';
import { evaluator } from '../../../stages/language/evaluate.ts';
import { HOLDOUT_BUCKETS, textBucket } from '../../../stages/language/holdout.ts';

const options = { input: 'text' as const, config: defaultConfig() };

describe('langid evaluator', () => {
  it('scores accuracy per language and kind, the headline a mean over languages', async () => {
    const gold = [
      { text: 'Chính phủ yêu cầu các bộ khẩn trương triển khai giải pháp.', lang: 'vi', kind: 'sentence' },
      { text: 'Người dân', lang: 'vi', kind: 'word-pair' },
      { text: 'The ministry said the plan would be ready by the end of the year.', lang: 'en', kind: 'sentence' },
      { text: 'Правительство поручило министерствам ускорить поддержку.', lang: 'en', kind: 'sentence' },
    ];
    const result = await evaluator.evaluate(gold, options);
    expect(result.records).toBe(4);
    expect(Object.keys(result.metrics).sort()).toEqual(['accuracy', 'byKind', 'byLanguage', 'meanAccuracy']);
    expect(result.metrics.accuracy).toBeCloseTo(3 / 4);
    expect(result.metrics.byLanguage).toEqual({ en: 0.5, vi: 1 });
    expect(result.metrics.meanAccuracy).toBeCloseTo(0.75);
    // sentence: vi 1/1, en 1/2 -> mean 0.75; word-pair: vi only.
    expect(result.metrics.byKind).toEqual({ sentence: 0.75, 'word-pair': 1 });
    expect(result.predictions).toHaveLength(4);
    expect(result.predictions[3]).toMatchObject({ lang: 'ru', kind: 'sentence', script: 'Cyrl' });
    expect(result.examples.map((e) => e.detail)).toEqual([expect.stringContaining('gold en, predicted ru')]);
    const byKind = result.tables.find((t) => t.title.startsWith('Accuracy % by kind'))!;
    expect(byKind.columns).toContain('franc alone');
  });
});

const dev = new URL('../../../../shared/data/langid/dev.jsonl', import.meta.url);

describe.skipIf(!existsSync(dev))('held-out quarter of the langid dev file', () => {
  const records = readFileSync(dev, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; lang: string; kind: string })
    .filter((r) => HOLDOUT_BUCKETS.includes(textBucket(r.text)));

  it.each([
    ['vi', 0.995],
    ['en', 0.99],
  ])('%s sentences: accuracy >= %s', (lang, floor) => {
    const sentences = records.filter((r) => r.lang === lang && r.kind === 'sentence');
    expect(sentences.length).toBeGreaterThan(100);
    const correct = sentences.filter((r) => detectLanguage(r.text).lang === lang).length;
    expect(correct / sentences.length).toBeGreaterThanOrEqual(floor);
  });
});
