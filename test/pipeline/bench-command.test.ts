import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/newsnlp.js', import.meta.url).pathname;

describe('newsnlp bench --json', () => {
  it('reports the run, the stages asked for and their baselines as one JSON object (no timing asserted)', () => {
    const stdout = execFileSync(process.execPath, [BIN, 'bench', '--limit', '20', '--stages', 'sentences', '--threads', '0', '--json'], { encoding: 'utf8' });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]);
    expect(report.articles).toBe(20);
    for (const key of ['seconds', 'articlesPerSecond', 'peakRssMB', 'coresUsed']) expect(typeof report[key]).toBe('number');
    // sentences reads the language layer: it runs, but only what was asked for is reported
    expect(Object.keys(report.stages)).toEqual(['sentences']);
    expect(Object.keys(report.stages.sentences).sort()).toEqual(['articlesPerSecond', 'growth', 'mbPerSecondPerCore', 'p50ms', 'p95ms', 'tokensPerSecondPerCore']);
    expect(Object.keys(report.baselines).sort()).toEqual(['intl-segmenter', 'passthrough']);
    expect(report.baselines['intl-segmenter']).toMatchObject({ articles: 20, comparedWith: 'sentences' });
  }, 60_000);
});
