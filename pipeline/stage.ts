import type { PipelineConfig, StageName } from './config.ts';
import type { Corpus } from './corpus.ts';
import type { Doc } from './doc.ts';

/**
 * A stage adds one annotation layer. It knows nothing of the queue, the files or the other
 * stages. Its phases, all optional but at least one:
 *  - `observe`: main thread, strictly in input order, before any per-article work; may read and
 *    update the corpus (cross-article line counts) and returns hints for `process`.
 *  - `process`: per-article work, possibly in a worker thread, in any order; reads only the doc.
 *  - `integrate`: main thread, strictly in input order, after `process`; reads and updates the
 *    corpus (the dedup index).
 * Because corpus access happens in input order only, output is the same whatever the concurrency.
 *
 * What the runner relies on:
 *  - `process` never changes `doc.article` (the thread does not send it back) and leaves in
 *    `doc.hints` only plain data or typed arrays (they cross threads by structured clone and
 *    machines as wire JSON, pipeline/wire.ts);
 *  - corpus values are JSON or bytes (the resume journal and Redis store them), and what a stage
 *    reads from the corpus it never changes in place, only through the Corpus methods (Redis
 *    returns copies, memory may not);
 *  - `observe` and `integrate` keep to their own namespaces (resume replays them separately).
 */
export interface Stage {
  readonly name: StageName;
  /** Bumped whenever the stage's output changes; recorded in every record. */
  readonly version: string;
  /** Load models and resources; called once per thread before the first article. */
  init?(): Promise<void>;
  observe?(doc: Doc, corpus: Corpus): Promise<unknown>;
  process?(doc: Doc): void | Promise<void>;
  integrate?(doc: Doc, corpus: Corpus): Promise<void>;
  /** Name of a side output written next to each input's records as `<name>.<sideOutput>.jsonl`. */
  readonly sideOutput?: string;
  /** At the end of a run, on the main thread: the side output's records for one input's articles. */
  summarize?(corpus: Corpus, ids: string[]): Promise<Record<string, unknown>[]>;
}

export type StageFactory = (config: PipelineConfig) => Stage;
