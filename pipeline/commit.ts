import { join } from 'node:path';
import type { SourceError } from './article.ts';
import type { Corpus } from './corpus.ts';
import type { Doc } from './doc.ts';
import { errorMessage } from './execute.ts';
import { recordingCorpus, type InputState, type Journal, type RecordedMutation } from './journal.ts';
import { toRecord, type ArticleRecord, type ErrorRecord } from './record.ts';
import { CheckpointedFile } from './sinks.ts';
import type { Stage } from './stage.ts';

/** Milliseconds one article spent in each stage, all phases added up. */
export type Timings = Record<string, number>;

/** What per-article work made of one input item: a processed doc, or an error line. */
export type Outcome = ({ doc: Doc } | { error: ErrorRecord }) & { timings?: Timings };

export interface CommitCounts {
  records: number;
  errors: number;
}

export interface InputOutputOptions {
  outDir: string;
  /** Output name: `<name>.jsonl`, `<name>.errors.jsonl`, `<name>.<side>.jsonl`. */
  name: string;
  inputIndex: number;
  stages: Stage[];
  corpus: Corpus;
  /** Null: write no files (bench, eval). */
  journal: Journal | null;
  /** Where the journal says this input stands (resume), or a fresh state. */
  state: InputState;
  /** Journal each article's corpus updates for `--resume` (default true; `collect` keeps its corpus in Redis). */
  recordMutations?: boolean;
  /** Milliseconds between checkpoints (fsync of output, then journal). */
  checkpointMs: number;
  onRecord?: (record: ArticleRecord) => void;
  /** Called after each commit with this input's committed counts. */
  onCommit?: (outcome: 'record' | 'error', timings: Timings) => void;
}

/**
 * The in-order half of the pipeline for one input: each processed article goes through the
 * stages' `integrate` phases, becomes a record or an error line, and is journaled. Shared by the
 * local runner and `collect`, so both write exactly the same files.
 */
export class InputOutput {
  readonly ids: string[];
  readonly counts: CommitCounts;
  private lastCheckpoint = performance.now();

  private constructor(
    private readonly options: InputOutputOptions,
    private readonly records: CheckpointedFile | null,
    private readonly errors: CheckpointedFile | null,
  ) {
    this.ids = [...options.state.ids];
    this.counts = { records: options.state.records, errors: options.state.errors };
  }

  static async open(options: InputOutputOptions): Promise<InputOutput> {
    const { outDir, name, journal, state } = options;
    if (!journal) return new InputOutput(options, null, null);
    const records = await CheckpointedFile.open(join(outDir, `${name}.jsonl`), state.recordBytes);
    const errors = await CheckpointedFile.open(join(outDir, `${name}.errors.jsonl`), state.errorBytes);
    return new InputOutput(options, records, errors);
  }

  get outputPath(): string | null {
    return this.records?.path ?? null;
  }

  /** Commits the article of sequence number `seq`; `observed` holds its observe-phase updates. */
  async commit(seq: number, outcome: Outcome, observed: RecordedMutation[] = []): Promise<void> {
    const { stages, corpus, journal } = this.options;
    const timings = outcome.timings ?? {};
    const mutations = observed;
    let final: { doc: Doc } | { error: ErrorRecord } = outcome;
    const recording = journal && this.options.recordMutations !== false;
    if ('doc' in outcome) final = await integrate(outcome.doc, stages, recording ? recordingCorpus(corpus, mutations) : corpus, timings);
    let id: string | null;
    if ('doc' in final) {
      const record = toRecord(final.doc);
      id = record.id;
      this.ids.push(record.id);
      this.records?.write(record);
      this.options.onRecord?.(record);
      this.counts.records++;
    } else {
      id = final.error.id;
      this.errors?.write(final.error);
      this.counts.errors++;
    }
    if (journal && this.records && this.errors) {
      journal.commit({ i: this.options.inputIndex, s: seq, id, ok: 'doc' in final ? 1 : 0, r: this.records.bytes, e: this.errors.bytes }, mutations);
      const due = performance.now() - this.lastCheckpoint >= this.options.checkpointMs;
      if (due || this.records.buffered + this.errors.buffered > 16 * 1024 * 1024) await this.checkpoint();
    }
    this.options.onCommit?.('doc' in final ? 'record' : 'error', timings);
  }

  /** Output first, journal second: the journal never points past durable output. */
  async checkpoint(): Promise<void> {
    this.lastCheckpoint = performance.now();
    if (!this.options.journal) return;
    await this.records?.checkpoint();
    await this.errors?.checkpoint();
    await this.options.journal.sync();
  }

  /** Writes side outputs, moves the files into place and journals the input as done. */
  async finish(): Promise<void> {
    const { stages, corpus, journal, outDir, name } = this.options;
    if (!journal) return;
    for (const stage of stages) {
      if (!stage.sideOutput || !stage.summarize) continue;
      const side = await CheckpointedFile.open(join(outDir, `${name}.${stage.sideOutput}.jsonl`));
      for (const row of await stage.summarize(corpus, this.ids)) side.write(row);
      await side.finish();
    }
    await this.checkpoint();
    await this.records?.finish();
    await this.errors?.finish();
    journal.add({ done: this.options.inputIndex });
    await journal.sync();
  }

  /** An interrupted run: make what was committed durable, leave the partial files for `--resume`. */
  async interrupt(): Promise<void> {
    await this.checkpoint();
    await this.records?.abandon();
    await this.errors?.abandon();
  }
}

export async function observe(doc: Doc, stages: Stage[], corpus: Corpus, timings: Timings): Promise<ErrorRecord | null> {
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

async function integrate(doc: Doc, stages: Stage[], corpus: Corpus, timings: Timings): Promise<{ doc: Doc } | { error: ErrorRecord }> {
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

export function addTiming(timings: Timings, stage: string, ms: number): void {
  timings[stage] = (timings[stage] ?? 0) + ms;
}

export function articleErrorRecord(doc: Doc, stage: string, message: string): ErrorRecord {
  const a = doc.article;
  return { id: a.id, source: a.source, file: a.source, line: null, stage, message };
}

export function sourceErrorRecord(error: SourceError): ErrorRecord {
  return { id: error.id ?? null, source: error.source, file: error.file, line: error.line ?? null, stage: 'source', message: error.message };
}

/** An output name can never leave the output folder, whatever the input was called. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:]/g, '_').replace(/^\.+/, '_');
  return cleaned || 'input';
}

/** Output names of the inputs, in order: safe, and unique (`name`, `name-2`, ...) so no input overwrites another's. */
export function outputNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const base = safeName(raw);
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
