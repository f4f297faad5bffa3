import type { PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import { errorMessage, stagesFor, type ExecResult } from './execute.ts';
import type { Stage } from './stage.ts';

export interface GuardedTask {
  /** The doc; its `text` is left empty when it is the article's own text (not sent twice). */
  doc: Doc;
  textIsArticle: boolean;
  config: PipelineConfig;
  /** Shared with the main thread: slot `slot` holds 1 + the index of the stage now running. */
  progress: Int32Array;
  slot: number;
}

/**
 * Entry point of a guarded pool thread: one article's per-article stages, noting which stage is
 * running in shared memory, so that when the main thread stops a thread that ran past the time
 * limit it can say which stage hung.
 */
export default async function work(task: GuardedTask | { warmup: true; config: PipelineConfig }): Promise<ExecResult | null> {
  const stages = await stagesFor(task.config);
  if ('warmup' in task) return null; // models loaded: a missing one has thrown by now
  const { doc, progress, slot } = task;
  if (task.textIsArticle) doc.text = doc.article.text ?? '';
  const result = await runStages(doc, stages, progress, slot);
  // The main thread still has the article: only what the stages made goes back.
  result.doc = { ...result.doc, article: null as unknown as Doc['article'] } as Doc;
  return result;
}

async function runStages(doc: Doc, stages: Stage[], progress: Int32Array, slot: number): Promise<ExecResult & { doc: Doc }> {
  const timings: Record<string, number> = {};
  for (const [k, stage] of stages.entries()) {
    if (!stage.process) continue;
    Atomics.store(progress, slot, k + 1);
    const started = performance.now();
    try {
      await stage.process(doc);
    } catch (error) {
      Atomics.store(progress, slot, 0);
      return { ok: false, stage: stage.name, message: errorMessage(error), timings, doc };
    }
    timings[stage.name] = performance.now() - started;
  }
  Atomics.store(progress, slot, 0);
  return { ok: true, doc, timings };
}
