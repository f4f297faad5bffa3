/**
 * TempEval-3-style timex scoring (FORMATS.md, dates): one-to-one alignment of overlapping
 * spans; strict and relaxed span F1, value F1 (overlap + exact value), value and type accuracy
 * on aligned pairs. Records marked `complete: false` add to recall and accuracy only.
 */
import { f1 } from '../../pipeline/evaluate/metrics.ts';
import type { Timex } from '../../pipeline/layers.ts';

export interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
  value_end?: string;
  mod?: string;
}

export interface TimexCounts {
  /** Records with `complete: true`: only they score precision. */
  completeRecords: number;
  gold: number;
  /** Predictions in complete records (the precision denominator). */
  predicted: number;
  strict: number;
  /** Aligned pairs (relaxed span hits); `strictInComplete` etc. count those in complete records. */
  relaxed: number;
  value: number;
  type: number;
  strictInComplete: number;
  relaxedInComplete: number;
  valueInComplete: number;
}

export const emptyCounts = (): TimexCounts => ({
  completeRecords: 0, gold: 0, predicted: 0, strict: 0, relaxed: 0, value: 0, type: 0, strictInComplete: 0, relaxedInComplete: 0, valueInComplete: 0,
});

export interface Pair {
  gold: GoldTimex;
  predicted: Timex | null;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** Each gold timex takes the best free overlapping prediction: same span, then same value, then most overlap. */
export function align(gold: GoldTimex[], predicted: Timex[]): { pairs: Pair[]; extra: Timex[] } {
  const used = new Set<number>();
  const pairs: Pair[] = [];
  for (const g of gold) {
    let best = -1;
    let bestScore = -Infinity;
    predicted.forEach((p, i) => {
      if (used.has(i) || overlap(g, p) <= 0) return;
      const score = (p.start === g.start && p.end === g.end ? 4 : 0) + (p.value === g.value ? 2 : 0) + overlap(g, p) / 1e4;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best >= 0) used.add(best);
    pairs.push({ gold: g, predicted: best >= 0 ? predicted[best] : null });
  }
  return { pairs, extra: predicted.filter((_, i) => !used.has(i)) };
}

export function addRecord(counts: TimexCounts, pairs: Pair[], predictedCount: number, complete: boolean): void {
  counts.gold += pairs.length;
  if (complete) {
    counts.completeRecords++;
    counts.predicted += predictedCount;
  }
  for (const { gold, predicted } of pairs) {
    if (!predicted) continue;
    const strict = predicted.start === gold.start && predicted.end === gold.end;
    const value = predicted.value === gold.value;
    counts.relaxed++;
    if (strict) counts.strict++;
    if (value) counts.value++;
    if (predicted.type === gold.type) counts.type++;
    if (complete) {
      counts.relaxedInComplete++;
      if (strict) counts.strictInComplete++;
      if (value) counts.valueInComplete++;
    }
  }
}

export interface TimexMetrics {
  strictF1: number | null;
  relaxedF1: number | null;
  valueF1: number | null;
  valueAccuracy: number | null;
  typeAccuracy: number | null;
  /** Recall figures, also defined where precision is not (no complete record). */
  strictRecall: number | null;
  relaxedRecall: number | null;
  valueRecall: number | null;
  valuePrecision: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function metricsOf(c: TimexCounts): TimexMetrics {
  const scoredPrecision = c.completeRecords > 0;
  const fOf = (hitsInComplete: number, hits: number) => {
    const recall = ratio(hits, c.gold);
    if (recall === null) return null;
    if (!scoredPrecision) return null;
    return f1(ratio(hitsInComplete, c.predicted) ?? 0, recall);
  };
  return {
    strictF1: fOf(c.strictInComplete, c.strict),
    relaxedF1: fOf(c.relaxedInComplete, c.relaxed),
    valueF1: fOf(c.valueInComplete, c.value),
    valueAccuracy: ratio(c.value, c.relaxed),
    typeAccuracy: ratio(c.type, c.relaxed),
    strictRecall: ratio(c.strict, c.gold),
    relaxedRecall: ratio(c.relaxed, c.gold),
    valueRecall: ratio(c.value, c.gold),
    valuePrecision: scoredPrecision ? ratio(c.valueInComplete, c.predicted) : null,
  };
}
