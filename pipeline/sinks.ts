import { existsSync } from 'node:fs';
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An output file written as `<path>.partial` in appends that are only made durable by
 * `checkpoint()` (write + fsync), and renamed into place by `finish()`. It can reopen a
 * partial file cut back to a committed size: the resume half of the run journal.
 */
export class CheckpointedFile {
  private readonly pending = new PendingText();
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
    this.pending.append(JSON.stringify(value));
    this.pending.append('\n');
  }

  /** Size the file will have once everything written so far is checkpointed. */
  get bytes(): number {
    return this.size + this.pending.bytes;
  }

  get buffered(): number {
    return this.pending.bytes;
  }

  /** Writes the buffered lines and makes them durable. */
  async checkpoint(): Promise<void> {
    if (!this.pending.bytes) return;
    this.size += await writeDurably(this.handle, this.pending.take(), this.size, `${this.path}.partial`);
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
 * Text waiting for the next checkpoint, as UTF-8 encoded straight into large chunks outside the JS
 * heap: no allocation per line (a line of over 4 KB, most records and journal entries, would get
 * a memory block of its own from `Buffer.from`), and no young-generation collection copies it.
 */
export class PendingText {
  private static readonly CHUNK = 1 << 20;
  private done: Buffer[] = [];
  private chunk: Buffer = Buffer.alloc(0);
  /** Where the current chunk's bytes not yet handed out by `take` start, and where they end. */
  private from = 0;
  private to = 0;
  private pendingBytes = 0;

  /** Bytes appended since the last `take`. */
  get bytes(): number {
    return this.pendingBytes;
  }

  append(text: string): void {
    const worst = 3 * text.length; // UTF-8 bytes per UTF-16 code unit, at most
    if (this.chunk.length - this.to < worst) {
      this.seal();
      this.chunk = Buffer.allocUnsafe(Math.max(PendingText.CHUNK, worst));
      this.from = this.to = 0;
    }
    const n = this.chunk.write(text, this.to);
    this.to += n;
    this.pendingBytes += n;
  }

  /** The bytes appended since the last `take`; later appends never touch them. */
  take(): Buffer[] {
    this.seal();
    const out = this.done;
    this.done = [];
    this.pendingBytes = 0;
    return out;
  }

  private seal(): void {
    if (this.to > this.from) this.done.push(this.chunk.subarray(this.from, this.to));
    this.from = this.to;
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
