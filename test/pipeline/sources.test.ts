import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../pipeline/sources/index.ts';
import { SEEDS, collectItems, tempDir } from '../helpers.ts';


describe('sources', () => {
  it('reads a folder of .txt files in name order, id = file name', async () => {
    const input = await openInput(SEEDS);
    expect(input.name).toBe('seeds');
    const items = await collectItems(SEEDS);
    expect(items).toHaveLength(5);
    const first = items[0] as { article: { id: string; text: string } };
    expect(first.article.id).toBe('000_fb12d7eadcef3ee8');
    expect(first.article.text).toMatch(/^Quốc tế/);
  });

  it('reads JSONL and gzipped JSONL, carrying unknown fields under meta', async () => {
    const dir = tempDir();
    const lines = [
      JSON.stringify({ id: 'a', text: 'Một bài báo.', published: '2016-07-13', section: 'world', tags: ['x'] }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 7, html: '<p>Hello</p>', url: 'https://example.com/7' }),
      JSON.stringify({ id: 'c', title: 'no body' }),
    ].join('\n');
    writeFileSync(join(dir, 'dump.jsonl'), lines);
    writeFileSync(join(dir, 'dump2.jsonl.gz'), gzipSync(lines));
    for (const file of ['dump.jsonl', 'dump2.jsonl.gz']) {
      const input = await openInput(join(dir, file));
      expect(input.name).toBe(file.startsWith('dump2') ? 'dump2' : 'dump');
      const items = await collectItems(join(dir, file));
      expect(items).toHaveLength(4);
      expect(items[0]).toEqual({
        article: { id: 'a', source: join(dir, file), text: 'Một bài báo.', published: '2016-07-13', meta: { section: 'world', tags: ['x'] } },
      });
      expect(items[1]).toMatchObject({ error: { line: 2, id: 'b', message: expect.stringMatching(/malformed JSON/) } });
      expect(items[2]).toMatchObject({ article: { id: '7', html: '<p>Hello</p>', url: 'https://example.com/7' } });
      expect(items[3]).toMatchObject({ error: { line: 4, id: 'c', message: expect.stringMatching(/no "text" or "html"/) } });
    }
  });

  it('reports a truncated .gz after the records it could read', async () => {
    const dir = tempDir();
    const body = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Bài số ${i}. `.repeat(20) })).join('\n');
    const gz = gzipSync(body);
    writeFileSync(join(dir, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.6)));
    const items = await collectItems(join(dir, 'cut.jsonl.gz'));
    const errors = items.filter((i) => 'error' in i);
    expect(items.length - errors.length).toBeGreaterThan(10);
    expect(errors).toHaveLength(1);
    expect((errors[0] as { error: { message: string } }).error.message).toMatch(/ended early/);
  });

  it('refuses unknown input kinds with a message naming the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.pdf'), 'x');
    await expect(openInput(join(dir, 'x.pdf'))).rejects.toThrow(/unsupported input .*x\.pdf/);
    await expect(openInput(join(dir, 'missing'))).rejects.toThrow(/input not found/);
  });
});
