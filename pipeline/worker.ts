import { threadId } from 'node:worker_threads';
import type { PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import { processDoc, stagesFor, type ExecResult } from './execute.ts';

export interface ArticleTask {
  /** The doc; its `text` is left empty when it is the article's own text (not sent twice). */
  doc: Doc;
  textIsArticle: boolean;
  config: PipelineConfig;
  /** Shared with the main thread, `SLOT_INTS` per slot (see below). */
  progress: Int32Array;
  slot: number;
}

/**
 * Per task slot in `progress`: [1 + index of the stage now running (0: none), threadId of the
 * thread running it], so that the main thread can stop the thread of an article that ran past
 * the time limit and say which stage hung.
 */
export const SLOT_INTS = 2;

export type WarmupTask = { warmup: true; config: PipelineConfig };

/**
 * Entry point of a pool thread: one article's per-article stages, noting which stage is running
 * in shared memory, so that when the main thread stops a thread that ran past the time limit it
 * can say which stage hung. A warm-up task only loads the stages (and their models).
 */
export default function work(task: ArticleTask | WarmupTask): Promise<ExecResult | null> {
  // The pool hands a thread more than one article at once: they run one after the other, not
  // interleaved at every `await` between stages (which would mix their stage timings and the
  // models' tables in the caches).
  const run = previous.then(() => runTask(task));
  previous = run.catch(() => {});
  return run;
}

let previous: Promise<unknown> = Promise.resolve();

async function runTask(task: ArticleTask | WarmupTask): Promise<ExecResult | null> {
  if ('warmup' in task) {
    await stagesFor(task.config); // a missing model throws here, before any article is read
    return null;
  }
  const { doc, progress, slot } = task;
  if (task.textIsArticle) doc.text = doc.article.text ?? '';
  Atomics.store(progress, SLOT_INTS * slot + 1, threadId); // before the stage: the clock starts with it
  const result = await processDoc(doc, task.config, (k) => Atomics.store(progress, SLOT_INTS * slot, k));
  // The main thread still has the article: only what the stages made goes back.
  if (result.ok) result.doc = { ...result.doc, article: null as unknown as Doc['article'] };
  return result;
}
