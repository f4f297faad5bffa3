/**
 * The character n-gram model: for every n-gram (1..5 characters) seen in a language's training
 * text, log P(last character | the characters before it) in that language. One sorted table of
 * n-gram hashes for all languages; each entry lists (language, quantized log-probability).
 * Scoring is a back-off language model (the longest n-gram a language knows, a fixed penalty per
 * order it had to drop), summed over the letters of the text: naive Bayes in Lingua's manner.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { MAX_ORDER, hashRange } from './ngrams.ts';

export interface ModelHeader {
  format: 1;
  maxOrder: number;
  quantum: number;
  /** Per language: its code, the scripts of its training letters (share >= 2 %), its letter count. */
  languages: { code: string; scripts: Record<string, number>; letters: number }[];
  training: Record<string, string>;
}

export interface LanguageModel {
  header: ModelHeader;
  codes: string[];
  /** Open-addressing table of the n-gram hashes: (hash, index + 1) pairs, 0 marking an empty slot; one probe where a binary search takes twenty cache misses. */
  table: Uint32Array;
  tableMask: number;
  starts: Uint32Array;
  langs: Uint8Array;
  values: Uint8Array;
  /** Language indexes by script code. */
  byScript: Map<string, number[]>;
  /** Nats charged per n-gram order a language had to back off. */
  backoff: number;
  /** Nats charged for a character the language never showed. */
  floor: number;
}

/** Defaults of the scoring constants (chosen on dev bucket 1 with a model built without it). */
export const BACKOFF = 1.4;
export const FLOOR = 11;

/**
 * Layout (little-endian, brotli-compressed on disk): u32 header length, header JSON (padded to 4),
 * u32 n-gram count K, u32 posting count P, K key deltas as LEB128 varints (keys sorted), K posting
 * counts (u8), P languages (u8), P quantized values (u8). Deltas make the hashes compressible.
 */
export function encodeModel(header: ModelHeader, keys: number[], postingsOf: (key: number) => number[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = 4 + Math.ceil(json.length / 4) * 4;
  const deltas: number[] = [];
  let previous = 0;
  for (const key of keys) {
    let delta = key - previous;
    previous = key;
    do {
      deltas.push((delta & 0x7f) | (delta > 0x7f ? 0x80 : 0));
      delta >>>= 7;
    } while (delta > 0);
  }
  let total = 0;
  for (const key of keys) total += postingsOf(key).length;
  const buffer = Buffer.alloc(headerBytes + 8 + deltas.length + keys.length + total * 2);
  buffer.writeUInt32LE(json.length, 0);
  json.copy(buffer, 4);
  let offset = headerBytes;
  buffer.writeUInt32LE(keys.length, offset);
  buffer.writeUInt32LE(total, offset + 4);
  offset += 8;
  Buffer.from(deltas).copy(buffer, offset);
  offset += deltas.length;
  for (const key of keys) buffer[offset++] = postingsOf(key).length;
  const langsAt = offset;
  const valuesAt = offset + total;
  let p = 0;
  for (const key of keys) {
    for (const posting of [...postingsOf(key)].sort((a, b) => a - b)) {
      buffer[langsAt + p] = posting >> 8;
      buffer[valuesAt + p] = posting & 0xff;
      p++;
    }
  }
  return buffer;
}

export function decodeModel(buffer: Buffer): LanguageModel {
  const jsonLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + jsonLength).toString('utf8')) as ModelHeader;
  let offset = 4 + Math.ceil(jsonLength / 4) * 4;
  const count = buffer.readUInt32LE(offset);
  const total = buffer.readUInt32LE(offset + 4);
  offset += 8;
  const keys = new Uint32Array(count);
  let key = 0;
  for (let k = 0; k < count; k++) {
    // A delta fits 32 bits: five 7-bit groups at most, the fifth (bits 28..31) added as a multiple.
    let byte = buffer[offset++];
    let delta = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = buffer[offset++];
      delta += shift < 28 ? (byte & 0x7f) << shift : (byte & 0x7f) * 0x10000000;
    }
    key += delta;
    keys[k] = key;
  }
  const starts = new Uint32Array(count + 1);
  for (let k = 0; k < count; k++) starts[k + 1] = starts[k] + buffer[offset++];
  const langs = Uint8Array.from(buffer.subarray(offset, offset + total));
  const values = Uint8Array.from(buffer.subarray(offset + total, offset + 2 * total));
  const byScript = new Map<string, number[]>();
  header.languages.forEach((language, index) => {
    for (const script of Object.keys(language.scripts)) {
      let list = byScript.get(script);
      if (!list) byScript.set(script, (list = []));
      list.push(index);
    }
  });
  let slots = 1;
  while (slots < count * 1.6) slots *= 2;
  const table = new Uint32Array(slots * 2);
  const tableMask = slots - 1;
  // Inserted in the order of their home slots, so that the 16 MB table fills front to back instead
  // of at random (a cache miss per n-gram); any insertion order gives a table `find` reads alike.
  for (const k of bySlot(keys, tableMask)) {
    let slot = spread(keys[k]) & tableMask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & tableMask;
    table[slot * 2] = keys[k];
    table[slot * 2 + 1] = k + 1;
  }
  return { header, codes: header.languages.map((l) => l.code), table, tableMask, starts, langs, values, byScript, backoff: BACKOFF, floor: FLOOR };
}

let shipped: LanguageModel | undefined;

/** The model shipped in data/ (read once, then shared: it is never modified). */
export function loadLanguageModel(): LanguageModel {
  if (!shipped) shipped = decodeModel(brotliDecompressSync(readFileSync(new URL('./data/model.bin.br', import.meta.url))));
  return shipped;
}

/** Indexes of `keys` ordered by home slot (a counting sort on the slot's top bits, stable). */
function bySlot(keys: Uint32Array, tableMask: number): Uint32Array {
  const bits = Math.max(0, Math.ceil(Math.log2(tableMask + 1)) - 16);
  const counts = new Uint32Array((1 << 16) + 1);
  for (let k = 0; k < keys.length; k++) counts[((spread(keys[k]) & tableMask) >>> bits) + 1]++;
  for (let b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
  const order = new Uint32Array(keys.length);
  for (let k = 0; k < keys.length; k++) order[counts[(spread(keys[k]) & tableMask) >>> bits]++] = k;
  return order;
}

function spread(key: number): number {
  return (key ^ (key >>> 15)) >>> 0;
}

/** Index of an n-gram hash in the model, or -1. */
function find(model: LanguageModel, key: number): number {
  const { table, tableMask } = model;
  let slot = spread(key) & tableMask;
  for (;;) {
    const index = table[slot * 2 + 1];
    if (index === 0) return -1;
    if (table[slot * 2] === key) return index - 1;
    slot = (slot + 1) & tableMask;
  }
}

/** Reusable buffers for scoring, one per detector call site (not shared across threads). */
export interface Scratch {
  stamp: Int32Array;
  tick: number;
}

export function createScratch(model: LanguageModel): Scratch {
  return { stamp: new Int32Array(model.codes.length), tick: 0 };
}

/**
 * Adds to `scores` (one slot per language, the first `count` candidates only) the log-likelihood of one padded
 * word under each candidate language. Returns the number of characters scored.
 */
export function scoreWord(
  model: LanguageModel,
  padded: string,
  candidates: ArrayLike<number>,
  count: number,
  isCandidate: Uint8Array,
  scores: Float64Array,
  scratch: Scratch,
): number {
  const { starts, langs, values } = model;
  const quantum = model.header.quantum;
  const stamp = scratch.stamp;
  let scored = 0;
  for (let end = 1; end < padded.length; end++) {
    const top = Math.min(MAX_ORDER, end + 1);
    if (scratch.tick > 0x3fffffff) (scratch.stamp.fill(0), (scratch.tick = 0));
    const tick = ++scratch.tick;
    let remaining = count;
    for (let order = top; order >= 1 && remaining > 0; order--) {
      const index = find(model, hashRange(padded, end + 1 - order, end + 1));
      if (index < 0) continue;
      const penalty = model.backoff * (top - order);
      for (let p = starts[index], stop = starts[index + 1]; p < stop; p++) {
        const lang = langs[p];
        if (isCandidate[lang] === 0 || stamp[lang] === tick) continue;
        stamp[lang] = tick;
        scores[lang] -= values[p] / quantum + penalty;
        remaining--;
      }
    }
    if (remaining > 0) {
      const miss = model.floor + model.backoff * top;
      for (let c = 0; c < count; c++) {
        const lang = candidates[c];
        if (stamp[lang] !== tick) scores[lang] -= miss;
      }
    }
    scored++;
  }
  return scored;
}
