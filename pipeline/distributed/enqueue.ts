import { Queue } from 'bullmq';
import type { PipelineConfig } from '../config.ts';
import { observe, outputNames, sourceErrorRecord } from '../commit.ts';
import { RedisCorpus } from '../corpus-redis.ts';
import { createDoc } from '../doc.ts';
import { openInput } from '../sources/index.ts';
import { createStages } from '../../stages/index.ts';
import { connect, corpusPrefix, jobId, queueName, readManifest, writeManifest, type ArticleJob, type Manifest } from './run.ts';

export interface EnqueueOptions {
  inputs: string[];
  redis: string;
  run: string;
  config: PipelineConfig;
  /** Name of the Redis corpus to use (default: the shared one). */
  corpus?: string;
  onProgress?: (enqueued: number) => void;
}

const BATCH = 256;

/**
 * Reads the inputs in order, runs the stages' in-order `observe` phases against the Redis corpus
 * (so boilerplate's hints are exactly those of a local run), and queues one job per article.
 * Source and observe errors are queued too, so `collect` finds every input item in a shard.
 */
export async function enqueue(options: EnqueueOptions): Promise<Manifest> {
  const connection = connect(options.redis);
  const prefix = corpusPrefix(options.corpus);
  const corpus = new RedisCorpus(options.redis, prefix);
  const queue = new Queue<ArticleJob>(queueName(options.run), {
    connection,
    defaultJobOptions: { removeOnComplete: true, removeOnFail: false, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  });
  try {
    if (await readManifest(connection, options.run)) {
      throw new Error(`run "${options.run}" already exists in Redis; choose another --run name`);
    }
    const { config } = options;
    const manifest: Manifest = { config: { ...config, threads: 0 }, corpus: prefix, inputs: [], complete: false };
    await writeManifest(connection, options.run, manifest);
    const stages = createStages(config);
    for (const stage of stages) if (stage.observe) await stage.init?.(); // as the local runner does
    let enqueued = 0;
    for (const [i, path] of options.inputs.entries()) {
      const input = await openInput(path);
      let batch: ArticleJob[] = [];
      const flush = async (): Promise<void> => {
        if (!batch.length) return;
        await queue.addBulk(batch.map((data) => ({ name: 'article', data, opts: { jobId: jobId(data.i, data.s) } })));
        enqueued += batch.length;
        batch = [];
        options.onProgress?.(enqueued);
      };
      let s = 0;
      for await (const item of input.items()) {
        const n = s++;
        if ('error' in item) {
          batch.push({ i, s: n, error: sourceErrorRecord(item.error) });
        } else {
          const doc = createDoc(item.article);
          const failed = await observe(doc, stages, corpus, {});
          batch.push(failed ? { i, s: n, error: failed } : { i, s: n, doc });
        }
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      const name = outputNames([...manifest.inputs.map((m) => m.name), input.name])[i];
      manifest.inputs.push({ path, name, count: s });
      await writeManifest(connection, options.run, manifest);
    }
    manifest.complete = true;
    await writeManifest(connection, options.run, manifest);
    return manifest;
  } finally {
    await queue.close();
    await corpus.close();
    await connection.quit();
  }
}
