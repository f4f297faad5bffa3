/**
 * 32-bit integers keyed by 32-bit hashes in one flat typed array (open addressing, linear probing,
 * doubling at half full, or at `maxLoad`): each slot holds its key and its value side by side, so a lookup touches
 * one place in memory (NER models look up several lexicons per token, mostly for words they do not
 * hold). 16 bytes or less per key against ~100 for a `Map` of strings, and no boxing of keys above
 * 2^30 as a `Map<number>` does. Dedup keeps its lists' heads in one (`hash-lists.ts`); its
 * document frequencies, many keys with small counts, are in a `HashCounts`. Values are stored as
 * Int32: read a uint32 value back with `>>> 0`.
 */
export class HashTable {
  /** [key, value] per slot, keys as Int32; key 0 marks an empty slot (the key 0 itself is kept apart). */
  private slots: Int32Array;
  private mask: number;
  private hasZero = false;
  private zeroValue = 0;
  size = 0;

  /**
   * `maxLoad`: the share of slots filled before the table doubles. Above 1/2, a lookup of an
   * absent key probes longer: worth it for a table that grows with the run and whose keys are
   * looked up rarely (dedup's LSH bucket heads).
   */
  constructor(
    capacity = 1024,
    private readonly maxLoad = 0.5,
  ) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.slots = new Int32Array(2 * c);
    this.mask = c - 1;
  }

  /** Adds `by` to the value of `key` (0 when absent) and returns the value after. */
  add(key: number, by: number): number {
    if (key === 0) return this.addZero(by);
    const at = this.valueAt(key); // first: it may grow the table, replacing `slots`
    return (this.slots[at] += by);
  }

  /** Sets the value of `key` and returns the one it had (0 when absent). */
  set(key: number, value: number): number {
    if (key === 0) {
      const before = this.zeroValue;
      this.addZero(value - before);
      return before;
    }
    const at = this.valueAt(key);
    const before = this.slots[at];
    this.slots[at] = value;
    return before;
  }

  has(key: number): boolean {
    return key === 0 ? this.hasZero : this.slots[this.probe(key)] !== 0;
  }

  get(key: number): number {
    if (key === 0) return this.zeroValue;
    const at = this.probe(key);
    return this.slots[at] === 0 ? 0 : this.slots[at + 1];
  }

  /** Keys and counts, in slot order (the key 0 first). */
  entries(): { keys: Uint32Array; counts: Int32Array } {
    const keys = new Uint32Array(this.size);
    const counts = new Int32Array(this.size);
    let n = 0;
    if (this.hasZero) {
      keys[n] = 0;
      counts[n++] = this.zeroValue;
    }
    for (let at = 0; at < this.slots.length; at += 2) {
      if (this.slots[at] === 0) continue;
      keys[n] = this.slots[at];
      counts[n++] = this.slots[at + 1];
    }
    return { keys, counts };
  }

  static from(keys: ArrayLike<number>, counts: ArrayLike<number>): HashTable {
    const table = new HashTable(keys.length * 2);
    for (let i = 0; i < keys.length; i++) table.add(keys[i], counts[i]);
    return table;
  }

  private addZero(by: number): number {
    if (!this.hasZero) {
      this.hasZero = true;
      this.size++;
    }
    return (this.zeroValue = (this.zeroValue + by) | 0);
  }

  /** Index in `slots` of the slot holding `key` (not 0), or of the empty slot where it would go. */
  private probe(key: number): number {
    const k = key | 0;
    let slot = spread(key) & this.mask;
    for (;;) {
      const found = this.slots[2 * slot];
      if (found === k || found === 0) return 2 * slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Index in `slots` of the value of `key` (not 0), inserted with value 0 when absent. */
  private valueAt(key: number): number {
    let at = this.probe(key);
    if (this.slots[at] === 0) {
      if (this.size + 1 > this.maxLoad * (this.mask + 1)) {
        this.grow();
        at = this.probe(key);
      }
      this.slots[at] = key | 0;
      this.size++;
    }
    return at + 1;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = 2 * (this.mask + 1);
    this.slots = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      const to = this.probe(old[at]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
    }
  }
}

/** Mixes a 32-bit key's bits, so that nearby keys land in distant slots. */
export function spread(key: number): number {
  const h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
