import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryCorpus } from './corpus.ts';

/** `--index DIR`: the in-memory corpus saved between runs, so tomorrow's dump sees today's. */
const FILE = 'corpus.json';

export function corpusFile(dir: string): string {
  return join(dir, FILE);
}

export async function loadCorpus(dir: string): Promise<MemoryCorpus> {
  const path = join(dir, FILE);
  if (!existsSync(path)) return new MemoryCorpus();
  try {
    return MemoryCorpus.fromSnapshot(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    throw new Error(`cannot read the index ${path}: ${(error as Error).message}`);
  }
}

export async function saveCorpus(corpus: MemoryCorpus, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, FILE);
  await writeFile(`${path}.partial`, JSON.stringify(corpus.snapshot()));
  await rename(`${path}.partial`, path);
}
