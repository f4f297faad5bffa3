import { describe, expect, it } from 'vitest';
import {
  LOWER_CONTEXT,
  NO_FEATURE,
  NO_LEXICON,
  STATIC_FEATURES,
  WORD_FEATURES,
  lowerContextBucket,
  lowerPad,
  staticFeatures,
  viewSentence,
  wordFeatures,
  type Lexicon,
} from '../../../stages/entities/embedded/features.ts';
import { tokenize } from '../../../stages/entities/embedded/tokenize.ts';
import { endingSet } from '../../../stages/entities/embedded/stems.ts';

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
    for (const lex of [NO_LEXICON, lexicon, { ...lexicon, endings: endingSet(['p', 'mp']) }]) {
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

describe('wordFeatures (computed by the tagger only for uncached words)', () => {
  it('writes exactly the WORD_FEATURES slots, as staticFeatures does, which leaves them and the LOWER_CONTEXT slots alone when asked', () => {
    const lexicon: Lexicon = { gazetteer: () => 0, cluster: (h) => h & 0xffffff07, endings: endingSet(['s']) };
    const tokens = tokenize('Fred cho biết Nam thắng Kims');
    const view = viewSentence(tokens, lexicon);
    const full = new Int32Array(tokens.length * STATIC_FEATURES);
    staticFeatures(view, 2 ** 21 - 1, full);
    const lazy = new Int32Array(tokens.length * STATIC_FEATURES).fill(-7);
    staticFeatures(view, 2 ** 21 - 1, lazy, 0, false);
    const contextSlots = LOWER_CONTEXT.map((c) => c.slot);
    for (let i = 0; i < tokens.length; i++) {
      const o = i * STATIC_FEATURES;
      for (let k = 0; k < STATIC_FEATURES - 3; k++) expect(lazy[o + k] === -7).toBe(WORD_FEATURES.includes(k) || contextSlots.includes(k));
      wordFeatures(view, i, 2 ** 21 - 1, lazy, o);
      // The lower-case context slots, as the tagger's word cache computes them: from the neighbour, or the padding.
      for (const { slot, offset } of LOWER_CONTEXT) {
        const j = i + offset;
        lazy[o + slot] = lowerContextBucket(slot, j >= 0 && j < tokens.length ? view.lower[j] : lowerPad(offset), 2 ** 21 - 1);
      }
      expect(Array.from(lazy.subarray(o, o + STATIC_FEATURES - 3))).toEqual(Array.from(full.subarray(o, o + STATIC_FEATURES - 3)));
    }
  });
});

describe('letter kinds and hyphen joins', () => {
  it('read a capitalised ASCII word that is no Vietnamese syllable as foreign', () => {
    const view = viewSentence(tokenize('Ngoại trưởng Pháp Jean Marcus Nam Thanh Trump'), NO_LEXICON);
    expect(Array.from(view.letters)).toEqual([3, 3, 3, 2, 2, 1, 1, 2]);
  });

  it('mark the hyphen joining two capitalised words and the words it joins, nothing else', () => {
    const sentence = 'Ngoại trưởng Pháp Jean-Marc Ayrault và Hàn Quốc-Nhật Bản, kinh-tế';
    const tokens = tokenize(sentence);
    const view = viewSentence(tokens, NO_LEXICON);
    const out = new Int32Array(tokens.length * STATIC_FEATURES);
    staticFeatures(view, 2 ** 21 - 1, out);
    const joined = tokens.map((t, i) => [t.text, out[i * STATIC_FEATURES + 49] !== NO_FEATURE]).filter(([, on]) => on).map(([t]) => t);
    expect(joined).toEqual(['Jean', '-', 'Marc', 'Quốc', '-', 'Nhật']);
    const at = (i: number) => out[i * STATIC_FEATURES + 49];
    const jean = tokens.findIndex((t) => t.text === 'Jean');
    const quoc = tokens.findIndex((t) => t.text === 'Quốc');
    expect(at(jean)).not.toBe(at(quoc)); // foreign given names against two Vietnamese names
  });
});

describe('quotations', () => {
  it('mark the place of each token in a short quotation, and nothing outside one', () => {
    const tokens = tokenize('el premiado " La vida es silbar " , y “Đinh ba” mañana');
    const view = viewSentence(tokens, NO_LEXICON);
    const place = Array.from(view.quote).map((q) => q & 7);
    expect(place).toEqual([0, 0, 1, 3, 4, 4, 5, 2, 0, 0, 1, 3, 5, 2, 0]);
    expect(view.quote[3] >> 6).toBe(1); // 'La' is capitalised
    expect((view.quote[3] >> 3) & 7).toBe(4); // four words inside
  });

  it('leave an unclosed or long quotation alone', () => {
    expect(Array.from(viewSentence(tokenize('dijo " que no vendrá nunca'), NO_LEXICON).quote).every((q) => q === 0)).toBe(true);
    const long = `" ${Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')} "`;
    expect(Array.from(viewSentence(tokenize(long), NO_LEXICON).quote).every((q) => q === 0)).toBe(true);
  });
});
