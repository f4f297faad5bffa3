import type { PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import type { Stage } from './stage.ts';
import { createStages } from '../stages/index.ts';

/** What per-article work returns: the doc, or the stage that failed; with per-stage timings. */
export type ExecResult =
  | { ok: true; doc: Doc; timings: Record<string, number> }
  | { ok: false; stage: string; message: string; timings: Record<string, number> };

/** Stages of one thread, built and initialised once per configuration. */
const cache = new Map<string, Promise<Stage[]>>();

export function stagesFor(config: PipelineConfig): Promise<Stage[]> {
  const key = JSON.stringify(config);
  let stages = cache.get(key);
  if (!stages) {
    stages = (async () => {
      const built = createStages(config);
      for (const stage of built) await stage.init?.();
      return built;
    })();
    cache.set(key, stages);
  }
  return stages;
}

/**
 * Runs every stage's per-article `process` phase, in pipeline order. Pure in the doc.
 * `onStage(k)` hears 1 + the index of the stage about to run, and 0 when done (a thread
 * publishes it so that the pool can name the stage of an article that hangs).
 */
export async function processDoc(doc: Doc, config: PipelineConfig, onStage?: (k: number) => void): Promise<ExecResult> {
  const stages = await stagesFor(config);
  const timings: Record<string, number> = {};
  try {
    for (const [k, stage] of stages.entries()) {
      if (!stage.process) continue;
      onStage?.(k + 1);
      const started = performance.now();
      try {
        await stage.process(doc);
      } catch (error) {
        return { ok: false, stage: stage.name, message: errorMessage(error), timings };
      }
      timings[stage.name] = performance.now() - started;
    }
  } finally {
    onStage?.(0);
  }
  return { ok: true, doc, timings };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
