import type { DedupConfig } from '../../pipeline/config.ts';

/** Every knob of the dedup stage, with the defaults chosen on the dev sets (see README.md). */
export interface DedupOptions {
  /** Shingle Jaccard (word 5-grams) at or above which an article is a near-duplicate. */
  duplicateThreshold: number;
  /** Story similarity at or above which an article joins the story of its best match. */
  storyThreshold: number;
  /** Similar articles listed in `similar`: at most this many, scoring at least `similarMin`. */
  similarLimit: number;
  similarMin: number;
  /** Sentence overlap (Dice of content terms) at or above which a sentence counts as already reported. */
  overlapThreshold: number;
  /** Days apart beyond which two dated articles are not the same story; similarity decays linearly up to it. */
  maxDays: number;
  /** For two undated articles: no mentioned dates within this many days of each other means different stories. */
  mentionDays: number;
  /** Weight of shared named entities (Jaccard of entity sets) added to the tf-idf cosine. */
  entityWeight: number;
  /** Add the shipped background document frequencies (resources/<lang>.df.tsv.gz) to the corpus's own. */
  background: boolean;
  /** A title term counts as this many occurrences in the body. */
  titleWeight: number;
  /** Terms kept in an article's tf-idf vector. */
  vectorSize: number;
  /** Heaviest terms an article is indexed under. */
  postingTerms: number;
  /** Heaviest terms an article looks up earlier articles by. */
  queryTerms: number;
  /** Postings read per term and per band bucket: the latest page of this size and the one before. */
  pageSize: number;
  /** Story candidates whose profiles are fetched and scored per article. */
  candidateLimit: number;
  /** A short paragraph (at most `furnitureMaxWords` words) seen in this many earlier articles is site furniture. */
  furnitureMinDocs: number;
  furnitureMaxWords: number;
}

export const DEFAULT_OPTIONS: DedupOptions = {
  duplicateThreshold: 0.5,
  storyThreshold: 0.11,
  similarLimit: 5,
  similarMin: 0.15,
  overlapThreshold: 0.5,
  maxDays: 7,
  mentionDays: 30,
  entityWeight: 0,
  background: true,
  titleWeight: 1,
  vectorSize: 300,
  postingTerms: 12,
  queryTerms: 24,
  pageSize: 100,
  candidateLimit: 40,
  furnitureMinDocs: 8,
  furnitureMaxWords: 20,
};

export function resolveOptions(config: DedupConfig, extra: Partial<DedupOptions> = {}): DedupOptions {
  return {
    ...DEFAULT_OPTIONS,
    duplicateThreshold: config.duplicateThreshold,
    storyThreshold: config.storyThreshold,
    ...extra,
  };
}
