import { existsSync } from 'node:fs';
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An output file written as `<path>.partial` in appends that are only made durable by
 * `checkpoint()` (write + fsync), and renamed into place by `finish()`. It can reopen a
 * partial file cut back to a committed size: the resume half of the run journal.
 */
export class CheckpointedFile {
  /** Lines as UTF-8 bytes (outside the JS heap: the young-generation collections before the next checkpoint do not copy them). */
  private pending: Buffer<ArrayBuffer>[] = [];
  private pendingBytes = 0;
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  /** Opens `<path>.partial`, keeping its first `committedBytes` bytes (0: a new file). */
  static async open(path: string, committedBytes = 0): Promise<CheckpointedFile> {
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.partial`;
    // Killed between moving the file into place and journaling that: take it back.
    if (committedBytes > 0 && !existsSync(partial) && existsSync(path)) await rename(path, partial);
    const handle = await open(partial, committedBytes > 0 ? 'r+' : 'w');
    const info = await handle.stat();
    if (info.size < committedBytes) {
      await handle.close();
      throw new Error(`${partial} is shorter (${info.size} bytes) than the journal says (${committedBytes}); run without --resume`);
    }
    await handle.truncate(committedBytes);
    return new CheckpointedFile(path, handle, committedBytes);
  }

  /** Appends one JSON line (buffered until the next checkpoint). */
  write(value: unknown): void {
    const line = Buffer.from(`${JSON.stringify(value)}\n`);
    this.pending.push(line);
    this.pendingBytes += line.length;
  }

  /** Size the file will have once everything written so far is checkpointed. */
  get bytes(): number {
    return this.size + this.pendingBytes;
  }

  get buffered(): number {
    return this.pendingBytes;
  }

  /** Writes the buffered lines and makes them durable. */
  async checkpoint(): Promise<void> {
    if (!this.pending.length) return;
    const lines = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.size += await writeDurably(this.handle, lines, this.size, `${this.path}.partial`);
  }

  /** Checkpoints, closes, and moves the file into place. */
  async finish(): Promise<void> {
    await this.checkpoint();
    await this.handle.close();
    await rename(`${this.path}.partial`, this.path);
  }

  /** Closes without moving into place (an interrupted run: `--resume` picks it up). */
  async abandon(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Writes `lines` at `position` in one writev and makes them durable (fsync of the data); returns
 * the bytes written. A short write (disk full) throws rather than leave the file's end unknown.
 */
export async function writeDurably(handle: FileHandle, lines: Buffer[], position: number, name: string): Promise<number> {
  const expected = lines.reduce((n, b) => n + b.length, 0);
  const { bytesWritten } = await handle.writev(lines, position);
  if (bytesWritten !== expected) throw new Error(`${name}: write cut short (${bytesWritten} of ${expected} bytes; disk full?)`);
  await handle.datasync();
  return bytesWritten;
}
