/**
 * Weight storage at tag time: only the feature buckets that training touched, in an
 * open-addressing table whose slots hold the bucket (as two Int16 halves) and its Int16 row side
 * by side, so that a lookup touches one place in memory, not a key array and then a row array.
 */
export class SparseWeights {
  /** Per slot: [bucket low 16 bits, bucket high 16 bits, ...row]; high half -1 marks an empty slot. */
  private readonly table: Int16Array;
  private readonly stride: number;
  private readonly tableMask: number;
  /**
   * One bit per feature bucket: does the table hold it? Many of a token's context features (word
   * pairs, neighbours) were never seen in training; this 256-512 KB bitmap stays in the L2 cache,
   * so they cost one bit test, not a probe of the multi-MB table (tagging ~12% faster).
   */
  private readonly present: Uint8Array;
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
    this.stride = tags + 2;
    this.table = new Int16Array(capacity * this.stride);
    for (let slot = 0; slot < capacity; slot++) this.table[slot * this.stride + 1] = -1;
    let top = 0;
    for (let r = 0; r < buckets.length; r++) top = Math.max(top, buckets[r]);
    this.present = new Uint8Array((top >>> 3) + 1);
    for (let r = 0; r < buckets.length; r++) this.present[buckets[r] >>> 3] |= 1 << (buckets[r] & 7);
    for (let r = 0; r < buckets.length; r++) {
      const bucket = buckets[r];
      if (bucket >= 0x7fff0000) throw new Error(`feature bucket ${bucket} out of range`);
      let slot = hashSlot(bucket) & this.tableMask;
      while (this.table[slot * this.stride + 1] !== -1) slot = (slot + 1) & this.tableMask;
      const at = slot * this.stride;
      this.table[at] = bucket & 0xffff;
      this.table[at + 1] = bucket >>> 16;
      this.table.set(values.subarray(r * tags, (r + 1) * tags), at + 2);
    }
  }

  /** Root mean square of the stored (unscaled) weights. */
  rms(): number {
    let sum = 0;
    let count = 0;
    for (let at = 0; at < this.table.length; at += this.stride) {
      if (this.table[at + 1] === -1) continue;
      for (let t = 0; t < this.tags; t++) sum += this.table[at + 2 + t] ** 2;
      count += this.tags;
    }
    return count ? Math.sqrt(sum / count) : 1;
  }

  /** Add the (unscaled) row of `bucket` to `scores[to..to + tags)`. */
  add(bucket: number, scores: Float64Array, to = 0): void {
    if (bucket < 0) return;
    if (!(this.present[bucket >>> 3] & (1 << (bucket & 7)))) return;
    const low = (bucket << 16) >> 16; // as the Int16 array reads it back
    const high = bucket >>> 16;
    const { table, stride, tags } = this;
    const mask = this.tableMask;
    let slot = hashSlot(bucket) & mask;
    for (;;) {
      const at = slot * stride;
      const h = table[at + 1];
      if (h === -1) return;
      if (h === high && table[at] === low) {
        for (let t = 0; t < tags; t++) scores[to + t] += table[at + 2 + t];
        return;
      }
      slot = (slot + 1) & mask;
    }
  }
}

function hashSlot(bucket: number): number {
  // Buckets are already hashed; spread them once more so that table and bucket bits differ.
  return Math.imul(bucket, 0x9e3779b1) >>> 7;
}
