import type { Command } from 'commander';
import { addConfigOptions, configFromOptions, UsageError, type ConfigOptions } from '../options.ts';

interface RedisOptions {
  redis: string;
  run: string;
}

function redisOptions(command: Command): Command {
  return command
    .requiredOption('--redis <url>', 'Redis server, e.g. redis://10.0.0.5:6379')
    .option('--run <name>', 'name of the distributed run (queue and manifest in Redis)', 'default');
}

/** `enqueue`, `worker`, `collect`: the pipeline on many machines, over BullMQ on Redis. */
export function registerDistributedCommands(program: Command): void {
  addConfigOptions(
    redisOptions(
      program
        .command('enqueue')
        .description('queue the articles of the inputs for `newsnlp worker` processes (runs the in-order observe phases here)')
        .argument('<inputs...>', 'input folders or files')
        .option('--corpus <name>', 'keep this run\'s boilerplate counts and dedup index apart from the shared Redis corpus'),
    ),
  ).action(async (inputs: string[], options: ConfigOptions & RedisOptions & { corpus?: string }) => {
    const config = configFromOptions(options);
    if (config.dedup.indexDir) throw new UsageError('--index does not apply to distributed runs: the index lives in Redis');
    const manifest = await (await import('./enqueue.ts')).enqueue({ inputs, redis: options.redis, run: options.run, config, corpus: options.corpus });
    for (const input of manifest.inputs) process.stderr.write(`${input.path}: ${input.count} articles queued as ${input.name}\n`);
    process.stderr.write(`run "${options.run}" enqueued; start workers with: newsnlp worker --redis ${options.redis} --run ${options.run} --out DIR\n`);
  });

  redisOptions(
    program
      .command('worker')
      .description('process queued articles, appending results to <out>/<shard>.shard.jsonl; run any number, on any machine')
      .option('--out <dir>', 'folder for this worker\'s shard', 'shards')
      .option('--shard <name>', 'shard name (default: <hostname>-<pid>)')
      .option('--threads <n>', 'worker threads (default: all cores)')
      .option('--concurrency <n>', 'jobs in flight at once', '64')
      .option('--article-timeout <seconds>', 'give up on an article whose stages take longer (error line)', '60')
      .option('--stall-timeout <seconds>', 'seconds after which a dead worker\'s jobs are retried elsewhere', '30')
      .option('--until-empty', 'exit once the run is fully enqueued and processed (default: wait for more until stopped)'),
  ).action(async (options: RedisOptions & { out: string; shard?: string; threads?: string; concurrency: string; stallTimeout: string; articleTimeout: string; untilEmpty?: boolean }) => {
    const { defaultThreads } = await import('../config.ts');
    const threads = options.threads === undefined ? defaultThreads() : Number(options.threads);
    const concurrency = Number(options.concurrency);
    const stallSeconds = Number(options.stallTimeout);
    if (!Number.isInteger(threads) || threads < 0) throw new UsageError('--threads must be a non-negative integer');
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a positive integer');
    if (!(stallSeconds > 0)) throw new UsageError('--stall-timeout must be a positive number of seconds');
    const stop = new AbortController();
    const onSignal = (): void => {
      if (stop.signal.aborted) process.exit(130);
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const result = await (await import('./worker.ts')).runWorker({
      redis: options.redis,
      run: options.run,
      outDir: options.out,
      shard: options.shard,
      threads,
      concurrency,
      stallSeconds,
      untilEmpty: options.untilEmpty ?? false,
      articleTimeoutMs: Number(options.articleTimeout) * 1000,
      signal: stop.signal,
    });
    process.stderr.write(`worker: ${result.processed} articles -> ${result.shard}\n`);
  });

  redisOptions(
    program
      .command('collect')
      .description('merge worker shards in input order, run dedup against the Redis index, and write <name>.jsonl per input')
      .argument('<shards...>', 'shard files or folders of *.shard.jsonl')
      .option('--out <dir>', 'output folder', 'output'),
  ).action(async (shards: string[], options: RedisOptions & { out: string }) => {
    const result = await (await import('./collect.ts')).collect({ redis: options.redis, run: options.run, shards, outDir: options.out });
    process.stderr.write(`collected: ${result.records} records, ${result.errors} errors -> ${result.outputs.join(', ')}\n`);
  });
}
