import { SpilledRecords } from './corpus-records.ts';
import { HashLists, type HashListsSnapshot } from './hash-lists.ts';
import { HashCounts } from './hash-counts.ts';
import { base64 } from './wire.ts';

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

/**
 * A slice of one namespace of a snapshot: `--index DIR` saves a corpus as one JSON line per slice,
 * so that no line (a JavaScript string) grows with the corpus. A hashed-list namespace gives its
 * strings before its entries.
 */
export type SnapshotPart =
  | { space: string; entries: [string, unknown][] }
  | { records: string; entries: [string, string][] }
  | { hashCounts: string; keys: number[]; counts: number[] }
  | { hashLists: string; strings: string[] }
  | { hashLists: string; keys: number[]; values: number[] };

/** Entries per snapshot part: records are ~10 KB of base64 each, the rest a few bytes. */
const PART_RECORDS = 1_000;
const PART_ENTRIES = 100_000;

/** `target.push(...items)` without the argument-count limit of a spread. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function* slices<T>(items: T[], size: number): Generator<T[]> {
  for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
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

  /** The whole state as JSON-able data (tests and measurements; `--index DIR` saves `parts()`). */
  snapshot(): CorpusSnapshot {
    const snapshot = emptySnapshot();
    for (const part of this.parts()) gather(snapshot, part);
    return snapshot;
  }

  /** The whole state as slices (see SnapshotPart), records read from the spill file a slice at a time. */
  *parts(): Generator<SnapshotPart> {
    for (const [name, space] of this.spaces) for (const entries of slices([...space.entries()], PART_ENTRIES)) yield { space: name, entries };
    for (const name of this.spilled.namespaces()) {
      for (const keys of slices(this.spilled.keys(name), PART_RECORDS)) {
        const records = this.spilled.getMany(name, keys);
        yield { records: name, entries: keys.map((key, k) => [key, base64(records[k]!)]) };
      }
    }
    for (const [name, table] of this.hashCounts) {
      const { keys, counts } = table.entries();
      for (let at = 0; at < keys.length; at += PART_ENTRIES) {
        yield { hashCounts: name, keys: Array.from(keys.subarray(at, at + PART_ENTRIES)), counts: Array.from(counts.subarray(at, at + PART_ENTRIES)) };
      }
    }
    for (const [name, lists] of this.hashLists) {
      const { keys, values, strings } = lists.snapshot();
      for (const slice of slices(strings, PART_ENTRIES)) yield { hashLists: name, strings: slice };
      for (let at = 0; at < keys.length; at += PART_ENTRIES) yield { hashLists: name, keys: keys.slice(at, at + PART_ENTRIES), values: values.slice(at, at + PART_ENTRIES) };
    }
  }

  static fromSnapshot(snapshot: CorpusSnapshot): MemoryCorpus {
    if (!snapshot.spaces || !snapshot.records || !snapshot.hashCounts || !snapshot.hashLists) throw new Error('written by an older version of newsnlp (before dedup 1.5); build the index again');
    const loader = MemoryCorpus.loader();
    for (const [space, entries] of Object.entries(snapshot.spaces)) loader.add({ space, entries });
    for (const [records, entries] of Object.entries(snapshot.records)) loader.add({ records, entries });
    for (const [hashCounts, { keys, counts }] of Object.entries(snapshot.hashCounts)) loader.add({ hashCounts, keys, counts });
    for (const [hashLists, { keys, values, strings }] of Object.entries(snapshot.hashLists)) {
      loader.add({ hashLists, strings });
      loader.add({ hashLists, keys, values });
    }
    return loader.finish();
  }

  /**
   * Builds a corpus slice by slice (the slices of `parts()`, in that order), as a saved index is
   * read line by line: records go straight to the spill file, the rest is gathered and built at
   * the end.
   */
  static loader(): { add(part: SnapshotPart): void; finish(): MemoryCorpus } {
    const corpus = new MemoryCorpus();
    const rest = emptySnapshot();
    return {
      add(part) {
        if ('records' in part) for (const [key, base64] of part.entries) corpus.spilled.set(part.records, key, Buffer.from(base64, 'base64'));
        else gather(rest, part);
      },
      finish() {
        for (const [name, entries] of Object.entries(rest.spaces)) corpus.spaces.set(name, new Map(entries));
        for (const [name, c] of Object.entries(rest.hashCounts)) corpus.hashCounts.set(name, HashCounts.from(c.keys, c.counts));
        for (const [name, l] of Object.entries(rest.hashLists)) corpus.hashLists.set(name, HashLists.from(l));
        return corpus;
      },
    };
  }
}

function emptySnapshot(): CorpusSnapshot {
  return { spaces: {}, records: {}, hashCounts: {}, hashLists: {} };
}

/** Adds one slice to the snapshot it was cut from. */
function gather(snapshot: CorpusSnapshot, part: SnapshotPart): void {
  if ('space' in part) append((snapshot.spaces[part.space] ??= []), part.entries);
  else if ('records' in part) append((snapshot.records[part.records] ??= []), part.entries);
  else if ('hashCounts' in part) {
    const counts = (snapshot.hashCounts[part.hashCounts] ??= { keys: [], counts: [] });
    append(counts.keys, part.keys);
    append(counts.counts, part.counts);
  } else if ('hashLists' in part) {
    const lists = (snapshot.hashLists[part.hashLists] ??= { keys: [], values: [], strings: [] });
    if ('strings' in part) append(lists.strings, part.strings);
    else {
      append(lists.keys, part.keys);
      append(lists.values, part.values);
    }
  } else throw new Error(`an index line of an unknown kind: ${JSON.stringify(part).slice(0, 80)}`);
}
