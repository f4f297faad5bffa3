import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../stages/entities/embedded/gold.ts';
import { loadEmbeddedModel } from '../../../stages/entities/embedded/index.ts';
import { decoderOf, tagText } from '../../../stages/entities/embedded/tagger.ts';
import { tagCaches, type Decoder } from '../../../stages/entities/embedded/viterbi.ts';

const TEXT = [
  'Ngày 12/1, Tổng thư ký NATO Jens Stoltenberg gặp Thứ trưởng Ngoại giao Nga Alexander Grushko tại Brussels (Bỉ).',
  'Ông Stoltenberg nói NATO sẵn sàng đối thoại với Nga, còn Bộ Ngoại giao Nga cho rằng Mỹ và NATO phải rút quân khỏi Đông Âu.',
  'Theo hãng tin Reuters, cuộc họp của Hội đồng NATO - Nga kéo dài bốn giờ ở Brussels.',
  '“Đinh ba Thần tốc 2016” là tên cuộc tập trận của Ngoại trưởng Pháp Jean-Marc Ayrault và ông Frank-Walter Steinmeier.',
].join('\n');

describe('tagging caches (word rows, class and run combinations, transition rows)', () => {
  const { model } = loadEmbeddedModel(fileURLToPath(new URL('../../../models/ner/vi', import.meta.url)));
  const sentences = splitSentences(TEXT);
  const plain = decoderOf(model);
  // The same model decoded without any cache: every feature row added one by one.
  const uncached: Decoder = { weights: plain.weights, info: plain.info, allowed: plain.allowed, featureMask: plain.featureMask, scale: plain.scale };
  const expected = tagText(model, TEXT, sentences, uncached);

  it('tags exactly as a decoder without caches, cold and warm', () => {
    expect(expected.length).toBeGreaterThan(5);
    expect(tagText(model, TEXT, sentences, plain)).toEqual(expected);
    expect(tagText(model, TEXT, sentences, plain)).toEqual(expected);
  });

  it('stays exact when every cache slot is contested (four slots each)', () => {
    const tiny: Decoder = { ...uncached, caches: tagCaches(uncached, 4) };
    expect(tagText(model, TEXT, sentences, tiny)).toEqual(expected);
    expect(tagText(model, TEXT, sentences, tiny)).toEqual(expected);
  });
});
