import { describe, expect, it } from 'vitest';
import { groupEntities, tagUnits, type ScoredPiece } from '../../../stages/entities/transformers/aggregate.ts';
import { alignPieces } from '../../../stages/entities/transformers/align.ts';
import { WindowBatcher } from '../../../stages/entities/transformers/batcher.ts';
import { labelScheme, parseTag } from '../../../stages/entities/transformers/labels.ts';
import { isHubId } from '../../../stages/entities/transformers/locate.ts';
import { pieceScheme, pieceSurface } from '../../../stages/entities/transformers/pieces.ts';
import { planWindows, windowOwners } from '../../../stages/entities/transformers/windows.ts';

describe('labels', () => {
  it('reads BIO, BIOES and BILOU prefixes, and unprefixed IO labels as inside', () => {
    expect(parseTag('B-PER')).toEqual({ prefix: 'B', type: 'PER' });
    expect(parseTag('E-ORG')).toEqual({ prefix: 'E', type: 'ORG' });
    expect(parseTag('U-LOC')).toEqual({ prefix: 'S', type: 'LOC' });
    expect(parseTag('L-LOC')).toEqual({ prefix: 'E', type: 'LOC' });
    expect(parseTag('LOC')).toEqual({ prefix: 'I', type: 'LOC' });
    expect(parseTag('O')).toEqual({ prefix: 'O', type: 'O' });
  });

  it('maps OntoNotes and CoNLL types to the four labels, drops non-names and reports unknown types', () => {
    const scheme = labelScheme({ 0: 'O', 1: 'B-PERSON', 2: 'I-GPE', 3: 'B-NORP', 4: 'B-DATE', 5: 'B-org', 6: 'B-ANIMAL' }, 7);
    expect(scheme.mapped).toEqual([null, 'PER', 'LOC', 'MISC', null, 'ORG', null]);
    expect(scheme.unknownTypes).toEqual(['ANIMAL']);
  });
});

describe('piece surfaces', () => {
  it('strips WordPiece continuations', () => {
    const scheme = pieceScheme({ model: { type: 'WordPiece', continuing_subword_prefix: '##' } });
    expect(pieceSurface('##ton', scheme)).toBe('ton');
    expect(pieceSurface('##', scheme)).toBe('##');
  });

  it('reads SentencePiece word starts as spaces', () => {
    const scheme = pieceScheme({ model: { type: 'Unigram' }, pre_tokenizer: { type: 'Metaspace', replacement: '▁' } });
    expect(pieceSurface('▁Hà', scheme)).toBe('Hà');
    expect(pieceSurface('▁', scheme)).toBe('');
  });

  it('decodes GPT-2 byte-level pieces, and gives up on a partial character', () => {
    const scheme = pieceScheme({
      model: { type: 'BPE' },
      pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'ByteLevel' }] } as never,
    });
    expect(pieceSurface('ĠNa', scheme)).toBe('Na');
    expect(pieceSurface('Ã©', scheme)).toBe('é'); // é = C3 A9
    expect(pieceSurface('Ã', scheme)).toBeNull();
  });
});

describe('aligning pieces to the text', () => {
  const slice = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

  it('finds lower-cased, accent-stripped pieces in the original text', () => {
    const text = 'Hội đàm ở Moscow';
    const spans = alignPieces(text, 0, text.length, ['hoi', 'đam', 'o', 'mos', 'cow']);
    expect(slice(text, spans)).toEqual(['Hội', 'đàm', 'ở', 'Mos', 'cow']);
  });

  it('gives unknown pieces the words between their neighbours, one each', () => {
    const text = 'NATO và Nga, Moscow';
    const spans = alignPieces(text, 0, text.length, ['nato', null, null, ',', 'moscow']);
    expect(slice(text, spans)).toEqual(['NATO', 'và', 'Nga', ',', 'Moscow']);
  });

  it('splits an unknown gap at punctuation when white space is not enough', () => {
    const text = 'x «Đà» y';
    const spans = alignPieces(text, 0, text.length, ['x', null, null, null, 'y']);
    expect(slice(text, spans)).toEqual(['x', '«', 'Đà', '»', 'y']);
  });

  it('works inside a sentence span and keeps combining marks with their letter', () => {
    const text = 'a. Cafe\u0301 Ukraine';
    const spans = alignPieces(text, 3, text.length, ['cafe', 'ukraine']);
    expect(spans).toEqual([
      { start: 3, end: 8 },
      { start: 9, end: 16 },
    ]);
  });

  it('matches compatibility forms (NFKC-normalizing tokenizers)', () => {
    const text = 'ﬁnal Ｎａｔｏ';
    expect(slice(text, alignPieces(text, 0, text.length, ['final', 'nato']))).toEqual(['ﬁnal', 'Ｎａｔｏ']);
  });
});

describe('windows', () => {
  const bounds = (sentenceStarts: number[], continuations: number[] = []) => ({
    sentenceStart: (i: number) => sentenceStarts.includes(i),
    wordStart: (i: number) => !continuations.includes(i),
  });

  it('packs whole sentences into a window when they fit', () => {
    expect(planWindows(10, 6, 2, bounds([0, 3, 5, 8]))).toEqual([
      { from: 0, to: 5 },
      { from: 5, to: 10 },
    ]);
  });

  it('cuts a long sentence before a word and overlaps the next window', () => {
    const windows = planWindows(20, 8, 3, bounds([0], [8, 9]));
    expect(windows[0]).toEqual({ from: 0, to: 7 }); // 7 begins a word; 8 and 9 continue it
    expect(windows[1]!.from).toBe(4);
    expect(windows.at(-1)!.to).toBe(20);
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.from).toBeLessThan(windows[i - 1]!.to);
  });

  it('gives each piece to the window where it has the most context, earlier on ties', () => {
    const owners = windowOwners(
      [
        { from: 0, to: 10 },
        { from: 6, to: 16 },
      ],
      16,
    );
    expect([...owners]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('aggregation', () => {
  const scheme = labelScheme({ 0: 'O', 1: 'B-PER', 2: 'I-PER', 3: 'B-LOC', 4: 'I-LOC', 5: 'S-ORG', 6: 'E-LOC' }, 7);
  const piece = (start: number, end: number, label: number, score: number, continues = false, sentence = 0): ScoredPiece => ({
    start,
    end,
    label,
    score,
    continues,
    sentence,
  });

  it('first, max and simple differ on a word whose pieces disagree', () => {
    const text = 'Parisberg';
    const pieces = [piece(0, 5, 3, 0.6), piece(5, 9, 2, 0.9, true)];
    expect(groupEntities(text, tagUnits(pieces, 'first'), scheme).map((e) => [e.text, e.label])).toEqual([['Parisberg', 'LOC']]);
    expect(groupEntities(text, tagUnits(pieces, 'max'), scheme).map((e) => [e.text, e.label])).toEqual([['Parisberg', 'PER']]);
    expect(groupEntities(text, tagUnits(pieces, 'simple'), scheme).map((e) => [e.text, e.label])).toEqual([
      ['Paris', 'LOC'],
      ['berg', 'PER'],
    ]);
  });

  it('groups B then I of one type, splits on B, type change, O, S, E and sentence ends', () => {
    const text = 'a b c d e f g h i';
    const at = (k: number) => [2 * k, 2 * k + 1] as const;
    const units = [
      piece(...at(0), 1, 1), // B-PER  a
      piece(...at(1), 2, 1), // I-PER  b   → "a b"
      piece(...at(2), 1, 1), // B-PER  c   → new
      piece(...at(3), 4, 1), // I-LOC  d   → new (type)
      piece(...at(4), 6, 1), // E-LOC  e   → joins d, closes
      piece(...at(5), 4, 1), // I-LOC  f   → new after E
      piece(...at(6), 5, 1), // S-ORG  g
      piece(...at(7), 2, 1, false, 0), // I-PER h
      piece(...at(8), 2, 1, false, 1), // I-PER i (next sentence) → new
    ];
    expect(groupEntities(text, tagUnits(units, 'simple'), scheme).map((e) => [e.text, e.label, e.sourceLabel])).toEqual([
      ['a b', 'PER', 'B-PER'],
      ['c', 'PER', 'B-PER'],
      ['d e', 'LOC', 'I-LOC'],
      ['f', 'LOC', 'I-LOC'],
      ['g', 'ORG', 'S-ORG'],
      ['h', 'PER', 'I-PER'],
      ['i', 'PER', 'I-PER'],
    ]);
  });
});

describe('model names', () => {
  it('tells hub ids from paths', () => {
    expect(isHubId('Xenova/bert-base-multilingual-cased-ner-hrl')).toBe(true);
    expect(isHubId('dslim/bert-base-NER')).toBe(true);
    expect(isHubId('./models/x')).toBe(false);
    expect(isHubId('/abs/dir')).toBe(false);
    expect(isHubId('a/b/c')).toBe(false);
  });
});

describe('batching windows across articles', () => {
  /** A fake model: label = the piece id, score = the call number; records each call's window lengths. */
  function fakeModel() {
    const calls: number[][] = [];
    const run = async (windows: Int32Array[]) => {
      calls.push(windows.map((w) => w.length));
      return windows.map((w) => ({ labels: Int32Array.from(w), scores: new Float32Array(w.length).fill(calls.length) }));
    };
    return { calls, run };
  }

  it('puts windows submitted together into shared calls, longest first, and answers each its own', async () => {
    const { calls, run } = fakeModel();
    const batcher = new WindowBatcher(run, 2);
    const windows = [[1], [2, 3, 4], [5, 6], [7, 8, 9, 10], [11]].map((w) => Int32Array.from(w));
    const answers = await Promise.all(windows.map((w) => batcher.predict(w)));
    expect(calls).toEqual([[4, 3], [2, 1], [1]]);
    expect(answers.map((a) => [...a.labels])).toEqual(windows.map((w) => [...w]));
  });

  it('collects what arrives during a call into the next one', async () => {
    const { calls, run } = fakeModel();
    const batcher = new WindowBatcher(run, 8);
    const first = batcher.predict(Int32Array.from([1]));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [batcher.predict(Int32Array.from([2])), batcher.predict(Int32Array.from([3, 4]))];
    await Promise.all([first, ...later]);
    expect(calls).toEqual([[1], [2, 1]]);
  });

  it('rejects the windows of a failed call and goes on with the others', async () => {
    let call = 0;
    const batcher = new WindowBatcher(async (windows) => {
      if (call++ === 0) throw new Error('model failed');
      return windows.map((w) => ({ labels: Int32Array.from(w), scores: new Float32Array(w.length) }));
    }, 1);
    const [a, b] = await Promise.allSettled([batcher.predict(Int32Array.from([1, 2])), batcher.predict(Int32Array.from([3]))]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
  });
});
