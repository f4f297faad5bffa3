import type { Doc } from '../../pipeline/doc.ts';
import { grown } from '../../pipeline/hash-lists.ts';
import type { EntitySpan } from '../../pipeline/layers.ts';
import { dateMentions, type DateMention } from './mentions.ts';
import { wordShingleHashes } from './minhash.ts';
import { distinctTerms, termSlots, type DistinctTerms, type StopList, type TermSlots } from './terms.ts';
import { distinctInPlace, SHINGLE_SIZE } from './text.ts';
import type { Tokens } from './tokens.ts';
import { termHashOf } from './xxhash32.ts';

/**
 * What the dedup stage reads off one article before it looks at the corpus: its paragraphs
 * (to spot recurring site furniture), then, once furniture is known, its shingles, content
 * terms, entities and per-sentence term hashes. Pure functions of the doc.
 */

export interface Paragraph {
  start: number;
  end: number;
  /** Hash key of the normalised paragraph, or null when it is too long to be furniture. */
  key: string | null;
}

/**
 * The lines of the text (the tokens' first part, nothing taken out) that hold words; a line's key
 * is the hash of its words joined by spaces.
 */
export function paragraphs(tok: Tokens, maxWords: number): Paragraph[] {
  const out: Paragraph[] = [];
  const { text, start, end, nText, byteStart, byteEnd } = tok;
  const textEnd = nText ? end[nText - 1] : 0;
  let w = 0;
  for (let from = 0; from < textEnd; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to > from) {
      while (w < nText && start[w] < from) w++;
      const first = w;
      while (w < nText && end[w] <= to) w++;
      // Words of one line are neighbours in `tok.bytes`: "w1 w2 ..." is one range.
      if (w > first) out.push({ start: from, end: to, key: w - first <= maxWords ? termHashOf(tok.bytes, byteStart[first], byteEnd[w - 1]).toString(36) : null });
    }
    from = to + 1;
  }
  return out;
}

export interface ArticleFeatures {
  shingleHashes: Uint32Array;
  terms: DistinctTerms;
  entities: string[];
  /** Per sentence of `doc.sentences`: sorted content-term hashes (none for furniture or short ones), sentence k ending at `sentenceEnds[k]`. */
  sentenceEnds: Uint32Array;
  sentenceHashes: Uint32Array;
  /** ISO day, or null. */
  date: string | null;
  mentions: DateMention[];
}

export function articleDate(doc: Doc): string | null {
  const anchored = doc.anchor && doc.anchor.source !== 'none' && doc.anchor.source !== 'inferred' ? doc.anchor.value : null;
  const value = anchored ?? doc.article.published ?? null;
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** The article's title, as the tokens' second part. */
export function articleTitle(doc: Doc): string {
  return doc.title ?? doc.article.title ?? '';
}

/** `tok`: the words of the text and title (`tokenize(doc.text, articleTitle(doc))`), those of furniture lines already taken out. */
export function articleFeatures(doc: Doc, tok: Tokens, furniture: Paragraph[], stops: StopList, titleWeight = 1): ArticleFeatures {
  const slots = termSlots(tok, stops);
  const { sentenceEnds, sentenceHashes } = sentenceTerms(doc, tok, slots, furniture);
  return {
    shingleHashes: wordShingleHashes(tok.hash.subarray(0, tok.nText), SHINGLE_SIZE),
    terms: distinctTerms(tok, slots, titleWeight),
    entities: doc.entities.length ? entityNames(doc.entities) : capitalisedNames(tok, slots.stop),
    sentenceEnds,
    sentenceHashes,
    date: articleDate(doc),
    mentions: dateMentions(doc.dates),
  };
}

/** Per sentence: the distinct hashes of the terms of its words (bigrams within it), sorted, flat. */
function sentenceTerms(doc: Doc, tok: Tokens, slots: TermSlots, furniture: Paragraph[]) {
  const { nText, start, end, hash } = tok;
  let values = new Uint32Array(2 * nText);
  const ends = new Uint32Array(doc.sentences.length);
  let at = 0;
  let from = 0;
  doc.sentences.forEach((s, k) => {
    while (from < nText && start[from] < s.start) from++;
    let to = from;
    while (to < nText && end[to] <= s.end) to++;
    if (!furniture.some((p) => s.start >= p.start && s.end <= p.end)) {
      const first = at;
      while (values.length < at + 2 * (to - from)) values = grown(values); // overlapping sentences
      for (let i = from; i < to; i++) {
        if (slots.unigram[i]) values[at++] = hash[i];
        if (slots.bigram[i] && i + 1 < to) values[at++] = slots.bigramHash[i];
      }
      at = first + distinctInPlace(values.subarray(first, at));
    }
    ends[k] = at;
  });
  return { sentenceEnds: ends, sentenceHashes: values.slice(0, at) };
}

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Entity names by frequency (most mentioned first), one surface form per normalised name. */
function rankNames(names: string[], limit = 15): string[] {
  const counts = new Map<string, { surface: string; n: number; first: number }>();
  names.forEach((surface, i) => {
    const key = norm(surface);
    if (!key) return;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { surface: surface.trim(), n: 1, first: i });
  });
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .slice(0, limit)
    .map((c) => c.surface);
}

export function entityNames(entities: EntitySpan[]): string[] {
  return rankNames(entities.map((e) => e.text));
}

/**
 * Without an NER layer: runs of capitalised words of the text, leaving out a lone capitalised word
 * that opens a sentence (or is a stop word), as a rough stand-in for names.
 */
export function capitalisedNames(tok: Tokens, stop: Uint8Array): string[] {
  const { text, start, end, nText: n } = tok;
  const names: string[] = [];
  const isCap = (i: number) => ((UPPER.lastIndex = start[i]), UPPER.test(text));
  const joined = (a: number, b: number) => /^[\s-]*$/.test(text.slice(end[a], start[b]));
  let i = 0;
  while (i < n) {
    if (!isCap(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isCap(j) && joined(j - 1, j)) j++;
    // A run opening with a capitalised stop word ("Ông", "Theo") starts after it.
    while (j - i > 1 && stop[i]) i++;
    const before = text.slice(Math.max(0, start[i] - 8), start[i]);
    const opensSentence = start[i] === 0 || (i > 0 ? !joined(i - 1, i) && /[.!?:…"“”\n]\s*$/.test(before) : true);
    const single = j - i === 1;
    if (!(single && (opensSentence || stop[i]))) names.push(text.slice(start[i], end[j - 1]));
    i = j;
  }
  return rankNames(names);
}

/** An upper-case letter at `lastIndex`. */
const UPPER = /\p{Lu}/uy;

export function entityKey(name: string): string {
  return norm(name);
}
