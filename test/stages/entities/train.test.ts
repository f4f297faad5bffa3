import { describe, expect, it } from 'vitest';
import type { GoldDoc } from '../../../stages/entities/embedded/gold.ts';
import { splitSentences } from '../../../stages/entities/embedded/gold.ts';
import { decodeModel } from '../../../stages/entities/embedded/model.ts';
import { tagText } from '../../../stages/entities/embedded/tagger.ts';
import { trainModel } from '../../../stages/entities/embedded/train.ts';
import { SEQUENCE_SEED, sequenceStep } from '../../../stages/entities/embedded/features.ts';
import { hashString } from '../../../stages/entities/embedded/hash.ts';
import { tokenize } from '../../../stages/entities/embedded/tokenize.ts';

const PEOPLE = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng', 'Phạm Minh Chính', 'Võ Thị Hồng'];
const PLACES = ['Hà Nội', 'Đà Nẵng', 'Cần Thơ', 'Hải Phòng', 'Nghệ An'];
const ORGS = ['Bộ Y tế', 'Ngân hàng Nhà nước', 'Đại học Huế'];

/** Synthetic articles: `Ông <PER> đến <LOC> làm việc với <ORG>.` in several orders. */
function corpus(count: number, offset = 0): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (let d = 0; d < count; d++) {
    let text = '';
    const entities: GoldDoc['entities'] = [];
    for (let s = 0; s < 3; s++) {
      const k = d * 3 + s + offset;
      const parts: [string, 'PER' | 'LOC' | 'ORG' | null][] = [
        ['Hôm nay ông ', null],
        [PEOPLE[k % PEOPLE.length], 'PER'],
        [' đến ', null],
        [PLACES[(k * 7) % PLACES.length], 'LOC'],
        [' làm việc với ', null],
        [ORGS[(k * 3) % ORGS.length], 'ORG'],
        ['. ', null],
      ];
      for (const [piece, label] of parts) {
        if (label) entities.push({ start: text.length, end: text.length + piece.length, label });
        text += piece;
      }
    }
    docs.push({ id: `d${d}`, lang: 'vi', text: text.trim(), entities });
  }
  return docs;
}

const options = { lang: 'vi', dev: [], epochs: 3, seed: 7, bits: 16, folds: 2, log: () => {} };

describe('embedded NER training', () => {
  it('learns names in context and tags a new combination after the shipped round trip', () => {
    const { bytes } = trainModel({ ...options, train: corpus(40) });
    const model = decodeModel(bytes);
    const text = 'Hôm nay ông Lê Hoàng đến Cần Thơ làm việc với Bộ Y tế.';
    const spans = tagText(model, text, splitSentences(text));
    expect(spans.map((s) => [s.text, s.label])).toEqual([
      ['Lê Hoàng', 'PER'],
      ['Cần Thơ', 'LOC'],
      ['Bộ Y tế', 'ORG'],
    ]);
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic for a seed and reports dev F1 per epoch', () => {
    const dev = [{ name: 'dev', docs: corpus(5, 1000) }];
    const a = trainModel({ ...options, train: corpus(20), dev });
    const b = trainModel({ ...options, train: corpus(20), dev });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(a.epochs).toHaveLength(3);
    expect(a.epochs[2].dev[0].f1).toBeGreaterThan(0.9);
  });

  it('follows the corpus it visits more often where two corpora disagree', () => {
    // The same sentences, one corpus calling the ministry ORG, the other LOC.
    const orgs = corpus(20);
    const locs = corpus(20, 0).map((d) => ({
      ...d,
      id: `loc-${d.id}`,
      entities: d.entities.map((e) => (d.text.slice(e.start, e.end) === 'Bộ Y tế' ? { ...e, label: 'LOC' as const } : e)),
    }));
    const train = [...orgs, ...locs];
    const text = 'Hôm nay ông Lê Hoàng đến Cần Thơ làm việc với Bộ Y tế.';
    const labelOf = (visits: number[]) => {
      const model = decodeModel(trainModel({ ...options, train, visits }).bytes);
      return tagText(model, text, splitSentences(text)).find((s) => s.text === 'Bộ Y tế')?.label;
    };
    expect(labelOf([...orgs.map(() => 3), ...locs.map(() => 1)])).toBe('ORG');
    expect(labelOf([...orgs.map(() => 1), ...locs.map(() => 3)])).toBe('LOC');
    const plain = trainModel({ ...options, train });
    const ones = trainModel({ ...options, train, visits: train.map(() => 1) });
    expect(Buffer.compare(plain.bytes, ones.bytes)).toBe(0);
  });

  it('hides identity features and document memory in a seeded share of visits, and only when asked', () => {
    const train = corpus(20);
    const plain = trainModel({ ...options, train });
    const zero = trainModel({ ...options, train, hide: 0, isolated: 0 });
    expect(Buffer.compare(plain.bytes, zero.bytes)).toBe(0);
    const a = trainModel({ ...options, train, hide: 0.5, isolated: 0.5 });
    const b = trainModel({ ...options, train, hide: 0.5, isolated: 0.5 });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(Buffer.compare(a.bytes, plain.bytes)).not.toBe(0);
    // Context alone still finds the names: the model tags a sentence of unseen names.
    const model = decodeModel(a.bytes);
    const text = 'Hôm nay ông Đỗ Quang Khải đến Cần Thơ làm việc với Bộ Y tế.';
    expect(tagText(model, text, splitSentences(text)).map((s) => [s.text, s.label])).toContainEqual(['Đỗ Quang Khải', 'PER']);
  });

  it('lists the names of other corpora in the gazetteer of every document and of the shipped model', () => {
    const listed: GoldDoc[] = [{ id: 'x1', lang: 'en', text: 'Visit Rio de Janeiro.', entities: [{ start: 6, end: 20, label: 'LOC' }] }];
    const plain = trainModel({ ...options, train: corpus(20) });
    const withListed = trainModel({ ...options, train: corpus(20), listed });
    expect(withListed.header.gazetteer).toBe(plain.header.gazetteer + 1);
    const model = decodeModel(withListed.bytes);
    let h = SEQUENCE_SEED;
    for (const t of tokenize('Rio de Janeiro')) h = sequenceStep(h, hashString(t.text));
    expect(model.lexicon.gazetteer(h)).toBe(1 << 1); // LOC
    expect(decodeModel(plain.bytes).lexicon.gazetteer(h)).toBe(0);
  });
});
