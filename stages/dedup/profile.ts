import type { Doc } from '../../pipeline/doc.ts';
import type { EntitySpan } from '../../pipeline/layers.ts';
import { dateMentions, type DateMention } from './mentions.ts';
import { wordShingleHashes, type ShingleHasher } from './minhash.ts';
import { contentTerms, countSlots, termSlots, type StopList } from './terms.ts';
import { distinctSorted, SHINGLE_SIZE, words, type Word } from './text.ts';

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

/** `ws`, when given, are the words of `text` (no word spans a line, so a line's words are among them). */
export function paragraphs(text: string, hasher: ShingleHasher, maxWords: number, ws?: Word[]): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let w = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index! + m[0].length;
    let forms: string[];
    if (ws) {
      while (w < ws.length && ws[w].start < m.index!) w++;
      forms = [];
      while (w < ws.length && ws[w].end <= end) forms.push(ws[w++].norm);
    } else forms = words(m[0]).map((x) => x.norm);
    if (!forms.length) continue;
    const key = forms.length <= maxWords ? hasher.hash(forms.join(' ')).toString(36) : null;
    out.push({ start: m.index!, end, key });
  }
  return out;
}

export interface ArticleFeatures {
  /** Words outside furniture. */
  words: Word[];
  shingleHashes: Uint32Array;
  terms: Map<string, number>;
  entities: string[];
  /** Per sentence of `doc.sentences`: sorted content-term hashes (empty for furniture or short ones). */
  sentenceTerms: Uint32Array[];
  /** ISO day, or null. */
  date: string | null;
  mentions: DateMention[];
}

export function articleDate(doc: Doc): string | null {
  const anchored = doc.anchor && doc.anchor.source !== 'none' && doc.anchor.source !== 'inferred' ? doc.anchor.value : null;
  const value = anchored ?? doc.article.published ?? null;
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** Spans of `text` that are kept (everything but furniture paragraphs). */
function keptWords(text: string, furniture: Paragraph[]): Word[] {
  const all = words(text);
  if (!furniture.length) return all;
  let p = 0;
  return all.filter((w) => {
    while (p < furniture.length && furniture[p].end <= w.start) p++;
    return !(p < furniture.length && w.start >= furniture[p].start && w.end <= furniture[p].end);
  });
}

/**
 * `termHash` hashes words (for shingles) and content terms (sentence term sets); a caller that hashes the same terms again
 * passes a memoised one.
 */
export function articleFeatures(
  doc: Doc,
  furniture: Paragraph[],
  hasher: ShingleHasher,
  stops: StopList,
  titleWeight = 1,
  allWords?: Word[],
  termHash: (term: string) => number = hasher.hash,
): ArticleFeatures {
  const text = doc.text;
  const ws = allWords && !furniture.length ? allWords : keptWords(text, furniture);
  const shingleHashes = wordShingleHashes(Uint32Array.from(ws, (w) => termHash(w.norm)), SHINGLE_SIZE);
  const slots = termSlots(text, ws, stops);
  const terms = countSlots(slots);
  // Hashes of each word's unigram and of the bigram it opens (as countSlots reads the slots).
  const uniHash = Uint32Array.from(slots.unigrams, (t) => (t === null ? 0 : termHash(t)));
  const biHash = Uint32Array.from(slots.bigrams, (t) => (t === null ? 0 : termHash(t)));
  let from = 0;
  const sentenceTerms = doc.sentences.map((s) => {
    while (from < ws.length && ws[from].start < s.start) from++;
    let to = from;
    while (to < ws.length && ws[to].end <= s.end) to++;
    if (furniture.some((p) => s.start >= p.start && s.end <= p.end)) return new Uint32Array(0);
    const hashes: number[] = [];
    for (let i = from; i < to; i++) {
      if (slots.unigrams[i] !== null) hashes.push(uniHash[i]);
      if (slots.bigrams[i] !== null && i + 1 < to) hashes.push(biHash[i]);
    }
    return distinctSorted(hashes);
  });
  const title = doc.title ?? doc.article.title ?? '';
  if (title) for (const [t, n] of contentTerms(title, words(title), stops)) terms.set(t, (terms.get(t) ?? 0) + n * titleWeight);
  return {
    words: ws,
    shingleHashes,
    terms,
    entities: doc.entities.length ? entityNames(doc.entities) : capitalisedNames(text, ws, stops),
    sentenceTerms,
    date: articleDate(doc),
    mentions: dateMentions(doc.dates),
  };
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
 * Without an NER layer: runs of capitalised words, leaving out a lone capitalised word that
 * opens a sentence (or is a stop word), as a rough stand-in for names.
 */
export function capitalisedNames(text: string, ws: Word[], stops: StopList): string[] {
  const names: string[] = [];
  const isCap = (w: Word) => /^\p{Lu}/u.test(w.surface);
  let i = 0;
  while (i < ws.length) {
    if (!isCap(ws[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ws.length && isCap(ws[j]) && /^[\s-]*$/.test(text.slice(ws[j - 1].end, ws[j].start))) j++;
    // A run opening with a capitalised stop word ("Ông", "Theo") starts after it.
    while (j - i > 1 && stops.words.has(ws[i].norm)) i++;
    const before = text.slice(Math.max(0, ws[i].start - 8), ws[i].start);
    const opensSentence = ws[i].start === 0 || (i > 0 ? !/^[\s-]*$/.test(text.slice(ws[i - 1].end, ws[i].start)) && /[.!?:…"“”\n]\s*$/.test(before) : true);
    const single = j - i === 1;
    if (!(single && (opensSentence || stops.words.has(ws[i].norm)))) {
      names.push(text.slice(ws[i].start, ws[j - 1].end));
    }
    i = j;
  }
  return rankNames(names);
}

export function entityKey(name: string): string {
  return norm(name);
}
