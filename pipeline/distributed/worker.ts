import { Worker, Queue } from 'bullmq';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { articleErrorRecord, safeName } from '../commit.ts';
import { errorMessage } from '../execute.ts';
import { createExecutor, DEFAULT_ARTICLE_TIMEOUT_MS } from '../pool.ts';
import { connect, queueName, readManifest, type ArticleJob, type ShardLine } from './run.ts';
import { ShardWriter } from './shard.ts';

export interface WorkerOptions {
  redis: string;
  run: string;
  /** Folder for this worker's shard, `<out>/<shard>.shard.jsonl`. */
  outDir: string;
  /** Shard name; default `<hostname>-<pid>`. */
  shard?: string;
  threads: number;
  concurrency: number;
  /** Seconds after which a job held by a dead worker goes back to the queue. */
  stallSeconds: number;
  /** Stop once the run is fully enqueued and no job is left (else run until signalled). */
  untilEmpty: boolean;
  /** Per-article time limit (ms; default 60 s). */
  articleTimeoutMs?: number;
  signal?: AbortSignal;
  onJob?: (processed: number) => void;
}

/**
 * Takes articles from the run's BullMQ queue and runs the per-article `process` phases (on the
 * same worker-thread pool as a local run), appending each result to this worker's shard, keyed
 * by the article's place in its input. A worker killed mid-article loses nothing (its jobs' locks
 * expire and another worker retries them) and duplicates nothing (`collect` keeps one line per key).
 */
export async function runWorker(options: WorkerOptions): Promise<{ processed: number; shard: string }> {
  const connection = connect(options.redis);
  const manifest = await waitForManifest(options, connection);
  const config = { ...manifest.config, threads: options.threads, concurrency: options.concurrency };
  const executor = createExecutor(config, options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS);
  const shardPath = join(options.outDir, `${safeName(options.shard ?? `${hostname()}-${process.pid}`)}.shard.jsonl`);
  const shard = await ShardWriter.open(shardPath);
  let processed = 0;
  let worker: Worker<ArticleJob> | null = null;
  const workerConnection = connect(options.redis);
  const queue = new Queue<ArticleJob>(queueName(options.run), { connection });
  try {
    await executor.ready();
    worker = new Worker<ArticleJob>(
      queueName(options.run),
      async (job) => {
        const { i, s, doc, error } = job.data;
        let line: ShardLine;
        if (error || !doc) {
          line = { k: [i, s], error: error ?? { id: null, source: '', file: '', line: null, stage: 'worker', message: 'job without a doc' } };
        } else {
          try {
            const result = await executor.run(doc);
            line = result.ok ? { k: [i, s], doc: result.doc } : { k: [i, s], error: articleErrorRecord(doc, result.stage, result.message) };
          } catch (failure) {
            line = { k: [i, s], error: articleErrorRecord(doc, 'worker', errorMessage(failure)) };
          }
        }
        await shard.write(line);
        processed++;
        options.onJob?.(processed);
      },
      {
        connection: workerConnection,
        concurrency: Math.max(1, options.concurrency),
        lockDuration: options.stallSeconds * 1000,
        stalledInterval: Math.max(500, (options.stallSeconds * 1000) / 2),
        maxStalledCount: 1000,
        drainDelay: 1,
        removeOnComplete: { count: 0 },
      },
    );
    worker.on('error', (e) => process.stderr.write(`newsnlp worker: ${errorMessage(e)}\n`));
    await new Promise<void>((resolve) => {
      const check = async (): Promise<void> => {
        if (options.signal?.aborted) return resolve();
        if (options.untilEmpty) {
          const current = await readManifest(connection, options.run);
          const left = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
          if (current?.complete && Object.values(left).every((n) => n === 0)) return resolve();
        }
        setTimeout(() => void check().catch(() => resolve()), 500);
      };
      options.signal?.addEventListener('abort', () => resolve(), { once: true });
      void check();
    });
  } finally {
    await worker?.close();
    await shard.close();
    await executor.close();
    await queue.close();
    await connection.quit();
    await workerConnection.quit();
  }
  return { processed, shard: shardPath };
}

async function waitForManifest(options: WorkerOptions, connection: ReturnType<typeof connect>) {
  for (;;) {
    const manifest = await readManifest(connection, options.run);
    if (manifest) return manifest;
    if (options.signal?.aborted) throw new Error('stopped before the run was enqueued');
    await new Promise((r) => setTimeout(r, 500));
  }
}
