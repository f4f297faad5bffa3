import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { RedisCorpus } from '../../pipeline/corpus-redis.ts';
import { collect } from '../../pipeline/distributed/collect.ts';
import { enqueue } from '../../pipeline/distributed/enqueue.ts';
import { runWorker } from '../../pipeline/distributed/worker.ts';
import { parseStages } from '../../pipeline/options.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { tempDir } from '../helpers.ts';
import { TEST_STAGES, writeCorpus } from './resume-corpus.ts';

const BIN = new URL('../../bin/newsnlp.js', import.meta.url).pathname;
/** CI may start one and say where (NEWSNLP_TEST_REDIS); else the test starts its own on a free port. */
const given = process.env.NEWSNLP_TEST_REDIS;
const hasRedis = !!given || spawnSync('redis-server', ['--version']).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function shardLines(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.shard.jsonl'))
    .reduce((n, f) => n + readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0);
}

describe.skipIf(!hasRedis)('distributed run (BullMQ on a local redis-server)', () => {
  let redis: ChildProcess | undefined;
  let url: string;

  beforeAll(async () => {
    if (given) {
      url = given;
      return;
    }
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let k = 0; k < 100; k++) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().includes('PONG')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis-server did not start');
  });

  afterAll(() => {
    redis?.kill('SIGTERM');
  });

  it('RedisCorpus behaves like the in-memory corpus', async () => {
    const corpus = new RedisCorpus(url, `test:corpus:${process.pid}:${Date.now()}:`);
    expect(await corpus.increment('lines', ['a', 'b', 'a'])).toEqual([1, 1, 2]);
    expect(await corpus.counts('lines', ['a', 'b', 'z'])).toEqual([2, 1, 0]);
    expect(await corpus.records('profile', ['x'])).toEqual([undefined]);
    await corpus.setRecord('profile', 'x', Uint8Array.of(0, 255, 10, 13, 0));
    await corpus.setRecord('profile', 'y', new Uint8Array(0));
    expect((await corpus.records('profile', ['x', 'z', 'y'])).map((r) => r && [...r])).toEqual([[0, 255, 10, 13, 0], undefined, []]);
    await corpus.append('story', 's1', ['x']);
    await Promise.all([corpus.append('story', 's1', ['y', 'z']), corpus.append('story', 's2', ['w'])]);
    expect(await corpus.list('story', 's1')).toEqual(['x', 'y', 'z']);
    expect((await corpus.keys('story')).sort()).toEqual(['s1', 's2']);
    await corpus.close();
  });

  it('two workers, one killed mid-run: collect writes exactly the local run\'s output', async () => {
    const work = tempDir();
    const dump = join(work, 'dump.jsonl');
    const ids = writeCorpus(dump, 50);
    const runName = `test-${process.pid}-${Date.now()}`;
    const config = defaultConfig({ stages: parseStages(TEST_STAGES), threads: 0, concurrency: 4 });
    const local = join(work, 'local');
    await runPipeline({ inputs: [dump], outDir: local, config });

    const manifest = await enqueue({ inputs: [dump], redis: url, run: runName, config, corpus: runName });
    expect(manifest.inputs[0].count).toBe(ids.length);

    const shards = join(work, 'shards');
    const doomed = spawn(
      process.execPath,
      [BIN, 'worker', '--redis', url, '--run', runName, '--out', shards, '--shard', 'doomed', '--threads', '0', '--concurrency', '4', '--stall-timeout', '1'],
      { stdio: 'ignore' },
    );
    const died = new Promise((resolve) => doomed.on('exit', resolve));
    // Killed while it holds jobs (4 at a time); the survivor, in this process, gets them when their locks expire.
    while (shardLines(shards) < 3) await new Promise((r) => setTimeout(r, 5));
    doomed.kill('SIGKILL');
    await died;
    const survivor = await runWorker({ redis: url, run: runName, outDir: shards, shard: 'survivor', threads: 0, concurrency: 4, stallSeconds: 1, untilEmpty: true });
    expect(survivor.processed).toBeGreaterThan(0);

    const out = join(work, 'distributed');
    const result = await collect({ redis: url, run: runName, shards: [shards], outDir: out });
    expect(result.records + result.errors).toBe(ids.length);
    for (const file of ['dump.jsonl', 'dump.errors.jsonl', 'dump.stories.jsonl']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(local, file), 'utf8'));
    }
    // The dead worker's shard may hold articles the survivor redid: collect kept one of each.
    expect(shardLines(shards)).toBeGreaterThanOrEqual(ids.length);
    await expect(collect({ redis: url, run: runName, shards: [shards], outDir: join(work, 'again') })).rejects.toThrow(/already collected/);
  }, 60_000);
});
