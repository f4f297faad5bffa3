import { docLanguage, type Doc } from '../../pipeline/doc.ts';
import { EMPTY_BACKGROUND } from './background.ts';
import type { DedupResources } from './engine.ts';
import type { DateMention } from './mentions.ts';
import type { DedupOptions } from './options.ts';
import { articleFeatures, articleTitle, paragraphs, type Paragraph } from './profile.ts';
import { termString, type DistinctTerms } from './terms.ts';
import { tokenize, withoutSpans, type Tokens } from './tokens.ts';

/**
 * What dedup computes from the article alone, in the `process` phase (a worker thread), so that
 * the in-order `integrate` phase on the main thread only does what needs the corpus. Plain data
 * (typed arrays and strings) for structured clone; it lives on `doc.hints.dedup` until integrate.
 *
 * Everything here assumes no site furniture in the text. Furniture is known only in integrate
 * (corpus line counts): when an article has some, integrate recomputes the features with those
 * lines taken out (`featuresWithout`), which is rare once the boilerplate stage has run.
 */
export interface DedupHints {
  /** Keys of the lines short enough to be furniture, and their [start, end) pairs in `doc.text`. */
  lineKeys: string[];
  lineSpans: Uint32Array;
  /**
   * Content terms of text and title, ordered by hash, with their counts, 32-bit hashes
   * and background df. One joined string, not an array: a thread boundary copies one string
   * at once but hundreds one by one, and only the few heaviest terms are ever read as strings.
   */
  terms: TermList;
  counts: Float64Array;
  termHashes: Uint32Array;
  backgroundDf: Uint32Array;
  /** Sorted shingle hashes and the LSH band keys of their MinHash signature. */
  shingles: Uint32Array;
  bands: Uint32Array;
  entities: string[];
  /** Per sentence of `doc.sentences`: sorted content-term hashes, flat, sentence k ending at `sentenceEnds[k]`. */
  sentenceEnds: Uint32Array;
  sentenceHashes: Uint32Array;
  date: string | null;
  mentions: DateMention[];
}

/** The features an article's index entry and lookups are made of (furniture already taken out). */
export interface Features {
  /** Ordered by hash: a term's index stands for it in tie-breaks (see `weightedVector`). */
  terms: TermList;
  counts: ArrayLike<number>;
  termHashes: ArrayLike<number>;
  backgroundDf: ArrayLike<number>;
  shingles: Uint32Array;
  bands: Uint32Array;
  entities: string[];
  sentenceTerms: Uint32Array[];
  date: string | null;
  mentions: DateMention[];
}

/** Terms joined by newlines (a term holds none), term i ending before `text[ends[i]]`. */
export interface TermList {
  text: string;
  ends: Uint32Array;
}

/** Term i, as a string of its own (a slice would keep the whole list alive in the index). */
export function termAt(list: TermList, i: number): string {
  return ownCopy(list.text.slice(i ? list.ends[i - 1] + 1 : 0, list.ends[i]));
}

/** Whether a uint64's low word comes first in memory (it does on every platform Node runs on but s390x). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Positions of `hashes` ordered by hash, then position: each (hash, position) pair packed into a
 * uint64 and sorted natively (no comparator calls, no float arithmetic to unpack).
 */
export function hashOrder(hashes: Uint32Array): Uint32Array {
  const n = hashes.length;
  const [lo, hi] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  const words = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    words[2 * i + hi] = hashes[i];
    words[2 * i + lo] = i;
  }
  new BigUint64Array(words.buffer).sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = words[2 * k + lo];
  return order;
}

function termData(tok: Tokens, terms: DistinctTerms, res: DedupResources, lang: string, opt: DedupOptions) {
  const bg = opt.background ? res.background(lang) : EMPTY_BACKGROUND;
  // Ordered by hash (then first occurrence): numbers sort cheaply, where sorting the strings
  // cost ~0.4 ms an article. Any fixed order does: it only breaks ties between equal weights.
  const n = terms.size;
  const order = hashOrder(terms.hash);
  const termHashes = new Uint32Array(n);
  const counts = new Float64Array(n);
  const backgroundDf = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const parts = new Array<string>(n);
  let end = -1;
  for (let k = 0; k < n; k++) {
    const t = order[k];
    termHashes[k] = terms.hash[t];
    parts[k] = termString(tok, terms, t);
    counts[k] = terms.count[t];
    backgroundDf[k] = bg.df.get(termHashes[k]);
    ends[k] = end += parts[k].length + 1;
  }
  return { terms: { text: parts.join('\n'), ends }, counts, termHashes, backgroundDf };
}

/**
 * A copy of a string that holds only its own characters: a name cut from the text is a slice
 * that would keep the whole text alive in the index when no thread boundary copies it.
 */
const ownCopy = (s: string): string => (' ' + s).slice(1);

export function articleHints(doc: Doc, res: DedupResources, opt: DedupOptions): DedupHints {
  const tok = tokenize(doc.text, articleTitle(doc));
  const candidates = paragraphs(tok, opt.furnitureMaxWords).filter((p) => p.key !== null);
  const lineSpans = new Uint32Array(2 * candidates.length);
  candidates.forEach((p, k) => ((lineSpans[2 * k] = p.start), (lineSpans[2 * k + 1] = p.end)));
  return { lineKeys: candidates.map((p) => p.key!), lineSpans, ...entryFields(doc, tok, [], res, opt) };
}

/** What the index entry and the lookups are made of, from the article's words (`furniture` already out of `tok`). */
function entryFields(doc: Doc, tok: Tokens, furniture: Paragraph[], res: DedupResources, opt: DedupOptions) {
  const lang = docLanguage(doc);
  const f = articleFeatures(doc, tok, furniture, res.stopList(lang), opt.titleWeight);
  return {
    ...termData(tok, f.terms, res, lang, opt),
    shingles: f.shingleHashes,
    bands: bandsOf(f.shingleHashes, res),
    entities: f.entities.map(ownCopy),
    sentenceEnds: f.sentenceEnds,
    sentenceHashes: f.sentenceHashes,
    date: f.date,
    mentions: f.mentions,
  };
}

function bandsOf(shingles: Uint32Array, res: DedupResources): Uint32Array {
  return shingles.length ? res.minHasher.bandKeys(res.minHasher.signature(shingles)) : new Uint32Array(0);
}

function sentenceSets(ends: Uint32Array, hashes: Uint32Array): Uint32Array[] {
  const sets: Uint32Array[] = [];
  let from = 0;
  for (const end of ends) {
    sets.push(hashes.subarray(from, end));
    from = end;
  }
  return sets;
}

export function hintFeatures(h: DedupHints): Features {
  return { ...h, sentenceTerms: sentenceSets(h.sentenceEnds, h.sentenceHashes) };
}

/** Features with the given lines (indices into `lineKeys`) taken out as furniture: the rare, slow path. */
export function featuresWithout(doc: Doc, h: DedupHints, furnitureLines: number[], res: DedupResources, opt: DedupOptions): Features {
  const furniture = furnitureLines.map((k) => ({ start: h.lineSpans[2 * k], end: h.lineSpans[2 * k + 1], key: h.lineKeys[k] }));
  const tok = withoutSpans(tokenize(doc.text, articleTitle(doc)), furniture);
  const { sentenceEnds, sentenceHashes, ...fields } = entryFields(doc, tok, furniture, res, opt);
  return { ...fields, sentenceTerms: sentenceSets(sentenceEnds, sentenceHashes) };
}
