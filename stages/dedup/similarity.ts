import { mentionGap, type DateMention } from './mentions.ts';
import type { DedupOptions } from './options.ts';
import { entityKey } from './profile.ts';
import { hashedCosine, type HashedVector } from './terms.ts';
import { sortedIntersection } from './text.ts';

/** What story similarity compares: the tf-idf vector, entity names and date of an article. */
export interface StoryView {
  vector: HashedVector;
  entities: string[];
  date: string | null;
  /** Dates the text mentions (used when publication dates are missing). */
  mentions: DateMention[];
}

export function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

function entityJaccard(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const sa = new Set(a.map(entityKey));
  let shared = 0;
  const sb = new Set(b.map(entityKey));
  for (const x of sb) if (sa.has(x)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/**
 * Content similarity (tf-idf cosine plus a share for common entities), scaled down linearly
 * with the days between the two articles and zero beyond `maxDays` (when both dates are known);
 * when neither is dated, zero if no date one mentions lies within `mentionDays` of one the
 * other mentions.
 */
export function storySimilarity(a: StoryView, b: StoryView, options: DedupOptions): number {
  let sim = hashedCosine(a.vector, b.vector);
  if (options.entityWeight > 0) sim = (sim + options.entityWeight * entityJaccard(a.entities, b.entities)) / (1 + options.entityWeight);
  const days = daysApart(a.date, b.date);
  if (days !== null) {
    if (days > options.maxDays) return 0;
    sim *= 1 - 0.5 * (days / Math.max(options.maxDays, 1));
  } else if (!a.date && !b.date) {
    const gap = mentionGap(a.mentions, b.mentions);
    if (gap !== null && gap > options.mentionDays) return 0;
  }
  return sim;
}

/** Dice coefficient of two sentences' sorted content-term hashes. */
export function sentenceOverlap(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  return dice(sortedIntersection(a, b), a.length, b.length);
}

/** Dice coefficient of two sets of the given sizes sharing `shared` members. */
export function dice(shared: number, sizeA: number, sizeB: number): number {
  return (2 * shared) / (sizeA + sizeB);
}
