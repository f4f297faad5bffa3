import type { PipelineConfig } from '../../pipeline/config.ts';
import type { Stage, StageFactory } from '../../pipeline/stage.ts';
import { dedupArticle, DedupResources, prepareArticle } from './engine.ts';
import { resolveOptions, type DedupOptions } from './options.ts';
import { summarizeStories } from './stories.ts';

export { jaccard, shingles } from './text.ts';
export { DEFAULT_OPTIONS, type DedupOptions } from './options.ts';
export type { StoryCluster } from './stories.ts';

/**
 * 1.1: index entries packed into one base64 string; 1.2: document frequencies keyed by term hash;
 * 1.3: what every candidate reads first in the packed entry; 1.4: LSH buckets and postings in
 * lists keyed by 32-bit hashes (`Corpus.appendHashed`); 1.5: index entries as byte records
 * (`Corpus.setRecord`, spilled to a file by the in-memory corpus). An older --index cannot be read.
 */
export const DEDUP_VERSION = '1.5.0';

/**
 * Near-duplicates (MinHash + LSH over word 5-gram shingles, verified on hashed shingles) and
 * incremental story clusters (tf-idf, entities, dates), all state in the `Corpus`.
 * `extra` overrides options that `config.dedup` does not carry.
 */
export function createDedupStageWith(config: PipelineConfig, extra: Partial<DedupOptions> = {}): Stage {
  const options = resolveOptions(config.dedup, extra);
  let resources: DedupResources | undefined;
  const load = () => (resources ??= new DedupResources());
  return {
    name: 'dedup',
    version: DEDUP_VERSION,
    sideOutput: 'stories',
    async init() {
      load();
    },
    // Per article, in a worker thread: everything that needs only the article (doc.hints.dedup).
    async process(doc) {
      prepareArticle(doc, load(), options);
    },
    // In input order, on the main thread: what needs the corpus.
    async integrate(doc, corpus) {
      const { info } = await dedupArticle(doc, corpus, load(), options);
      doc.dedup = info;
      doc.versions.dedup = DEDUP_VERSION;
    },
    async summarize(corpus, ids) {
      return (await summarizeStories(corpus, ids)) as unknown as Record<string, unknown>[];
    },
  };
}

export const createDedupStage: StageFactory = (config) => createDedupStageWith(config);
