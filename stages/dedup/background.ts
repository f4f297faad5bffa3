import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { HashTable } from '../../pipeline/hash-table.ts';
import { termHashOf } from './xxhash32.ts';

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
  // Each term hashed straight from the file's UTF-8 (`termHashOf` of its bytes is `termHash` of it):
  // no string per line (160k lines: 95-140 ms -> 65-85, at every start of every thread).
  const bytes = gunzipSync(readFileSync(file));
  let lines = 1;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  const first = bytes.indexOf(10) === -1 ? bytes.length : bytes.indexOf(10);
  const docs = Number(bytes.toString('utf8', 0, first).split('\t')[1]);
  const df = new HashTable(lines * 2);
  for (let start = first + 1; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    const tab = end > start ? bytes.lastIndexOf(9, end - 1) : -1;
    if (tab > start) df.add(termHashOf(bytes, start, tab), Number(bytes.toString('latin1', tab + 1, end)));
    start = end + 1;
  }
  return { docs, df };
}
