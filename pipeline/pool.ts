import { Piscina } from 'piscina';
import { STAGE_NAMES, type PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import { processDoc, stagesFor, type ExecResult } from './execute.ts';

/** Where per-article work runs: a worker-thread pool, or the main thread when threads = 0. */
export interface Executor {
  run(doc: Doc): Promise<ExecResult>;
  /** Fails early (missing model, say) before any article is read. */
  ready(): Promise<void>;
  close(): Promise<void>;
  readonly threads: number;
}

/** threads = 0: everything on the main thread (no time limit: the main thread cannot be stopped). */
function mainThreadExecutor(config: PipelineConfig): Executor {
  return {
    threads: 0,
    run: (doc) => processDoc(doc, config),
    ready: async () => void (await stagesFor(config)),
    close: async () => {},
  };
}

/** Per-article time limit by default: far above any real article, low enough that a hang costs a minute. */
export const DEFAULT_ARTICLE_TIMEOUT_MS = 60_000;

/**
 * A worker-thread pool (piscina) whose tasks have a time limit: an article whose per-article stages run
 * past it is answered with an error naming the stage, and its thread is stopped and replaced
 * (a thread can be terminated, the main thread cannot; with threads = 0 there is no limit).
 * The limit counts from when the thread starts the article's stages, so thread start-up and
 * queueing never count against it.
 */
interface Running {
  abort: AbortController;
  startedAt: number | null;
}

export function createExecutor(
  config: PipelineConfig,
  timeoutMs = DEFAULT_ARTICLE_TIMEOUT_MS,
  /** The thread's entry module (tests substitute one that hangs). */
  filename = new URL('./worker-entry.js', import.meta.url).href,
): Executor {
  if (config.threads <= 0) return mainThreadExecutor(config);
  const limited = timeoutMs > 0 && Number.isFinite(timeoutMs);
  const threads = config.threads;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const slots = 2 * threads;
  const progress = new Int32Array(new SharedArrayBuffer(4 * slots));
  const freeSlots = Array.from({ length: slots }, (_, k) => k);
  const waiting: ((slot: number) => void)[] = [];
  const acquire = (): Promise<number> => (freeSlots.length ? Promise.resolve(freeSlots.pop()!) : new Promise((resolve) => waiting.push(resolve)));
  const release = (slot: number): void => {
    const next = waiting.shift();
    if (next) next(slot);
    else freeSlots.push(slot);
  };
  const stageNames = config.stages.length ? config.stages : [...STAGE_NAMES];
  // The clock starts when the thread starts the article's first stage (not at thread start-up,
  // which loads models, nor while the task waits behind another one).
  const running = new Map<number, Running>();
  let monitor: NodeJS.Timeout | null = null;
  const watch = (): void => {
    const now = performance.now();
    for (const [slot, task] of running) {
      if (task.startedAt === null) {
        if (Atomics.load(progress, slot) > 0) task.startedAt = now;
      } else if (now - task.startedAt > timeoutMs && !task.abort.signal.aborted) {
        task.abort.abort();
      }
    }
  };

  return {
    threads,
    // Each thread loads its stages now, so a missing model fails the run before any article is
    // read, and the main thread keeps no copy of the models it never uses.
    ready: async () => void (await Promise.all(Array.from({ length: threads }, () => pool.run({ warmup: true, config })))),
    close: () => pool.destroy(),
    async run(doc: Doc): Promise<ExecResult> {
      const slot = await acquire();
      Atomics.store(progress, slot, 0);
      const abort = new AbortController();
      const task: Running = { abort, startedAt: null };
      running.set(slot, task);
      if (limited) monitor ??= setInterval(watch, Math.min(250, timeoutMs / 4));
      try {
        const textIsArticle = doc.text !== '' && doc.text === doc.article.text;
        const sent = textIsArticle ? { ...doc, text: '' } : doc;
        const result = (await pool.run({ doc: sent, config, progress, slot, textIsArticle }, { signal: abort.signal })) as ExecResult & { doc?: Doc };
        if (result.ok) result.doc.article = doc.article;
        else delete result.doc;
        return result;
      } catch (error) {
        if (!abort.signal.aborted) throw error;
        const stage = stageNames[Math.max(Atomics.load(progress, slot), 1) - 1];
        return { ok: false, stage, message: `gave up after ${timeoutMs / 1000} s in stage ${stage} (per-article time limit; the thread was stopped)`, timings: {} };
      } finally {
        running.delete(slot);
        if (!running.size && monitor) {
          clearInterval(monitor);
          monitor = null;
        }
        release(slot);
      }
    },
  };
}
