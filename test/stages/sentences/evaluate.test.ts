import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import type { GoldRecord } from '../../../pipeline/evaluate/contract.ts';
import { COMPARISON, content, evaluator, goldStarts } from '../../../stages/sentences/evaluate.ts';

const options = { input: 'text' as const, config: defaultConfig() };
const data = (path: string) => fileURLToPath(new URL(`../../../../shared/data/${path}`, import.meta.url));
const read = (path: string): GoldRecord[] => readFileSync(data(path), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('sentences evaluator', () => {
  it('scores exact match and sentence-start boundaries, with Intl.Segmenter side by side', async () => {
    const gold: GoldRecord[] = [
      { id: 'a', lang: 'en', text: 'Mr. Smith left. He came back.', sentences: ['Mr. Smith left.', 'He came back.'] },
      { id: 'b', lang: 'en', text: 'One two. Three', sentences: ['One two. Three'] },
    ];
    const result = await evaluator.evaluate(gold, options);
    expect(Object.keys(result.metrics)).toEqual(['exactMatch', 'precision', 'recall', 'f1']);
    // a: both boundaries right; b: one extra boundary at "Three".
    expect(result.metrics).toEqual({ exactMatch: 0.5, precision: 3 / 4, recall: 1, f1: (2 * 0.75) / 1.75 });
    expect(result.tables[0].rows.map((r) => r[0])).toEqual(['stage', 'Intl.Segmenter']);
    expect(result.predictions[1]).toEqual({ id: 'b', lang: 'en', sentences: ['One two.', 'Three'] });
    expect(result.examples.some((e) => e.id === 'b' && e.kind === 'false')).toBe(true);
  });

  it('compares sentence content: no white space or markup, quotation marks by kind', () => {
    expect(content('It was a \ncold <em>night</em>.').chars).toBe('Itwasacoldnight.');
    expect(content("`So what?' ``Yes'' “No”").chars).toBe(`'Sowhat?'"Yes""No"`);
    expect(content(' a <b>b').at).toEqual([1, 6]);
  });

  it('finds gold sentences in order in the content, and none when the gold deleted text', () => {
    const { chars } = content('A b. A b.');
    expect(goldStarts(chars, ['A b.', 'A b.'])).toEqual([0, 3]);
    expect(goldStarts(content('It was a cold \nnight.').chars, ['It was a cold night.'])).toEqual([0]);
    expect(goldStarts(content('Dots........please.').chars, ['Dots please.'])).toBeNull();
  });

  it('passes a case whose gold re-flowed the text when the boundaries are right', async () => {
    const gold: GoldRecord[] = [
      { id: 'a', lang: 'en', text: 'It was a cold \nnight in the city. <p>Then it snowed.</p>\n<div></div>', sentences: ['It was a cold night in the city.', 'Then it snowed.'] },
      { id: 'b', lang: 'en', text: 'It was a cold \nnight.', sentences: ['It was a cold', 'night.'] },
    ];
    const result = await evaluator.evaluate(gold, options);
    expect(result.metrics).toMatchObject({ exactMatch: 0.5, precision: 1, recall: 3 / 4 });
    expect(result.tables[0].title).toContain(COMPARISON);
  });
});

describe.skipIf(!existsSync(data('sentences')))('sentences on the dev files', () => {
  it('gets all five seeds exactly right', async () => {
    expect((await evaluator.evaluate(read('seeds/sentences.jsonl'), options)).metrics.exactMatch).toBe(1);
  });

  it('beats Intl.Segmenter and holds the floors on the treebanks', async () => {
    const vi = await evaluator.evaluate(read('sentences/vi-vtb-dev.jsonl'), options);
    const en = await evaluator.evaluate(read('sentences/en-ewt-dev.jsonl'), options);
    expect(vi.metrics.f1).toBeGreaterThanOrEqual(0.99);
    expect(en.metrics.f1).toBeGreaterThanOrEqual(0.94);
    for (const result of [vi, en]) expect(result.tables[0].rows[0][6]).toBeGreaterThan(result.tables[0].rows[1][6] as number);
  });

  it('gets the golden rules right far more often than Intl.Segmenter', async () => {
    const golden = await evaluator.evaluate(read('sentences/golden-dev.jsonl'), options);
    expect(golden.metrics.exactMatch).toBeGreaterThanOrEqual(0.98);
    expect(golden.tables[0].rows[1][3]).toBeLessThan(0.6);
  });
});
