import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grown } from './hash-lists.ts';

/**
 * The in-memory corpus's byte records (`Corpus.setRecord`: dedup's per-article index entries,
 * ~7 KB each, read back for a few dozen candidates per article) kept out of RAM: appended to a
 * spill file and read back with positioned reads, so the process holds per record only its key
 * and where it lies (the page cache holds the bytes, and gives them up under pressure: it is not
 * the process's RSS). The file is in `os.tmpdir()` (`TMPDIR`) and unlinked as soon as it is
 * open, so it disappears with the process however that ends; a killed run loses nothing it
 * needs, since `--resume` replays records from the journal and `--index` saves them in its
 * snapshot.
 */
export class SpilledRecords {
  /** Per namespace, key -> slot; per slot the record's offset in the file (a double: files past 4 GB) and length. */
  private readonly spaces = new Map<string, Map<string, number>>();
  private slotCount = 0;
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  /** The spill file's descriptor, opened on the first write (closed when this is collected, if not before). */
  private readonly file: { fd: number | null } = { fd: null };
  /** Bytes on disk; the records after them are still in `pending`. */
  private flushed = 0;
  private pending = new Uint8Array(PENDING_BYTES);
  private pendingBytes = 0;

  constructor() {
    closeWhenCollected.register(this, this.file);
  }

  /** Records stored (a key set again counts once). */
  get size(): number {
    return this.slotCount;
  }

  /** Bytes written (the spill file's size once flushed). */
  get bytes(): number {
    return this.flushed + this.pendingBytes;
  }

  /** Stores a copy of `bytes` under `key` of `namespace` (replacing what it held). */
  set(namespace: string, key: string, bytes: Uint8Array): void {
    let slots = this.spaces.get(namespace);
    if (!slots) this.spaces.set(namespace, (slots = new Map()));
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = this.slotCount++;
      if (slot === this.offsets.length) {
        this.offsets = grown(this.offsets);
        this.lengths = grown(this.lengths);
      }
      slots.set(key, slot);
    }
    this.offsets[slot] = this.flushed + this.pendingBytes;
    this.lengths[slot] = bytes.length;
    if (this.pendingBytes + bytes.length > this.pending.length) this.flush();
    if (bytes.length > this.pending.length) this.writeAt(bytes, this.flushed);
    else {
      this.pending.set(bytes, this.pendingBytes);
      this.pendingBytes += bytes.length;
    }
  }

  /** A copy of the record of `key` (its own buffer, offset 0), or undefined. */
  get(namespace: string, key: string): Uint8Array | undefined {
    return this.getMany(namespace, [key])[0];
  }

  /**
   * Copies of the records of `keys` (undefined where none), read into one buffer (one allocation
   * for a whole batch of candidates), each starting at a multiple of 4 bytes: word views of them
   * need no copy.
   */
  getMany(namespace: string, keys: string[]): (Uint8Array | undefined)[] {
    const slots = this.spaces.get(namespace);
    const found = keys.map((key) => slots?.get(key));
    let total = 0;
    for (const slot of found) if (slot !== undefined) total += padded(this.lengths[slot]);
    const buffer = new Uint8Array(total);
    let at = 0;
    return found.map((slot) => {
      if (slot === undefined) return undefined;
      const out = buffer.subarray(at, at + this.lengths[slot]);
      at += padded(out.length);
      this.read(this.offsets[slot], out);
      return out;
    });
  }

  private read(offset: number, out: Uint8Array): void {
    if (offset >= this.flushed) {
      out.set(this.pending.subarray(offset - this.flushed, offset - this.flushed + out.length));
      return;
    }
    for (let done = 0; done < out.length; ) {
      const n = readSync(this.file.fd!, out, done, out.length - done, offset + done);
      if (n === 0) throw new Error('corpus spill file: record cut short');
      done += n;
    }
  }

  keys(namespace: string): string[] {
    return [...(this.spaces.get(namespace)?.keys() ?? [])];
  }

  namespaces(): string[] {
    return [...this.spaces.keys()];
  }

  /** Forgets a namespace's records (their bytes stay in the file until it is closed). */
  delete(namespace: string): void {
    this.spaces.delete(namespace);
  }

  /** Closes and so removes the spill file; the records are gone. */
  close(): void {
    if (this.file.fd !== null) closeSync(this.file.fd);
    this.file.fd = null;
    this.spaces.clear();
    this.slotCount = this.flushed = this.pendingBytes = 0;
  }

  private flush(): void {
    if (!this.pendingBytes) return;
    this.writeAt(this.pending.subarray(0, this.pendingBytes), this.flushed);
    this.pendingBytes = 0;
  }

  private writeAt(bytes: Uint8Array, offset: number): void {
    const fd = (this.file.fd ??= openSpillFile());
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, offset + done);
    this.flushed += bytes.length;
  }
}

const closeWhenCollected = new FinalizationRegistry<{ fd: number | null }>((file) => {
  if (file.fd !== null) closeSync(file.fd);
});

const padded = (bytes: number) => (bytes + 3) & ~3;

/** Records are written in batches of this many bytes (and read back from the batch until then). */
const PENDING_BYTES = 1 << 20;

/** Opens a new spill file and unlinks it at once (and its folder): only the descriptor reaches it. */
function openSpillFile(): number {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-corpus-'));
  try {
    return openSync(join(dir, 'records'), 'w+', 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
