import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A JSONL file written to `<path>.partial` and renamed into place once complete, so a reader
 * never sees a half-written output file.
 */
export class JsonlSink {
  private stream: WriteStream | null = null;
  private count = 0;

  constructor(readonly path: string) {}

  private async open(): Promise<WriteStream> {
    if (!this.stream) {
      await mkdir(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(`${this.path}.partial`);
    }
    return this.stream;
  }

  async write(value: unknown): Promise<void> {
    const stream = await this.open();
    this.count++;
    if (!stream.write(`${JSON.stringify(value)}\n`)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }

  get written(): number {
    return this.count;
  }

  /** Flushes and moves the file into place (an empty file when nothing was written). */
  async close(): Promise<void> {
    const stream = await this.open();
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await rename(`${this.path}.partial`, this.path);
  }
}
