import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import type { SourceItem } from '../article.ts';
import { decodeText } from './decode.ts';

/**
 * Web archives (.warc, .warc.gz, as crawlers such as Heritrix, wget or Common Crawl write them),
 * read with Webrecorder's warcio. Each `response` (or `resource`) record of a successful HTML or
 * plain-text page is an article: id = WARC-Record-ID, url = WARC-Target-URI; the crawl date goes
 * to `meta.crawled` (it is not the publication date). Requests, metadata, redirects, errors,
 * images and scripts are not articles and are passed over.
 */
export async function* warcItems(path: string, maxBytes: number): AsyncGenerator<SourceItem> {
  let index = 0;
  try {
    for await (const record of WARCParser.iterRecords(createReadStream(path))) {
      index++;
      if (record.warcType !== 'response' && record.warcType !== 'resource') continue;
      const status = record.httpHeaders?.statusCode === undefined ? undefined : Number(record.httpHeaders.statusCode);
      if (status !== undefined && (status < 200 || status >= 300)) continue;
      const contentType = (record.httpHeaders?.headers.get('content-type') ?? record.warcContentType ?? '').toLowerCase();
      const isHtml = /html/.test(contentType);
      if (!isHtml && !/text\/plain/.test(contentType)) continue;
      const id = record.warcHeader('WARC-Record-ID')?.replace(/^<urn:uuid:|^<|>$/g, '') ?? `record-${index}`;
      try {
        const length = Number(record.warcHeader('Content-Length') ?? 0);
        if (length > maxBytes) throw new Error(`record of ${length} bytes exceeds the ${maxBytes}-byte limit`);
        const content = decodeBody(await record.readFully(true), contentType);
        if (!content.trim()) throw new Error('empty article (no text)');
        const crawled = record.warcHeader('WARC-Date');
        yield {
          article: {
            id,
            source: path,
            ...(isHtml ? { html: content } : { text: content }),
            ...(record.warcTargetURI ? { url: record.warcTargetURI } : {}),
            ...(crawled ? { meta: { crawled } } : {}),
          },
        };
      } catch (error) {
        yield { error: { source: path, file: path, line: index, id, message: `WARC record ${index}: ${(error as Error).message}` } };
      }
    }
  } catch (error) {
    yield { error: { source: path, file: path, line: index + 1, message: `input ended early after WARC record ${index}: ${(error as Error).message}` } };
  }
}

/** UTF-8 (the default) is decoded strictly; a page that declares another charset is decoded by it. */
function decodeBody(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/.exec(contentType)?.[1];
  if (!charset || /^utf-?8$/i.test(charset)) return decodeText(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    throw new Error(`unknown charset "${charset}"`);
  }
}
