import { HashTable } from './hash-table.ts';

/**
 * Lists of strings keyed by 32-bit hashes, in flat typed arrays: a table from each key to its
 * list, and per entry the index of its value and the entry before it. Dedup adds ~50 entries an
 * article (LSH buckets, term postings) that it keeps for the whole run: as a `Map` of string keys
 * to arrays they were three heap objects each for every garbage collection to trace and ~5 KB an
 * article. Most of these lists (an LSH bucket nobody else falls into) hold one value: the table
 * holds that value itself, and only a list's second value makes entries.
 */
export class HashLists {
  /** Key -> 1 + its newest entry; or, for a list of one value, -(1 + the value's index). Filled to 3/4: most keys are never looked up again. */
  private readonly heads = new HashTable(1024, 0.75);
  /** Per entry: index of its value in `values`, and 1 + the entry before it in its list (0: none). */
  private valueOf = new Int32Array(1024);
  private previous = new Int32Array(1024);
  private entries = 0;
  /** One string per `append` call (every key of a call shares it). */
  private readonly values: string[] = [];

  /** Appends `value` to the list of every key. */
  append(keys: ArrayLike<number>, value: string): void {
    const v = this.values.push(value) - 1;
    for (let i = 0; i < keys.length; i++) this.link(keys[i], v);
  }

  /** The values of `key`'s list, oldest first. */
  list(key: number): string[] {
    const head = this.heads.get(key);
    if (head < 0) return [this.values[-head - 1]];
    const out: string[] = [];
    for (let e = head; e; e = this.previous[e - 1]) out.push(this.values[this.valueOf[e - 1]]);
    return out.reverse();
  }

  /** Every key with a list. */
  keys(): Uint32Array {
    return this.heads.entries().keys;
  }

  /** The lists as JSON-able arrays (`--index`): per entry its key and value, each key's entries oldest first. */
  snapshot(): HashListsSnapshot {
    const { keys, counts: heads } = this.heads.entries();
    const keyOf: number[] = [];
    const valueOf: number[] = [];
    for (let k = 0; k < keys.length; k++) {
      const newestFirst: number[] = [];
      if (heads[k] < 0) newestFirst.push(-heads[k] - 1);
      else for (let e = heads[k]; e; e = this.previous[e - 1]) newestFirst.push(this.valueOf[e - 1]);
      for (let j = newestFirst.length - 1; j >= 0; j--) {
        keyOf.push(keys[k]);
        valueOf.push(newestFirst[j]);
      }
    }
    return { keys: keyOf, values: valueOf, strings: [...this.values] };
  }

  static from(snapshot: HashListsSnapshot): HashLists {
    const lists = new HashLists();
    for (const string of snapshot.strings) lists.values.push(string); // not a spread: there may be millions
    snapshot.keys.forEach((key, e) => lists.link(key, snapshot.values[e]));
    return lists;
  }

  private link(key: number, value: number): void {
    const head = this.heads.set(key, -value - 1);
    if (head === 0) return; // a new list: its one value in the table
    const before = head < 0 ? this.newEntry(-head - 1, 0) : head;
    this.heads.set(key, this.newEntry(value, before));
  }

  /** A new entry for `value` after the entry `before` (1-based; 0: none); returns it, 1-based. */
  private newEntry(value: number, before: number): number {
    if (this.entries === this.valueOf.length) {
      this.valueOf = grown(this.valueOf);
      this.previous = grown(this.previous);
    }
    const e = this.entries++;
    this.valueOf[e] = value;
    this.previous[e] = before;
    return e + 1;
  }
}

export interface HashListsSnapshot {
  /** Per entry: its key and the index of its value in `strings`; a key's entries oldest first. */
  keys: number[];
  values: number[];
  strings: string[];
}

/** A typed array of twice the length holding `a`'s elements first. */
export function grown<T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
