import type { DateMention } from './mentions.ts';
import type { HashedVector } from './terms.ts';

/**
 * What the index keeps of an article for later articles to score it (`Corpus.setRecord` under its
 * id), packed by `packEntry`.
 */
export interface IndexEntry {
  /** Its place in the corpus's order (ties between candidates go to the earlier). */
  seq: number;
  story: string;
  date: string | null;
  /** The hashed tf-idf vector (weights float32) and mentioned dates: what scoring every candidate reads. */
  vector: HashedVector;
  mentions: DateMention[];
  /** Sorted shingle hashes (read when a candidate shares an LSH bucket). */
  shingles: Uint32Array;
  /** Per sentence, sorted content-term hashes (read for the most similar few). */
  sentences: Uint32Array[];
  /** Entity names (read when `entityWeight` is on). */
  entities: string[];
}

/**
 * What story summaries read of an article, a record of its own (~200 bytes, not the entry's ~7 KB,
 * so that summarising a long run reads little).
 */
export interface SummaryEntry {
  story: string;
  date: string | null;
  dup: string | null;
  /** The heaviest terms, heaviest first. */
  top: string[];
  entities: string[];
}

export function packSummary(s: SummaryEntry): Uint8Array {
  return Buffer.from(JSON.stringify([s.story, s.date, s.dup, s.top, s.entities]), 'utf8');
}

export function readSummary(bytes: Uint8Array): SummaryEntry {
  const [story, date, dup, top, entities] = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as [string, string | null, string | null, string[], string[]];
  return { story, date, dup, top, entities };
}

/**
 * One byte record per article: 32-bit little-endian words, then text. Words: the header
 * [seq, vector terms, mentions, shingles, sentences, story bytes, date bytes + 1 (0: null)];
 * vector keys, vector weights (float32), mentions as [year or 0, first day, last day]; shingle
 * hashes; sentence ends, sentence term hashes. Text (UTF-8): the story id, the date, then the
 * entity names as JSON. A reader takes views of the words it needs (no decoding), the names on
 * first use.
 */
const HEADER_WORDS = 7;

export function packEntry(e: IndexEntry): Uint8Array {
  const nTerms = e.vector.keys.length;
  const sentenceWords = e.sentences.reduce((n, s) => n + s.length, 0);
  const words = HEADER_WORDS + 2 * nTerms + 3 * e.mentions.length + e.shingles.length + e.sentences.length + sentenceWords;
  const texts = [e.story, e.date ?? '', JSON.stringify(e.entities)].map((t) => Buffer.from(t, 'utf8'));
  const bytes = new Uint8Array(4 * words + texts.reduce((n, t) => n + t.length, 0));
  const asWords = new Uint32Array(bytes.buffer, 0, words);
  const asFloat = new Float32Array(bytes.buffer, 0, words);
  const asInt = new Int32Array(bytes.buffer, 0, words);
  asWords.set([e.seq, nTerms, e.mentions.length, e.shingles.length, e.sentences.length, texts[0].length, e.date === null ? 0 : texts[1].length + 1]);
  let at = HEADER_WORDS;
  asWords.set(e.vector.keys, at);
  asFloat.set(e.vector.weights, (at += nTerms));
  at += nTerms;
  for (const [year, from, to] of e.mentions) asInt.set([year ?? 0, from, to], (at += 3) - 3);
  asWords.set(e.shingles, at);
  at += e.shingles.length;
  let end = 0;
  for (const s of e.sentences) asWords[at++] = end += s.length;
  for (const s of e.sentences) {
    asWords.set(s, at);
    at += s.length;
  }
  let byte = 4 * words;
  for (const t of texts) {
    bytes.set(t, byte);
    byte += t.length;
  }
  return bytes;
}

/** An entry read back from `packEntry`'s bytes: views into them, the sentences and names made on first use. */
export function readEntry(record: Uint8Array): IndexEntry {
  const bytes = record.byteOffset % 4 ? new Uint8Array(record) : record; // word views need an aligned start
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const [seq, nTerms, nMentions, nShingles, nSentences, storyBytes, dateBytes] = header;
  const word = (at: number) => bytes.byteOffset + 4 * at;
  let at = HEADER_WORDS;
  const keys = new Uint32Array(bytes.buffer, word(at), nTerms);
  const weights = new Float32Array(bytes.buffer, word((at += nTerms)), nTerms);
  const ints = new Int32Array(bytes.buffer, word((at += nTerms)), 3 * nMentions);
  const mentions = new Array<DateMention>(nMentions);
  for (let k = 0; k < nMentions; k++) mentions[k] = [ints[3 * k] || null, ints[3 * k + 1], ints[3 * k + 2]];
  const shingles = new Uint32Array(bytes.buffer, word((at += 3 * nMentions)), nShingles);
  const ends = new Uint32Array(bytes.buffer, word((at += nShingles)), nSentences);
  const hashesAt = word(at + nSentences);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byte = 4 * (at + nSentences + (nSentences ? ends[nSentences - 1] : 0));
  const story = text.toString('utf8', byte, (byte += storyBytes));
  const date = dateBytes ? text.toString('utf8', byte, (byte += dateBytes - 1)) : null;
  const entitiesAt = byte;
  let sentences: Uint32Array[] | null = null;
  let entities: string[] | null = null;
  return {
    seq,
    story,
    date,
    vector: { keys, weights },
    mentions,
    shingles,
    get sentences() {
      return (sentences ??= Array.from(ends, (e, k) => new Uint32Array(bytes.buffer, hashesAt + 4 * (k ? ends[k - 1] : 0), e - (k ? ends[k - 1] : 0))));
    },
    get entities() {
      return (entities ??= JSON.parse(text.toString('utf8', entitiesAt)) as string[]);
    },
  };
}
