/**
 * Commits results strictly in sequence order, whatever order they complete in: the writer's
 * half of "output independent of concurrency". `commit` runs one at a time.
 */
export class OrderedCommitter<T> {
  private next: number;
  private readonly ready = new Map<number, T>();
  private chain: Promise<void> = Promise.resolve();
  private waiters: (() => void)[] = [];
  private failure: unknown = null;

  /** `first`: the first sequence number to commit (a resumed run starts past the committed ones). */
  constructor(
    private readonly commit: (seq: number, value: T) => Promise<void>,
    first = 0,
  ) {
    this.next = first;
  }

  /** Results handed in but not yet committed. */
  get pending(): number {
    return this.ready.size;
  }

  put(seq: number, value: T): void {
    this.ready.set(seq, value);
    this.chain = this.chain.then(() => this.drain()).catch((error) => {
      this.failure ??= error;
    });
  }

  private async drain(): Promise<void> {
    while (this.ready.has(this.next)) {
      const value = this.ready.get(this.next)!;
      this.ready.delete(this.next);
      await this.commit(this.next, value);
      this.next++;
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  /** Resolves when at least one more result has been committed. */
  committed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Waits for everything handed in so far; rethrows a commit failure. */
  async flush(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }
}
