/**
 * The shipped model: one gzip'd binary per language (weights, gazetteer, word clusters) plus a
 * JSON manifest beside it. Layout of the binary after gunzip, little-endian, 4-byte aligned:
 *   "NER1" u32:headerLength header(JSON) pad
 *   u32[rows] bucket deltas | i16[rows*tags] weights | pad
 *   u32[g] gazetteer keys | u8[g] gazetteer masks | pad
 *   [u32 key delta, u32 class] per word-class entry (lower-case word hashes)
 *   (interleaved key delta, value), then the same for name parts where the header counts some
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Lexicon } from './features.ts';
import { HashTable } from '../../../pipeline/hash-table.ts';
import { tagInfo, type TagInfo } from './labels.ts';
import { SparseWeights } from './weights.ts';
import { endingSet } from './stems.ts';

export interface ModelHeader {
  format: 1;
  lang: string;
  tags: string[];
  /** Feature buckets are `hash & (2^bits - 1)`. */
  bits: number;
  /** Weight = int16 value * scale. */
  scale: number;
  rows: number;
  gazetteer: number;
  clusters: number;
  /** Words flagged as parts of names in other annotated data (see word-classes.ts); absent = none. */
  nameParts?: number;
  /** Inflectional endings for stems (stems.ts); absent = no stem features. */
  endings?: string[];
}

/** Per-tag weight rows by feature bucket. */
export interface RowWeights {
  /** Adds the row of `bucket` to `scores[at..at + tags)` (at: 0 when left out). */
  add(bucket: number, scores: Float64Array, at?: number): void;
}

export interface NerModel {
  header: Pick<ModelHeader, 'tags' | 'scale'> & Partial<ModelHeader>;
  weights: RowWeights;
  lexicon: Lexicon;
  info: TagInfo;
  featureMask: number;
}

export interface ModelParts {
  header: Omit<ModelHeader, 'format' | 'rows' | 'gazetteer' | 'clusters' | 'scale' | 'nameParts'>;
  /** Dense weights, buckets x tags. */
  dense: Float32Array;
  gazetteer: Map<number, number>;
  clusters: Map<number, number>;
  nameParts?: Map<number, number>;
}

const MAGIC = 'NER1';

/** Quantise dense weights to int16 rows, dropping the rows that round to zero. */
export function sparsify(dense: Float32Array, tags: number): { buckets: Uint32Array; values: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < dense.length; i++) max = Math.max(max, Math.abs(dense[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const buckets: number[] = [];
  const rows = dense.length / tags;
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < tags; t++) {
      if (Math.round(dense[r * tags + t] / scale) !== 0) {
        buckets.push(r);
        break;
      }
    }
  }
  const values = new Int16Array(buckets.length * tags);
  buckets.forEach((r, i) => {
    for (let t = 0; t < tags; t++) values[i * tags + t] = Math.round(dense[r * tags + t] / scale);
  });
  return { buckets: Uint32Array.from(buckets), values, scale };
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

export function encodeModel(parts: ModelParts): { bytes: Buffer; header: ModelHeader } {
  const tags = parts.header.tags.length;
  const { buckets, values, scale } = sparsify(parts.dense, tags);
  const gazKeys = [...parts.gazetteer.keys()].sort((a, b) => a - b);
  const clusterKeys = [...parts.clusters.keys()].sort((a, b) => a - b);
  const nameKeys = [...(parts.nameParts?.keys() ?? [])].sort((a, b) => a - b);
  const header: ModelHeader = {
    format: 1,
    ...parts.header,
    scale,
    rows: buckets.length,
    gazetteer: gazKeys.length,
    clusters: clusterKeys.length,
    ...(nameKeys.length ? { nameParts: nameKeys.length } : {}),
  };
  const json = Buffer.from(JSON.stringify(header));
  const start = pad4(8 + json.length);
  const weightsAt = start + buckets.length * 4;
  const gazAt = pad4(weightsAt + values.length * 2);
  const maskAt = gazAt + gazKeys.length * 4;
  const clusterAt = pad4(maskAt + gazKeys.length);
  const namesAt = clusterAt + clusterKeys.length * 8;
  const total = namesAt + nameKeys.length * 8;
  const buf = Buffer.alloc(total);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(json.length, 4);
  json.copy(buf, 8);
  let prev = 0;
  buckets.forEach((b, i) => {
    buf.writeUInt32LE(b - prev, start + i * 4);
    prev = b;
  });
  values.forEach((v, i) => buf.writeInt16LE(v, weightsAt + i * 2));
  let prevKey = 0;
  gazKeys.forEach((k, i) => {
    buf.writeUInt32LE(k - prevKey, gazAt + i * 4);
    prevKey = k;
    buf.writeUInt8(parts.gazetteer.get(k)!, maskAt + i);
  });
  prevKey = 0;
  clusterKeys.forEach((k, i) => {
    buf.writeUInt32LE(k - prevKey, clusterAt + i * 8);
    prevKey = k;
    buf.writeUInt32LE(parts.clusters.get(k)!, clusterAt + i * 8 + 4);
  });
  prevKey = 0;
  nameKeys.forEach((k, i) => {
    buf.writeUInt32LE(k - prevKey, namesAt + i * 8);
    prevKey = k;
    buf.writeUInt32LE(parts.nameParts!.get(k)!, namesAt + i * 8 + 4);
  });
  return { bytes: gzipSync(buf, { level: 9 }), header };
}

export function decodeModel(gz: Buffer): NerModel {
  const unzipped = gunzipSync(gz);
  // Read through typed-array views (little-endian, as the format): word sections need an aligned start.
  const buf = unzipped.byteOffset % 4 ? Buffer.from(new Uint8Array(unzipped)) : unzipped;
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not an embedded NER model (bad magic)');
  const jsonLength = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + jsonLength)) as ModelHeader;
  if (header.format !== 1) throw new Error(`unsupported NER model format ${header.format}`);
  const tags = header.tags.length;
  const start = pad4(8 + jsonLength);
  const words = (at: number, count: number) => new Uint32Array(buf.buffer, buf.byteOffset + at, count);
  const buckets = keysOf(words(start, header.rows), 1);
  const weightsAt = start + header.rows * 4;
  const values = new Int16Array(buf.buffer, buf.byteOffset + weightsAt, header.rows * tags).slice();
  const gazAt = pad4(weightsAt + values.length * 2);
  const maskAt = gazAt + header.gazetteer * 4;
  const gazetteerKeys = keysOf(words(gazAt, header.gazetteer), 1);
  const gazetteerTable = HashTable.from(gazetteerKeys, buf.subarray(maskAt, maskAt + header.gazetteer));
  const listed = presenceBits(gazetteerKeys);
  const clusterAt = pad4(maskAt + header.gazetteer);
  const clusterWords = words(clusterAt, 2 * header.clusters);
  const clusterTable = HashTable.from(keysOf(clusterWords, 2), valuesOf(clusterWords));
  const namesAt = clusterAt + header.clusters * 8;
  const nameWords = words(namesAt, 2 * (header.nameParts ?? 0));
  const namePartTable = HashTable.from(keysOf(nameWords, 2), valuesOf(nameWords));
  return {
    header,
    weights: new SparseWeights(tags, buckets, values, header.scale),
    lexicon: {
      gazetteer: (h) => (listed.bits[(h & listed.mask) >>> 3] & (1 << (h & 7)) ? gazetteerTable.get(h) : 0),
      cluster: (h) => clusterTable.get(h) >>> 0, // packed classes use all 32 bits
      ...(header.nameParts ? { nameParts: (h: number) => namePartTable.get(h) } : {}),
      ...(header.endings?.length ? { endings: endingSet(header.endings) } : {}),
    },
    info: tagInfo(header.tags),
    featureMask: 2 ** header.bits - 1,
  };
}

/** Keys stored as deltas, every `stride` words from the first: the running sums. */
function keysOf(words: Uint32Array, stride: number): Uint32Array {
  const keys = new Uint32Array(words.length / stride);
  let key = 0;
  for (let i = 0; i < keys.length; i++) keys[i] = key += words[i * stride];
  return keys;
}

/** The second word of each (key delta, value) pair. */
function valuesOf(words: Uint32Array): Uint32Array {
  const values = new Uint32Array(words.length / 2);
  for (let i = 0; i < values.length; i++) values[i] = words[2 * i + 1];
  return values;
}

/**
 * One bit per key hash (16 or more bits per key, so about one in 16 absent keys gets past it): the
 * tagger asks the gazetteer about every run of up to 8 tokens, nearly none of them a name, and a
 * bit test answers those without a probe of the table.
 */
function presenceBits(keys: Uint32Array): { bits: Uint8Array; mask: number } {
  let size = 1 << 16;
  while (size < 16 * keys.length && size < 1 << 27) size *= 2;
  const bits = new Uint8Array(size >>> 3);
  const mask = size - 1;
  for (const key of keys) bits[(key & mask) >>> 3] |= 1 << (key & 7);
  return { bits, mask };
}
