import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { HashTable } from '../../pipeline/hash-table.ts';
import { termHash } from './xxhash32.ts';

/**
 * Background document frequencies for a language (resources/<lang>.df.tsv.gz, made by
 * build-df.ts from unlabelled news dumps), so that a term's weight is sensible from the first
 * article of a stream on; the corpus's own counts are added on top as the stream grows.
 */
export interface BackgroundDf {
  docs: number;
  /** Document frequency by `termHash`: a typed table, not a `Map` of 160k strings. */
  df: HashTable;
}

export const EMPTY_BACKGROUND: BackgroundDf = { docs: 0, df: new HashTable() };

function backgroundFile(lang: string): URL | null {
  const file = new URL(`./resources/${lang}.df.tsv.gz`, import.meta.url);
  return /^[a-z]{2,3}$/.test(lang) && existsSync(file) ? file : null;
}

/** The table's document count alone (its first line), without building the table. */
export function backgroundDocCount(lang: string): number {
  const file = backgroundFile(lang);
  if (!file) return 0;
  const text = gunzipSync(readFileSync(file)).toString('latin1', 0, 200);
  return Number(text.split('\n')[0].split('\t')[1]);
}

export function loadBackgroundDf(lang: string): BackgroundDf {
  const file = backgroundFile(lang);
  if (!file) return EMPTY_BACKGROUND;
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const docs = Number(lines[0].split('\t')[1]);
  const df = new HashTable(lines.length * 2);
  for (let i = 1; i < lines.length; i++) {
    const tab = lines[i].lastIndexOf('\t');
    if (tab > 0) df.add(termHash(lines[i].slice(0, tab)), Number(lines[i].slice(tab + 1)));
  }
  return { docs, df };
}
