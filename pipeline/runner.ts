import { join } from 'node:path';
import PQueue from 'p-queue';
import type { SourceError } from './article.ts';
import type { PipelineConfig } from './config.ts';
import { MemoryCorpus, type Corpus } from './corpus.ts';
import { createDoc, type Doc } from './doc.ts';
import { errorMessage } from './execute.ts';
import { OrderedCommitter } from './ordered.ts';
import { createExecutor, type Executor } from './pool.ts';
import { toRecord, type ArticleRecord, type ErrorRecord } from './record.ts';
import { JsonlSink } from './sinks.ts';
import { openInput, type Input } from './sources/index.ts';
import type { Stage } from './stage.ts';
import { createStages } from '../stages/index.ts';

export interface RunOptions {
  inputs: string[];
  outDir: string;
  config: PipelineConfig;
  /** Cross-article state; a fresh in-memory corpus by default. */
  corpus?: Corpus;
  /** Called after each committed article (record or error). */
  onProgress?: (progress: RunProgress) => void;
  /** Called with each record as it is committed (bench uses this instead of files). */
  onRecord?: (record: ArticleRecord) => void;
  /** Write no files (bench, eval). */
  dryRun?: boolean;
}

export interface RunProgress {
  done: number;
  records: number;
  errors: number;
}

export interface InputSummary {
  input: string;
  output: string | null;
  records: number;
  errors: number;
}

export interface RunSummary {
  records: number;
  errors: number;
  seconds: number;
  articlesPerSecond: number;
  threads: number;
  inputs: InputSummary[];
  /** Milliseconds per article, by stage (per-article and in-order phases). */
  stageTimings: Record<string, number[]>;
}

type Outcome = ({ doc: Doc } | { error: ErrorRecord }) & { timings?: Timings };
/** Milliseconds one article spent in each stage, all phases added up. */
type Timings = Record<string, number>;

/** Runs the configured stages over every input, one output file per input. */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const { config } = options;
  const started = performance.now();
  const corpus = options.corpus ?? new MemoryCorpus();
  const stages = createStages(config);
  const executor = createExecutor(config);
  const timings: Record<string, number[]> = Object.fromEntries(config.stages.map((s) => [s, []]));
  const summary: RunSummary = { records: 0, errors: 0, seconds: 0, articlesPerSecond: 0, threads: executor.threads, inputs: [], stageTimings: timings };
  try {
    await executor.ready();
    const opened: Input[] = [];
    for (const path of options.inputs) opened.push(await openInput(path));
    for (const input of opened) {
      summary.inputs.push(await runInput(input, stages, executor, corpus, options, summary));
    }
  } finally {
    await executor.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.articlesPerSecond = summary.records / Math.max(summary.seconds, 1e-9);
  return summary;
}

async function runInput(
  input: Input,
  stages: Stage[],
  executor: Executor,
  corpus: Corpus,
  options: RunOptions,
  summary: RunSummary,
): Promise<InputSummary> {
  const { config } = options;
  const outPath = join(options.outDir, `${safeName(input.name)}.jsonl`);
  const records = options.dryRun ? null : new JsonlSink(outPath);
  const errors = options.dryRun ? null : new JsonlSink(join(options.outDir, `${safeName(input.name)}.errors.jsonl`));
  const result: InputSummary = { input: input.path, output: records ? outPath : null, records: 0, errors: 0 };
  const ids: string[] = [];

  const committer = new OrderedCommitter<Outcome>(async (_seq, outcome) => {
    const timings = outcome.timings ?? {};
    const final = 'doc' in outcome ? await integrate(outcome.doc, stages, corpus, timings) : outcome;
    if ('doc' in final) {
      for (const [stage, ms] of Object.entries(timings)) (summary.stageTimings[stage] ??= []).push(ms);
      const record = toRecord(final.doc);
      ids.push(record.id);
      await records?.write(record);
      options.onRecord?.(record);
      result.records++;
      summary.records++;
    } else {
      await errors?.write(final.error);
      result.errors++;
      summary.errors++;
    }
    options.onProgress?.({ done: summary.records + summary.errors, records: summary.records, errors: summary.errors });
  });

  const queue = new PQueue({ concurrency: config.concurrency });
  let seq = 0;
  for await (const item of input.items()) {
    const n = seq++;
    if ('error' in item) {
      committer.put(n, { error: sourceErrorRecord(item.error) });
      continue;
    }
    const doc = createDoc(item.article);
    const timings: Timings = {};
    const observed = await observe(doc, stages, corpus, timings);
    if (observed) {
      committer.put(n, { error: observed });
      continue;
    }
    // Bounded memory: never more than `concurrency` articles between reading and writing.
    while (queue.size + queue.pending + committer.pending >= config.concurrency) await committer.committed();
    void queue.add(async () => {
      let outcome: Outcome;
      try {
        const result = await executor.run(doc);
        for (const [stage, ms] of Object.entries(result.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
        if (result.ok) {
          outcome = { doc: result.doc, timings };
        } else {
          outcome = { error: articleErrorRecord(doc, result.stage, result.message) };
        }
      } catch (error) {
        outcome = { error: articleErrorRecord(doc, 'worker', errorMessage(error)) };
      }
      committer.put(n, outcome);
    });
  }
  await queue.onIdle();
  await committer.flush();

  for (const stage of stages) {
    if (!stage.sideOutput || !stage.summarize || options.dryRun) continue;
    const side = new JsonlSink(join(options.outDir, `${safeName(input.name)}.${stage.sideOutput}.jsonl`));
    for (const row of await stage.summarize(corpus, ids)) await side.write(row);
    await side.close();
  }
  await records?.close();
  await errors?.close();
  return result;
}

async function observe(doc: Doc, stages: Stage[], corpus: Corpus, timings: Timings): Promise<ErrorRecord | null> {
  for (const stage of stages) {
    if (!stage.observe) continue;
    const started = performance.now();
    try {
      doc.hints[stage.name] = await stage.observe(doc, corpus);
    } catch (error) {
      return articleErrorRecord(doc, stage.name, errorMessage(error));
    }
    addTiming(timings, stage.name, performance.now() - started);
  }
  return null;
}

async function integrate(doc: Doc, stages: Stage[], corpus: Corpus, timings: Timings): Promise<Outcome> {
  for (const stage of stages) {
    if (!stage.integrate) continue;
    const started = performance.now();
    try {
      await stage.integrate(doc, corpus);
    } catch (error) {
      return { error: articleErrorRecord(doc, stage.name, errorMessage(error)) };
    }
    addTiming(timings, stage.name, performance.now() - started);
  }
  return { doc };
}

function addTiming(timings: Timings, stage: string, ms: number): void {
  timings[stage] = (timings[stage] ?? 0) + ms;
}

function articleErrorRecord(doc: Doc, stage: string, message: string): ErrorRecord {
  const a = doc.article;
  return { id: a.id, source: a.source, file: a.source, line: null, stage, message };
}

function sourceErrorRecord(error: SourceError): ErrorRecord {
  return { id: error.id ?? null, source: error.source, file: error.file, line: error.line ?? null, stage: 'source', message: error.message };
}

/** An output name can never leave the output folder, whatever the input was called. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:]/g, '_').replace(/^\.+/, '_');
  return cleaned || 'input';
}
