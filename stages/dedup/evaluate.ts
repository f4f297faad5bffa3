import type { Article } from '../../pipeline/article.ts';
import type { PipelineConfig } from '../../pipeline/config.ts';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { createDoc, type Doc } from '../../pipeline/doc.ts';
import type { EvalExample, EvalResult, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import { adjustedRandIndex, bcubed } from '../../pipeline/evaluate/metrics.ts';
import { createDatesStage } from '../dates/index.ts';
import { createSentencesStage } from '../sentences/index.ts';
import { dedupArticle, DedupResources } from './engine.ts';
import { resolveOptions, type DedupOptions } from './options.ts';

/** A gold dedup record (`dedup` format of FORMATS.md). */
export interface DedupGold {
  id: string;
  lang?: string;
  published?: string;
  title?: string;
  text: string;
  cluster: string;
}

function toArticle(r: DedupGold): Article {
  return { id: r.id, source: 'gold', text: r.text, lang: r.lang, published: r.published, title: r.title };
}

/**
 * Runs what dedup reads before it, sentences (for overlap) and dates (the anchor, and the dates
 * an undated article mentions), then dedup, on the gold texts in file order (one fresh corpus).
 */
export async function predictStories(records: DedupGold[], config: PipelineConfig, extra: Partial<DedupOptions> = {}): Promise<Doc[]> {
  const options = resolveOptions(config.dedup, extra);
  const resources = new DedupResources();
  const sentences = createSentencesStage(config);
  const dates = createDatesStage(config);
  await sentences.init?.();
  await dates.init?.();
  const corpus = new MemoryCorpus();
  const docs: Doc[] = [];
  for (const r of records) {
    const doc = createDoc(toArticle(r));
    await sentences.process?.(doc);
    await dates.process?.(doc);
    doc.dedup = (await dedupArticle(doc, corpus, resources, options)).info;
    docs.push(doc);
  }
  return docs;
}

export function scoreClusters(gold: Map<string, string>, predicted: Map<string, string>) {
  const b = bcubed(gold, predicted);
  return { bcubedPrecision: b.precision, bcubedRecall: b.recall, bcubedF1: b.f1, ari: adjustedRandIndex(gold, predicted) };
}

/** Gold clusters the prediction splits (`miss`) and predicted stories that merge gold clusters (`false`). */
function clusterErrors(records: DedupGold[], predicted: Map<string, string>): EvalExample[] {
  const group = (key: (r: DedupGold) => string) => {
    const m = new Map<string, DedupGold[]>();
    for (const r of records) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const label = (r: DedupGold) => `${r.id} [gold ${r.cluster}, story ${predicted.get(r.id)}] ${r.title ?? r.text.slice(0, 80)}`;
  const examples: EvalExample[] = [];
  for (const [cluster, members] of group((r) => r.cluster)) {
    const stories = new Set(members.map((r) => predicted.get(r.id)));
    if (stories.size > 1) examples.push({ id: cluster, kind: 'miss', text: members.map(label).join('\n'), detail: `gold cluster split into ${stories.size} stories` });
  }
  for (const [story, members] of group((r) => predicted.get(r.id)!)) {
    const clusters = new Set(members.map((r) => r.cluster));
    if (clusters.size > 1) examples.push({ id: story, kind: 'false', text: members.map(label).join('\n'), detail: `story merges ${clusters.size} gold clusters` });
  }
  return examples;
}

export async function evaluateDedup(goldRecords: GoldRecord[], config: PipelineConfig, extra: Partial<DedupOptions> = {}): Promise<EvalResult> {
  const records = goldRecords as unknown as DedupGold[];
  const docs = await predictStories(records, config, extra);
  const gold = new Map(records.map((r) => [r.id, r.cluster]));
  const predicted = new Map(docs.map((d) => [d.article.id, d.dedup!.story]));
  const metrics = scoreClusters(gold, predicted);
  const singletons = scoreClusters(gold, new Map(records.map((r) => [r.id, r.id])));
  const row = (name: string, m: typeof metrics, n: number) => [name, m.bcubedPrecision, m.bcubedRecall, m.bcubedF1, m.ari, n];
  const duplicates = docs.filter((d) => d.dedup!.duplicateOf).length;
  return {
    records: records.length,
    metrics,
    tables: [
      {
        title: 'Story clusters (B-cubed, adjusted Rand index)',
        columns: ['method', 'precision', 'recall', 'F1', 'ARI', 'clusters'],
        rows: [
          row('newsnlp dedup', metrics, new Set(predicted.values()).size),
          row('each article alone', singletons, records.length),
          ['gold', 1, 1, 1, 1, new Set(gold.values()).size],
        ],
      },
      {
        title: 'Near-duplicates found among the gold articles',
        columns: ['articles', 'marked duplicateOf'],
        rows: [[records.length, duplicates]],
      },
    ],
    examples: clusterErrors(records, predicted).slice(0, 20),
    predictions: docs.map((d) => ({
      id: d.article.id,
      lang: d.article.lang,
      cluster: d.dedup!.story,
      duplicateOf: d.dedup!.duplicateOf,
      ...(d.dedup!.jaccard !== undefined ? { jaccard: d.dedup!.jaccard } : {}),
      similar: d.dedup!.similar,
    })),
  };
}

export const evaluator: StageEvaluator = {
  name: 'dedup',
  evaluate: (records, options) => evaluateDedup(records, options.config),
};
