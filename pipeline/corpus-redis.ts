import { Redis } from 'ioredis';
import type { Corpus } from './corpus.ts';

/**
 * The corpus in Redis, for scale-out runs (`enqueue`, `worker`, `collect`): boilerplate's line
 * counts and dedup's index shared by every machine, and kept between runs like `--index`.
 *
 * Layout under `prefix`: counts in a hash `c:<ns>`, byte records in a hash `r:<ns>`, lists in
 * `l:<ns>:<key>` with their keys in a set `lk:<ns>`. Calls a stage issues together (Promise.all)
 * go out as one pipeline (ioredis auto-pipelining); multi-key calls are one command or one
 * pipeline each.
 */
export class RedisCorpus implements Corpus {
  readonly redis: Redis;
  private readonly owned: boolean;

  constructor(
    redis: Redis | string,
    readonly prefix = 'newsnlp:corpus:',
  ) {
    this.owned = typeof redis === 'string';
    this.redis = typeof redis === 'string' ? new Redis(redis, { enableAutoPipelining: true, lazyConnect: false }) : redis;
  }

  private key(kind: 'c' | 'r' | 'l' | 'lk', namespace: string, key?: string): string {
    return key === undefined ? `${this.prefix}${kind}:${namespace}` : `${this.prefix}${kind}:${namespace}:${key}`;
  }

  async increment(namespace: string, keys: string[], by = 1): Promise<number[]> {
    if (!keys.length) return [];
    const hash = this.key('c', namespace);
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hincrby(hash, key, by);
    return ((await pipeline.exec()) ?? []).map(([error, value]) => {
      if (error) throw error;
      return Number(value);
    });
  }

  /** Hashed counters are ordinary counters here, the hash in base 36 as the field. */
  async incrementHashes(namespace: string, keys: Uint32Array, by = 1): Promise<number[]> {
    return this.increment(namespace, Array.from(keys, (k) => k.toString(36)), by);
  }

  async counts(namespace: string, keys: string[]): Promise<number[]> {
    if (!keys.length) return [];
    const values = await this.redis.hmget(this.key('c', namespace), ...keys);
    return values.map((v) => (v === null ? 0 : Number(v)));
  }

  async setRecord(namespace: string, key: string, bytes: Uint8Array): Promise<void> {
    await this.redis.hset(this.key('r', namespace), key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  async records(namespace: string, keys: string[]): Promise<(Uint8Array | undefined)[]> {
    if (!keys.length) return [];
    const values = await this.redis.hmgetBuffer(this.key('r', namespace), ...keys);
    return values.map((v) => v ?? undefined);
  }

  async append(namespace: string, key: string, values: unknown[]): Promise<void> {
    if (!values.length) return;
    await this.redis
      .multi()
      .rpush(this.key('l', namespace, key), ...values.map((v) => JSON.stringify(v)))
      .sadd(this.key('lk', namespace), key)
      .exec();
  }

  async list<T>(namespace: string, key: string): Promise<T[]> {
    const values = await this.redis.lrange(this.key('l', namespace, key), 0, -1);
    return values.map((v) => JSON.parse(v) as T);
  }

  async appendHashed(namespace: string, keys: Uint32Array, value: string): Promise<void> {
    await Promise.all(Array.from(keys, (k) => this.append(namespace, k.toString(36), [value])));
  }

  async listHashed(namespace: string, keys: Uint32Array): Promise<string[][]> {
    return Promise.all(Array.from(keys, (k) => this.list<string>(namespace, k.toString(36))));
  }

  async keys(namespace: string): Promise<string[]> {
    const [counts, values, lists] = await Promise.all([
      this.redis.hkeys(this.key('c', namespace)),
      this.redis.hkeys(this.key('r', namespace)),
      this.redis.smembers(this.key('lk', namespace)),
    ]);
    return [...new Set([...counts, ...values, ...lists])];
  }

  async close(): Promise<void> {
    if (this.owned) await this.redis.quit();
  }
}
