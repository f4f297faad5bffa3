import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';

const BIN = new URL('../../bin/newsnlp.js', import.meta.url).pathname;

function newsnlp(args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('newsnlp eval', () => {
  const dir = tempDir();
  const gold = join(dir, 'gold.jsonl');
  writeFileSync(
    gold,
    [
      { id: 'a', lang: 'en', text: 'Mr. Smith went to Washington. He arrived at 3 p.m. on Monday.', sentences: ['Mr. Smith went to Washington.', 'He arrived at 3 p.m. on Monday.'] },
      { id: 'b', lang: 'vi', text: 'TP.HCM có 4.000 người. Họ đã đến.', sentences: ['TP.HCM có 4.000 người.', 'Họ đã đến.'] },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );

  it('--json prints exactly one JSON object with the stage, files, records and metrics', () => {
    const stdout = newsnlp(['eval', 'sentences', '--gold', gold, '--json']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    expect(result).toMatchObject({ stage: 'sentences', records: 2, files: [{ path: gold, records: 2 }] });
    expect(Object.keys(result.metrics).sort()).toEqual(['exactMatch', 'f1', 'precision', 'recall']);
    expect(result.metrics.exactMatch).toBe(1);
  }, 60_000);

  it('--save-predictions writes the predictions in the gold format, same ids; --report the Markdown', () => {
    const predictions = join(dir, 'pred.jsonl');
    const report = join(dir, 'report.md');
    const stdout = newsnlp(['eval', 'sentences', '--gold', gold, '--save-predictions', predictions, '--report', report]);
    expect(stdout).toContain('# newsnlp eval sentences');
    const rows = readFileSync(predictions, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows[1].sentences).toEqual(['TP.HCM có 4.000 người.', 'Họ đã đến.']);
    expect(readFileSync(report, 'utf8')).toBe(stdout);
  }, 60_000);

  it('names the problem when the stage or the gold file is wrong', () => {
    expect(() => newsnlp(['eval', 'nonsense', '--gold', gold])).toThrow(/unknown stage "nonsense"/);
    expect(() => newsnlp(['eval', 'sentences', '--gold', join(dir, 'missing.jsonl')])).toThrow(/cannot read gold file .*missing\.jsonl/);
  }, 60_000);
});
