import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { MemoryCorpus, type Corpus } from '../../../pipeline/corpus.ts';
import { createDoc, type Doc } from '../../../pipeline/doc.ts';
import { createDedupStage, createDedupStageWith } from '../../../stages/dedup/index.ts';
import { evaluateDedup } from '../../../stages/dedup/evaluate.ts';

const config = defaultConfig({ dedup: { duplicateThreshold: 0.5, storyThreshold: 0.11 } });
/** Stages keep no corpus state, so one instance serves every test (each test has its own corpus). */
const sharedStage = createDedupStage(config);

/** Seeded pseudo-Vietnamese text: `topic` picks the vocabulary, so articles on one topic share words. */
function article(seed: number, topic: number, words = 220): string {
  let s = seed * 7919 + 17;
  const next = () => ((s = (s * 48271) % 2147483647), s / 2147483647);
  const vocab = Array.from({ length: 300 }, (_, i) => `${['tr', 'ng', 'kh', 'ph', 'th'][(i + topic) % 5]}${'aeiouy'[i % 6]}${topic}x${i}`);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocab[Math.floor(next() * vocab.length)] + (i % 20 === 19 ? '.' : ''));
  return out.join(' ');
}

function edit(text: string, every: number): string {
  return text
    .split(' ')
    .map((w, i) => (i % every === 0 ? 'sửa' : w))
    .join(' ');
}

async function run(stage = sharedStage, corpus: Corpus, items: { id: string; text: string; published?: string }[]): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const { id, text, published } of items) {
    const doc = createDoc({ id, source: 'test', text, lang: 'vi', published });
    await stage.integrate!(doc, corpus);
    docs.push(doc);
  }
  return docs;
}

describe('dedup stage', () => {
  it('marks an edited copy as a duplicate of its original, with its Jaccard, and leaves unrelated articles alone', async () => {
    const original = article(1, 1);
    const docs = await run(undefined, new MemoryCorpus(), [
      { id: 'a', text: original },
      { id: 'b', text: article(2, 2) },
      { id: 'a-copy', text: edit(original, 40) },
    ]);
    expect(docs[0].dedup).toMatchObject({ duplicateOf: null, story: 'a' });
    expect(docs[1].dedup).toMatchObject({ duplicateOf: null, story: 'b' });
    expect(docs[2].dedup!.duplicateOf).toBe('a');
    expect(docs[2].dedup!.jaccard).toBeGreaterThan(0.5);
    expect(docs[2].dedup!.jaccard).toBeLessThan(1);
    expect(docs[2].dedup!.story).toBe('a');
    expect(docs[2].dedup!.similar[0].id).toBe('a');
    expect(docs[2].versions.dedup).toBeTruthy();
  });

  it('reports sentences an earlier similar article already carried', async () => {
    const shared = 'Thủ tướng phát biểu tại hội nghị về phát triển kinh tế số và chuyển đổi năng lượng.';
    const make = (seed: number) => `${article(seed, 3, 120)} ${shared} ${article(seed + 50, 3, 60)}`;
    const stage = sharedStage;
    const texts = [make(5), make(6)];
    const docs: Doc[] = [];
    const corpus = new MemoryCorpus();
    for (const [i, text] of texts.entries()) {
      const doc = createDoc({ id: `s${i}`, source: 'test', text, lang: 'vi' });
      const at = text.indexOf(shared);
      doc.sentences = [{ start: 0, end: at - 1 }, { start: at, end: at + shared.length }, { start: at + shared.length + 1, end: text.length }];
      await stage.integrate!(doc, corpus);
      docs.push(doc);
    }
    expect(docs[1].dedup!.story).toBe('s0');
    expect(docs[1].dedup!.overlap).toContainEqual({ sentence: 1, id: 's0', score: 1 });
  });

  it('does not let shared site furniture make unrelated articles alike', async () => {
    const furniture = 'Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao\nChia sẻ Facebook Twitter Zalo';
    const footer = 'Bản quyền thuộc về Báo Tin Nhanh. Ghi rõ nguồn khi phát hành lại thông tin.';
    const items = Array.from({ length: 14 }, (_, i) => ({ id: `p${i}`, text: `${furniture}\n${article(100 + i, 10 + i, 60)}\n${footer}` }));
    const docs = await run(undefined, new MemoryCorpus(), items);
    expect(docs.slice(9).every((d) => d.dedup!.duplicateOf === null && d.dedup!.story === d.article.id)).toBe(true);
  });

  it('gives the same output whatever runs before it in another corpus (order-stable, no shared state)', async () => {
    const items = [0, 1, 2, 3].map((i) => ({ id: `o${i}`, text: i === 3 ? edit(article(0, 4), 30) : article(i, 4 + (i % 2)) }));
    const first = await run(undefined, new MemoryCorpus(), items);
    await run(undefined, new MemoryCorpus(), [{ id: 'noise', text: article(9, 9) }]);
    const second = await run(undefined, new MemoryCorpus(), items);
    expect(second.map((d) => d.dedup)).toEqual(first.map((d) => d.dedup));
  });

  it("deduplicates tomorrow's dump against today's through a persisted index", async () => {
    const today = new MemoryCorpus();
    await run(undefined, today, [{ id: 'today', text: article(7, 7) }]);
    const restored = MemoryCorpus.fromSnapshot(JSON.parse(JSON.stringify(today.snapshot())));
    const [doc] = await run(createDedupStage(config), restored, [{ id: 'tomorrow', text: edit(article(7, 7), 50) }]);
    expect(doc.dedup!.duplicateOf).toBe('today');
  });

  it('reads a bounded number of keys per article however large the index grows', async () => {
    const corpus = new MemoryCorpus();
    let longest = 0;
    let calls = 0;
    const counting = new Proxy(corpus, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          calls++;
          const result = await value.apply(target, args);
          if (prop === 'list') longest = Math.max(longest, (result as unknown[]).length);
          return result;
        };
      },
    }) as Corpus;
    const stage = createDedupStageWith(config, { pageSize: 10 });
    const perArticle: number[] = [];
    for (let i = 0; i < 60; i++) {
      const before = calls;
      await run(stage, counting, [{ id: `n${i}`, text: article(i, 20, 120) }]);
      perArticle.push(calls - before);
    }
    expect(longest).toBeLessThanOrEqual(10);
    // counts 3; lists: 42 bands + 2 pages x 24 query terms; gets: 2 x 40 candidates; writes: 5 + 42 + 12.
    expect(Math.max(...perArticle)).toBeLessThanOrEqual(3 + 42 + 48 + 80 + 5 + 42 + 12);
  });

  it('summarises each story cluster with members, dates and entities', async () => {
    const stage = sharedStage;
    const corpus = new MemoryCorpus();
    const base = article(30, 30);
    await run(stage, corpus, [
      { id: 'x1', text: `Ông Nguyễn Văn An nói. ${base}`, published: '2024-03-01' },
      { id: 'x2', text: `Ông Nguyễn Văn An nói. ${edit(base, 25)}`, published: '2024-03-02' },
      { id: 'y1', text: article(31, 31), published: '2024-03-02' },
    ]);
    const rows = (await stage.summarize!(corpus, ['x1', 'x2', 'y1'])) as any[];
    expect(stage.sideOutput).toBe('stories');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ story: 'x1', size: 2, first: '2024-03-01', last: '2024-03-02' });
    expect(rows[0].members.map((m: any) => m.id)).toEqual(['x1', 'x2']);
    expect(rows[0].members[1].duplicateOf).toBe('x1');
    expect(rows[0].entities[0]).toEqual({ name: 'Nguyễn Văn An', articles: 2 });
  });
});

const seeds = new URL('../../../../shared/data/seeds/dedup.jsonl', import.meta.url);
describe.skipIf(!existsSync(seeds))('dedup on the seeds', () => {
  it('finds the gold story clusters exactly: the 2016 NATO-Russia talks together, the 2021 crisis apart', async () => {
    const gold = readFileSync(seeds, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const result = await evaluateDedup(gold, config);
    expect(result.metrics).toMatchObject({ bcubedF1: 1, ari: 1 });
  });
});
