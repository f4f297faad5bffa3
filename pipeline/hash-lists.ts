import { HashTable } from './hash-table.ts';

/**
 * Lists of strings keyed by 32-bit hashes, in flat typed arrays: a table from each key to its
 * newest entry, and per entry the index of its value and the entry before it. Dedup adds ~50
 * entries an article (LSH buckets, term postings) that it keeps for the whole run: as a `Map` of
 * string keys to arrays they were three heap objects each for every garbage collection to trace
 * and ~5 KB an article; here they are 8 bytes each.
 */
export class HashLists {
  /** Key -> 1 + its newest entry. */
  private readonly heads = new HashTable();
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
    const out: string[] = [];
    for (let e = this.heads.get(key); e; e = this.previous[e - 1]) out.push(this.values[this.valueOf[e - 1]]);
    return out.reverse();
  }

  /** Every key with a list. */
  keys(): Uint32Array {
    return this.heads.entries().keys;
  }

  /** The entries in the order they were added, as JSON-able arrays (`--index`). */
  snapshot(): HashListsSnapshot {
    const keyOf = new Uint32Array(this.entries);
    const { keys, counts: heads } = this.heads.entries();
    for (let k = 0; k < keys.length; k++) for (let e = heads[k]; e; e = this.previous[e - 1]) keyOf[e - 1] = keys[k];
    return { keys: Array.from(keyOf), values: Array.from(this.valueOf.subarray(0, this.entries)), strings: [...this.values] };
  }

  static from(snapshot: HashListsSnapshot): HashLists {
    const lists = new HashLists();
    lists.values.push(...snapshot.strings);
    snapshot.keys.forEach((key, e) => lists.link(key, snapshot.values[e]));
    return lists;
  }

  private link(key: number, value: number): void {
    if (this.entries === this.valueOf.length) {
      this.valueOf = grown(this.valueOf);
      this.previous = grown(this.previous);
    }
    const e = this.entries++;
    this.valueOf[e] = value;
    this.previous[e] = this.heads.set(key, e + 1);
  }
}

export interface HashListsSnapshot {
  /** Per entry, in the order added: its key and the index of its value in `strings`. */
  keys: number[];
  values: number[];
  strings: string[];
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
