import { describe, expect, it } from 'vitest';
import { NO_LEXICON, STATIC_FEATURES, WORD_FEATURES, staticFeatures, viewSentence, type Lexicon } from '../../../stages/entities/embedded/features.ts';
import { tokenize } from '../../../stages/entities/embedded/tokenize.ts';

/** Static feature buckets of the token `word` in `sentence`. */
function bucketsOf(sentence: string, word: string, lexicon: Lexicon): Int32Array {
  const tokens = tokenize(sentence);
  const view = viewSentence(tokens, lexicon);
  const out = new Int32Array(tokens.length * STATIC_FEATURES);
  staticFeatures(view, 2 ** 21 - 1, out);
  const i = tokens.findIndex((t) => t.text === word);
  return out.subarray(i * STATIC_FEATURES, (i + 1) * STATIC_FEATURES);
}

describe('WORD_FEATURES (cached per word at tag time)', () => {
  it('are the slots that stay the same whatever surrounds the word, and the others do change', () => {
    const lexicon: Lexicon = { gazetteer: (h) => h % 7 === 0 ? 1 : 0, cluster: (h) => h & 0xffffff07, nameParts: (h) => h % 3 };
    for (const lex of [NO_LEXICON, lexicon]) {
      const contexts = ['Ông Trump tới Hà Nội hôm nay.', 'Trump', '“Trump” nói, theo AP.', 'Tổng thống Mỹ Donald Trump (phải) và ông Putin'];
      const rows = contexts.map((c) => bucketsOf(c, 'Trump', lex));
      for (const k of WORD_FEATURES) for (const r of rows) expect(r[k]).toBe(rows[0][k]);
      const varying = Array.from({ length: STATIC_FEATURES }, (_, k) => k).filter((k) => rows.some((r) => r[k] !== rows[0][k]));
      // Every slot outside WORD_FEATURES but the name-part and gazetteer ones varies across these contexts.
      expect(varying.length).toBeGreaterThan(20);
      for (const k of varying) expect(WORD_FEATURES).not.toContain(k);
    }
  });
});
