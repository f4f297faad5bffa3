import { describe, expect, it } from 'vitest';
import { NO_FEATURE, NO_LEXICON, SENTENCE_FEATURES, STATIC_FEATURES, staticFeatures, viewSentence, type Lexicon } from '../../../stages/entities/embedded/features.ts';
import { DocumentMemory } from '../../../stages/entities/embedded/memory.ts';
import { tagInfo } from '../../../stages/entities/embedded/labels.ts';
import { endingSet, endingsOf, stemHash, stemLength } from '../../../stages/entities/embedded/stems.ts';
import { decodeModel } from '../../../stages/entities/embedded/model.ts';
import { trainModel } from '../../../stages/entities/embedded/train.ts';
import { tokenize } from '../../../stages/entities/embedded/tokenize.ts';

const ru = endingSet(endingsOf('ru'));

describe('stems', () => {
  it('give the case forms of a name one stem, keeping at least three letters', () => {
    const forms = ['москва', 'москвы', 'москве', 'москву', 'москвой'].map((w) => stemHash(w, ru));
    expect(new Set(forms).size).toBe(1);
    expect(stemLength('москва', ru)).toBe(5);
    expect(stemLength('ива', ru)).toBe(3); // 'ива' less 'а' would keep two letters
    expect(stemHash('берлин', ru)).not.toBe(stemHash('бер', ru));
    const pl = endingSet(endingsOf('pl'));
    expect(new Set(['polska', 'polski', 'polskę', 'polską'].map((w) => stemHash(w, pl))).size).toBe(1);
  });

  it('are off for a language without endings', () => {
    expect(endingsOf('vi')).toEqual([]);
    const view = viewSentence(tokenize('Ông Putin tới Moskva'), NO_LEXICON);
    expect(view.stem).toBeNull();
    const out = new Int32Array(view.length * STATIC_FEATURES);
    staticFeatures(view, 2 ** 21 - 1, out);
    for (let k = 43; k <= 48; k++) expect(out[k]).toBe(NO_FEATURE);
  });

  it('find a listed name in another case form through the stem gazetteer', () => {
    const model = decodeModel(
      trainModel({
        lang: 'ru',
        train: [{ id: 'a', lang: 'ru', text: 'Он живёт в Москва .', entities: [{ start: 11, end: 17, label: 'LOC' }] }],
        dev: [],
        epochs: 1,
        seed: 1,
        bits: 16,
        folds: 1,
        endings: endingsOf('ru'),
        log: () => {},
      }).bytes,
    );
    expect(model.header.endings).toEqual(endingsOf('ru'));
    const view = viewSentence(tokenize('Он живёт в Москве .'), model.lexicon);
    expect(view.gaz[3]).toBe(0); // the word as written is not listed
    expect(view.stemGaz![3]).toBe(1 << 1); // its stem is, as a LOC
  });

  it('carry the document memory from one case form to another', () => {
    const lexicon: Lexicon = { ...NO_LEXICON, endings: ru };
    const info = tagInfo(['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC']);
    const memory = new DocumentMemory();
    const first = viewSentence(tokenize('Мэр Москвы сказал'), lexicon);
    memory.remember(first, [0, 3, 0], info);
    const later = viewSentence(tokenize('В Москве тепло'), lexicon);
    expect(memory.recall(later.word[1])).toBe(0);
    expect(memory.recallStem(later.stem![1])).toBe(1 + info.type[3]);
    expect(SENTENCE_FEATURES + 3).toBe(STATIC_FEATURES);
  });
});
