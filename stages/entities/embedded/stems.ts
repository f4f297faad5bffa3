/**
 * Crude stems for inflected languages: a lower-cased word less its longest listed ending
 * (endings.json, per language), so that the case forms of one name (`Москва`, `Москвы`, `Москве`)
 * share the stem features, the stem gazetteer and the stem's document memory. A model stores its
 * endings in its header; a model without them (vi) has no stem features.
 */
import { readFileSync } from 'node:fs';
import { hashRange, hashString } from './hash.ts';

/** Letters a stem keeps at least. */
const MIN_STEM = 3;
/** The longest ending a list may hold. */
const MAX_ENDING = 6;

/** The listed endings of a language (empty when it has none). */
export function endingsOf(lang: string): string[] {
  const lists = JSON.parse(readFileSync(new URL('./endings.json', import.meta.url), 'utf8')) as Record<string, string[]>;
  const list = lang.startsWith('_') ? undefined : lists[lang];
  if (list?.some((e) => e.length > MAX_ENDING || e !== e.toLowerCase())) throw new Error(`endings.json: ${lang} has an ending that is not lower case or longer than ${MAX_ENDING}`);
  return list ?? [];
}

/** Hashes of the endings, as stemLength looks them up. */
export function endingSet(endings: readonly string[]): Set<number> {
  return new Set(endings.map(hashString));
}

/** Length of the stem of a lower-cased word: without its longest listed ending, at least MIN_STEM letters. */
export function stemLength(lower: string, endings: ReadonlySet<number>): number {
  const len = lower.length;
  for (let k = Math.min(MAX_ENDING, len - MIN_STEM); k >= 1; k--) if (endings.has(hashRange(lower, len - k, len))) return len - k;
  return len;
}

/** Hash of the stem of a lower-cased word. */
export function stemHash(lower: string, endings: ReadonlySet<number>): number {
  return hashRange(lower, 0, stemLength(lower, endings));
}
