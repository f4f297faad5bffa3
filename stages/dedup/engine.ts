import type { Corpus } from '../../pipeline/corpus.ts';
import { docLanguage, type Doc } from '../../pipeline/doc.ts';
import { HashTable } from '../../pipeline/hash-table.ts';
import type { DedupInfo, SentenceOverlap, SimilarArticle } from '../../pipeline/layers.ts';
import { backgroundDocCount, EMPTY_BACKGROUND, loadBackgroundDf, type BackgroundDf } from './background.ts';
import { articleHints, featuresWithout, hintFeatures, termAt, type DedupHints, type Features } from './hints.ts';
import { fmix32, MinHasher } from './minhash.ts';
import type { DedupOptions } from './options.ts';
import { dice, storySimilarity, type StoryView } from './similarity.ts';
import { packEntry, packSummary, readEntry, type IndexEntry } from './stored.ts';
import { idf, stopList, type HashedVector, type StopList } from './terms.ts';
import { sortedJaccard } from './text.ts';
/**
 * The dedup index over the `Corpus` interface. Per article it makes four batches of corpus
 * calls, each one `Promise.all` of a bounded number of keys (one round trip on a pipelined
 * Redis client): counts (furniture, document frequencies), lists (LSH buckets, term postings),
 * records (the candidates' index entries), writes.
 */

export const NS = {
  stat: 'dedup:stat',
  df: 'dedup:df',
  furniture: 'dedup:furniture',
  band: 'dedup:band',
  posting: 'dedup:post',
  profile: 'dedup:doc',
  summary: 'dedup:summary',
  story: 'dedup:story',
} as const;

/** Read-only resources of one stage instance (no corpus state). */
export class DedupResources {
  readonly minHasher = new MinHasher();
  private readonly backgrounds = new Map<string, BackgroundDf>();
  private readonly docCounts = new Map<string, number>();


  /** Documents behind the background table (the main thread needs only this, not the table). */
  backgroundDocs(lang: string): number {
    let n = this.docCounts.get(lang);
    if (n === undefined) this.docCounts.set(lang, (n = this.backgrounds.get(lang)?.docs ?? (lang === 'und' ? 0 : backgroundDocCount(lang))));
    return n;
  }

  background(lang: string): BackgroundDf {
    let bg = this.backgrounds.get(lang);
    if (!bg) this.backgrounds.set(lang, (bg = lang === 'und' ? EMPTY_BACKGROUND : loadBackgroundDf(lang)));
    return bg;
  }

  /** The language's stop list (terms.ts caches it). */
  stopList(lang: string): StopList {
    return stopList(lang);
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Near-duplicates found for an article: every verified candidate at or above the threshold. */
export interface DedupOutcome {
  info: DedupInfo;
  /** All verified near-duplicates (id, exact Jaccard of hashed shingles), best first. */
  duplicates: SimilarArticle[];
}

/**
 * Process phase: everything that depends on the article alone. `integrate` (dedupArticle) uses
 * `doc.hints.dedup` when present and computes it on the spot otherwise.
 */
export function prepareArticle(doc: Doc, res: DedupResources, opt: DedupOptions): void {
  doc.hints.dedup = articleHints(doc, res, opt);
}

/**
 * The in-order phase: four batches of corpus calls (counts, lists, records, writes), with the work
 * between them in plain functions of their own (small units for the optimising compiler, which
 * recompiles a function whenever the shapes it meets change).
 */
export async function dedupArticle(doc: Doc, corpus: Corpus, res: DedupResources, opt: DedupOptions): Promise<DedupOutcome> {
  const id = doc.article.id;
  const hints = (doc.hints.dedup as DedupHints | undefined) ?? articleHints(doc, res, opt);
  doc.hints.dedup = undefined; // not `delete`: that would turn the object into a slow dictionary

  // 1. counts
  const counted = await countArticle(doc, hints, corpus, res, opt);
  const { f } = counted;
  const query = articleQuery(counted, opt);

  // 2. lists
  const [bandLists, postingLists] = await Promise.all([
    corpus.listHashed(NS.band, f.bands),
    corpus.listHashed(NS.posting, query.postingKeys),
  ]);
  const bandShared = sharedLists(bandLists, null);
  const termShared = sharedLists(postingLists, query.postingWeights);
  const best = [...heaviestIds(bandShared, opt.candidateLimit), ...heaviestIds(termShared, opt.candidateLimit)];
  const candidates = [...new Set(best)].filter((c) => c !== id);

  // 3. records
  const entries = await corpus.records(NS.profile, candidates);
  const match = matchCandidates(id, f, query.hashed, candidates, entries, bandShared, opt);
  const overlap = sentenceOverlaps(f.sentenceTerms, match.similar, opt.overlapThreshold);

  // 4. writes
  const { story } = match;
  const entry = packEntry({ seq: counted.seq, story, date: f.date, vector: query.hashed, mentions: f.mentions, shingles: f.shingles, sentences: f.sentenceTerms, entities: f.entities });
  const top = query.top.slice(0, 8).map((i) => termAt(f.terms, i));
  const summary = packSummary({ story, date: f.date, dup: match.dup?.id ?? null, top, entities: f.entities });
  const openBuckets = f.bands.filter((_, i) => bandLists[i].length < opt.pageSize);
  await Promise.all([
    corpus.setRecord(NS.profile, id, entry),
    corpus.setRecord(NS.summary, id, summary),
    ...(counted.furnitureHashes.length ? [corpus.incrementHashes(NS.df, counted.furnitureHashes, -1)] : []),
    corpus.append(NS.story, match.story, [id]),
    ...(openBuckets.length ? [corpus.appendHashed(NS.band, openBuckets, id)] : []),
    ...(query.indexed.length ? [corpus.appendHashed(NS.posting, query.indexed, id)] : []),
  ]);

  return {
    info: {
      duplicateOf: match.dup?.id ?? null,
      ...(match.dup ? { jaccard: match.dup.score } : {}),
      story: match.story,
      similar: match.similar.map((s) => ({ id: s.id, score: round(s.score) })),
      overlap,
    },
    duplicates: match.duplicates,
  };
}

/** Step 1's outcome: the article's features without its furniture, and what the corpus counted before it. */
interface Counted {
  seq: number;
  f: Features;
  /** Per term of `f`: documents of the corpus (before this one) holding it. */
  dfCorpus: ArrayLike<number>;
  /** Documents behind the document frequencies: background and corpus. */
  docs: number;
  /** Term hashes counted in step 1 that furniture took out (decremented again in step 4). */
  furnitureHashes: Uint32Array;
}

/**
 * Counts taken by incrementing (the counts before are one less: keys are distinct), so each key
 * is touched once. Document frequencies are keyed by term hash (two terms sharing one, which is
 * rare, share a count).
 */
async function countArticle(doc: Doc, hints: DedupHints, corpus: Corpus, res: DedupResources, opt: DedupOptions): Promise<Counted> {
  const bgDocs = opt.background ? res.backgroundDocs(docLanguage(doc)) : 0;
  const paraKeys = [...new Set(hints.lineKeys)];
  const df = distinctHashes(hints.termHashes);
  const [paraAfter, [docsAfter], dfAfter] = await Promise.all([
    corpus.increment(NS.furniture, paraKeys),
    corpus.increment(NS.stat, ['docs']),
    corpus.incrementHashes(NS.df, df.keys),
  ]);
  const seq = docsAfter - 1;
  const dfHints = new Int32Array(df.of.length);
  for (let i = 0; i < df.of.length; i++) dfHints[i] = dfAfter[df.of[i]] - 1;
  const recurring = new Set<string>();
  for (let i = 0; i < paraKeys.length; i++) if (paraAfter[i] - 1 >= opt.furnitureMinDocs) recurring.add(paraKeys[i]);
  const furnitureLines: number[] = [];
  for (let i = 0; i < hints.lineKeys.length; i++) if (recurring.has(hints.lineKeys[i])) furnitureLines.push(i);
  const docs = bgDocs + seq;
  if (!furnitureLines.length) return { seq, f: hintFeatures(hints), dfCorpus: dfHints, docs, furnitureHashes: new Uint32Array(0) };
  const f = featuresWithout(doc, hints, furnitureLines, res, opt);
  // The terms left are among the hints' terms (furniture only takes terms away); df is by hash.
  const dfOf = new Map(Array.from(hints.termHashes, (h, i) => [h, dfHints[i]]));
  const kept = new Set(Array.from(f.termHashes));
  return {
    seq,
    f,
    dfCorpus: Array.from(f.termHashes, (h) => dfOf.get(h) ?? 0),
    docs,
    furnitureHashes: df.keys.filter((k) => !kept.has(k)),
  };
}

/** What the article looks earlier ones up by, and is indexed under. */
interface Query {
  hashed: HashedVector;
  /** The heaviest terms (indices into `Features.terms`), heaviest first. */
  top: number[];
  /** Each query term's latest posting page and the one before it, with the term's weight. */
  postingKeys: Uint32Array;
  postingWeights: number[];
  /** The posting pages the article's heaviest terms are indexed under. */
  indexed: Uint32Array;
}

function articleQuery({ f, dfCorpus, docs }: Counted, opt: DedupOptions): Query {
  const vector = weightedVector(f, (i) => idf(f.backgroundDf[i] + dfCorpus[i], docs), opt.vectorSize);
  const heaviestFirst = heaviest(vector, Math.max(opt.queryTerms, opt.postingTerms)); // positions in the vector
  const top = heaviestFirst.map((k) => vector.terms[k]);
  const page = (i: number) => Math.floor(dfCorpus[i] / opt.pageSize); // a term's latest posting page
  const postingWeights: number[] = [];
  const postingKeys: number[] = [];
  for (const k of heaviestFirst) {
    const i = vector.terms[k];
    const p = page(i);
    for (const q of p > 0 ? [p, p - 1] : [0]) {
      postingWeights.push(vector.weights[k]);
      postingKeys.push(postingKey(f.termHashes[i], q));
    }
  }
  const indexed = Uint32Array.from(top.slice(0, opt.postingTerms), (i) => postingKey(f.termHashes[i], page(i)));
  return { hashed: hashedVector(vector, f.termHashes), top, postingKeys: Uint32Array.from(postingKeys), postingWeights, indexed };
}

type Scored = SimilarArticle & { data: IndexEntry };

interface Match {
  /** Verified near-duplicates, best first; `dup` is the first. */
  duplicates: SimilarArticle[];
  dup: SimilarArticle | null;
  story: string;
  similar: Scored[];
}

/** Near-duplicates among the candidates (shingle Jaccard, where they share an LSH bucket) and the story the article joins. */
function matchCandidates(
  id: string,
  f: Features,
  hashed: HashedVector,
  candidates: string[],
  entries: (Uint8Array | undefined)[],
  bandShared: SharedLists,
  opt: DedupOptions,
): Match {
  const duplicates: SimilarArticle[] = [];
  const scored: Scored[] = [];
  const view: StoryView = { vector: hashed, entities: f.entities, date: f.date, mentions: f.mentions };
  for (let k = 0; k < candidates.length; k++) {
    const bytes = entries[k];
    if (!bytes) continue;
    const cid = candidates[k];
    const data = readEntry(bytes);
    if (bandShared.slot.has(cid)) {
      const j = sortedJaccard(f.shingles, data.shingles);
      if (j >= opt.duplicateThreshold) duplicates.push({ id: cid, score: round(j) });
    }
    scored.push({ id: cid, score: storySimilarity(view, data, opt), data });
  }
  const bySeq = new Map(scored.map((s) => [s.id, s.data.seq]));
  duplicates.sort((a, b) => b.score - a.score || bySeq.get(a.id)! - bySeq.get(b.id)!);
  scored.sort((a, b) => b.score - a.score || a.data.seq - b.data.seq);
  const dup = duplicates[0] ?? null;
  let story = id;
  if (dup) story = scored.find((s) => s.id === dup.id)!.data.story;
  else if (scored.length && scored[0].score >= opt.storyThreshold) story = scored[0].data.story;
  const similar = scored.filter((s) => s.score >= opt.similarMin).slice(0, opt.similarLimit);
  return { duplicates, dup, story, similar };
}

/**
 * The article's sentences already reported by its most similar earlier articles: per sentence, the
 * earlier sentence with the best Dice of content terms (the first such in the order of `similar`),
 * at or above the threshold. The earlier sentences' terms are indexed once, so a sentence costs
 * the postings of its own terms, not a merge with every earlier sentence.
 */
export function sentenceOverlaps(
  sentenceTerms: Uint32Array[],
  similar: { id: string; data: { sentences: Uint32Array[] } }[],
  threshold: number,
): SentenceOverlap[] {
  const overlap: SentenceOverlap[] = [];
  if (!similar.length) return overlap;
  const owner: string[] = []; // per earlier sentence, in order: its article
  const lengths: number[] = [];
  let entries = 0;
  for (const s of similar) for (const other of s.data.sentences) entries += other.length;
  // Term hash -> 1 + its latest entry; entry e's sentence and the entry before it for the same term.
  const heads = new HashTable(2 * entries);
  const sentenceOf = new Int32Array(entries);
  const previous = new Int32Array(entries);
  let e = 0;
  for (const s of similar) {
    for (const other of s.data.sentences) {
      for (let i = 0; i < other.length; i++, e++) {
        sentenceOf[e] = owner.length;
        previous[e] = heads.set(other[i], e + 1) - 1;
      }
      owner.push(s.id);
      lengths.push(other.length);
    }
  }
  const shared = new Int32Array(owner.length);
  for (let sentence = 0; sentence < sentenceTerms.length; sentence++) {
    const terms = sentenceTerms[sentence];
    if (terms.length < 3) continue;
    shared.fill(0);
    for (let i = 0; i < terms.length; i++) {
      for (let at = heads.get(terms[i]) - 1; at >= 0; at = previous[at]) shared[sentenceOf[at]]++;
    }
    let hit: SentenceOverlap | null = null;
    for (let k = 0; k < owner.length; k++) {
      const score = dice(shared[k], terms.length, lengths[k]);
      if (score >= threshold && (!hit || score > hit.score)) hit = { sentence, id: owner[k], score: round(score) };
    }
    if (hit) overlap.push(hit);
  }
  return overlap;
}

/** Ids on an article's lists: per id, the summed weight of the lists it is on, each list counted once. */
interface SharedLists {
  slot: Map<string, number>;
  ids: string[];
  weights: number[];
}

/** `weights[i]` is list i's weight (null: 1 each); sums add in list order. */
function sharedLists(lists: string[][], weights: number[] | null): SharedLists {
  const slot = new Map<string, number>();
  const ids: string[] = [];
  const sums: number[] = [];
  const lastList: number[] = [];
  for (let i = 0; i < lists.length; i++) {
    const w = weights ? weights[i] : 1;
    for (const id of lists[i]) {
      let k = slot.get(id);
      if (k === undefined) {
        slot.set(id, (k = ids.length));
        ids.push(id);
        sums.push(0);
        lastList.push(-1);
      }
      if (lastList[k] !== i) {
        lastList[k] = i;
        sums[k] += w;
      }
    }
  }
  return { slot, ids, weights: sums };
}

const byWeightThenId = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

/**
 * The `limit` heaviest ids, heaviest first, equal weights by id: what sorting them all would put
 * first, without sorting the thousands of ids a popular term's postings hold.
 */
export function heaviestIds(shared: SharedLists, limit: number): string[] {
  const { ids, weights } = shared;
  const entries: [string, number][] = [];
  if (ids.length <= limit) for (let k = 0; k < ids.length; k++) entries.push([ids[k], weights[k]]);
  else {
    const threshold = nthSmallest(Float64Array.from(weights), ids.length - limit);
    const ties: [string, number][] = [];
    for (let k = 0; k < ids.length; k++) {
      if (weights[k] > threshold) entries.push([ids[k], weights[k]]);
      else if (weights[k] === threshold) ties.push([ids[k], weights[k]]);
    }
    ties.sort(byWeightThenId);
    for (let k = 0; entries.length < limit; k++) entries.push(ties[k]);
  }
  return entries.sort(byWeightThenId).map(([id]) => id);
}

/** The key of a page of a term's postings: its hash and the page mixed (a collision only adds a candidate). */
function postingKey(termHash: number, page: number): number {
  return fmix32(termHash ^ Math.imul(page + 1, 0x9e3779b1));
}

/**
 * The distinct values of ascending `hashes` (an article's terms are ordered by hash), and for
 * each input the index of its value.
 */
function distinctHashes(hashes: ArrayLike<number>): { keys: Uint32Array; of: Uint32Array } {
  const of = new Uint32Array(hashes.length);
  const keys = new Uint32Array(hashes.length);
  let n = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (i > 0 && hashes[i] < hashes[i - 1]) throw new Error('dedup: term hashes out of order');
    if (i === 0 || hashes[i] !== hashes[i - 1]) keys[n++] = hashes[i];
    of[i] = n - 1;
  }
  return { keys: keys.slice(0, n), of };
}

/**
 * A unit-length tf-idf vector of the heaviest terms, over the parallel arrays of `Features`: equal
 * weights are ordered by term index (the terms' hash order).
 */
interface IndexedVector {
  /** Indices into `Features.terms`, ascending (term order, so their hashes ascend too). */
  terms: number[];
  weights: Float64Array;
}

/** Unit-length tf-idf vector of the `limit` heaviest terms. */
function weightedVector(f: Features, idfOf: (i: number) => number, limit: number): IndexedVector {
  const n = f.termHashes.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = (1 + Math.log(f.counts[i])) * idfOf(i);
  const top = heaviestInOrder(w, limit);
  const norm = Math.sqrt(top.reduce((s, i) => s + w[i] * w[i], 0)) || 1;
  const weights = new Float64Array(top.length);
  for (let k = 0; k < top.length; k++) weights[k] = w[top[k]] / norm;
  return { terms: top, weights };
}

/**
 * Indices of the `limit` largest values, ascending; among equal values the lower indices win
 * (as a sort by value descending, then index, would pick). Selects by a threshold, the
 * `limit`-th largest value, found by quickselect on a copy instead of sorting every index.
 */
export function heaviestInOrder(w: Float64Array, limit: number): number[] {
  const n = w.length;
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const threshold = nthSmallest(w.slice(), n - limit);
  let above = 0;
  for (let i = 0; i < n; i++) if (w[i] > threshold) above++;
  let ties = limit - above;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (w[i] > threshold) out.push(i);
    else if (w[i] === threshold && ties > 0) {
      out.push(i);
      ties--;
    }
  }
  return out;
}

/** The k-th smallest value of `a` (0-based), rearranging `a` (Hoare's quickselect, middle pivot). */
function nthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Positions of the `n` heaviest terms of a vector, heaviest first (equal weights: lower position first). */
function heaviest(v: IndexedVector, n: number): number[] {
  return heaviestInOrder(v.weights, n).sort((a, b) => v.weights[b] - v.weights[a] || a - b);
}

/**
 * The vector keyed by term hashes, ascending; colliding terms' weights summed in term order.
 * The terms ascend by hash already (`IndexedVector.terms`): no sort.
 */
function hashedVector(v: IndexedVector, hashes: ArrayLike<number>): HashedVector {
  const keys = new Uint32Array(v.terms.length);
  const weights = new Float64Array(v.terms.length);
  let n = 0;
  for (let k = 0; k < v.terms.length; k++) {
    const key = hashes[v.terms[k]];
    if (n > 0 && keys[n - 1] === key) weights[n - 1] += v.weights[k];
    else {
      keys[n] = key;
      weights[n++] = v.weights[k];
    }
  }
  return { keys: keys.slice(0, n), weights: Float32Array.from(weights.subarray(0, n)) };
}
