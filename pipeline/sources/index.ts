import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Article, SourceItem } from '../article.ts';
import { byteLines, decodeText } from './decode.ts';
import { warcItems } from './warc.ts';

/** One command-line input: a folder of .txt/.html files, one such file, a JSONL dump or a WARC file. */
export interface Input {
  /** Output name: `output/<name>.jsonl`. */
  name: string;
  path: string;
  items(): AsyncGenerator<SourceItem>;
}

const ARTICLE_FILE = /\.(txt|html?)$/i;
const DUMP_FILE = /\.jsonl(\.gz)?$/i;
const WARC_FILE = /\.warc(\.gz)?$/i;
/** Larger articles are refused with an error line: no news article is this long. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

export async function openInput(path: string): Promise<Input> {
  const info = await stat(path).catch(() => {
    throw new Error(`input not found: ${path}`);
  });
  if (info.isDirectory()) {
    return { name: basename(path.replace(/[/\\]+$/, '')) || 'input', path, items: () => folderItems(path) };
  }
  if (DUMP_FILE.test(path)) return { name: outputName(path), path, items: () => jsonlItems(path) };
  if (WARC_FILE.test(path)) return { name: outputName(path), path, items: () => warcItems(path, MAX_ARTICLE_BYTES) };
  if (ARTICLE_FILE.test(path)) {
    return { name: outputName(path), path, items: () => fileItems(path, [basename(path)], path.slice(0, -basename(path).length) || '.') };
  }
  throw new Error(`unsupported input ${path}: expected a folder, .txt, .html, .jsonl, .jsonl.gz, .warc or .warc.gz`);
}

function outputName(path: string): string {
  return basename(path).replace(DUMP_FILE, '').replace(WARC_FILE, '').replace(ARTICLE_FILE, '');
}

async function* folderItems(dir: string): AsyncGenerator<SourceItem> {
  const names = (await readdir(dir)).filter((n) => ARTICLE_FILE.test(n)).sort();
  yield* fileItems(dir, names, dir);
}

async function* fileItems(source: string, names: string[], dir: string): AsyncGenerator<SourceItem> {
  for (const name of names) {
    const file = join(dir, name);
    const id = name.slice(0, -extname(name).length);
    try {
      const info = await stat(file);
      if (info.size > MAX_ARTICLE_BYTES) throw new Error(`article of ${info.size} bytes exceeds the ${MAX_ARTICLE_BYTES}-byte limit`);
      const content = decodeText(await readFile(file));
      const isHtml = /\.html?$/i.test(name);
      const article: Article = { id, source, ...(isHtml ? { html: content } : { text: content }) };
      checkContent(article);
      yield { article };
    } catch (error) {
      yield { error: { source, file, id, message: (error as Error).message } };
    }
  }
}

async function* jsonlItems(path: string): AsyncGenerator<SourceItem> {
  const stream = createReadStream(path);
  const bytes = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
  stream.on('error', (e) => bytes.destroy(e));
  let line = 0;
  try {
    for await (const raw of byteLines(bytes)) {
      line++;
      if (raw.length === 0 || (raw.length < 4 && raw.toString().trim() === '')) continue;
      try {
        if (raw.length > MAX_ARTICLE_BYTES) throw new Error(`record of ${raw.length} bytes exceeds the ${MAX_ARTICLE_BYTES}-byte limit`);
        yield { article: parseRecord(decodeText(raw), path, line) };
      } catch (error) {
        yield { error: { source: path, file: path, line, id: peekId(raw), message: (error as Error).message } };
      }
    }
  } catch (error) {
    const message = (error as Error).message;
    yield { error: { source: path, file: path, line: line + 1, message: `input ended early after line ${line}: ${message}` } };
  }
}

const KNOWN = new Set(['id', 'text', 'html', 'url', 'published', 'title', 'lang']);

function parseRecord(json: string, path: string, line: number): Article {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`malformed JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('a record must be a JSON object');
  const record = value as Record<string, unknown>;
  const str = (key: string): string | undefined => {
    const v = record[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new Error(`field "${key}" must be a string`);
    return v;
  };
  const rawId = record.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : `line-${line}`;
  const meta: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) if (!KNOWN.has(key)) meta[key] = v;
  const article: Article = { id, source: path };
  for (const key of ['text', 'html', 'url', 'published', 'title', 'lang'] as const) {
    const v = str(key);
    if (v !== undefined) article[key] = v;
  }
  if (Object.keys(meta).length) article.meta = meta;
  checkContent(article);
  return article;
}

function checkContent(article: Article): void {
  const body = article.text ?? article.html;
  if (body === undefined) throw new Error('no "text" or "html" field');
  if (body.trim() === '') throw new Error('empty article (no text)');
}

function peekId(raw: Buffer): string | undefined {
  const match = /"id"\s*:\s*"?([^",}]{1,200})/.exec(raw.subarray(0, 500).toString());
  return match?.[1];
}

/**
 * How many items an input will yield, for progress and ETA: files in a folder, lines of a JSONL
 * dump (a quick byte scan); null for a gzipped dump (counting would mean decompressing it twice).
 */
export async function countArticles(path: string): Promise<number | null> {
  const info = await stat(path);
  if (info.isDirectory()) return (await readdir(path)).filter((n) => ARTICLE_FILE.test(n)).length;
  if (ARTICLE_FILE.test(path)) return 1;
  if (/\.gz$/i.test(path)) return null;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}
