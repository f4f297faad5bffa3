import type { PipelineConfig } from '../config.ts';

/** A gold record as read from a file in `../shared/data/FORMATS.md`'s formats. */
export type GoldRecord = Record<string, unknown> & { id?: string };

export interface EvalOptions {
  /** Boilerplate: read the `text` dump (default) or the raw `html`. */
  input: 'text' | 'html';
  config: PipelineConfig;
}

/** A table of the human report: per label / language / type, baselines side by side. */
export interface EvalTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** One of the worst cases, so whoever tunes the stage sees what to fix. */
export interface EvalExample {
  id: string;
  /** `miss` (gold not found), `false` (predicted, not gold), `wrong` (found, wrong value/label). */
  kind: 'miss' | 'false' | 'wrong';
  text: string;
  detail?: string;
}

export interface EvalResult {
  records: number;
  /** Exactly the metric names of issue 9 for the stage; fractions in [0, 1]. */
  metrics: Record<string, unknown>;
  tables: EvalTable[];
  examples: EvalExample[];
  /** The stage's predictions in the gold format, same ids, for `--save-predictions`. */
  predictions: Record<string, unknown>[];
}

export interface StageEvaluator {
  /** The name used on the command line: boilerplate, langid, sentences, ner, dates, dedup. */
  name: string;
  evaluate(records: GoldRecord[], options: EvalOptions): Promise<EvalResult>;
}
