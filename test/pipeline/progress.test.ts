import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../pipeline/progress.ts';

function capture(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  stream.isTTY = tty;
  stream.columns = 120;
  const chunks: Buffer[] = [];
  (stream as unknown as PassThrough).on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('progress', () => {
  it('off a terminal: one JSON line every interval with done, total, rate, ETA and errors', async () => {
    const { stream, text } = capture(false);
    const progress = createProgress({ stream, intervalSeconds: 0.05 });
    progress.start(1000, 100);
    for (let done = 110; done <= 300; done += 10) {
      progress.update({ done, records: done - 5, errors: 5 });
      await sleep(10);
    }
    await sleep(60);
    progress.stop();
    const lines = text().trim().split('\n').map((l) => JSON.parse(l).progress);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ done: 300, total: 1000, records: 295, errors: 5 });
    expect(last.perSecond).toBeGreaterThan(0);
    expect(last.etaSeconds).toBeGreaterThan(0);
  });

  it('on a terminal: a bar with articles, articles/s, ETA and errors', async () => {
    const { stream, text } = capture(true);
    const progress = createProgress({ stream });
    progress.start(50, 0);
    for (let done = 1; done <= 50; done++) {
      progress.update({ done, records: done - 1, errors: 1 });
      if (done % 10 === 0) await sleep(120);
    }
    progress.stop();
    expect(text()).toMatch(/50\/50 articles \| [\d.]+ articles\/s \| ETA \S+ \| 1 errors/);
  });
  // `newsnlp run` on a non-terminal (stdout clean, JSON progress on stderr): see resume.test.ts.
});
