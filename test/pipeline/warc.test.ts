import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../pipeline/sources/index.ts';
import { collectItems, tempDir } from '../helpers.ts';

const encoder = new TextEncoder();

async function response(url: string, body: string | Uint8Array, contentType: string, statusline = 'HTTP/1.1 200 OK'): Promise<Uint8Array> {
  const payload = typeof body === 'string' ? encoder.encode(body) : body;
  const record = WARCRecord.create(
    { url, date: '2016-07-14T08:00:00Z', type: 'response', warcVersion: 'WARC/1.1', statusline, httpHeaders: { 'Content-Type': contentType } },
    (async function* () {
      yield payload;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip: true });
}


describe('WARC input', () => {
  it('reads HTML and text responses as articles and passes over the rest', async () => {
    const parts = [
      await response('https://dantri.example/nato.htm', '<html><body><p>NATO và Nga hội đàm.</p></body></html>', 'text/html; charset=utf-8'),
      await response('https://dantri.example/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      await response('https://dantri.example/gone', '<p>not found</p>', 'text/html', 'HTTP/1.1 404 Not Found'),
      await response('https://example.org/note.txt', 'A plain text note.', 'text/plain'),
      await response('https://example.org/latin1', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=iso-8859-1'),
      await response('https://example.org/broken', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]), 'text/plain'),
    ];
    const dir = tempDir();
    const path = join(dir, 'crawl.warc.gz');
    writeFileSync(path, Buffer.concat(parts));
    expect((await openInput(path)).name).toBe('crawl');
    const items = await collectItems(path);
    const articles = items.flatMap((i) => ('article' in i ? [i.article] : []));
    expect(articles.map((a) => a.url)).toEqual(['https://dantri.example/nato.htm', 'https://example.org/note.txt', 'https://example.org/latin1']);
    expect(articles[0].html).toContain('NATO và Nga hội đàm.');
    expect(articles[0].meta).toEqual({ crawled: '2016-07-14T08:00:00Z' });
    expect(articles[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(articles[1].text).toBe('A plain text note.');
    expect(articles[2].text).toBe('café');
    const errors = items.flatMap((i) => ('error' in i ? [i.error] : []));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/WARC record 6: invalid UTF-8 at byte 3/);
  });
});
