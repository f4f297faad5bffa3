import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';

const BIN = new URL('../../bin/newsnlp.js', import.meta.url).pathname;

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, 'run', '--threads', '0', '--no-progress', ...args], { encoding: 'utf8' });
}

describe('newsnlp run exit status', () => {
  it('exits 0 when some articles were processed, with error lines for the rest', () => {
    const dir = join(tempDir(), 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.txt'), 'Hà Nội - Quốc hội đã họp phiên bế mạc sáng nay.');
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = join(tempDir(), 'out');
    const result = run([dir, '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/1 records, 1 errors/);
    expect(readFileSync(join(out, 'mixed.errors.jsonl'), 'utf8')).toMatch(/"id":"empty".*empty article/);
  }, 60_000);

  it('exits non-zero when nothing could be processed', () => {
    const dir = join(tempDir(), 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    writeFileSync(join(dir, 'b.txt'), '  \n');
    const result = run([dir, '--out', join(tempDir(), 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/0 records, 2 errors/);
  }, 60_000);

  it('refuses a bad option value with a usage error naming it', () => {
    const result = run(['seeds', '--concurrency', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--concurrency must be a positive integer, got "lots"/);
  }, 60_000);
});
