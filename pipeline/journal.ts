import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from './corpus.ts';
import { PendingText, writeDurably } from './sinks.ts';
import { base64 } from './wire.ts';

/**
 * The run journal: the truth about what a run has committed, so `--resume` continues exactly
 * where an interrupted run stopped (Ctrl-C, kill -9, power loss).
 *
 * One JSON line per committed article, written only after the output bytes it points to are on
 * disk (fsync): `{i, s, id, ok, r, e, m}` = input index, sequence number in the input, id,
 * record (1) or error (0), sizes of the records and errors files after it, and the corpus
 * mutations the article caused. On resume the output files are cut back to the last entry's
 * sizes and the corpus is rebuilt by replaying the mutations, so the resumed run continues from
 * the state an uninterrupted run had at that article. A torn last line (killed mid-write) is
 * ignored: it was never committed.
 */
export const JOURNAL_DIR = '.newsnlp';
const JOURNAL_FILE = 'journal.jsonl';

/** A corpus update, already serialised (one JSON array), as journaled when it happens. */
export type RecordedMutation = string;

/** A corpus update, as replayed on resume. */
export type Mutation =
  | ['i', string, string[], number]
  /** incrementHashes: the keys' little-endian bytes in base64 (a quarter of their JSON size). */
  | ['h', string, string, number]
  /** setRecord: the bytes in base64. */
  | ['r', string, string, string]
  | ['a', string, string, unknown[]]
  /** appendHashed: the keys as for 'h'. */
  | ['l', string, string, string];

export interface CommitEntry {
  /** Input index. */
  i: number;
  /** Sequence number of the article in its input. */
  s: number;
  id: string | null;
  /** 1: a record was written; 0: an error line. */
  ok: 0 | 1;
  /** Bytes of the records and errors files once this entry is committed. */
  r: number;
  e: number;
  m: Mutation[];
}

interface Header {
  journal: 1;
  inputs: string[];
  config: string;
  /** Fingerprint of the `--index` file when the run started (null: none). */
  index: string | null;
}

/** `n`: the input's record and error counts, in a finished run's compacted journal. */
type Line = Header | CommitEntry | { done: number; n?: [number, number] } | { complete: true };

/** What the journal says about one input. */
export interface InputState {
  /** Articles committed: the next sequence number to process. */
  committed: number;
  records: number;
  errors: number;
  recordBytes: number;
  errorBytes: number;
  /** Ids of committed records, in order (side outputs need them). */
  ids: string[];
  done: boolean;
}

export interface ResumeState {
  inputs: InputState[];
  complete: boolean;
  /** Bytes of the journal that hold complete lines (what `replayJournal` reads). */
  goodBytes: number;
  /** The index fingerprint the interrupted run started from. */
  index: string | null;
}

export function emptyInputState(): InputState {
  return { committed: 0, records: 0, errors: 0, recordBytes: 0, errorBytes: 0, ids: [], done: false };
}

export function configFingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export class Journal {
  private readonly pending = new PendingText();

  private constructor(
    private readonly handle: FileHandle,
    private size: number,
    private readonly header: Header,
  ) {}

  static path(outDir: string): string {
    return join(outDir, JOURNAL_DIR, JOURNAL_FILE);
  }

  /**
   * Starts a journal. With `resume`, reads the existing one (same inputs and configuration
   * required) and returns its state; otherwise, or when there is none, starts afresh.
   */
  static async open(
    outDir: string,
    inputs: string[],
    config: unknown,
    index: string | null,
    resume: boolean,
  ): Promise<{ journal: Journal; state: ResumeState | null }> {
    const path = Journal.path(outDir);
    await mkdir(join(outDir, JOURNAL_DIR), { recursive: true });
    const header: Header = { journal: 1, inputs, config: configFingerprint(config), index };
    if (resume && existsSync(path)) {
      const { state, header: old, goodBytes } = await readJournal(path, inputs.length);
      if (old) {
        if (JSON.stringify(old.inputs) !== JSON.stringify(inputs)) {
          throw new Error(`--resume: the interrupted run had inputs ${old.inputs.join(' ')}; give the same inputs in the same order`);
        }
        if (old.config !== header.config) throw new Error('--resume: the interrupted run used other options (stages, thresholds, ...); give the same options');
        const handle = await open(path, 'r+');
        await handle.truncate(goodBytes);
        return { journal: new Journal(handle, goodBytes, old), state };
      }
    }
    await rm(path, { force: true });
    const handle = await open(path, 'w');
    const journal = new Journal(handle, 0, header);
    journal.add(header);
    await journal.sync();
    return { journal, state: null };
  }

  /** Buffers a line; it is written by the next `sync`. */
  add(line: Line): void {
    this.pending.append(`${JSON.stringify(line)}\n`);
  }

  /** Buffers an article's commit entry, its corpus updates already serialised. */
  commit(entry: Omit<CommitEntry, 'm'>, mutations: RecordedMutation[]): void {
    const head = JSON.stringify(entry);
    this.pending.append(`${head.slice(0, -1)},"m":[`);
    for (let k = 0; k < mutations.length; k++) {
      if (k) this.pending.append(',');
      this.pending.append(mutations[k]);
    }
    this.pending.append(']}\n');
  }

  /** Writes buffered lines and makes them durable. Call only once the output they describe is. */
  async sync(): Promise<void> {
    if (!this.pending.bytes) return;
    this.size += await writeDurably(this.handle, this.pending.take(), this.size, JOURNAL_FILE);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sync();
    await this.handle.close();
  }

  /** A finished run keeps only what says it is finished: resuming it does nothing. */
  async finish(outDir: string, counts: { records: number; errors: number }[]): Promise<void> {
    await this.close();
    const path = Journal.path(outDir);
    const done = counts.map((c, k): Line => ({ done: k, n: [c.records, c.errors] }));
    const lines: Line[] = [this.header, ...done, { complete: true }];
    await writeAtomic(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const handle = await open(`${path}.partial`, 'w');
  await handle.writeFile(text);
  await handle.datasync();
  await handle.close();
  await rename(`${path}.partial`, path);
}

/**
 * The journal's complete lines, streamed (a long run's journal can be larger than memory), with
 * the byte offset after each; stops at a torn or unreadable line.
 */
async function* journalLines(path: string, limit = Infinity): AsyncGenerator<{ line: Line; end: number }> {
  let offset = 0;
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      const bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [];
      start = nl + 1;
      let line: Line;
      try {
        line = JSON.parse(bytes.toString('utf8')) as Line;
      } catch {
        return;
      }
      offset += bytes.length + 1;
      if (offset > limit) return;
      yield { line, end: offset };
    }
    if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  }
}

/** Reads what a journal says, up to its last complete line (corpus updates are left for `replayJournal`). */
export async function readJournal(path: string, inputCount: number): Promise<{ state: ResumeState; header: Header | null; goodBytes: number }> {
  const state: ResumeState = { inputs: Array.from({ length: inputCount }, emptyInputState), complete: false, index: null, goodBytes: 0 };
  let header: Header | null = null;
  let goodBytes = 0;
  for await (const { line, end } of journalLines(path)) {
    goodBytes = end;
    if ('journal' in line) {
      header = line;
      state.index = line.index;
    } else if ('complete' in line) {
      state.complete = true;
    } else if ('done' in line) {
      const input = state.inputs[line.done];
      if (input) {
        input.done = true;
        if (line.n) [input.records, input.errors] = line.n;
      }
    } else {
      const input = state.inputs[line.i];
      if (!input) continue;
      input.committed = line.s + 1;
      input.recordBytes = line.r;
      input.errorBytes = line.e;
      if (line.ok) {
        input.records++;
        if (line.id !== null) input.ids.push(line.id);
      } else {
        input.errors++;
      }
    }
  }
  state.goodBytes = goodBytes;
  return { state, header, goodBytes };
}

/** Applies the corpus updates of every committed article to a corpus, in commit order. */
export async function replayJournal(path: string, goodBytes: number, corpus: Corpus): Promise<void> {
  for await (const { line } of journalLines(path, goodBytes)) {
    if (!('m' in line)) continue;
    for (const m of line.m) {
      if (m[0] === 'i') await corpus.increment(m[1], m[2], m[3]);
      else if (m[0] === 'h') await corpus.incrementHashes(m[1], hashKeys(m[2]), m[3]);
      else if (m[0] === 'l') await corpus.appendHashed(m[1], hashKeys(m[2]), m[3]);
      else if (m[0] === 'r') await corpus.setRecord(m[1], m[2], Buffer.from(m[3], 'base64'));
      else if (m[0] === 'a') await corpus.append(m[1], m[2], m[3]);
      else throw new Error(`--resume: the journal holds a corpus update (${String(m[0])}) this version of newsnlp does not know; run again without --resume`);
    }
  }
}

/**
 * A view of a corpus that notes every update into `log` before passing it on: the runner gives
 * each article's in-order phases their own view, so the journal knows which article changed what.
 */
export function recordingCorpus(inner: Corpus, log: RecordedMutation[]): Corpus {
  // Serialised at once: the journal must hold what was stored now, even if the stage changes its
  // object later.
  const note = (m: Mutation): void => void log.push(JSON.stringify(m));
  return {
    increment: (namespace, keys, by = 1) => {
      note(['i', namespace, keys, by]);
      return inner.increment(namespace, keys, by);
    },
    incrementHashes: (namespace, keys, by = 1) => {
      note(['h', namespace, base64(keys), by]);
      return inner.incrementHashes(namespace, keys, by);
    },
    counts: (namespace, keys) => inner.counts(namespace, keys),
    records: (namespace, keys) => inner.records(namespace, keys),
    setRecord: (namespace, key, bytes) => {
      note(['r', namespace, key, base64(bytes)]);
      return inner.setRecord(namespace, key, bytes);
    },
    append: (namespace, key, values) => {
      note(['a', namespace, key, values]);
      return inner.append(namespace, key, values);
    },
    list: (namespace, key) => inner.list(namespace, key),
    appendHashed: (namespace, keys, value) => {
      note(['l', namespace, base64(keys), value]);
      return inner.appendHashed(namespace, keys, value);
    },
    listHashed: (namespace, keys) => inner.listHashed(namespace, keys),
    keys: (namespace) => inner.keys(namespace),
    close: () => inner.close(),
  };
}

function hashKeys(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Identifies an `--index` file's content version cheaply (size and modification time). */
export async function fileFingerprint(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
}
