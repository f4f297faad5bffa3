import { Redis } from 'ioredis';
import type { PipelineConfig } from '../config.ts';

/**
 * What `enqueue` tells the workers and `collect` about a distributed run, stored in Redis under
 * `newsnlp:run:<run>:manifest`: the configuration every worker must use, and each input's output
 * name and article count once it is fully enqueued.
 */
export interface Manifest {
  config: PipelineConfig;
  inputs: { path: string; name: string; count: number }[];
  /** Key prefix of the corpus in Redis (boilerplate counts, dedup index). */
  corpus: string;
  /** Set once every input is enqueued. */
  complete: boolean;
}

export function queueName(run: string): string {
  return `newsnlp-${run}`;
}

export function manifestKey(run: string): string {
  return `newsnlp:run:${run}:manifest`;
}

export function collectedKey(run: string): string {
  return `newsnlp:run:${run}:collected`;
}

/**
 * The default corpus (boilerplate counts, dedup index) outlives runs, like `--index`: later dumps
 * see earlier ones. `--corpus NAME` keeps a separate one.
 */
export const CORPUS_PREFIX = 'newsnlp:corpus:';

export function corpusPrefix(name?: string): string {
  return name ? `newsnlp:corpus:${name}:` : CORPUS_PREFIX;
}

/** A connection BullMQ accepts (blocking commands need no retry limit). */
export function connect(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export async function readManifest(redis: Redis, run: string): Promise<Manifest | null> {
  const raw = await redis.get(manifestKey(run));
  return raw ? (JSON.parse(raw) as Manifest) : null;
}

export async function writeManifest(redis: Redis, run: string, manifest: Manifest): Promise<void> {
  await redis.set(manifestKey(run), JSON.stringify(manifest));
}

/** A queued article: its place in the input, and the doc after observe (or the error it already is). */
export interface ArticleJob {
  /** Input index, sequence number in that input. */
  i: number;
  s: number;
  doc?: import('../doc.ts').Doc;
  error?: import('../record.ts').ErrorRecord;
}

/** One line of a worker's shard: the job's key and what per-article work made of it. */
export interface ShardLine {
  k: [number, number];
  doc?: import('../doc.ts').Doc;
  error?: import('../record.ts').ErrorRecord;
}

export function jobId(i: number, s: number): string {
  return `${i}-${s}`;
}
