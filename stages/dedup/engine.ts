import type { Corpus } from '../../pipeline/corpus.ts';
import { docLanguage, type Doc } from '../../pipeline/doc.ts';
import type { DedupInfo, SentenceOverlap, SimilarArticle } from '../../pipeline/layers.ts';
import { EMPTY_BACKGROUND, loadBackgroundDf, type BackgroundDf } from './background.ts';
import type { DateMention } from './mentions.ts';
import { MinHasher, packF32, packU32, unpackF32, unpackU32, type ShingleHasher } from './minhash.ts';
import type { DedupOptions } from './options.ts';
import { articleFeatures, paragraphs, type Paragraph } from './profile.ts';
import { sentenceOverlap, storySimilarity, type StoryView } from './similarity.ts';
import { contentTerms, hashVector, idf, stopList, tfidfVector, topTerms, type StopList } from './terms.ts';
import { sortedJaccard, words } from './text.ts';

/**
 * The dedup index over the `Corpus` interface. Per article it makes four batches of corpus
 * calls, each one `Promise.all` of a bounded number of keys (one round trip on a pipelined
 * Redis client): counts (furniture, document frequencies), lists (LSH buckets, term postings),
 * gets (candidate profiles), writes.
 */

export const NS = {
  stat: 'dedup:stat',
  df: 'dedup:df',
  furniture: 'dedup:furniture',
  band: 'dedup:band',
  posting: 'dedup:post',
  profile: 'dedup:doc',
  story: 'dedup:story',
} as const;

/** What the index keeps of an article (JSON-safe, compact). */
export interface StoredProfile {
  seq: number;
  story: string;
  date: string | null;
  /** Dates the text mentions: [year or null, first day, last day]. */
  when: DateMention[];
  dup: string | null;
  /** Packed sorted shingle hashes. */
  sh: string;
  /** The tf-idf vector: packed sorted term hashes and their packed float32 weights. */
  tv: string;
  tw: string;
  /** The heaviest terms, for story summaries. */
  top: string[];
  entities: string[];
  /** Packed sorted content-term hashes per sentence. */
  sents: string[];
}

/** Read-only resources of one stage instance (no corpus state). */
export class DedupResources {
  readonly minHasher = new MinHasher();
  private readonly backgrounds = new Map<string, BackgroundDf>();
  private readonly stops = new Map<string, StopList>();

  constructor(readonly hasher: ShingleHasher) {}

  background(lang: string): BackgroundDf {
    let bg = this.backgrounds.get(lang);
    if (!bg) this.backgrounds.set(lang, (bg = lang === 'und' ? EMPTY_BACKGROUND : loadBackgroundDf(lang)));
    return bg;
  }

  stopList(lang: string): StopList {
    let s = this.stops.get(lang);
    if (!s) this.stops.set(lang, (s = stopList(lang)));
    return s;
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Near-duplicates found for an article: every verified candidate at or above the threshold. */
export interface DedupOutcome {
  info: DedupInfo;
  /** All verified near-duplicates (id, exact Jaccard of hashed shingles), best first. */
  duplicates: SimilarArticle[];
}

export async function dedupArticle(doc: Doc, corpus: Corpus, res: DedupResources, opt: DedupOptions): Promise<DedupOutcome> {
  const id = doc.article.id;
  const lang = docLanguage(doc);
  const stops = res.stopList(lang);
  const bg = opt.background ? res.background(lang) : EMPTY_BACKGROUND;
  const paras = paragraphs(doc.text, res.hasher, opt.furnitureMaxWords);
  const paraKeys = [...new Set(paras.map((p) => p.key).filter((k): k is string => k !== null))];
  const title = doc.title ?? doc.article.title ?? '';
  const analysis = { words: words(doc.text), terms: new Map<string, number>() };
  analysis.terms = contentTerms(doc.text, analysis.words, stops);
  const termKeys = [...new Set([...analysis.terms.keys(), ...contentTerms(title, words(title), stops).keys()])];

  // 1. counts
  const [paraCounts, [seq], dfCorpus] = await Promise.all([
    corpus.counts(NS.furniture, paraKeys),
    corpus.counts(NS.stat, ['docs']),
    corpus.counts(NS.df, termKeys),
  ]);
  const recurring = new Set(paraKeys.filter((_, i) => paraCounts[i] >= opt.furnitureMinDocs));
  const furniture: Paragraph[] = paras.filter((p) => p.key !== null && recurring.has(p.key));
  const f = articleFeatures(doc, furniture, res.hasher, stops, opt.titleWeight, analysis);
  const dfOf = new Map(termKeys.map((t, i) => [t, dfCorpus[i]]));
  const docs = bg.docs + seq;
  const vector = tfidfVector(f.terms, (t) => idf((bg.df.get(t) ?? 0) + (dfOf.get(t) ?? 0), docs), opt.vectorSize);
  const query = topTerms(vector, Math.max(opt.queryTerms, opt.postingTerms));
  const indexed = query.slice(0, opt.postingTerms);
  const queryWeight = new Map(vector.terms.map((t, i) => [t, vector.weights[i]]));
  const postingKeys = query.flatMap((t) => {
    const page = Math.floor((dfOf.get(t) ?? 0) / opt.pageSize);
    return page > 0 ? [`${t}@${page}`, `${t}@${page - 1}`] : [`${t}@0`];
  });
  const signature = res.minHasher.signature(f.shingleHashes);
  const bandKeys = f.shingleHashes.length ? res.minHasher.bandKeys(signature) : [];

  // 2. lists
  const lists = await Promise.all([
    ...bandKeys.map((k) => corpus.list<string>(NS.band, k)),
    ...postingKeys.map((k) => corpus.list<string>(NS.posting, k)),
  ]);
  const bandLists = lists.slice(0, bandKeys.length);
  const bandShared = new Map<string, number>();
  for (const list of bandLists) for (const other of new Set(list)) bandShared.set(other, (bandShared.get(other) ?? 0) + 1);
  const termShared = new Map<string, number>();
  postingKeys.forEach((key, i) => {
    const w = queryWeight.get(key.slice(0, key.lastIndexOf('@'))) ?? 0;
    for (const other of new Set(lists[bandKeys.length + i])) termShared.set(other, (termShared.get(other) ?? 0) + w);
  });
  const best = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opt.candidateLimit).map(([k]) => k);
  const candidates = [...new Set([...best(bandShared), ...best(termShared)])].filter((c) => c !== id);

  // 3. gets
  const profiles = (await Promise.all(candidates.map((c) => corpus.get<StoredProfile>(NS.profile, c)))).map((p, i) => [candidates[i], p] as const);

  const duplicates: SimilarArticle[] = [];
  const scored: (SimilarArticle & { seq: number; story: string; sents: string[] })[] = [];
  const hashed = hashVector(vector, res.hasher.hash);
  const view: StoryView = { vector: hashed, entities: f.entities, date: f.date, mentions: f.mentions };
  for (const [cid, p] of profiles) {
    if (!p) continue;
    if (bandShared.has(cid)) {
      const j = sortedJaccard(f.shingleHashes, unpackU32(p.sh));
      if (j >= opt.duplicateThreshold) duplicates.push({ id: cid, score: round(j) });
    }
    const score = storySimilarity(view, { vector: { keys: unpackU32(p.tv), weights: unpackF32(p.tw) }, entities: p.entities, date: p.date, mentions: p.when }, opt);
    scored.push({ id: cid, score, seq: p.seq, story: p.story, sents: p.sents });
  }
  const bySeq = new Map(scored.map((s) => [s.id, s.seq]));
  duplicates.sort((a, b) => b.score - a.score || bySeq.get(a.id)! - bySeq.get(b.id)!);
  scored.sort((a, b) => b.score - a.score || a.seq - b.seq);
  const dup = duplicates[0] ?? null;
  let story = id;
  if (dup) story = scored.find((s) => s.id === dup.id)!.story;
  else if (scored.length && scored[0].score >= opt.storyThreshold) story = scored[0].story;
  const similar = scored.filter((s) => s.score >= opt.similarMin).slice(0, opt.similarLimit);

  const overlap: SentenceOverlap[] = [];
  const earlier = similar.map((s) => ({ id: s.id, sents: s.sents.map(unpackU32) }));
  f.sentenceTerms.forEach((terms, sentence) => {
    if (terms.length < 3) return;
    let hit: SentenceOverlap | null = null;
    for (const e of earlier) {
      for (const other of e.sents) {
        const score = sentenceOverlap(terms, other);
        if (score >= opt.overlapThreshold && (!hit || score > hit.score)) hit = { sentence, id: e.id, score: round(score) };
      }
    }
    if (hit) overlap.push(hit);
  });

  // 4. writes
  const profile: StoredProfile = {
    seq,
    story,
    date: f.date,
    when: f.mentions,
    dup: dup?.id ?? null,
    sh: packU32(f.shingleHashes),
    tv: packU32(hashed.keys),
    tw: packF32(hashed.weights),
    top: query.slice(0, 8),
    entities: f.entities,
    sents: f.sentenceTerms.map(packU32),
  };
  const openBuckets = bandKeys.filter((_, i) => bandLists[i].length < opt.pageSize);
  const keptTerms = [...f.terms.keys()];
  await Promise.all([
    corpus.set(NS.profile, id, profile),
    corpus.increment(NS.stat, ['docs']),
    corpus.increment(NS.df, keptTerms),
    corpus.increment(NS.furniture, paraKeys),
    corpus.append(NS.story, story, [id]),
    ...openBuckets.map((k) => corpus.append(NS.band, k, [id])),
    ...indexed.map((t) => corpus.append(NS.posting, `${t}@${Math.floor((dfOf.get(t) ?? 0) / opt.pageSize)}`, [id])),
  ]);

  return {
    info: {
      duplicateOf: dup?.id ?? null,
      ...(dup ? { jaccard: dup.score } : {}),
      story,
      similar: similar.map((s) => ({ id: s.id, score: round(s.score) })),
      overlap,
    },
    duplicates,
  };
}
