import { Command } from 'commander';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { addConfigOptions, configFromOptions, UsageError, type ConfigOptions } from './options.ts';
import { PIPELINE_VERSION } from './record.ts';
import { registerEvalCommand } from './evaluate/command.ts';
import { registerBenchCommand } from './bench.ts';
import { registerDistributedCommands } from './distributed/commands.ts';
import { registerTrainCommand } from '../stages/entities/train-command.ts';

export function buildProgram(): Command {
  const program = new Command('newsnlp')
    .description('Turn raw news-article dumps into annotated corpora.')
    .version(PIPELINE_VERSION)
    .showHelpAfterError();

  addConfigOptions(
    program
      .command('run')
      .description('annotate articles: folders of .txt/.html files, .jsonl or .jsonl.gz dumps; one <name>.jsonl per input')
      .argument('<inputs...>', 'input folders or files')
      .option('--out <dir>', 'output folder', 'output')
      .option('--resume', 'continue an interrupted run in --out where its journal stops (same inputs and options)')
      .option('--article-timeout <seconds>', 'give up on an article whose per-article stages take longer (error line; 0 = no limit)', '60')
      .option('--checkpoint-every <seconds>', 'seconds between checkpoints (output fsync, then journal)', '1')
      .option('--no-progress', 'no progress bar or progress lines on stderr'),
  ).action(async (inputs: string[], options: ConfigOptions & { out: string; resume?: boolean; progress: boolean; checkpointEvery: string; articleTimeout: string }) => {
    // The runner (and through it every stage and model) loads only when a run starts.
    const [{ Journal }, { createProgress }, { runPipeline, RunInterrupted }] = await Promise.all([
      import('./journal.ts'),
      import('./progress.ts'),
      import('./runner.ts'),
    ]);
    const config = configFromOptions(options);
    const checkpointSeconds = Number(options.checkpointEvery);
    if (!(checkpointSeconds >= 0)) throw new UsageError('--checkpoint-every must be a number of seconds');
    const timeoutSeconds = Number(options.articleTimeout);
    if (!(timeoutSeconds >= 0)) throw new UsageError('--article-timeout must be a number of seconds');
    const journalPath = Journal.path(options.out);
    if (!options.resume && existsSync(journalPath) && !journalTail(journalPath).includes('"complete":true')) {
      process.stderr.write(`newsnlp: ${options.out} holds an interrupted run; starting over (use --resume to continue it instead)\n`);
    }
    const progress = options.progress ? createProgress() : null;
    const stop = new AbortController();
    const onSignal = (): void => {
      if (stop.signal.aborted) process.exit(130); // second Ctrl-C: the journal is consistent at its last checkpoint
      process.stderr.write('\nnewsnlp: stopping after the articles in flight (Ctrl-C again to stop now)\n');
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const summary = await runPipeline({
        inputs,
        outDir: options.out,
        config,
        indexDir: config.dedup.indexDir,
        resume: options.resume,
        checkpointMs: checkpointSeconds * 1000,
        articleTimeoutMs: timeoutSeconds * 1000,
        signal: stop.signal,
        onStart: progress ? ({ total, alreadyDone }) => progress.start(total, alreadyDone) : undefined,
        onProgress: progress ? (p) => progress.update(p) : undefined,
      });
      progress?.stop();
      if (summary.resumedFrom) process.stderr.write(`resumed after ${summary.resumedFrom} committed articles\n`);
      for (const input of summary.inputs) {
        process.stderr.write(`${input.input}: ${input.records} records -> ${input.output}, ${input.errors} errors\n`);
      }
      process.stderr.write(
        `done: ${summary.records} records, ${summary.errors} errors in ${summary.seconds.toFixed(2)} s ` +
          `(${summary.articlesPerSecond.toFixed(1)} articles/s, ${summary.threads} threads)\n`,
      );
      if (summary.records === 0 && summary.errors > 0) process.exitCode = 1;
    } catch (error) {
      progress?.stop();
      if (error instanceof RunInterrupted) {
        process.stderr.write(`newsnlp: ${error.message}\n`);
        process.exitCode = 130;
        return;
      }
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });

  registerDistributedCommands(program);
  registerEvalCommand(program);
  registerBenchCommand(program);
  registerTrainCommand(program);
  return program;
}

/** The last bytes of a journal: a finished run's ends with its "complete" line. */
function journalTail(path: string): string {
  const size = statSync(path).size;
  const buffer = Buffer.alloc(Math.min(size, 256));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newsnlp: ${message}\n`);
    if (!(error instanceof UsageError) && process.env.NEWSNLP_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
