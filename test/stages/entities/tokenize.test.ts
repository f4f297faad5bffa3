import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../stages/entities/embedded/tokenize.ts';
import { chunks, bioTags, tagInfo } from '../../../stages/entities/embedded/labels.ts';

describe('embedded NER tokeniser', () => {
  it('keeps inner dots and apostrophes, splits other punctuation, and marks glued tokens', () => {
    const tokens = tokenize('Ông Trump (Mỹ) tới TP.HCM, gặp O\'Neill ở U.S.; Nga-NATO.');
    expect(tokens.map((t) => t.text)).toEqual([
      'Ông', 'Trump', '(', 'Mỹ', ')', 'tới', 'TP.HCM', ',', 'gặp', "O'Neill", 'ở', 'U.S', '.', ';', 'Nga', '-', 'NATO', '.',
    ]);
    const dot = tokens[12];
    expect(dot.glued).toBe(true);
    expect(tokens[1].glued).toBe(false);
  });

  it('gives UTF-16 offsets that slice back to each token, astral characters included', () => {
    const text = 'Tin 😀 từ Hà Nội: 1,5 triệu người, ngày 20/11.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toContain('1,5');
    expect(tokenize(text).map((t) => t.text)).toContain('20/11');
  });

  it('reads Vietnamese in one spelling: tone marks on the first vowel of oa/oe/uy, Đ for the eth', () => {
    const text = 'Chị Thuỳ ở Khánh Hoà gặp ông Thủy tại Ðà Nẵng, khoẻ và quý.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'Chị', 'Thùy', 'ở', 'Khánh', 'Hòa', 'gặp', 'ông', 'Thủy', 'tại', 'Đà', 'Nẵng', ',', 'khỏe', 'và', 'quý', '.',
    ]);
    // Same lengths: the offsets still slice the text as printed.
    expect(tokens.map((t) => text.slice(t.start, t.end))).toContain('Thuỳ');
    for (const t of tokens) expect(t.end - t.start).toBe(t.text.length);
    expect(tokenize('Hoàng Anh Đức và Maríe Cuá').map((t) => t.text)).toEqual(['Hoàng', 'Anh', 'Đức', 'và', 'Maríe', 'Cuá']);
  });

  it('tokenises a slice with offsets into the whole text', () => {
    const text = 'Một. Hai Ba.';
    const tokens = tokenize(text, 5, 12);
    expect(tokens.map((t) => [t.start, t.end])).toEqual([[5, 8], [9, 11], [11, 12]]);
  });
});

describe('BIO chunks', () => {
  const tags = bioTags(['PER', 'LOC']);
  const info = tagInfo(tags);
  const id = (t: string) => tags.indexOf(t);

  it('reads spans back conlleval style: I-X after another type starts a new span', () => {
    const seq = ['B-PER', 'I-PER', 'O', 'I-LOC', 'I-LOC', 'B-LOC', 'I-PER'].map(id);
    expect(chunks(seq, info)).toEqual([
      { from: 0, to: 2, type: 0 },
      { from: 3, to: 5, type: 1 },
      { from: 5, to: 6, type: 1 },
      { from: 6, to: 7, type: 0 },
    ]);
  });
});
