import { join } from 'node:path';
import PQueue from 'p-queue';
import type { PipelineConfig } from './config.ts';
import { MemoryCorpus, type Corpus } from './corpus.ts';
import { loadCorpus, saveCorpus, corpusFile } from './corpus-store.ts';
import { createDoc } from './doc.ts';
import { errorMessage } from './execute.ts';
import { articleErrorRecord, InputOutput, observe, outputNames, sourceErrorRecord, type Outcome, type Timings } from './commit.ts';
import { emptyInputState, fileFingerprint, Journal, recordingCorpus, replayJournal, type RecordedMutation, type ResumeState } from './journal.ts';
import { OrderedCommitter } from './ordered.ts';
import { createExecutor, DEFAULT_ARTICLE_TIMEOUT_MS, type Executor } from './pool.ts';
import type { ArticleRecord } from './record.ts';
import { countArticles, openInput, type Input } from './sources/index.ts';
import type { Stage } from './stage.ts';
import { createStages } from '../stages/index.ts';

export { safeName } from './commit.ts';

export interface RunOptions {
  inputs: string[];
  outDir: string;
  config: PipelineConfig;
  /** Cross-article state; a fresh in-memory corpus by default (or the `indexDir` one). */
  corpus?: Corpus;
  /** `--index DIR`: start from the corpus saved there and save it back at the end. */
  indexDir?: string;
  /** Continue an interrupted run in `outDir` from its journal. */
  resume?: boolean;
  /** Aborting stops reading; what is in flight is committed, then the run rejects with RunInterrupted. */
  signal?: AbortSignal;
  /** Called once inputs are open, with the number of articles expected (null: unknown). */
  onStart?: (start: { total: number | null; alreadyDone: number }) => void;
  /** Called after each committed article (record or error). */
  onProgress?: (progress: RunProgress) => void;
  /** Called with each record as it is committed (bench uses this instead of files). */
  onRecord?: (record: ArticleRecord) => void;
  /** Write no files (bench, eval). */
  dryRun?: boolean;
  /** Per-article time limit of the per-article stages in worker threads (ms; default 60 s; 0: none). */
  articleTimeoutMs?: number;
  /** Milliseconds between checkpoints (output fsync, then journal); default 1000. */
  checkpointMs?: number;
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
  /** Articles already committed by the interrupted run this one resumed (0 for a fresh run). */
  resumedFrom: number;
}

/** The run stopped on request (Ctrl-C) after committing what was in flight; `--resume` continues it. */
export class RunInterrupted extends Error {
  constructor(readonly summary: RunSummary) {
    super(`interrupted after ${summary.records + summary.errors} articles; run again with --resume to continue`);
  }
}

/** Runs the configured stages over every input, one output file per input. */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  if (options.corpus) return run(options, options.corpus);
  // A corpus of our own: closed however the run ends (the in-memory one holds a spill file open).
  const corpus = options.indexDir ? await loadCorpus(options.indexDir) : new MemoryCorpus();
  try {
    return await run(options, corpus);
  } finally {
    await corpus.close();
  }
}

async function run(options: RunOptions, corpus: Corpus): Promise<RunSummary> {
  const { config } = options;
  const started = performance.now();
  const indexPath = options.indexDir ? corpusFile(options.indexDir) : null;
  const indexPrint = indexPath ? await fileFingerprint(indexPath) : null;
  const stages = createStages(config);
  const timings: Record<string, number[]> = Object.fromEntries(config.stages.map((s) => [s, []]));
  const summary: RunSummary = { records: 0, errors: 0, seconds: 0, articlesPerSecond: 0, threads: 0, inputs: [], stageTimings: timings, resumedFrom: 0 };

  const opened: Input[] = [];
  for (const path of options.inputs) opened.push(await openInput(path));
  const names = outputNames(opened.map((input) => input.name));
  let journal: Journal | null = null;
  let state: ResumeState | null = null;
  if (!options.dryRun) {
    ({ journal, state } = await Journal.open(options.outDir, options.inputs, journalConfig(config), indexPrint, options.resume ?? false));
  }
  if (state) {
    const allDone = state.inputs.every((i) => i.done);
    if (!allDone && state.index !== indexPrint) throw new Error(`--resume: the index ${indexPath} changed since the interrupted run`);
    // All inputs done and the index already saved: only the final marker was missing.
    const indexSaved = allDone && state.index !== indexPrint;
    if (!state.complete && !indexSaved) await replayJournal(Journal.path(options.outDir), state.goodBytes, corpus);
    if (state.complete || indexSaved) {
      for (const [k, input] of state.inputs.entries()) {
        summary.inputs.push({ input: options.inputs[k], output: join(options.outDir, `${names[k]}.jsonl`), records: input.records, errors: input.errors });
        summary.records += input.records;
        summary.errors += input.errors;
      }
      summary.resumedFrom = summary.records + summary.errors;
      await journal!.finish(options.outDir, summary.inputs);
      return summary;
    }
  }
  const inputStates = opened.map((_, k) => state?.inputs[k] ?? emptyInputState());
  for (const s of inputStates) {
    summary.records += s.records;
    summary.errors += s.errors;
  }
  summary.resumedFrom = summary.records + summary.errors;

  if (options.onStart) {
    const counts = await Promise.all(opened.map((input) => countArticles(input.path)));
    const total = counts.some((c) => c === null) ? null : (counts as number[]).reduce((a, b) => a + b, 0);
    options.onStart({ total, alreadyDone: summary.resumedFrom });
  }

  const executor = createExecutor(config, options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS);
  summary.threads = executor.threads;
  try {
    await executor.ready();
    // The in-order phases run here, on the main thread: their stages need their resources too.
    for (const stage of stages) if (stage.observe || stage.integrate || stage.summarize) await stage.init?.();
    for (const [k, input] of opened.entries()) {
      summary.inputs.push(await runInput(input, names[k], k, inputStates[k], stages, executor, corpus, journal, options, summary));
    }
  } catch (error) {
    await journal?.close();
    throw error;
  } finally {
    await executor.close();
  }
  if (journal) {
    if (options.indexDir && corpus instanceof MemoryCorpus) await saveCorpus(corpus, options.indexDir);
    await journal.finish(options.outDir, summary.inputs);
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.articlesPerSecond = (summary.records - (state ? sum(state.inputs.map((i) => i.records)) : 0)) / Math.max(summary.seconds, 1e-9);
  return summary;
}

/** What must not change between an interrupted run and its `--resume`: everything that shapes output. */
function journalConfig(config: PipelineConfig): unknown {
  const { concurrency: _c, threads: _t, ...rest } = config;
  return rest;
}

async function runInput(
  input: Input,
  name: string,
  index: number,
  state: ReturnType<typeof emptyInputState>,
  stages: Stage[],
  executor: Executor,
  corpus: Corpus,
  journal: Journal | null,
  options: RunOptions,
  summary: RunSummary,
): Promise<InputSummary> {
  const { config } = options;
  if (state.done) return { input: input.path, output: join(options.outDir, `${name}.jsonl`), records: state.records, errors: state.errors };
  const output = await InputOutput.open({
    outDir: options.outDir,
    name,
    inputIndex: index,
    stages,
    corpus,
    journal,
    state,
    checkpointMs: options.checkpointMs ?? 1000,
    onRecord: options.onRecord,
    onCommit: (kind, articleTimings) => {
      if (kind === 'record') {
        summary.records++;
        for (const [stage, ms] of Object.entries(articleTimings)) (summary.stageTimings[stage] ??= []).push(ms);
      } else {
        summary.errors++;
      }
      options.onProgress?.({ done: summary.records + summary.errors, records: summary.records, errors: summary.errors });
    },
  });

  /** Each article's observe-phase corpus updates, held until it commits (the journal needs them). */
  const observedBy = new Map<number, RecordedMutation[]>();
  const committer = new OrderedCommitter<Outcome>(async (seq, outcome) => {
    const observed = observedBy.get(seq);
    observedBy.delete(seq);
    await output.commit(seq, outcome, observed);
  }, state.committed);

  const queue = new PQueue({ concurrency: config.concurrency });
  let seq = 0;
  let interrupted = false;
  try {
    for await (const item of input.items()) {
      const n = seq++;
      if (n < state.committed) continue; // committed by the run we resume
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      if ('error' in item) {
        committer.put(n, { error: sourceErrorRecord(item.error) });
        continue;
      }
      const doc = createDoc(item.article);
      const articleTimings: Timings = {};
      const observed: RecordedMutation[] = [];
      observedBy.set(n, observed);
      const failed = await observe(doc, stages, journal ? recordingCorpus(corpus, observed) : corpus, articleTimings);
      if (failed) {
        committer.put(n, { error: failed });
        continue;
      }
      // Bounded memory: never more than `concurrency` articles between reading and writing.
      while (queue.size + queue.pending + committer.pending >= config.concurrency) await committer.committed();
      void queue.add(async () => {
        let outcome: Outcome;
        try {
          const result = await executor.run(doc);
          for (const [stage, ms] of Object.entries(result.timings)) articleTimings[stage] = (articleTimings[stage] ?? 0) + ms;
          outcome = result.ok ? { doc: result.doc, timings: articleTimings } : { error: articleErrorRecord(doc, result.stage, result.message) };
        } catch (error) {
          outcome = { error: articleErrorRecord(doc, 'worker', errorMessage(error)) };
        }
        committer.put(n, outcome);
      });
    }
    await queue.onIdle();
    await committer.flush();
  } catch (error) {
    await queue.onIdle();
    await committer.flush().catch(() => {});
    await output.interrupt();
    throw error;
  }
  if (interrupted) {
    await output.interrupt();
    await journal?.close();
    throw new RunInterrupted(summary);
  }
  await output.finish();
  return { input: input.path, output: output.outputPath, records: output.counts.records, errors: output.counts.errors };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
