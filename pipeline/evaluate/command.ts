import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { addConfigOptions, configFromOptions, UsageError, type ConfigOptions } from '../options.ts';
import type { EvalResult, GoldRecord } from './contract.ts';
import { EVALUATORS, SCOREBOARD_PATTERNS } from './registry.ts';
import { formatResult, formatTable } from './report.ts';

interface EvalCommandOptions extends ConfigOptions {
  gold?: string[];
  json?: boolean;
  report?: string;
  savePredictions?: string;
  input: 'text' | 'html';
  data: string;
  out: string;
  examples: string;
}

export function registerEvalCommand(program: Command): void {
  addConfigOptions(
    program
      .command('eval')
      .description(`score a stage against gold data: ${Object.keys(EVALUATORS).join(', ')}, or "all" for every dev file under --data`)
      .argument('<stage>', 'stage to evaluate, or all')
      .option('--gold <file...>', 'gold JSONL file(s) in the formats of FORMATS.md')
      .option('--json', 'print exactly one JSON object on stdout')
      .option('--report <file>', 'also write the human report as Markdown')
      .option('--save-predictions <file>', 'write the predictions as JSONL in the gold format')
      .option('--input <kind>', 'boilerplate: read the gold "text" dump or its "html"', 'text')
      .option('--examples <n>', 'worst examples to show per file', '10')
      .option('--data <dir>', 'eval all: the data folder', '../shared/data')
      .option('--out <dir>', 'eval all: where the scoreboard goes', 'output'),
  ).action(async (stage: string, options: EvalCommandOptions) => {
    if (stage === 'all') return evalAll(options);
    if (!EVALUATORS[stage]) throw new UsageError(`unknown stage "${stage}": one of ${Object.keys(EVALUATORS).join(', ')}, all`);
    if (!options.gold?.length) throw new UsageError('eval needs --gold FILE');
    if (options.input !== 'text' && options.input !== 'html') throw new UsageError('--input must be text or html');
    const outcome = await evaluateFiles(stage, options.gold, options);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(outcome.json)}\n`);
    } else {
      process.stdout.write(outcome.report);
    }
    if (options.report) await writeFile(options.report, outcome.report);
    if (options.savePredictions) {
      await mkdir(dirname(options.savePredictions), { recursive: true });
      await writeFile(options.savePredictions, outcome.predictions.map((p) => JSON.stringify(p)).join('\n') + (outcome.predictions.length ? '\n' : ''));
    }
  });
}

interface FileOutcome {
  json: { stage: string; input: string; files: { path: string; records: number; metrics: Record<string, unknown> }[]; records: number; metrics: Record<string, unknown> };
  report: string;
  predictions: Record<string, unknown>[];
}

export async function readGold(path: string): Promise<GoldRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read gold file ${path}: ${(error as Error).message}`);
  }
  const records: GoldRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      throw new UsageError(`${path}:${i + 1}: malformed JSON: ${(error as Error).message}`);
    }
  });
  return records;
}

async function evaluateFiles(stage: string, files: string[], options: EvalCommandOptions): Promise<FileOutcome> {
  const evaluator = await EVALUATORS[stage]();
  const config = configFromOptions({ ...options, threads: '0' });
  const evalOptions = { input: options.input, config };
  const maxExamples = Number(options.examples);
  const perFile: { path: string; result: EvalResult }[] = [];
  const all: GoldRecord[] = [];
  for (const [index, path] of files.entries()) {
    const gold = await readGold(path);
    // Cluster ids are per file: keep them apart when files are pooled for the overall score.
    all.push(...gold.map((r) => ('cluster' in r ? { ...r, cluster: `${index}:${String(r.cluster)}` } : r)));
    perFile.push({ path, result: await evaluator.evaluate(gold, evalOptions) });
  }
  const overall = perFile.length === 1 ? perFile[0].result : await evaluator.evaluate(all, evalOptions);
  const sections = perFile.map(({ path, result }) => formatResult(`${stage} on ${path}${stage === 'boilerplate' ? ` (${options.input})` : ''}`, result, maxExamples));
  if (perFile.length > 1) sections.push(formatResult(`${stage} overall (${files.length} files)`, overall, 0));
  return {
    json: {
      stage,
      input: options.input,
      files: perFile.map(({ path, result }) => ({ path, records: result.records, metrics: result.metrics })),
      records: overall.records,
      metrics: overall.metrics,
    },
    report: `# newsnlp eval ${stage}\n\n${sections.join('\n')}`,
    predictions: perFile.flatMap(({ result }) => result.predictions),
  };
}

/** `eval all`: every dev file under --data, one scoreboard (Markdown + JSON). */
async function evalAll(options: EvalCommandOptions): Promise<void> {
  if (!existsSync(options.data)) throw new UsageError(`data folder not found: ${options.data}`);
  const rows: { stage: string; file: string; input: string; records: number; metrics: Record<string, unknown> }[] = [];
  const reports: string[] = [];
  for (const pattern of SCOREBOARD_PATTERNS) {
    const folder = join(options.data, pattern.folder);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((n) => pattern.match.test(n)).sort()) {
      const file = join(folder, name);
      const input = pattern.input ?? (pattern.stage === 'boilerplate' && name.startsWith('trafilatura') ? 'html' : 'text');
      process.stderr.write(`eval ${pattern.stage} ${file} (${input})\n`);
      try {
        const outcome = await evaluateFiles(pattern.stage, [file], { ...options, input });
        rows.push({ stage: pattern.stage, file: `${pattern.folder}/${name}`, input, records: outcome.json.records, metrics: outcome.json.metrics });
        reports.push(outcome.report);
      } catch (error) {
        process.stderr.write(`eval ${pattern.stage} ${file}: failed: ${(error as Error).message}\n`);
        rows.push({ stage: pattern.stage, file: `${pattern.folder}/${name}`, input, records: 0, metrics: { error: (error as Error).message } });
      }
    }
  }
  const scoreboard = formatScoreboard(rows);
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'scoreboard.md'), `${scoreboard}\n\n${reports.join('\n')}`);
  await writeFile(join(options.out, 'scoreboard.json'), `${JSON.stringify({ data: options.data, rows }, null, 1)}\n`);
  if (options.json) process.stdout.write(`${JSON.stringify({ stage: 'all', files: rows.map((r) => r.file), records: rows.reduce((a, r) => a + r.records, 0), metrics: { rows } })}\n`);
  else process.stdout.write(`${scoreboard}\n\nwritten: ${join(options.out, 'scoreboard.md')}, ${join(options.out, 'scoreboard.json')}\n`);
}

/** The headline numbers of each stage, one row per file. */
const HEADLINE: Record<string, string[]> = {
  boilerplate: ['precision', 'recall', 'f1'],
  langid: ['accuracy', 'meanAccuracy', 'byKind.sentence', 'byKind.word-pair', 'byKind.word'],
  sentences: ['exactMatch', 'precision', 'recall', 'f1'],
  ner: ['precision', 'recall', 'f1'],
  dates: ['strictF1', 'relaxedF1', 'valueF1', 'valueAccuracy', 'typeAccuracy'],
  dedup: ['bcubedPrecision', 'bcubedRecall', 'bcubedF1', 'ari'],
};

function formatScoreboard(rows: { stage: string; file: string; input: string; records: number; metrics: Record<string, unknown> }[]): string {
  const out = ['# Scoreboard', ''];
  for (const stage of Object.keys(HEADLINE)) {
    const mine = rows.filter((r) => r.stage === stage);
    if (!mine.length) continue;
    const metricNames = HEADLINE[stage];
    out.push(
      formatTable({
        title: stage,
        columns: ['file', 'input', 'records', ...metricNames],
        rows: mine.map((r) => [basename(r.file) === r.file ? r.file : r.file, r.input, r.records, ...metricNames.map((m) => headlineValue(r.metrics, m))]),
      }),
      '',
    );
  }
  return out.join('\n');
}

function headlineValue(metrics: Record<string, unknown>, name: string): string | number {
  if (typeof metrics.error === 'string') return 'error';
  // A dotted name reads inside an object (`byKind.word`); segment-format boilerplate files
  // report under `segments`.
  const path = name.split('.');
  const read = (from: unknown): unknown => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), from);
  const value = read(metrics) ?? read(metrics.segments);
  return typeof value === 'number' ? value : '-';
}
