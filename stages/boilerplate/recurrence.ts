/**
 * Lines that recur across the articles of one outlet or dump ('Tin liên quan', a newsletter
 * prompt, the site's slogan). The in-order `observe` phase counts each short line once per
 * article in the corpus, keyed by scope (the URL's host, else the dump file), and tells
 * `process` which of this article's lines earlier articles already printed often enough.
 * The first articles of a dump see low counts and keep their furniture to the other rules;
 * the counts include only earlier articles, so the result does not depend on concurrency.
 */
import type { Article } from '../../pipeline/article.ts';
import type { Corpus } from '../../pipeline/corpus.ts';
import { cleanParagraph } from './normalize.ts';

export const NAMESPACE = 'boilerplate:lines';
/** Earlier articles of the same scope that must print a line before it counts as furniture. */
export const MIN_ARTICLES = 3;
/** Only short lines are counted: long ones are text, and the counts stay small. */
const MAX_CHARS = 200;

export interface RecurrenceHint {
  /** Keys (lineKey) of this article's lines that recur across the dump. */
  recurring: string[];
}

/** FNV-1a, 53 bits as two 32-bit halves, in base 36: cheap and stable across threads. */
export function lineKey(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 11).toString(36);
}

export function scopeOf(article: Article): string {
  if (article.url) {
    try {
      return new URL(article.url).host.replace(/^www\./, '');
    } catch {
      /* not a URL: fall back to the dump */
    }
  }
  return article.source;
}

/** The keys of a normalised text's countable lines, each once. */
export function countableLines(text: string): string[] {
  const keys = new Set<string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start <= MAX_CHARS * 2) {
      const line = cleanParagraph(text.slice(start, end));
      if (line.length >= 2 && line.length <= MAX_CHARS) keys.add(lineKey(line.toLowerCase()));
    }
    start = end + 1;
  }
  return [...keys];
}

export async function observeLines(article: Article, text: string, corpus: Corpus): Promise<RecurrenceHint> {
  const scope = scopeOf(article);
  const lines = countableLines(text);
  if (!lines.length) return { recurring: [] };
  const keys = lines.map((k) => `${scope}\u0000${k}`);
  const after = await corpus.increment(NAMESPACE, keys);
  return { recurring: lines.filter((_, i) => after[i] - 1 >= MIN_ARTICLES) };
}
