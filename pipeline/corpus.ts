import { HashLists, type HashListsSnapshot } from './hash-lists.ts';
import { HashTable } from './hash-table.ts';

/**
 * State that spans articles: dedup's index of earlier stories and boilerplate's counts of lines
 * that recur across a dump. Two implementations: in memory (default, persistable to a folder)
 * and Redis (scale-out). Stages reach it only in their in-order phases, so it needs no locking.
 */
export interface Corpus {
  /** Adds `by` to each key's count in a namespace and returns the counts after the update. */
  increment(namespace: string, keys: string[], by?: number): Promise<number[]>;
  /**
   * `increment` for counters keyed by 32-bit hashes (dedup's document frequencies: a key for every
   * term ever seen), stored compactly. Keys must be distinct.
   */
  incrementHashes(namespace: string, keys: Uint32Array, by?: number): Promise<number[]>;
  /** Current counts of keys (0 when unseen). */
  counts(namespace: string, keys: string[]): Promise<number[]>;
  /** A stored JSON value, or undefined. */
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  set(namespace: string, key: string, value: unknown): Promise<void>;
  /** Appends values to a list and returns nothing; `list` reads it back. */
  append(namespace: string, key: string, values: unknown[]): Promise<void>;
  list<T>(namespace: string, key: string): Promise<T[]>;
  /**
   * `append` of one string to the lists of many keys, for lists keyed by 32-bit hashes (dedup's
   * LSH buckets and term postings: ~50 keys an article, kept for the whole run), stored compactly.
   */
  appendHashed(namespace: string, keys: Uint32Array, value: string): Promise<void>;
  /** The lists of `appendHashed` keys, oldest value first. */
  listHashed(namespace: string, keys: Uint32Array): Promise<string[][]>;
  /** Every key of a namespace (for persistence and reports; may be large). */
  keys(namespace: string): Promise<string[]>;
  close(): Promise<void>;
}

type Namespace = Map<string, unknown>;

/** `MemoryCorpus.snapshot()`: the namespaces' entries, hashed counters as parallel arrays, hashed lists. */
export interface CorpusSnapshot {
  spaces: Record<string, [string, unknown][]>;
  hashCounts: Record<string, { keys: number[]; counts: number[] }>;
  hashLists: Record<string, HashListsSnapshot>;
}

export class MemoryCorpus implements Corpus {
  protected readonly spaces = new Map<string, Namespace>();
  protected readonly hashCounts = new Map<string, HashTable>();
  protected readonly hashLists = new Map<string, HashLists>();

  protected space(name: string): Namespace {
    let space = this.spaces.get(name);
    if (!space) this.spaces.set(name, (space = new Map()));
    return space;
  }

  async increment(namespace: string, keys: string[], by = 1): Promise<number[]> {
    const space = this.space(namespace);
    return keys.map((key) => {
      const next = ((space.get(key) as number | undefined) ?? 0) + by;
      space.set(key, next);
      return next;
    });
  }

  async incrementHashes(namespace: string, keys: Uint32Array, by = 1): Promise<number[]> {
    let table = this.hashCounts.get(namespace);
    if (!table) this.hashCounts.set(namespace, (table = new HashTable()));
    const after = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i++) after[i] = table.add(keys[i], by);
    return after;
  }

  async counts(namespace: string, keys: string[]): Promise<number[]> {
    const space = this.space(namespace);
    return keys.map((key) => (space.get(key) as number | undefined) ?? 0);
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    return this.space(namespace).get(key) as T | undefined;
  }

  async set(namespace: string, key: string, value: unknown): Promise<void> {
    this.space(namespace).set(key, value);
  }

  async append(namespace: string, key: string, values: unknown[]): Promise<void> {
    const space = this.space(namespace);
    const list = space.get(key) as unknown[] | undefined;
    // A new list is a copy of exactly its values: pushing into [] would reserve 17 slots, and
    // most LSH buckets and postings hold one or two ids.
    if (list) list.push(...values);
    else space.set(key, values.slice());
  }

  async list<T>(namespace: string, key: string): Promise<T[]> {
    return ((this.space(namespace).get(key) as T[] | undefined) ?? []).slice();
  }

  async appendHashed(namespace: string, keys: Uint32Array, value: string): Promise<void> {
    let lists = this.hashLists.get(namespace);
    if (!lists) this.hashLists.set(namespace, (lists = new HashLists()));
    lists.append(keys, value);
  }

  async listHashed(namespace: string, keys: Uint32Array): Promise<string[][]> {
    const lists = this.hashLists.get(namespace);
    return Array.from(keys, (key) => lists?.list(key) ?? []);
  }

  async keys(namespace: string): Promise<string[]> {
    const counted = this.hashCounts.get(namespace)?.entries().keys ?? [];
    const listed = this.hashLists.get(namespace)?.keys() ?? [];
    return [...this.space(namespace).keys(), ...Array.from(counted, (k) => k.toString(36)), ...Array.from(listed, (k) => k.toString(36))];
  }

  async close(): Promise<void> {}

  /** The whole state as JSON-able data, for `--index DIR`. */
  snapshot(): CorpusSnapshot {
    const spaces: CorpusSnapshot['spaces'] = {};
    for (const [name, space] of this.spaces) spaces[name] = [...space.entries()];
    const hashCounts: CorpusSnapshot['hashCounts'] = {};
    for (const [name, table] of this.hashCounts) {
      const { keys, counts } = table.entries();
      hashCounts[name] = { keys: Array.from(keys), counts: Array.from(counts) };
    }
    const hashLists: CorpusSnapshot['hashLists'] = {};
    for (const [name, lists] of this.hashLists) hashLists[name] = lists.snapshot();
    return { spaces, hashCounts, hashLists };
  }

  static fromSnapshot(snapshot: CorpusSnapshot): MemoryCorpus {
    if (!snapshot.spaces || !snapshot.hashCounts || !snapshot.hashLists) throw new Error('written by an older version of newsnlp (before dedup 1.4); build the index again');
    const corpus = new MemoryCorpus();
    for (const [name, entries] of Object.entries(snapshot.spaces)) corpus.spaces.set(name, new Map(entries));
    for (const [name, { keys, counts }] of Object.entries(snapshot.hashCounts)) corpus.hashCounts.set(name, HashTable.from(keys, counts));
    for (const [name, lists] of Object.entries(snapshot.hashLists)) corpus.hashLists.set(name, HashLists.from(lists));
    return corpus;
  }
}
