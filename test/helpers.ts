import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceItem } from '../pipeline/article.ts';
import { openInput } from '../pipeline/sources/index.ts';

export const SEEDS = new URL('../seeds/', import.meta.url).pathname;

/** A fresh folder inside the run's scratch folder (test/global-setup.ts removes it afterwards). */
export function tempDir(prefix = 'newsnlp-test-'): string {
  return mkdtempSync(join(process.env.NEWSNLP_TEST_TMP ?? tmpdir(), prefix));
}

export async function readJsonl<T = Record<string, unknown>>(path: string): Promise<T[]> {
  const text = await readFile(path, 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** Everything one input yields, articles and errors, in order. */
export async function collectItems(path: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of (await openInput(path)).items()) items.push(item);
  return items;
}
