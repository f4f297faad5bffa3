import { SpilledRecords } from './corpus-records.ts';
import { HashLists, type HashListsSnapshot } from './hash-lists.ts';
import { HashCounts } from './hash-counts.ts';

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
  /**
   * Stores a byte record under a key (dedup's per-article index entry). In memory, records live
   * in a spill file, not in RAM (`corpus-records.ts`).
   */
  setRecord(namespace: string, key: string, bytes: Uint8Array): Promise<void>;
  /** The records of keys (undefined where none), each its own bytes. */
  records(namespace: string, keys: string[]): Promise<(Uint8Array | undefined)[]>;
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

/** `MemoryCorpus.snapshot()`: the namespaces' entries, records in base64, hashed counters as parallel arrays, hashed lists. */
export interface CorpusSnapshot {
  spaces: Record<string, [string, unknown][]>;
  records: Record<string, [string, string][]>;
  hashCounts: Record<string, { keys: number[]; counts: number[] }>;
  hashLists: Record<string, HashListsSnapshot>;
}

export class MemoryCorpus implements Corpus {
  protected readonly spaces = new Map<string, Namespace>();
  /** Byte records, in one spill file for every namespace. */
  protected readonly spilled = new SpilledRecords();
  protected readonly hashCounts = new Map<string, HashCounts>();
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
    if (!table) this.hashCounts.set(namespace, (table = new HashCounts()));
    const after = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i++) after[i] = table.add(keys[i], by);
    return after;
  }

  async counts(namespace: string, keys: string[]): Promise<number[]> {
    const space = this.space(namespace);
    return keys.map((key) => (space.get(key) as number | undefined) ?? 0);
  }

  async setRecord(namespace: string, key: string, bytes: Uint8Array): Promise<void> {
    this.spilled.set(namespace, key, bytes);
  }

  async records(namespace: string, keys: string[]): Promise<(Uint8Array | undefined)[]> {
    return this.spilled.getMany(namespace, keys);
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
    const recorded = this.spilled.keys(namespace);
    return [...this.space(namespace).keys(), ...recorded, ...Array.from(counted, (k) => k.toString(36)), ...Array.from(listed, (k) => k.toString(36))];
  }

  /** Removes the records' spill files: the corpus is no longer usable after. */
  async close(): Promise<void> {
    this.spilled.close();
  }

  /** The whole state as JSON-able data, for `--index DIR`. */
  snapshot(): CorpusSnapshot {
    const spaces: CorpusSnapshot['spaces'] = {};
    for (const [name, space] of this.spaces) spaces[name] = [...space.entries()];
    const records: CorpusSnapshot['records'] = {};
    for (const name of this.spilled.namespaces()) {
      records[name] = this.spilled.keys(name).map((key) => [key, Buffer.from(this.spilled.get(name, key)!).toString('base64')]);
    }
    const hashCounts: CorpusSnapshot['hashCounts'] = {};
    for (const [name, table] of this.hashCounts) {
      const { keys, counts } = table.entries();
      hashCounts[name] = { keys: Array.from(keys), counts: Array.from(counts) };
    }
    const hashLists: CorpusSnapshot['hashLists'] = {};
    for (const [name, lists] of this.hashLists) hashLists[name] = lists.snapshot();
    return { spaces, records, hashCounts, hashLists };
  }

  static fromSnapshot(snapshot: CorpusSnapshot): MemoryCorpus {
    if (!snapshot.spaces || !snapshot.records || !snapshot.hashCounts || !snapshot.hashLists) throw new Error('written by an older version of newsnlp (before dedup 1.5); build the index again');
    const corpus = new MemoryCorpus();
    for (const [name, entries] of Object.entries(snapshot.spaces)) corpus.spaces.set(name, new Map(entries));
    for (const [name, entries] of Object.entries(snapshot.records)) {
      for (const [key, base64] of entries) corpus.spilled.set(name, key, Buffer.from(base64, 'base64'));
    }
    for (const [name, { keys, counts }] of Object.entries(snapshot.hashCounts)) corpus.hashCounts.set(name, HashCounts.from(keys, counts));
    for (const [name, lists] of Object.entries(snapshot.hashLists)) corpus.hashLists.set(name, HashLists.from(lists));
    return corpus;
  }
}
