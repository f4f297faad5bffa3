import { franc } from 'franc';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Article } from './article.ts';
import { percentile } from './evaluate/metrics.ts';

/**
 * What a user would otherwise reach for, run over the same articles in the same bench run, so
 * every figure is a ratio measured side by side. Each runs single-threaded on the main thread.
 */
export interface BaselineResult {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  mbPerSecond: number;
  p50ms: number;
  p95ms: number;
  note?: string;
}

export type Baseline = (articles: Article[], workDir: string) => Promise<BaselineResult>;

function articleText(article: Article): string {
  return article.text ?? article.html ?? '';
}

async function timeEach(articles: Article[], fn: (article: Article) => unknown): Promise<BaselineResult> {
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (const article of articles) {
    const t = performance.now();
    fn(article);
    times.push(performance.now() - t);
    bytes += Buffer.byteLength(articleText(article));
  }
  return summarise(articles.length, bytes, (performance.now() - started) / 1000, times);
}

function summarise(n: number, bytes: number, seconds: number, times: number[], note?: string): BaselineResult {
  return {
    articles: n,
    seconds,
    articlesPerSecond: n / Math.max(seconds, 1e-9),
    mbPerSecond: bytes / 1e6 / Math.max(seconds, 1e-9),
    p50ms: percentile(times, 50),
    p95ms: percentile(times, 95),
    ...(note ? { note } : {}),
  };
}

export const BASELINES: Record<string, Baseline> = {
  /** Serialise and write every article unchanged: the I/O floor (reading and parsing are timed by the caller). */
  async passthrough(articles, workDir) {
    const out = createWriteStream(join(workDir, 'passthrough.jsonl'));
    const result = await timeEach(articles, (a) => out.write(`${JSON.stringify({ id: a.id, text: articleText(a) })}\n`));
    await new Promise<void>((resolve) => out.end(resolve));
    return result;
  },
  /** franc on its own, all its languages (its default). */
  franc: async (articles) => timeEach(articles, (a) => franc(articleText(a))),
  /** ICU sentence segmentation on its own. */
  'intl-segmenter': async (articles) => {
    const segmenters = new Map<string, Intl.Segmenter>();
    return timeEach(articles, (a) => {
      const lang = a.lang ?? 'und';
      let seg = segmenters.get(lang);
      if (!seg) segmenters.set(lang, (seg = new Intl.Segmenter(lang, { granularity: 'sentence' })));
      let n = 0;
      for (const _ of seg.segment(articleText(a))) n++;
      return n;
    });
  },
  /** chrono-node on its own, in the article's language where chrono has a locale (vi, en). */
  'chrono-node': async (articles) => {
    const chrono = (await import('../stages/dates/chrono.ts')).chronoLibrary();
    return timeEach(articles, (a) => {
      const ref = a.published ? new Date(a.published) : undefined;
      return a.lang === 'vi' ? chrono.vi.parse(articleText(a), ref) : chrono.parse(articleText(a), ref);
    });
  },
  /** Exhaustive pairwise shingle Jaccard on a sample: what dedup without an index costs per article. */
  async 'pairwise-jaccard'(articles) {
    const { shingles, jaccard } = await import('../stages/dedup/index.ts');
    const sample = articles.slice(0, 1000);
    const sets = sample.map((a) => shingles(articleText(a)));
    const times: number[] = [];
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < sets.length; i++) {
      const t = performance.now();
      for (let j = 0; j < i; j++) jaccard(sets[i], sets[j]);
      times.push(performance.now() - t);
      bytes += Buffer.byteLength(articleText(sample[i]));
    }
    const seconds = (performance.now() - started) / 1000;
    return summarise(sample.length, bytes, seconds, times, `sample of ${sample.length}; per-article cost grows linearly with the corpus`);
  },
};
