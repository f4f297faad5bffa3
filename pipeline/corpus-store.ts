import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MemoryCorpus, type SnapshotPart } from './corpus.ts';
import { PendingText, writeDurably } from './sinks.ts';

/**
 * `--index DIR`: the in-memory corpus saved between runs, so tomorrow's dump sees today's. One
 * JSON line per slice of a namespace (MemoryCorpus.parts): a corpus of any size, written and read
 * without ever holding it as one string (V8 caps a string at ~512 M characters, ~40,000 articles
 * of dedup index as one JSON text).
 */
const FILE = 'corpus.jsonl';
const HEADER = { index: 'newsnlp', format: 2 };
/** The single-JSON index of dedup 1.4 and earlier. */
const OLD_FILE = 'corpus.json';

export function corpusFile(dir: string): string {
  return join(dir, FILE);
}

export async function loadCorpus(dir: string): Promise<MemoryCorpus> {
  const path = join(dir, FILE);
  if (!existsSync(path)) {
    if (existsSync(join(dir, OLD_FILE))) throw new Error(`the index ${join(dir, OLD_FILE)} was written by an older version of newsnlp (before dedup 1.5); build the index again`);
    return new MemoryCorpus();
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const loader = MemoryCorpus.loader();
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      const value = JSON.parse(line) as SnapshotPart | typeof HEADER;
      if (number === 1) {
        if ((value as typeof HEADER).index !== HEADER.index || (value as typeof HEADER).format !== HEADER.format) throw new Error('not an index of this version of newsnlp');
        continue;
      }
      loader.add(value as SnapshotPart);
    }
    if (!number) throw new Error('empty file');
    return loader.finish();
  } catch (error) {
    throw new Error(`cannot read the index ${path}${number ? ` (line ${number})` : ''}: ${(error as Error).message}`);
  }
}

export async function saveCorpus(corpus: MemoryCorpus, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, FILE);
  const handle = await open(`${path}.partial`, 'w');
  try {
    const pending = new PendingText();
    let written = 0;
    pending.append(`${JSON.stringify(HEADER)}\n`);
    for (const part of corpus.parts()) {
      pending.append(`${JSON.stringify(part)}\n`);
      if (pending.bytes > 16 * 1024 * 1024) written += await writeDurably(handle, pending.take(), written, `${path}.partial`);
    }
    await writeDurably(handle, pending.take(), written, `${path}.partial`);
  } finally {
    await handle.close();
  }
  await rename(`${path}.partial`, path);
}
