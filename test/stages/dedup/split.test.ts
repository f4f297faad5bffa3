import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { MemoryCorpus } from '../../../pipeline/corpus.ts';
import { createDoc, type Doc } from '../../../pipeline/doc.ts';
import { parseWire, stringifyWire } from '../../../pipeline/wire.ts';
import { createDatesStage } from '../../../stages/dates/index.ts';
import { createDedupStage } from '../../../stages/dedup/index.ts';
import { termHash } from '../../../stages/dedup/xxhash32.ts';
import { packEntry, packSummary, readEntry, readSummary } from '../../../stages/dedup/stored.ts';
import { createSentencesStage } from '../../../stages/sentences/index.ts';

const config = defaultConfig({ dedup: { duplicateThreshold: 0.5, storyThreshold: 0.11 } });

interface Item {
  id: string;
  text: string;
  title?: string;
  published?: string;
}

/** Docs as the per-article stages before dedup leave them (sentences for overlap, dates for mentions). */
async function prepared(items: Item[]): Promise<Doc[]> {
  const sentences = createSentencesStage(config);
  const dates = createDatesStage(config);
  await sentences.init?.();
  await dates.init?.();
  const docs: Doc[] = [];
  for (const item of items) {
    const doc = createDoc({ ...item, source: 'test', lang: 'vi' });
    await sentences.process?.(doc);
    await dates.process?.(doc);
    docs.push(doc);
  }
  return docs;
}

/** How a doc travels to a distributed shard and back (JSON with typed arrays tagged). */
const overTheWire = (doc: Doc): Doc => parseWire<Doc>(stringifyWire(doc));

/**
 * Runs dedup two ways on copies of the same docs: everything in `integrate` (the single-phase path
 * the stage had before `process` existed), and `process` on a structured clone (as a worker
 * thread gets it) whose result is cloned back before the in-order `integrate`.
 */
async function bothWays(docs: Doc[], carry: (doc: Doc) => Doc = structuredClone) {
  const stage = createDedupStage(config);
  await stage.init?.();
  const oneCorpus = new MemoryCorpus();
  const splitCorpus = new MemoryCorpus();
  const one: Doc[] = [];
  const split: Doc[] = [];
  for (const doc of docs) {
    const a = structuredClone(doc);
    await stage.integrate!(a, oneCorpus);
    one.push(a);
    const inWorker = structuredClone(doc);
    await stage.process!(inWorker);
    expect(inWorker.hints.dedup).toBeTruthy();
    expect(inWorker.dedup).toBeNull();
    const b = carry(inWorker);
    await stage.integrate!(b, splitCorpus);
    split.push(b);
  }
  return { stage, one, split, oneCorpus, splitCorpus };
}

const seeds = new URL('../../../../shared/data/seeds/dedup.jsonl', import.meta.url);

describe.skipIf(!existsSync(seeds))('dedup process / integrate split on the seeds', () => {
  it('gives the same layer, index and story summaries as doing everything in integrate', async () => {
    const gold = readFileSync(seeds, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const docs = await prepared(gold.map((r) => ({ id: r.id, text: r.text, title: r.title, published: r.published })));
    const { stage, one, split, oneCorpus, splitCorpus } = await bothWays(docs);
    expect(split.map((d) => d.dedup)).toEqual(one.map((d) => d.dedup));
    expect(split.every((d) => d.hints.dedup === undefined)).toBe(true); // released once integrated
    expect(splitCorpus.snapshot()).toEqual(oneCorpus.snapshot());
    const ids = gold.map((r) => r.id);
    expect(await stage.summarize!(splitCorpus, ids)).toEqual(await stage.summarize!(oneCorpus, ids));
    const wired = await bothWays(docs, overTheWire);
    expect(wired.split.map((d) => d.dedup)).toEqual(one.map((d) => d.dedup));
    expect(wired.splitCorpus.snapshot()).toEqual(oneCorpus.snapshot());
    // The gold: the three 2016 NATO-Russia articles in one story, the two 2021 ones apart.
    const byCluster = new Map<string, Set<string>>();
    gold.forEach((r, i) => byCluster.set(r.cluster, (byCluster.get(r.cluster) ?? new Set()).add(split[i].dedup!.story)));
    expect([...byCluster.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set(split.map((d) => d.dedup!.story)).size).toBe(byCluster.size);
  });
});

describe('dedup process / integrate split with site furniture', () => {
  it('takes recurring lines out in integrate exactly as the single-phase path does', async () => {
    const menu = 'Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao';
    const footer = 'Bản quyền thuộc về Báo Tin Nhanh. Ghi rõ nguồn khi phát hành lại thông tin.';
    const body = (i: number) =>
      `Ngày ${1 + (i % 9)}/7, Bộ Giáo dục công bố kết quả kỳ thi tốt nghiệp năm ${2015 + (i % 3)} tại ${['Hà Nội', 'Đà Nẵng', 'Cần Thơ'][i % 3]}. ` +
      `Theo ông Nguyễn Văn ${['An', 'Bình', 'Cường'][i % 3]}, tỷ lệ đỗ đạt ${90 + (i % 7)} phần trăm, cao hơn năm trước ${i % 4} điểm.\n` +
      `Nhiều thí sinh ở vùng ${['núi', 'biển', 'đồng bằng'][i % 3]} đạt điểm cao môn toán và ngữ văn.`;
    const items = Array.from({ length: 14 }, (_, i) => ({ id: `f${i}`, text: `${menu}\n${body(i)}\n${footer}`, published: `2016-07-${String(10 + (i % 3)).padStart(2, '0')}` }));
    const docs = await prepared(items);
    const { one, split, oneCorpus, splitCorpus } = await bothWays(docs);
    expect(split.map((d) => d.dedup)).toEqual(one.map((d) => d.dedup));
    expect(splitCorpus.snapshot()).toEqual(oneCorpus.snapshot());
    // From the ninth article on the menu is furniture: its terms count in the first eight articles' df only.
    const { keys, counts } = splitCorpus.snapshot().hashCounts['dedup:df'];
    const menuHash = termHash('thời sự');
    expect(counts[keys.indexOf(menuHash)]).toBe(8);
  });
});

describe('story summaries through the split', () => {
  it('keep entity names as the entities layer gave them, a newline inside one included', async () => {
    const text = 'Hãng Toyota và Nissan công bố kế hoạch sản xuất xe điện mới tại Nhật Bản trong năm tới.';
    const docs = await prepared([{ id: 'e1', text }]);
    docs[0].entities = [
      { start: 5, end: 11, label: 'ORG', text: 'USD\nToyota', score: 0.9 },
      { start: 15, end: 21, label: 'ORG', text: 'Nissan', score: 0.9 },
    ];
    const { stage, splitCorpus } = await bothWays(docs);
    const [row] = (await stage.summarize!(splitCorpus, ['e1'])) as { entities: { name: string }[] }[];
    expect(row.entities.map((e) => e.name)).toEqual(['USD\nToyota', 'Nissan']);
  });
});

describe('packed index entries', () => {
  it('round-trip every field (null years, days before 1970, a null date, names with newlines)', () => {
    const entry = {
      seq: 4000000000,
      story: 'bài-1 Đà Nẵng',
      date: null,
      vector: { keys: Uint32Array.from([3, 9]), weights: Float32Array.from([0.6, 0.8]) },
      mentions: [[2016, 16995, 17000], [null, 194, 194], [1960, -3653, -3600]] as [number | null, number, number][],
      shingles: Uint32Array.from([1, 7, 0xffffffff]),
      sentences: [Uint32Array.from([5, 6, 7]), new Uint32Array(0), Uint32Array.from([0xfffffffe])],
      entities: ['USD\nToyota', ''],
    };
    const bytes = packEntry(entry);
    for (const back of [readEntry(bytes), readEntry(Buffer.concat([Buffer.from([0]), bytes]).subarray(1))]) {
      expect(back.seq).toBe(entry.seq);
      expect([back.story, back.date]).toEqual(['bài-1 Đà Nẵng', null]);
      expect([...back.vector.keys]).toEqual([3, 9]);
      expect([...back.vector.weights]).toEqual([...entry.vector.weights]);
      expect(back.mentions).toEqual(entry.mentions);
      expect([...back.shingles]).toEqual([...entry.shingles]);
      expect(back.sentences.map((s) => [...s])).toEqual([[5, 6, 7], [], [0xfffffffe]]);
      expect(back.entities).toEqual(entry.entities);
    }
    const empty = { ...entry, date: '2016-07-13', vector: { keys: new Uint32Array(0), weights: new Float32Array(0) }, mentions: [], shingles: new Uint32Array(0), sentences: [], entities: [] };
    expect(readEntry(packEntry(empty))).toMatchObject({ date: '2016-07-13', mentions: [], sentences: [], entities: [] });
    const summary = { story: 'bài-1', date: null, dup: 'x', top: ['hội đàm', 'NATO'], entities: ['USD\nToyota'] };
    expect(readSummary(packSummary(summary))).toEqual(summary);
  });
});
