import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { readJsonl, SEEDS, tempDir } from '../helpers.ts';

describe('the runner', () => {
  it('writes byte-identical records whatever the concurrency and threads', async () => {
    const a = tempDir();
    const b = tempDir();
    await runPipeline({ inputs: [SEEDS], outDir: a, config: defaultConfig({ concurrency: 1, threads: 0 }) });
    await runPipeline({ inputs: [SEEDS], outDir: b, config: defaultConfig({ concurrency: 8, threads: 2 }) });
    const first = readFileSync(join(a, 'seeds.jsonl'), 'utf8');
    expect(first.split('\n').filter(Boolean)).toHaveLength(5);
    expect(readFileSync(join(b, 'seeds.jsonl'), 'utf8')).toBe(first);
    expect(readFileSync(join(b, 'seeds.stories.jsonl'), 'utf8')).toBe(readFileSync(join(a, 'seeds.stories.jsonl'), 'utf8'));
  }, 120_000);

  it('turns bad files into error lines and keeps the good ones', async () => {
    const dir = join(tempDir(), 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-good.txt'), 'Hà Nội, ngày 13/7 - Thủ tướng đã gặp đại sứ Mỹ.\n\nCuộc gặp kéo dài hai giờ.');
    writeFileSync(join(dir, 'b-empty.txt'), '   \n\n ');
    writeFileSync(join(dir, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    writeFileSync(join(dir, 'd-latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
    const out = tempDir();
    const summary = await runPipeline({ inputs: [dir], outDir: out, config: defaultConfig({ threads: 0 }) });
    expect(summary.records).toBe(1);
    expect(summary.errors).toBe(3);
    const records = await readJsonl(join(out, 'mixed.jsonl'));
    expect(records.map((r) => r.id)).toEqual(['a-good']);
    const errors = await readJsonl<{ id: string; file: string; stage: string; message: string }>(join(out, 'mixed.errors.jsonl'));
    expect(errors.map((e) => [e.id, e.stage])).toEqual([
      ['b-empty', 'source'],
      ['c-binary', 'source'],
      ['d-latin1', 'source'],
    ]);
    expect(errors[0].message).toMatch(/empty/);
    expect(errors[1].message).toMatch(/binary/);
    expect(errors[2].message).toMatch(/invalid UTF-8 at byte 3/);
    expect(errors[2].file).toContain('d-latin1.txt');
  }, 60_000);

  it('runs only the stages asked for, and records their versions', async () => {
    const out = tempDir();
    await runPipeline({ inputs: [SEEDS], outDir: out, config: defaultConfig({ threads: 0, stages: ['boilerplate', 'sentences'] }) });
    const [record] = await readJsonl<{ pipeline: { stages: Record<string, string> }; entities: unknown[]; lang: unknown }>(join(out, 'seeds.jsonl'));
    expect(Object.keys(record.pipeline.stages).sort()).toEqual(['boilerplate', 'sentences']);
    expect(record.lang).toBeNull();
    expect(existsSync(join(out, 'seeds.stories.jsonl'))).toBe(false);
  }, 60_000);
});
