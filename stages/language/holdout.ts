import { hashRange } from './ngrams.ts';

/**
 * The split of the langid dev file: a record whose text hashes into a held-out bucket was never
 * used to build the model; the evaluator reports on those (and on any text the model never saw).
 */
export const BUCKETS = 4;
export const HOLDOUT_BUCKETS: readonly number[] = [0];

export function textBucket(text: string): number {
  return hashRange(text, 0, text.length) % BUCKETS;
}

export function textKey(text: string): number {
  return hashRange(text, 0, text.length);
}
