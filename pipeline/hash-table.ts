/**
 * 32-bit integers keyed by 32-bit hashes in flat typed arrays (open addressing, linear probing,
 * doubling at half full): 16 bytes or less per key against ~100 for a `Map` of strings, one memory
 * access per lookup, and no boxing of keys above 2^30 as a `Map<number>` does. Dedup counts
 * document frequencies by term hash in it (and keeps its lists' heads in one, `hash-lists.ts`);
 * NER models look up their lexicons in it.
 * Values are stored as Int32: read a uint32 value back with `>>> 0`.
 */
export class HashTable {
  private keys: Uint32Array;
  private values: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.keys = new Uint32Array(c);
    this.values = new Int32Array(c);
    this.used = new Uint8Array(c);
    this.mask = c - 1;
  }

  /** Adds `by` to the value of `key` (0 when absent) and returns the value after. */
  add(key: number, by: number): number {
    let slot = spread(key) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === key) return (this.values[slot] += by);
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.keys[slot] = key;
    this.values[slot] = by;
    if (++this.size * 2 > this.keys.length) this.grow();
    return by;
  }

  /** Sets the value of `key`. */
  set(key: number, value: number): void {
    let slot = spread(key) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    this.used[slot] = 1;
    this.keys[slot] = key;
    this.values[slot] = value;
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  get(key: number): number {
    let slot = spread(key) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === key) return this.values[slot];
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }

  /** Keys and counts, in slot order. */
  entries(): { keys: Uint32Array; counts: Int32Array } {
    const keys = new Uint32Array(this.size);
    const counts = new Int32Array(this.size);
    let n = 0;
    for (let slot = 0; slot < this.used.length; slot++) {
      if (!this.used[slot]) continue;
      keys[n] = this.keys[slot];
      counts[n++] = this.values[slot];
    }
    return { keys, counts };
  }

  static from(keys: ArrayLike<number>, counts: ArrayLike<number>): HashTable {
    const table = new HashTable(keys.length * 2);
    for (let i = 0; i < keys.length; i++) table.add(keys[i], counts[i]);
    return table;
  }

  private grow(): void {
    const { keys, values, used } = this;
    const capacity = keys.length * 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let slot = 0; slot < used.length; slot++) if (used[slot]) this.add(keys[slot], values[slot]);
  }
}

function spread(key: number): number {
  const h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
