/** Metric code shared by the stage scorers; every function is unit-tested on hand-worked cases. */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Micro precision/recall/F1 from counts; an empty denominator scores 0 (nothing predicted or nothing to find). */
export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

export function f1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * B-cubed precision/recall/F1 of a predicted clustering against gold; both map item -> cluster.
 * Items missing from the prediction count as singletons.
 */
export function bcubed(gold: Map<string, string>, predicted: Map<string, string>): PRF {
  const members = (assign: Map<string, string>) => {
    const groups = new Map<string, Set<string>>();
    for (const [item, cluster] of assign) {
      let set = groups.get(cluster);
      if (!set) groups.set(cluster, (set = new Set()));
      set.add(item);
    }
    return groups;
  };
  const goldGroups = members(gold);
  const predAssign = new Map<string, string>([...gold.keys()].map((item) => [item, predicted.get(item) ?? `\u0000singleton:${item}`]));
  const predGroups = members(predAssign);
  let p = 0;
  let r = 0;
  for (const item of gold.keys()) {
    const g = goldGroups.get(gold.get(item)!)!;
    const c = predGroups.get(predAssign.get(item)!)!;
    let both = 0;
    for (const other of c) if (g.has(other)) both++;
    p += both / c.size;
    r += both / g.size;
  }
  const n = gold.size || 1;
  return { precision: p / n, recall: r / n, f1: f1(p / n, r / n) };
}

/** Adjusted Rand index (Hubert & Arabie) of a predicted clustering against gold. */
export function adjustedRandIndex(gold: Map<string, string>, predicted: Map<string, string>): number {
  const items = [...gold.keys()];
  const n = items.length;
  if (n < 2) return 1;
  const contingency = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const item of items) {
    const g = gold.get(item)!;
    const c = predicted.get(item) ?? `\u0000singleton:${item}`;
    const key = `${g}\u0001${c}`;
    contingency.set(key, (contingency.get(key) ?? 0) + 1);
    rows.set(g, (rows.get(g) ?? 0) + 1);
    cols.set(c, (cols.get(c) ?? 0) + 1);
  }
  const pairs = (k: number) => (k * (k - 1)) / 2;
  let index = 0;
  for (const v of contingency.values()) index += pairs(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1; // both clusterings trivial and identical in shape
  return (index - expected) / (max - expected);
}
