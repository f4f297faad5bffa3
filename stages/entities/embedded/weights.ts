/**
 * Weight storage at tag time: only the feature buckets that training touched, in an
 * open-addressing table whose slots hold the bucket and its Int16 row side by side in memory
 * order (one cache line per lookup, not three).
 */
export class SparseWeights {
  private readonly keys: Int32Array;
  private readonly table: Int16Array;
  private readonly tableMask: number;
  readonly size: number;

  constructor(
    readonly tags: number,
    buckets: Uint32Array,
    values: Int16Array,
    readonly scale: number,
  ) {
    let capacity = 1024;
    while (capacity < buckets.length * 1.5) capacity *= 2;
    this.tableMask = capacity - 1;
    this.size = buckets.length;
    this.keys = new Int32Array(capacity).fill(-1);
    this.table = new Int16Array(capacity * tags);
    for (let r = 0; r < buckets.length; r++) {
      let slot = hashSlot(buckets[r]) & this.tableMask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.tableMask;
      this.keys[slot] = buckets[r];
      this.table.set(values.subarray(r * tags, (r + 1) * tags), slot * tags);
    }
  }

  /** Root mean square of the stored (unscaled) weights. */
  rms(): number {
    let sum = 0;
    let count = 0;
    for (let slot = 0; slot < this.keys.length; slot++) {
      if (this.keys[slot] === -1) continue;
      for (let t = 0; t < this.tags; t++) sum += this.table[slot * this.tags + t] ** 2;
      count += this.tags;
    }
    return count ? Math.sqrt(sum / count) : 1;
  }

  /** Add the (unscaled) row of `bucket` to `scores`. */
  add(bucket: number, scores: Float64Array): void {
    if (bucket < 0) return;
    const mask = this.tableMask;
    let slot = hashSlot(bucket) & mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === bucket) {
        const base = slot * this.tags;
        for (let t = 0; t < this.tags; t++) scores[t] += this.table[base + t];
        return;
      }
      if (key === -1) return;
      slot = (slot + 1) & mask;
    }
  }
}

function hashSlot(bucket: number): number {
  // Buckets are already hashed; spread them once more so that table and bucket bits differ.
  return Math.imul(bucket, 0x9e3779b1) >>> 7;
}
