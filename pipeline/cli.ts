import { Command } from 'commander';
import { loadCorpus, saveCorpus } from './corpus-store.ts';
import { MemoryCorpus } from './corpus.ts';
import { PIPELINE_VERSION } from './record.ts';
import { addConfigOptions, configFromOptions, UsageError, type ConfigOptions } from './options.ts';
import { runPipeline } from './runner.ts';
import { registerEvalCommand } from './evaluate/command.ts';
import { registerBenchCommand } from './bench.ts';
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
      .option('--out <dir>', 'output folder', 'output'),
  ).action(async (inputs: string[], options: ConfigOptions & { out: string }) => {
    const config = configFromOptions(options);
    const corpus = config.dedup.indexDir ? await loadCorpus(config.dedup.indexDir) : new MemoryCorpus();
    const summary = await runPipeline({ inputs, outDir: options.out, config, corpus });
    if (config.dedup.indexDir) await saveCorpus(corpus, config.dedup.indexDir);
    for (const input of summary.inputs) {
      process.stderr.write(`${input.input}: ${input.records} records -> ${input.output}, ${input.errors} errors\n`);
    }
    process.stderr.write(
      `done: ${summary.records} records, ${summary.errors} errors in ${summary.seconds.toFixed(2)} s ` +
        `(${summary.articlesPerSecond.toFixed(1)} articles/s, ${summary.threads} threads)\n`,
    );
    if (summary.records === 0 && summary.errors > 0) process.exitCode = 1;
  });

  registerEvalCommand(program);
  registerBenchCommand(program);
  registerTrainCommand(program);
  return program;
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
