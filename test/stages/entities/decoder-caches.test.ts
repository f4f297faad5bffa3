import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../stages/entities/embedded/gold.ts';
import { loadEmbeddedModel } from '../../../stages/entities/embedded/index.ts';
import { decoderOf, tagText } from '../../../stages/entities/embedded/tagger.ts';
import { tagCaches, type Decoder } from '../../../stages/entities/embedded/viterbi.ts';
import { SparseWeights } from '../../../stages/entities/embedded/weights.ts';

/** Per model: text with names, a one-token sentence, a sentence of one name. */
const TEXTS: Record<string, string> = {
  // Name parts, no stems.
  vi: [
    'Ngày 12/1, Tổng thư ký NATO Jens Stoltenberg gặp Thứ trưởng Ngoại giao Nga Alexander Grushko tại Brussels (Bỉ).',
    'Ông Stoltenberg nói NATO sẵn sàng đối thoại với Nga, còn Bộ Ngoại giao Nga cho rằng Mỹ và NATO phải rút quân khỏi Đông Âu.',
    'Theo hãng tin Reuters, cuộc họp của Hội đồng NATO - Nga kéo dài bốn giờ ở Brussels.',
    '“Đinh ba Thần tốc 2016” là tên cuộc tập trận của Ngoại trưởng Pháp Jean-Marc Ayrault và ông Frank-Walter Steinmeier.',
    'Hà',
    'Nguyễn Văn An.',
  ].join('\n'),
  // Stems, no name parts.
  ru: [
    'Генеральный секретарь НАТО Йенс Столтенберг встретился в Брюсселе с замминистра иностранных дел России Александром Грушко.',
    'По словам Столтенберга, НАТО готово к диалогу с Москвой, а МИД России требует вывести войска из Восточной Европы.',
    'Москва',
    'Владимир Путин.',
  ].join('\n'),
};

describe('tagging caches (word rows with their neighbour rows, combination rows, transition rows)', () => {
  for (const [lang, text] of Object.entries(TEXTS)) {
    const { model } = loadEmbeddedModel(fileURLToPath(new URL(`../../../models/ner/${lang}`, import.meta.url)));
    const sentences = splitSentences(text);
    const plain = decoderOf(model);
    // The same model decoded without any cache: every feature row added one by one.
    const uncached: Decoder = { weights: plain.weights, info: plain.info, allowed: plain.allowed, featureMask: plain.featureMask, scale: plain.scale };
    const expected = tagText(model, text, sentences, uncached);

    it(`${lang}: tags exactly as a decoder without caches, cold and warm`, () => {
      expect(plain.caches).toBeDefined();
      expect(expected.length).toBeGreaterThan(4);
      expect(tagText(model, text, sentences, plain)).toEqual(expected);
      expect(tagText(model, text, sentences, plain)).toEqual(expected);
    });

    it(`${lang}: stays exact when every cache slot is contested (four slots each)`, () => {
      const tiny: Decoder = { ...uncached, caches: tagCaches({ ...uncached, weights: model.weights as SparseWeights }, 4) };
      expect(tagText(model, text, sentences, tiny)).toEqual(expected);
      expect(tagText(model, text, sentences, tiny)).toEqual(expected);
    });
  }
});
