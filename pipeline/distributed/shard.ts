import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringifyWire } from '../wire.ts';

/**
 * A worker's output shard: JSON lines appended to one file, made durable in groups. `write`
 * resolves only once its line is on disk (fsync), so a job is acknowledged to the queue only
 * after its result is safe; a worker killed before that leaves the job to be retried.
 */
export class ShardWriter {
  private pending: string[] = [];
  private waiters: (() => void)[] = [];
  private failures: ((error: unknown) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly groupMs: number,
  ) {}

  static async open(path: string, groupMs = 50): Promise<ShardWriter> {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a+');
    // A line torn by a killed worker stays on its own line, where `collect` ignores it.
    const { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 10) await handle.write('\n');
    }
    return new ShardWriter(path, handle, groupMs);
  }

  write(value: unknown): Promise<void> {
    this.pending.push(`${stringifyWire(value)}\n`);
    const done = new Promise<void>((resolve, reject) => {
      this.waiters.push(resolve);
      this.failures.push(reject);
    });
    this.timer ??= setTimeout(() => void this.flush(), this.groupMs);
    return done;
  }

  private flush(): Promise<void> {
    this.timer = null;
    const lines = this.pending;
    const waiters = this.waiters;
    const failures = this.failures;
    this.pending = [];
    this.waiters = [];
    this.failures = [];
    this.flushing = this.flushing.then(async () => {
      if (!lines.length) return;
      try {
        await this.handle.write(lines.join(''));
        await this.handle.datasync();
        waiters.forEach((wake) => wake());
      } catch (error) {
        failures.forEach((fail) => fail(error));
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
    await this.handle.close();
  }
}
