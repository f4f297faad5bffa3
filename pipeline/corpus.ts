/**
 * State that spans articles: dedup's index of earlier stories and boilerplate's counts of lines
 * that recur across a dump. Two implementations: in memory (default, persistable to a folder)
 * and Redis (scale-out). Stages reach it only in their in-order phases, so it needs no locking.
 */
export interface Corpus {
  /** Adds `by` to each key's count in a namespace and returns the counts after the update. */
  increment(namespace: string, keys: string[], by?: number): Promise<number[]>;
  /** Current counts of keys (0 when unseen). */
  counts(namespace: string, keys: string[]): Promise<number[]>;
  /** A stored JSON value, or undefined. */
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  set(namespace: string, key: string, value: unknown): Promise<void>;
  /** Appends values to a list and returns nothing; `list` reads it back. */
  append(namespace: string, key: string, values: unknown[]): Promise<void>;
  list<T>(namespace: string, key: string): Promise<T[]>;
  /** Every key of a namespace (for persistence and reports; may be large). */
  keys(namespace: string): Promise<string[]>;
  close(): Promise<void>;
}

type Namespace = Map<string, unknown>;

export class MemoryCorpus implements Corpus {
  protected readonly spaces = new Map<string, Namespace>();

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

  async keys(namespace: string): Promise<string[]> {
    return [...this.space(namespace).keys()];
  }

  async close(): Promise<void> {}

  /** The whole state as JSON-able data, for `--index DIR`. */
  snapshot(): Record<string, [string, unknown][]> {
    const out: Record<string, [string, unknown][]> = {};
    for (const [name, space] of this.spaces) out[name] = [...space.entries()];
    return out;
  }

  static fromSnapshot(snapshot: Record<string, [string, unknown][]>): MemoryCorpus {
    const corpus = new MemoryCorpus();
    for (const [name, entries] of Object.entries(snapshot)) corpus.spaces.set(name, new Map(entries));
    return corpus;
  }
}
