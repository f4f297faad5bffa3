/**
 * A frozen map from 32-bit keys to 32-bit values in two typed arrays (open addressing, linear
 * probing). The lexicon is looked up several times per token; a `Map` with keys above 2^30
 * boxes them as heap numbers and costs several times more per lookup.
 */
export class IntTable {
  private readonly keys: Uint32Array;
  private readonly values: Uint32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(entries: Map<number, number>) {
    let capacity = 16;
    while (capacity < entries.size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Uint32Array(capacity);
    this.values = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    for (const [key, value] of entries) {
      let slot = spread(key) & this.mask;
      while (this.used[slot]) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  /** The value of `key`, 0 when absent. */
  get(key: number): number {
    let slot = spread(key) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === key) return this.values[slot];
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }
}

function spread(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 11;
}
