import type { Command } from 'commander';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from './article.ts';
import type { BaselineResult } from './baselines.ts';
import { withPrerequisites, type PipelineConfig, type StageName } from './config.ts';
import { percentile } from './evaluate/metrics.ts';
import { addConfigOptions, configFromOptions, UsageError, type ConfigOptions } from './options.ts';

export interface StageBench {
  /** Articles per second per core: articles / total time spent in the stage. */
  articlesPerSecond: number;
  mbPerSecondPerCore: number;
  tokensPerSecondPerCore: number;
  p50ms: number;
  p95ms: number;
  /** Mean ms per article over the last 1,000 articles divided by the first 1,000 (1 = flat). */
  growth: number | null;
}

export interface BenchReport {
  input: string;
  articles: number;
  megabytes: number;
  tokens: number;
  seconds: number;
  articlesPerSecond: number;
  peakRssMB: number;
  /** RSS after the first 1,000 articles (flat memory means close to peakRssMB). */
  rssAt1000MB: number | null;
  threads: number;
  /** CPU time / wall time of the whole process: how many cores were busy on average. */
  coresUsed: number;
  errors: number;
  stages: Record<string, StageBench>;
  baselines: Record<string, BaselineResult & { ratio?: number; comparedWith?: string }>;
  machine: string;
}

/** Which stage each baseline is the alternative to. */
const BASELINE_FOR: Record<string, string | null> = {
  passthrough: null,
  franc: 'language',
  'intl-segmenter': 'sentences',
  'chrono-node': 'dates',
  'pairwise-jaccard': 'dedup',
};

interface BenchOptions extends ConfigOptions {
  input?: string;
  limit?: string;
  json?: boolean;
  baselines: boolean;
}

export function registerBenchCommand(program: Command): void {
  addConfigOptions(
    program
      .command('bench')
      .description('time the pipeline per stage and end to end, with the baselines a user would otherwise use, side by side')
      .option('--input <file>', 'a dump to run (default: the seeds repeated to 2,000 articles)')
      .option('--limit <n>', 'use only the first N articles of the input')
      .option('--no-baselines', 'skip the baselines')
      .option('--json', 'print one JSON object'),
  ).action(async (options: BenchOptions) => {
    // The stages asked for are the ones reported; the run includes what they read from.
    const requested = configFromOptions(options);
    const config = { ...requested, stages: withPrerequisites(requested.stages) };
    const limit = options.limit ? Number(options.limit) : Infinity;
    if (!(limit > 0)) throw new UsageError('--limit must be a positive number');
    const report = await bench(config, options.input, limit, options.baselines, requested.stages);
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatBench(report));
  });
}

const SEEDS = new URL('../seeds/', import.meta.url).pathname;

/** The bench's articles, one at a time: the input's first `limit`, or the seeds repeated to 2,000. */
async function* benchArticles(input: string | undefined, limit: number): AsyncGenerator<Article> {
  const { openInput } = await import('./sources/index.ts');
  const source = await openInput(input ?? SEEDS);
  if (input) {
    let n = 0;
    for await (const item of source.items()) {
      if (!('article' in item)) continue;
      yield item.article;
      if (++n >= limit) return;
    }
    return;
  }
  const seeds: Article[] = [];
  for await (const item of source.items()) if ('article' in item) seeds.push(item.article);
  const total = seeds.length ? Math.min(2000, limit) : 0;
  for (let n = 0, k = 0; n < total; k++) {
    for (const a of seeds) if (n++ < total) yield { ...a, id: `${a.id}~${k}` };
  }
}

export async function bench(
  config: PipelineConfig,
  input: string | undefined,
  limit: number,
  withBaselines: boolean,
  reported: StageName[] = config.stages,
): Promise<BenchReport> {
  // Loaded here, not at the top: `newsnlp --help` should not load every stage and model.
  const [{ runPipeline }, { BASELINES }] = await Promise.all([import('./runner.ts'), import('./baselines.ts')]);
  const work = await mkdtemp(join(tmpdir(), 'newsnlp-bench-'));
  try {
    // The run reads the articles from a dump like any input; the bench holds none of them in
    // memory meanwhile (peak RSS is the pipeline's), and reads them back for the baselines.
    const dump = join(work, 'bench.jsonl');
    const { count, bytes, tokens } = await writeBenchDump(benchArticles(input, limit), dump);
    if (!count) throw new UsageError(`no readable articles in ${input ?? SEEDS}`);

    // Sampled during the run only: the process's lifetime maximum would include the dump writing.
    let peakRss = process.memoryUsage.rss();
    let rssAt1000: number | null = null;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
    const cpuStart = process.cpuUsage();
    const summary = await runPipeline({
      inputs: [dump],
      outDir: join(work, 'out'),
      config,
      onProgress: (p) => {
        if (p.done === 1000) rssAt1000 = process.memoryUsage.rss();
      },
    });
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuStart);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());

    const stages: Record<string, StageBench> = {};
    for (const [name, times] of Object.entries(summary.stageTimings)) {
      if (!times.length || !reported.includes(name as StageName)) continue;
      const totalSeconds = times.reduce((a, b) => a + b, 0) / 1000;
      stages[name] = {
        articlesPerSecond: times.length / Math.max(totalSeconds, 1e-9),
        mbPerSecondPerCore: bytes / 1e6 / Math.max(totalSeconds, 1e-9),
        tokensPerSecondPerCore: tokens / Math.max(totalSeconds, 1e-9),
        p50ms: percentile(times, 50),
        p95ms: percentile(times, 95),
        growth: times.length >= 2000 ? mean(times.slice(-1000)) / Math.max(mean(times.slice(0, 1000)), 1e-9) : null,
      };
    }

    const baselines: BenchReport['baselines'] = {};
    let articles: Article[] | undefined; // read back only now, after the run's memory was measured
    if (withBaselines) {
      for (const [name, baseline] of Object.entries(BASELINES)) {
        const stage = BASELINE_FOR[name];
        if (stage && !reported.includes(stage as StageName)) continue;
        const result = await baseline((articles ??= await collect(benchArticles(dump, Infinity))), work);
        const mine = stage ? stages[stage] : undefined;
        baselines[name] = mine
          ? { ...result, comparedWith: stage!, ratio: mine.articlesPerSecond / result.articlesPerSecond }
          : { ...result, ...(name === 'passthrough' ? { comparedWith: 'end-to-end', ratio: summary.articlesPerSecond / result.articlesPerSecond } : {}) };
      }
    }
    return {
      input: input ?? 'seeds (repeated)',
      articles: count,
      megabytes: bytes / 1e6,
      tokens,
      seconds: summary.seconds,
      articlesPerSecond: summary.records / Math.max(summary.seconds, 1e-9),
      peakRssMB: peakRss / 1e6,
      rssAt1000MB: rssAt1000 === null ? null : (rssAt1000 as number) / 1e6,
      threads: summary.threads,
      coresUsed: (cpu.user + cpu.system) / 1e6 / Math.max(summary.seconds, 1e-9),
      errors: summary.errors,
      stages,
      baselines,
      machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes the articles as a JSONL dump, one at a time (the bench holds none of them). */
async function writeBenchDump(articles: AsyncIterable<Article>, path: string): Promise<{ count: number; bytes: number; tokens: number }> {
  const out = createWriteStream(path);
  let count = 0;
  let bytes = 0;
  let tokens = 0;
  for await (const a of articles) {
    const line = `${JSON.stringify({ id: a.id, text: a.text, html: a.html, url: a.url, published: a.published, title: a.title, lang: a.lang })}\n`;
    if (!out.write(line)) await once(out, 'drain');
    const text = a.text ?? a.html ?? '';
    count++;
    bytes += Buffer.byteLength(text);
    tokens += countTokens(text);
  }
  out.end();
  await finished(out);
  return { count, bytes, tokens };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}

function countTokens(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

export function formatBench(r: BenchReport): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    `# newsnlp bench: ${r.input}`,
    '',
    `${r.articles} articles, ${f(r.megabytes, 2)} MB, ${r.tokens} tokens; ${r.threads} threads on ${r.machine}`,
    `end to end: ${f(r.seconds, 2)} s, ${f(r.articlesPerSecond)} articles/s, ${f(r.megabytes / r.seconds, 2)} MB/s, cores busy ${f(r.coresUsed, 2)}, peak RSS ${f(r.peakRssMB, 0)} MB` +
      (r.rssAt1000MB !== null ? ` (${f(r.rssAt1000MB, 0)} MB after 1,000 articles)` : '') +
      (r.errors ? `, ${r.errors} errors` : ''),
    '',
    '| stage | articles/s/core | MB/s/core | tokens/s/core | p50 ms | p95 ms | last/first 1k |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.stages).map(
      ([name, s]) =>
        `| ${name} | ${f(s.articlesPerSecond)} | ${f(s.mbPerSecondPerCore, 2)} | ${f(s.tokensPerSecondPerCore, 0)} | ${f(s.p50ms, 3)} | ${f(s.p95ms, 3)} | ${s.growth === null ? '-' : f(s.growth, 2)} |`,
    ),
    '',
  ];
  if (Object.keys(r.baselines).length) {
    lines.push('| baseline | articles | articles/s | MB/s | p50 ms | p95 ms | ours / baseline |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, b] of Object.entries(r.baselines)) {
      lines.push(`| ${name} | ${b.articles} | ${f(b.articlesPerSecond)} | ${f(b.mbPerSecond, 2)} | ${f(b.p50ms, 3)} | ${f(b.p95ms, 3)} | ${b.ratio === undefined ? '-' : `${b.ratio.toPrecision(3)}x (${b.comparedWith})`} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
