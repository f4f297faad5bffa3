import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { MemoryCorpus } from '../../pipeline/corpus.ts';
import { readJournal, replayJournal } from '../../pipeline/journal.ts';
import { parseStages } from '../../pipeline/options.ts';
import { runPipeline, RunInterrupted } from '../../pipeline/runner.ts';
import { tempDir } from '../helpers.ts';
import { TEST_STAGES, writeCorpus } from './resume-corpus.ts';

const BIN = new URL('../../bin/newsnlp.js', import.meta.url).pathname;
const config = () => defaultConfig({ stages: parseStages(TEST_STAGES), threads: 0, concurrency: 8 });
const OUTPUTS = ['dump.jsonl', 'dump.errors.jsonl', 'dump.stories.jsonl'];

function journalLines(out: string): number {
  const path = join(out, '.newsnlp', 'journal.jsonl');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
}

function outputs(dir: string): string[] {
  return OUTPUTS.filter((f) => existsSync(join(dir, f)) || f !== 'dump.stories.jsonl').map((f) => readFileSync(join(dir, f), 'utf8'));
}

describe('resuming an interrupted run', () => {
  it('after kill -9 at a random point, --resume writes exactly what an uninterrupted run writes', async () => {
    const work = tempDir();
    const dump = join(work, 'dump.jsonl');
    const ids = writeCorpus(dump, 100);
    const reference = join(work, 'reference');
    await runPipeline({ inputs: [dump], outDir: reference, config: config() });

    const out = join(work, 'killed');
    // Kill once the journal holds a random number of committed articles (or before any).
    const target = Math.floor(Math.random() * ids.length * 0.8);
    const child = spawn(
      process.execPath,
      [BIN, 'run', dump, '--out', out, '--stages', TEST_STAGES, '--threads', '0', '--concurrency', '8', '--checkpoint-every', '0.02', '--no-progress'],
      { stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && journalLines(out) < 1 + target) await new Promise((r) => setTimeout(r, 5));
    const ranToEnd = finished;
    child.kill('SIGKILL');
    await exited;
    const committed = ranToEnd ? ids.length : Math.max(journalLines(out) - 1, 0);

    // Resumed through the command line, as a user would; stdout stays clean for reports.
    const resumed = spawnSync(
      process.execPath,
      [BIN, 'run', dump, '--out', out, '--stages', TEST_STAGES, '--threads', '0', '--concurrency', '8', '--resume'],
      { encoding: 'utf8' },
    );
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe('');
    const resumedFrom = Number(/resumed after (\d+) committed/.exec(resumed.stderr)?.[1] ?? 0);
    expect(resumedFrom, `killed after ${committed} committed (target ${target})`).toBe(committed);
    const progress = resumed.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).progress);
    expect(progress.at(-1)).toMatchObject({ done: ids.length, total: ids.length });
    expect(outputs(out)).toEqual(outputs(reference));
    const records = readFileSync(join(out, 'dump.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
    expect(records).toEqual(ids);
    expect(existsSync(join(out, 'dump.jsonl.partial'))).toBe(false);
  }, 60_000);

  it('a stopped run (Ctrl-C) commits what was in flight, leaves no final file half-written, and resumes', async () => {
    const work = tempDir();
    const dump = join(work, 'dump.jsonl');
    writeCorpus(dump, 60);
    const reference = join(work, 'reference');
    await runPipeline({ inputs: [dump], outDir: reference, config: config() });

    const out = join(work, 'stopped');
    const stop = new AbortController();
    const run = runPipeline({
      inputs: [dump],
      outDir: out,
      config: config(),
      signal: stop.signal,
      onProgress: (p) => p.done === 20 && stop.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(RunInterrupted);
    expect(existsSync(join(out, 'dump.jsonl'))).toBe(false);
    expect(existsSync(join(out, 'dump.jsonl.partial'))).toBe(true);

    const resumed = await runPipeline({ inputs: [dump], outDir: out, config: config(), resume: true });
    expect(resumed.resumedFrom).toBeGreaterThanOrEqual(20);
    expect(outputs(out)).toEqual(outputs(reference));

    // Resuming a finished run does nothing and keeps the output.
    const again = await runPipeline({ inputs: [dump], outDir: out, config: config(), resume: true });
    expect(again.resumedFrom).toBe(60);
    expect(outputs(out)).toEqual(outputs(reference));
  }, 60_000);

  it('refuses to resume with other inputs or options', async () => {
    const work = tempDir();
    const dump = join(work, 'dump.jsonl');
    writeCorpus(dump, 10);
    const out = join(work, 'out');
    await runPipeline({ inputs: [dump], outDir: out, config: config() });
    const other = { ...config(), dedup: { ...config().dedup, duplicateThreshold: 0.7 } };
    await expect(runPipeline({ inputs: [dump], outDir: out, config: other, resume: true })).rejects.toThrow(/other options/);
    await expect(runPipeline({ inputs: [dump, dump], outDir: out, config: config(), resume: true })).rejects.toThrow(/same inputs/);
  }, 30_000);

  it('reads a journal up to its last complete line: a line torn by the kill was never committed', async () => {
    const dir = tempDir();
    const path = join(dir, 'journal.jsonl');
    const lines = [
      JSON.stringify({ journal: 1, inputs: ['x'], config: 'c', index: null }),
      JSON.stringify({ i: 0, s: 0, id: 'a', ok: 1, r: 10, e: 0, m: [['i', 'lines', ['k'], 1]] }),
      JSON.stringify({ i: 0, s: 1, id: null, ok: 0, r: 10, e: 7, m: [] }),
    ];
    const good = `${lines.join('\n')}\n`;
    writeFileSync(path, `${good}{"i":0,"s":2,"id":"c","ok":1,"r":25,"e":7,"m":[["i","lin`);
    const { state, goodBytes } = await readJournal(path, 1);
    expect(goodBytes).toBe(Buffer.byteLength(good));
    expect(state.inputs[0]).toMatchObject({ committed: 2, records: 1, errors: 1, recordBytes: 10, errorBytes: 7, ids: ['a'] });
    const corpus = new MemoryCorpus();
    await replayJournal(path, goodBytes, corpus);
    expect(await corpus.counts('lines', ['k'])).toEqual([1]);
  });
});
