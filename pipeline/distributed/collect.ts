import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { InputOutput, type Outcome } from '../commit.ts';
import { RedisCorpus } from '../corpus-redis.ts';
import { emptyInputState, Journal } from '../journal.ts';
import { createStages } from '../../stages/index.ts';
import { collectedKey, connect, readManifest, type ShardLine } from './run.ts';
import { parseWire } from '../wire.ts';

export interface CollectOptions {
  redis: string;
  run: string;
  /** Shard files, or folders holding `*.shard.jsonl`. */
  shards: string[];
  outDir: string;
  onProgress?: (progress: { done: number; records: number; errors: number }) => void;
}

interface Location {
  file: number;
  offset: number;
  length: number;
}

/**
 * Merges the workers' shards in input order and runs the in-order `integrate` phases (dedup)
 * against the Redis corpus, writing the same files a local run writes: `<name>.jsonl`,
 * `<name>.errors.jsonl`, side outputs. Refuses to start while an article is missing from the
 * shards. The dedup index in Redis then holds this run, so a run is collected once.
 */
export async function collect(options: CollectOptions): Promise<{ records: number; errors: number; outputs: string[] }> {
  const redis = connect(options.redis);
  const files: FileHandle[] = [];
  let corpus: RedisCorpus | null = null;
  try {
    const manifest = await readManifest(redis, options.run);
    if (!manifest) throw new Error(`no run "${options.run}" in Redis: enqueue it first`);
    corpus = new RedisCorpus(options.redis, manifest.corpus);
    if (!manifest.complete) throw new Error(`run "${options.run}" is still being enqueued`);
    const paths = await shardFiles(options.shards);
    const index = manifest.inputs.map((input) => new Array<Location[] | undefined>(input.count));
    for (const [f, path] of paths.entries()) {
      const handle = await open(path, 'r');
      files.push(handle);
      await indexShard(handle, f, index);
    }
    const missing = index.flatMap((seqs, i) => [...seqs.keys()].filter((s) => !seqs[s]).map((s) => `${manifest.inputs[i].name}#${s + 1}`));
    if (missing.length) {
      throw new Error(`${missing.length} articles are not in the shards yet (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}); wait for the workers or start more`);
    }
    if (!(await redis.set(collectedKey(options.run), new Date().toISOString(), 'NX'))) {
      throw new Error(`run "${options.run}" was already collected: its articles are in the Redis dedup index; to redo it, enqueue again with a new --run and a new --corpus`);
    }

    const stages = createStages(manifest.config);
    for (const stage of stages) if (stage.observe || stage.integrate || stage.summarize) await stage.init?.();
    const { journal } = await Journal.open(options.outDir, manifest.inputs.map((i) => i.path), manifest.config, null, false);
    let records = 0;
    let errors = 0;
    const outputs: string[] = [];
    const counts: { records: number; errors: number }[] = [];
    for (const [i, input] of manifest.inputs.entries()) {
      const output = await InputOutput.open({
        outDir: options.outDir,
        name: input.name,
        inputIndex: i,
        stages,
        corpus,
        journal,
        state: emptyInputState(),
        checkpointMs: 1000,
        recordMutations: false,
        onCommit: (kind) => {
          if (kind === 'record') records++;
          else errors++;
          options.onProgress?.({ done: records + errors, records, errors });
        },
      });
      for (let s = 0; s < input.count; s++) {
        const line = await readLine(files, index[i][s]!, `${input.name}#${s + 1}`);
        await output.commit(s, line.doc ? { doc: line.doc } : ({ error: line.error! } as Outcome));
      }
      await output.finish();
      outputs.push(output.outputPath!);
      counts.push(output.counts);
    }
    await journal.finish(options.outDir, counts);
    return { records, errors, outputs };
  } finally {
    for (const handle of files) await handle.close();
    await corpus?.close();
    await redis.quit();
  }
}

async function shardFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new Error(`shard not found: ${path}`);
    });
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (name.endsWith('.shard.jsonl')) files.push(join(path, name));
    } else {
      files.push(path);
    }
  }
  if (!files.length) throw new Error(`no *.shard.jsonl in ${paths.join(' ')}`);
  return files;
}

const KEY = /^\{"k":\[(\d+),(\d+)\]/;

/** Notes where each key's lines are; a key met twice (a retried job) keeps every copy as a fallback. */
async function indexShard(handle: FileHandle, file: number, index: (Location[] | undefined)[][]): Promise<void> {
  const chunkSize = 1 << 20;
  const buffer = Buffer.alloc(chunkSize);
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let position = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, chunkSize, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data = carry.length ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : buffer.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      const match = KEY.exec(data.subarray(start, Math.min(nl, start + 40)).toString('latin1'));
      if (match) {
        const seqs = index[Number(match[1])];
        const s = Number(match[2]);
        if (seqs && s < seqs.length) (seqs[s] ??= []).push({ file, offset: carryOffset + start, length: nl - start });
      }
      start = nl + 1;
    }
    // A line cut by the end of the file (a killed worker's last write) is never indexed.
    carry = Buffer.from(data.subarray(start));
    carryOffset += start;
  }
}

async function readLine(files: FileHandle[], locations: Location[], what: string): Promise<ShardLine> {
  for (const { file, offset, length } of locations) {
    const bytes = Buffer.alloc(length);
    await files[file].read(bytes, 0, length, offset);
    try {
      return parseWire<ShardLine>(bytes.toString('utf8'));
    } catch {
      // torn by a killed worker: another copy exists when the job was retried
    }
  }
  throw new Error(`${what}: every copy in the shards is damaged; enqueue the run again`);
}
