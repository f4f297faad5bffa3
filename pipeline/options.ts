import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { defaultConfig, defaultThreads, STAGE_NAMES, type PipelineConfig, type StageName } from './config.ts';

/** Command-line options shared by `run`, `bench` and `eval`, before they become a PipelineConfig. */
export interface ConfigOptions {
  config?: string;
  stages?: string;
  concurrency?: string;
  threads?: string;
  dct?: string;
  languages?: string;
  toneMarks?: string;
  nerBackend?: string;
  nerModel?: string;
  nerModelDir?: string;
  nerAggregation?: string;
  allowDownload?: boolean;
  device?: string;
  duplicateThreshold?: string;
  storyThreshold?: string;
  index?: string;
}

/** Options every command that runs stages understands. */
export function addConfigOptions(command: Command): Command {
  return command
    .option('--config <file>', 'JSON file with pipeline options (flags override it)')
    .option('--stages <list>', 'comma-separated stages to run', 'boilerplate,language,sentences,entities,dates,dedup')
    .option('--concurrency <n>', 'articles in flight at once (bounds memory)', '64')
    .option('--threads <n>', 'worker threads for per-article stages (default: all cores; 0 = main thread)')
    .option('--dct <date>', 'document creation time for articles without a published date (YYYY-MM-DD)')
    .option('--languages <codes>', 'restrict language identification to these codes, e.g. vi,en')
    .addOption(new Option('--tone-marks <style>', 'Vietnamese tone-mark placement').choices(['new', 'old', 'keep']))
    .addOption(new Option('--ner-backend <backend>', 'entity tagger').choices(['embedded', 'transformers']))
    .option('--ner-model <dir|id>', 'transformers backend: local model directory or hub id')
    .option('--ner-model-dir <dir>', 'embedded backend: directory of trained models (default: models/ner)')
    .addOption(new Option('--ner-aggregation <strategy>', 'transformers backend: sub-word aggregation').choices(['simple', 'first', 'max']))
    .option('--allow-download', 'let the transformers backend download a hub model')
    .addOption(new Option('--device <device>', 'transformers backend device').choices(['cpu', 'cuda', 'webgpu']))
    .option('--duplicate-threshold <x>', 'near-duplicate shingle Jaccard threshold')
    .option('--story-threshold <x>', 'story clustering similarity threshold')
    .option('--index <dir>', 'load the dedup/boilerplate index from DIR and save it back after the run');
}

/** Defaults, then the `--config` JSON file, then flags: later wins. */
export function configFromOptions(options: ConfigOptions): PipelineConfig {
  const fromFile = options.config ? readConfigFile(options.config) : {};
  const base = defaultConfig({ threads: defaultThreads(), ...fromFile });
  const config: PipelineConfig = { ...base, ner: { ...base.ner, ...fromFile.ner }, dedup: { ...base.dedup, ...fromFile.dedup } };
  if (options.stages) config.stages = parseStages(options.stages);
  if (options.concurrency) config.concurrency = positiveInt(options.concurrency, '--concurrency');
  if (options.threads !== undefined) config.threads = nonNegativeInt(options.threads, '--threads');
  if (options.dct) config.dct = isoDate(options.dct, '--dct');
  if (options.languages) config.languages = options.languages.split(',').map((l) => l.trim()).filter(Boolean);
  if (options.toneMarks) config.toneMarks = oneOf(options.toneMarks, ['new', 'old', 'keep'] as const, '--tone-marks');
  if (options.nerBackend) config.ner.backend = oneOf(options.nerBackend, ['embedded', 'transformers'] as const, '--ner-backend');
  if (options.nerModel) config.ner.model = options.nerModel;
  if (options.nerModelDir) config.ner.modelDir = options.nerModelDir;
  if (options.nerAggregation) config.ner.aggregation = oneOf(options.nerAggregation, ['simple', 'first', 'max'] as const, '--ner-aggregation');
  if (options.allowDownload) config.ner.allowDownload = true;
  if (options.device) config.ner.device = oneOf(options.device, ['cpu', 'cuda', 'webgpu'] as const, '--device');
  if (options.duplicateThreshold) config.dedup.duplicateThreshold = fraction(options.duplicateThreshold, '--duplicate-threshold');
  if (options.storyThreshold) config.dedup.storyThreshold = fraction(options.storyThreshold, '--story-threshold');
  if (options.index) config.dedup.indexDir = options.index;
  return config;
}

function readConfigFile(path: string): Partial<PipelineConfig> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<PipelineConfig>;
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
}

/** A mistake on the command line: reported without a stack trace. */
export class UsageError extends Error {}

export function parseStages(list: string): StageName[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!(STAGE_NAMES as readonly string[]).includes(name)) throw new UsageError(`unknown stage "${name}"; stages are ${STAGE_NAMES.join(', ')}`);
  }
  // Always pipeline order, whatever order they were listed in.
  return STAGE_NAMES.filter((s) => names.includes(s));
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

function nonNegativeInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a non-negative integer, got "${value}"`);
  return n;
}

function fraction(value: string, flag: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new UsageError(`${flag} must be between 0 and 1, got "${value}"`);
  return n;
}

function isoDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`${flag} must be an ISO date (YYYY-MM-DD), got "${value}"`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
