/**
 * Weight storage at tag time: only the feature buckets that training touched, in an
 * open-addressing table (bucket -> row), with Int16 weights and one scale per model.
 */
export class SparseWeights {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly tableMask: number;

  constructor(
    readonly tags: number,
    buckets: Uint32Array,
    readonly values: Int16Array,
    readonly scale: number,
  ) {
    let capacity = 1024;
    while (capacity < buckets.length * 2) capacity *= 2;
    this.tableMask = capacity - 1;
    this.keys = new Int32Array(capacity).fill(-1);
    this.rows = new Int32Array(capacity);
    for (let r = 0; r < buckets.length; r++) {
      let slot = hashSlot(buckets[r]) & this.tableMask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.tableMask;
      this.keys[slot] = buckets[r];
      this.rows[slot] = r * tags;
    }
  }

  get size(): number {
    return this.values.length / this.tags;
  }

  /** Add the (unscaled) row of `bucket` to `scores`. */
  add(bucket: number, scores: Float64Array): void {
    let slot = hashSlot(bucket) & this.tableMask;
    for (;;) {
      const key = this.keys[slot];
      if (key === bucket) {
        const base = this.rows[slot];
        for (let t = 0; t < this.tags; t++) scores[t] += this.values[base + t];
        return;
      }
      if (key === -1) return;
      slot = (slot + 1) & this.tableMask;
    }
  }
}

function hashSlot(bucket: number): number {
  // Buckets are already hashed; spread them once more so that table and bucket bits differ.
  return Math.imul(bucket, 0x9e3779b1) >>> 7;
}
