import { describe, expect, it } from 'vitest';
import { splitSentences, type GoldDoc } from '../../../stages/entities/embedded/gold.ts';
import { STATIC_FEATURES, staticFeatures, viewSentence } from '../../../stages/entities/embedded/features.ts';
import { decodeModel } from '../../../stages/entities/embedded/model.ts';
import { decoderOf, tagText } from '../../../stages/entities/embedded/tagger.ts';
import { viterbi } from '../../../stages/entities/embedded/viterbi.ts';
import { tokenize } from '../../../stages/entities/embedded/tokenize.ts';
import { trainModel } from '../../../stages/entities/embedded/train.ts';

describe('names cut by a sentence split', () => {
  // `Bộ Công. Thương` is one name (a corpus that printed a conjunction as a full stop), which the
  // tagger meets cut in two by the sentence split.
  const PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng', 'Phạm Minh Chính'];
  function corpus(count: number): GoldDoc[] {
    return Array.from({ length: count }, (_, d) => {
      const person = PEOPLE[d % PEOPLE.length];
      const text = `Hôm nay ông ${person} làm việc với Bộ Công. Thương ở đây`;
      const org = text.indexOf('Bộ');
      return {
        id: `d${d}`,
        lang: 'vi',
        text,
        entities: [
          { start: 12, end: 12 + person.length, label: 'PER' as const },
          { start: org, end: org + 'Bộ Công. Thương'.length, label: 'ORG' as const },
        ],
      };
    });
  }

  it('lets the sentence after a full stop tagged inside a name go on with that name', () => {
    const model = decodeModel(trainModel({ lang: 'vi', train: corpus(20), dev: [], epochs: 3, seed: 7, bits: 16, folds: 2, log: () => {} }).bytes);
    const text = 'Hôm nay ông Lê Hoàng làm việc với Bộ Công. Thương ở đây';
    const [, second] = splitSentences(text);
    expect(second).toBeDefined();
    const view = viewSentence(tokenize(text, second.start, second.end), model.lexicon);
    const statics = new Int32Array(view.length * STATIC_FEATURES);
    staticFeatures(view, model.featureMask, statics);
    const decoder = decoderOf(model);
    const tags = new Uint8Array(view.length);
    const inside = model.header.tags.indexOf('I-ORG');
    viterbi(decoder, view, statics, tags, undefined, inside);
    expect(model.header.tags[tags[0]]).toBe('I-ORG');
    viterbi(decoder, view, statics, tags);
    expect(model.header.tags[tags[0]]).not.toBe('I-ORG'); // a sentence start has no name to go on with
  });

  it('learns with --split-names to run a name on over the split, one span, not across a line break', () => {
    const model = decodeModel(trainModel({ lang: 'vi', train: corpus(20), dev: [], epochs: 3, seed: 7, bits: 16, folds: 2, splitNames: true, log: () => {} }).bytes);
    const text = 'Hôm nay ông Trần Thị Bình làm việc với Bộ Công. Thương ở đây';
    expect(tagText(model, text, splitSentences(text)).map((s) => [s.text, s.label])).toEqual([
      ['Trần Thị Bình', 'PER'],
      ['Bộ Công. Thương', 'ORG'],
    ]);
    const lines = 'Hôm nay ông Trần Thị Bình làm việc với Bộ Công.\nThương ở đây';
    expect(tagText(model, lines, splitSentences(lines)).map((s) => s.text)).not.toContain('Bộ Công.\nThương');
  });
});
