import { HashTable, spread } from './hash-table.ts';

/**
 * Counts keyed by 32-bit hashes, for many keys with small counts (dedup's document frequencies:
 * a key for every term ever seen, most of them in one or two documents, a hundred new ones an
 * article). Per slot the key (4 bytes) and a one-byte count; a count outside 0..254 lives in a
 * `HashTable` beside it, the slot marked. Open addressing with linear probing, doubled at 3/4
 * full: 7-13 bytes a key, against 16-32 for a `HashTable` (8-byte slots, doubled at half full).
 */
export class HashCounts {
  /** Keys as Int32; 0 marks an empty slot (the key 0 itself is kept in `large`). */
  private keys: Int32Array;
  private small: Uint8Array;
  private mask: number;
  /** Keys in `keys` (the key 0 not included). */
  private used = 0;
  /** Counts that do not fit a byte, and the key 0's. */
  private readonly large = new HashTable(16);

  constructor(capacity = 1024) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.keys = new Int32Array(c);
    this.small = new Uint8Array(c);
    this.mask = c - 1;
  }

  get size(): number {
    return this.used + (this.large.has(0) ? 1 : 0);
  }

  /** Adds `by` to the count of `key` (0 when absent) and returns the count after. */
  add(key: number, by: number): number {
    if (key === 0) return this.large.add(0, by);
    let slot = this.probe(key);
    if (this.keys[slot] === 0) {
      if ((this.used + 1) * 4 > 3 * (this.mask + 1)) {
        this.grow();
        slot = this.probe(key);
      }
      this.keys[slot] = key | 0;
      this.used++;
    }
    const count = this.small[slot];
    if (count === LARGE) return this.large.add(key, by);
    const after = count + by;
    if (after >= 0 && after < LARGE) this.small[slot] = after;
    else {
      this.small[slot] = LARGE;
      this.large.set(key, after);
    }
    return after;
  }

  get(key: number): number {
    if (key === 0) return this.large.get(0);
    const slot = this.probe(key);
    if (this.keys[slot] === 0) return 0;
    return this.small[slot] === LARGE ? this.large.get(key) : this.small[slot];
  }

  /** Keys and counts, in slot order (the key 0 first). */
  entries(): { keys: Uint32Array; counts: Int32Array } {
    const keys = new Uint32Array(this.size);
    const counts = new Int32Array(this.size);
    let n = 0;
    if (this.large.has(0)) counts[n++] = this.large.get(0);
    for (let slot = 0; slot <= this.mask; slot++) {
      const key = this.keys[slot];
      if (key === 0) continue;
      keys[n] = key;
      counts[n++] = this.small[slot] === LARGE ? this.large.get(key) : this.small[slot];
    }
    return { keys, counts };
  }

  static from(keys: ArrayLike<number>, counts: ArrayLike<number>): HashCounts {
    const table = new HashCounts((keys.length * 4) / 3 + 1);
    for (let i = 0; i < keys.length; i++) table.add(keys[i], counts[i]);
    return table;
  }

  /** The slot holding `key` (not 0), or the empty slot where it would go. */
  private probe(key: number): number {
    const k = key | 0;
    let slot = spread(key) & this.mask;
    for (;;) {
      const found = this.keys[slot];
      if (found === k || found === 0) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { keys, small } = this;
    const capacity = 2 * (this.mask + 1);
    this.keys = new Int32Array(capacity);
    this.small = new Uint8Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === 0) continue;
      const to = this.probe(keys[slot]);
      this.keys[to] = keys[slot];
      this.small[to] = small[slot];
    }
  }
}

/** The one-byte count that says "in `large`". */
const LARGE = 255;
