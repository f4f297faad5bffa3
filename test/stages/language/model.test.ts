import { describe, expect, it } from 'vitest';
import { toIso6391 } from '../../../stages/language/codes.ts';
import { createScratch, decodeModel, encodeModel, scoreWord, type ModelHeader } from '../../../stages/language/model.ts';
import { hashRange, pad } from '../../../stages/language/ngrams.ts';
import { forEachWord, scriptCounts, SCRIPTS } from '../../../stages/language/scripts.ts';

describe('model file', () => {
  it('decodes what it encodes and scores a word by the n-grams each language knows', () => {
    const header: ModelHeader = {
      format: 1,
      maxOrder: 5,
      quantum: 12,
      languages: [
        { code: 'aa', scripts: { Latn: 1 }, letters: 10 },
        { code: 'bb', scripts: { Latn: 1 }, letters: 10 },
      ],
      training: {},
    };
    // Language 0 knows 'a' and ' a' well; language 1 knows only 'a', badly.
    const postings = new Map<number, number[]>([
      [hashRange('a', 0, 1), [(0 << 8) | 6, (1 << 8) | 60]],
      [hashRange(' a', 0, 2), [(0 << 8) | 3]],
      [hashRange('a ', 0, 2), [(0 << 8) | 3]],
      [hashRange(' ', 0, 1), [(0 << 8) | 12, (1 << 8) | 12]],
    ]);
    const keys = [...postings.keys()].sort((a, b) => a - b);
    const model = decodeModel(encodeModel(header, keys, (k) => postings.get(k)!));
    expect(model.codes).toEqual(['aa', 'bb']);
    expect(model.byScript.get('Latn')).toEqual([0, 1]);
    const scores = new Float64Array(2);
    const scored = scoreWord(model, pad('a'), [0, 1], 2, Uint8Array.of(1, 1), scores, createScratch(model));
    expect(scored).toBe(2); // 'a' and the closing space
    // aa: ' a' (0.25 nats), then 'a ' (0.25, one order below ' a ') ; bb: 'a' (5 nats, one order
    // below ' a'), then ' ' (1 nat, two orders below ' a ').
    expect(scores[0]).toBeCloseTo(-(0.25 + 0.25 + model.backoff), 5);
    expect(scores[1]).toBeCloseTo(-(5 + model.backoff + 1 + 2 * model.backoff), 5);
  });
});

describe('scripts and codes', () => {
  it('splits words at script changes and keeps combining marks in their word', () => {
    const words: [string, string][] = [];
    forEachWord('Ẹ̀kọ́ và 漢字かな 한국 abc', (w, s) => void words.push([w, SCRIPTS[s]]));
    expect(words).toEqual([
      ['Ẹ̀kọ́', 'Latn'],
      ['và', 'Latn'],
      ['漢字かな', 'Cjk'],
      ['한국', 'Hang'],
      ['abc', 'Latn'],
    ]);
    const counts = scriptCounts('Привет, world');
    expect(counts[SCRIPTS.indexOf('Cyrl')]).toBe(6);
    expect(counts[SCRIPTS.indexOf('Latn')]).toBe(5);
  });

  it('maps ISO 639-3 (and macrolanguage members) to ISO 639-1 where one exists', () => {
    expect(['cmn', 'arb', 'pes', 'nob', 'zlm', 'ekk', 'khk', 'vie', 'VIE', 'vi'].map(toIso6391)).toEqual(['zh', 'ar', 'fa', 'nb', 'ms', 'et', 'mn', 'vi', 'vi', 'vi']);
    expect(toIso6391('ceb')).toBe('ceb');
  });
});
