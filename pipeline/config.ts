import { availableParallelism } from 'node:os';

/** Everything a run can be told, with the defaults the CLI and the library share. */
export interface PipelineConfig {
  /** Stage names to run, in pipeline order. */
  stages: StageName[];
  /** Articles in flight at once (bounds memory whatever the dump size). */
  concurrency: number;
  /** Worker threads for per-article stages; 0 runs them on the main thread. */
  threads: number;
  /** Document creation time for articles that carry no `published` date (ISO date). */
  dct?: string;
  /** Restrict language identification to these ISO 639-1/639-3 codes. */
  languages?: string[];
  /** Vietnamese tone-mark placement: `new` (hoà → hòa, default) or `old` (hòa → hoà) or `keep`. */
  toneMarks: 'new' | 'old' | 'keep';
  ner: NerConfig;
  dedup: DedupConfig;
}

export interface NerConfig {
  backend: 'embedded' | 'transformers';
  /** For the transformers backend: a local directory or a hub id. */
  model?: string;
  /** Directory of embedded models (default: the package's models/). */
  modelDir?: string;
  allowDownload: boolean;
  device: 'cpu' | 'cuda' | 'webgpu';
  aggregation: 'simple' | 'first' | 'max';
}

export interface DedupConfig {
  /**
   * Shingle Jaccard at or above which an article is a near-duplicate (0.5: above every
   * same-story, different-outlet pair of vi-mds-dev, max 0.43; see stages/dedup/README.md).
   */
  duplicateThreshold: number;
  /** TF-IDF similarity at or above which an article joins a story (0.11: middle of the 0.09-0.13 plateau on vi-mds-dev). */
  storyThreshold: number;
  /** Directory to load the index from and save it to, so later dumps dedup against this one. */
  indexDir?: string;
}

export const STAGE_NAMES = ['boilerplate', 'language', 'sentences', 'entities', 'dates', 'dedup'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** What each stage reads from the stages before it (the cleaned text aside). */
export const STAGE_NEEDS: Record<StageName, StageName[]> = {
  boilerplate: [],
  language: [],
  sentences: ['language'],
  entities: ['language', 'sentences'],
  dates: ['language'],
  dedup: ['language', 'sentences', 'entities'],
};

/** The stages plus everything they need, in pipeline order. */
export function withPrerequisites(stages: StageName[]): StageName[] {
  const wanted = new Set<StageName>();
  const add = (stage: StageName) => {
    if (wanted.has(stage)) return;
    wanted.add(stage);
    STAGE_NEEDS[stage].forEach(add);
  };
  stages.forEach(add);
  return STAGE_NAMES.filter((s) => wanted.has(s));
}

export function defaultConfig(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  return {
    stages: [...STAGE_NAMES],
    concurrency: 64,
    threads: 0,
    toneMarks: 'new',
    ner: { backend: 'embedded', allowDownload: false, device: 'cpu', aggregation: 'first' },
    dedup: { duplicateThreshold: 0.5, storyThreshold: 0.11 },
    ...overrides,
  };
}

/** Worker threads by default: one per core. */
export function defaultThreads(): number {
  return availableParallelism();
}
