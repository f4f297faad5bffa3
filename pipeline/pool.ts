import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { STAGE_NAMES, type PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import { processDoc, stagesFor, type ExecResult } from './execute.ts';
import { SLOT_INTS } from './worker.ts';

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

/**
 * Articles handed to a thread at once. A thread runs them one after the other (worker.ts), but the
 * next one is already there when one ends: with one, the thread waited for the main thread, often
 * busy integrating or committing another article, to send it the next (~10% of a thread's time
 * on the bench, ~1% with two). Three since a thread takes ~5 ms an article: two were sometimes
 * not enough to last through a busy spell of the main thread (bench, first 6,000 baomoi articles,
 * cores busy 1.78-1.92 with two, 1.94-1.95 with three).
 */
const TASKS_PER_THREAD = 3;

/**
 * Semi-spaces of a pool thread's young generation: 32 MB from the start (V8's default grows from 1
 * to at most 16), as the command's shebang gives the main thread. A thread allocates ~0.7-1.2 MB of
 * short-lived memory an article; with twice the room half as many scavenges run, and fewer of an
 * article's objects live through two of them into the old generation; at full size from the start,
 * RSS does not climb over the first thousands of articles (see bin/newsnlp.js for the figures).
 */
const SEMI_SPACE_MB = 32;
/** Node sizes the young generation, which V8 counts as three semi-spaces (two, and as much for new large objects). */
const YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

/** How often an article whose thread was stopped for another article's sake is tried again. */
const RETRIES = 2;

/** Per-article time limit by default: far above any real article, low enough that a hang costs a minute. */
export const DEFAULT_ARTICLE_TIMEOUT_MS = 60_000;

/**
 * A worker-thread pool (piscina) whose tasks have a time limit: an article whose per-article stages run
 * past it is answered with an error naming the stage, and its thread is stopped and replaced
 * (a thread can be terminated, the main thread cannot; with threads = 0 there is no limit).
 * The limit counts from when the thread starts the article's stages, so thread start-up and
 * queueing never count against it.
 *
 * The pool stops a thread itself rather than through piscina's AbortSignal: piscina runs a task
 * that has a signal alone on its thread, which would keep `TASKS_PER_THREAD` at one. Another
 * article waiting on a stopped thread runs again (`RETRIES`).
 */
interface Running {
  startedAt: number | null;
  timedOut: boolean;
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
  // The least size is a V8 flag, read by each isolate as it starts (Node's resource limits set the most).
  setFlagsFromString(`--min-semi-space-size=${SEMI_SPACE_MB}`);
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: TASKS_PER_THREAD,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const slots = TASKS_PER_THREAD * threads;
  const progress = new Int32Array(new SharedArrayBuffer(4 * SLOT_INTS * slots));
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
        if (Atomics.load(progress, SLOT_INTS * slot) > 0) task.startedAt = now;
      } else if (now - task.startedAt > timeoutMs && !task.timedOut) {
        task.timedOut = true;
        const threadId = Atomics.load(progress, SLOT_INTS * slot + 1);
        // piscina fails every task of a thread that exits, and starts a new thread.
        void pool.threads.find((t) => t.threadId === threadId)?.terminate();
      }
    }
  };

  async function runOnce(doc: Doc): Promise<ExecResult> {
    const slot = await acquire();
    Atomics.store(progress, SLOT_INTS * slot, 0);
    const task: Running = { startedAt: null, timedOut: false };
    running.set(slot, task);
    if (limited) monitor ??= setInterval(watch, Math.min(250, timeoutMs / 4));
    try {
      const textIsArticle = doc.text !== '' && doc.text === doc.article.text;
      const sent = textIsArticle ? { ...doc, text: '' } : doc;
      const result = (await pool.run({ doc: sent, config, progress, slot, textIsArticle })) as ExecResult & { doc?: Doc };
      if (result.ok) result.doc.article = doc.article;
      else delete result.doc;
      return result;
    } catch (error) {
      if (!task.timedOut) throw error;
      const stage = stageNames[Math.max(Atomics.load(progress, SLOT_INTS * slot), 1) - 1];
      return { ok: false, stage, message: `gave up after ${timeoutMs / 1000} s in stage ${stage} (per-article time limit; the thread was stopped)`, timings: {} };
    } finally {
      running.delete(slot);
      if (!running.size && monitor) {
        clearInterval(monitor);
        monitor = null;
      }
      release(slot);
    }
  }

  return {
    threads,
    // Each thread loads its stages now, so a missing model fails the run before any article is
    // read, and the main thread keeps no copy of the models it never uses.
    ready: async () => void (await Promise.all(Array.from({ length: threads }, () => pool.run({ warmup: true, config })))),
    close: () => pool.destroy(),
    async run(doc: Doc): Promise<ExecResult> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await runOnce(doc);
        } catch (error) {
          // Its thread was stopped for another article (time limit) or died of one (out of
          // memory, say): this article is not to blame, so it runs again on a fresh thread.
          if (attempt < RETRIES && isThreadLoss(error)) continue;
          throw error;
        }
      }
    },
  };
}

/** Piscina's error for a task whose thread was terminated or exited under it. */
function isThreadLoss(error: unknown): boolean {
  return error instanceof Error && /Terminating worker thread|worker exited|exited with code/i.test(error.message);
}
