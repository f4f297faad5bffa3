/**
 * Training: an averaged perceptron over hashed features (Collins 2002, with the lazy-averaging
 * trick of Daumé), greedy left-to-right with the predicted tags as history (Ratinov & Roth 2009).
 * Deterministic for a given seed: the only randomness is the seeded document order.
 */
import type { EntityLabel } from '../../../pipeline/layers.ts';
import {
  GAZ_MAX_TOKENS,
  IDENTITY_SLOTS,
  NO_FEATURE,
  SEQUENCE_SEED,
  STATIC_FEATURES,
  STEM_SEED,
  sequenceStep,
  transitionBucket,
  transitionShapeBucket,
  staticFeatures,
  viewSentence,
  type Lexicon,
  type SentenceView,
} from './features.ts';
import { hashString } from './hash.ts';
import { ENTITY_TYPES, bioTags, tagInfo, type TagInfo } from './labels.ts';
import { DocumentMemory } from './memory.ts';
import { encodeModel, type ModelHeader, type NerModel } from './model.ts';
import { splitSentences, taggedSentences, type GoldDoc } from './gold.ts';
import { decoderOf, fillHistory, runsOn, tagText } from './tagger.ts';
import { transitionsAllowed, viterbi } from './viterbi.ts';
import { SpanScore } from './score.ts';
import { tokenize } from './tokenize.ts';
import { endingSet, stemHash } from './stems.ts';
import { seededRandom } from '../../../pipeline/random.ts';

export interface TrainOptions {
  lang: string;
  train: GoldDoc[];
  dev: { name: string; docs: GoldDoc[] }[];
  epochs: number;
  seed: number;
  /** Feature hash bits (2^bits buckets). */
  bits: number;
  /** Gazetteer folds: names in a training document's own fold are hidden from it. */
  folds: number;
  clusters?: Map<number, number>;
  /**
   * Annotated documents of other corpora (other languages) whose names join the gazetteer for
   * every training document: not folded, since the tagger sees exactly these names too.
   */
  listed?: GoldDoc[];
  /** Name-part flags by lower-case word hash, mined from other annotated data. */
  nameParts?: Map<number, number>;
  /** Inflectional endings of the language (stems.ts): stem features, stem gazetteer, stem memory. */
  endings?: string[];
  /** Times each training document is visited per epoch (default 1): up-weights one corpus of a mix. */
  visits?: number[];
  /**
   * Share of document visits (0-1) read sentence by sentence with no document memory, as the
   * tagger meets text without an article around it (one sentence per record, a headline):
   * otherwise the model leans on the memory for short names (`anh Bốn`) and misses them alone.
   */
  isolated?: number;
  /**
   * Share of sentence visits (0-1) with the features that identify the word (IDENTITY_SLOTS)
   * hidden: a mistake-driven learner that always has the gazetteer and the word's own weight to
   * go by never learns what context says (`Fred cho biết`), and new names have neither.
   */
  hide?: number;
  /**
   * Split training sentences where the tagger splits them, names cut in two included, and carry
   * a name over a sentence-final full stop as the tagger does (see runsOn in tagger.ts); by
   * default a gold name is never split and every sentence starts outside a name.
   */
  splitNames?: boolean;
  log(line: string): void;
  progress?(done: number, total: number): void;
}

export interface EpochReport {
  epoch: number;
  seconds: number;
  trainErrors: number;
  dev: { name: string; precision: number; recall: number; f1: number }[];
}

export interface TrainResult {
  bytes: Buffer;
  header: ModelHeader;
  epochs: EpochReport[];
  tokens: number;
}

/** Gazetteer keys of a name: the hash of its words, and with endings the hash of its stems. */
function nameHashes(doc: GoldDoc, start: number, end: number, endings: ReadonlySet<number> | null): number[] {
  const tokens = tokenize(doc.text, start, end);
  if (!tokens.length || tokens.length > GAZ_MAX_TOKENS) return [];
  let h = SEQUENCE_SEED;
  for (const t of tokens) h = sequenceStep(h, hashString(t.text));
  if (!endings) return [h];
  let stems = STEM_SEED;
  for (const t of tokens) stems = sequenceStep(stems, stemHash(t.text.toLowerCase(), endings));
  return [h, stems];
}

/** Names of the training documents, per fold, as sequence hash -> type bit mask. */
function mineGazetteers(docs: GoldDoc[], folds: number, endings: ReadonlySet<number> | null): Map<number, number>[] {
  const maps = Array.from({ length: folds }, () => new Map<number, number>());
  docs.forEach((doc, d) => {
    const map = maps[d % folds];
    for (const e of doc.entities) {
      for (const h of nameHashes(doc, e.start, e.end, endings)) map.set(h, (map.get(h) ?? 0) | (1 << ENTITY_TYPES.indexOf(e.label)));
    }
  });
  return maps;
}

function lexiconOf(gazetteers: Map<number, number>[], clusters: Map<number, number>, nameParts: Map<number, number> | undefined, endings: ReadonlySet<number> | null): Lexicon {
  return {
    ...(endings ? { endings } : {}),
    ...(nameParts?.size ? { nameParts: (h: number) => nameParts.get(h) ?? 0 } : {}),
    gazetteer: (h) => {
      let mask = 0;
      for (const g of gazetteers) mask |= g.get(h) ?? 0;
      return mask;
    },
    cluster: (h) => clusters.get(h) ?? 0,
  };
}

interface PreparedSentence {
  view: SentenceView;
  statics: Int32Array;
  gold: Uint8Array;
  /** A name may run on into this sentence from the one before (see runsOn in tagger.ts). */
  runsOn: boolean;
}

class DenseWeights {
  constructor(
    readonly w: Float32Array,
    readonly tags: number,
  ) {}
  add(bucket: number, scores: Float64Array, to = 0): void {
    if (bucket < 0) return;
    const base = bucket * this.tags;
    for (let t = 0; t < this.tags; t++) scores[to + t] += this.w[base + t];
  }
}

export function evaluateDocs(model: NerModel, docs: GoldDoc[]): SpanScore {
  const score = new SpanScore();
  const decoder = decoderOf(model);
  for (const doc of docs) {
    const spans = tagText(model, doc.text, splitSentences(doc.text), decoder);
    score.add(doc.entities, spans);
  }
  return score;
}

export function trainModel(options: TrainOptions): TrainResult {
  const { lang, train, epochs, bits, folds } = options;
  const clusters = options.clusters ?? new Map<number, number>();
  const types = ENTITY_TYPES.filter((t) => train.some((d) => d.entities.some((e) => e.label === t))) as EntityLabel[];
  const tags = bioTags(types);
  const L = tags.length;
  const info: TagInfo = tagInfo(tags);
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const mask = 2 ** bits - 1;

  const endings = options.endings?.length ? endingSet(options.endings) : null;
  const gazetteers = mineGazetteers(train, folds, endings);
  const listed = options.listed?.length ? mineGazetteers(options.listed, 1, endings) : [];
  const foldLexicons = gazetteers.map((_, k) => lexiconOf([...gazetteers.filter((__, j) => j !== k), ...listed], clusters, options.nameParts, endings));
  const fullGazetteer = new Map<number, number>();
  for (const g of [...gazetteers, ...listed]) for (const [h, m] of g) fullGazetteer.set(h, (fullGazetteer.get(h) ?? 0) | m);
  const fullLexicon = lexiconOf([fullGazetteer], clusters, options.nameParts, endings);

  const docs: PreparedSentence[][] = train.map((doc, d) =>
    taggedSentences(doc, tagIndex, options.splitNames)
      .filter((s) => s.tokens.length)
      .map((s, k, all) => {
        const view = viewSentence(s.tokens, foldLexicons[d % folds]);
        const statics = new Int32Array(s.tokens.length * STATIC_FEATURES);
        staticFeatures(view, mask, statics);
        const previous = k > 0 ? all[k - 1].tokens : null;
        const continues = options.splitNames === true && previous !== null && runsOn(doc.text, previous[previous.length - 1], s.tokens[0].start);
        return { view, statics, gold: s.tags, runsOn: continues };
      }),
  );
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.gold.length, 0), 0);
  options.log(`${lang}: ${train.length} documents, ${tokens} tokens, tags ${tags.join(' ')}, ${fullGazetteer.size} names`);

  const W = new Float32Array((mask + 1) * L);
  const U = new Float64Array((mask + 1) * L);
  let c = 1;
  const random = seededRandom(options.seed);
  const order = docs.flatMap((_, i) => Array.from({ length: options.visits?.[i] ?? 1 }, () => i));
  const reports: EpochReport[] = [];
  const averaged = () => {
    const avg = new Float32Array(W.length);
    for (let i = 0; i < W.length; i++) avg[i] = W[i] - U[i] / c;
    return avg;
  };
  const modelOf = (dense: Float32Array): NerModel => ({
    header: { tags, scale: 1 },
    weights: new DenseWeights(dense, L),
    lexicon: fullLexicon,
    info,
    featureMask: mask,
  });

  const trainDecoder = { weights: new DenseWeights(W, L), info, allowed: transitionsAllowed(info), featureMask: mask, scale: 1 };
  const update = (bucket: number, tag: number, delta: number) => {
    if (bucket < 0) return;
    const at = bucket * L + tag;
    W[at] += delta;
    U[at] += c * delta;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let seen = 0;
    const isolated = options.isolated ?? 0;
    const hide = options.hide ?? 0;
    let hidden = new Int32Array(0);
    for (let d = 0; d < order.length; d++) {
      const alone = isolated > 0 && random() < isolated;
      let memory = new DocumentMemory();
      // The last tag of the previous sentence, gold and predicted, where it was inside a name.
      let goldLast = -1;
      let predictedLast = -1;
      for (const s of docs[order[d]]) {
        if (alone) memory = new DocumentMemory();
        const goldBefore = s.runsOn ? goldLast : -1;
        const before = s.runsOn && !alone ? predictedLast : -1;
        const n = s.gold.length;
        const predicted = new Uint8Array(n);
        fillHistory(s.view, memory, mask, s.statics);
        let statics = s.statics;
        if (hide > 0 && random() < hide) {
          if (hidden.length < statics.length) hidden = new Int32Array(statics.length * 2);
          statics = hidden.subarray(0, s.statics.length);
          statics.set(s.statics);
          for (let i = 0; i < n; i++) for (const k of IDENTITY_SLOTS) statics[i * STATIC_FEATURES + k] = NO_FEATURE;
        }
        viterbi(trainDecoder, s.view, statics, predicted, undefined, before);
        for (let i = 0; i < n; i++) {
          const g = s.gold[i];
          const p = predicted[i];
          const gp = (i ? s.gold[i - 1] : goldBefore) + 1;
          const pp = (i ? predicted[i - 1] : before) + 1;
          if (g !== p) {
            errors++;
            const base = i * STATIC_FEATURES;
            for (let k = 0; k < STATIC_FEATURES; k++) {
              update(statics[base + k], g, 1);
              update(statics[base + k], p, -1);
            }
          }
          if (g !== p || gp !== pp) {
            update(transitionBucket(gp, mask), g, 1);
            update(transitionBucket(pp, mask), p, -1);
            update(transitionShapeBucket(gp, s.view.shape[i], mask), g, 1);
            update(transitionShapeBucket(pp, s.view.shape[i], mask), p, -1);
          }
        }
        c++;
        goldLast = info.type[s.gold[n - 1]] >= 0 ? s.gold[n - 1] : -1;
        predictedLast = info.type[predicted[n - 1]] >= 0 ? predicted[n - 1] : -1;
        memory.remember(s.view, predicted, info);
        seen += n;
      }
      if (options.progress && d % 50 === 0) options.progress(seen, tokens);
    }
    const model = modelOf(averaged());
    const dev = options.dev.map(({ name, docs: devDocs }) => {
      const t = evaluateDocs(model, devDocs).total();
      return { name, precision: t.precision, recall: t.recall, f1: t.f1 };
    });
    const report: EpochReport = { epoch, seconds: (Date.now() - started) / 1000, trainErrors: errors / tokens, dev };
    reports.push(report);
    options.log(
      `epoch ${epoch}/${epochs}  ${report.seconds.toFixed(1)}s  train error ${(report.trainErrors * 100).toFixed(2)}%  ` +
        dev.map((r) => `${r.name} F1 ${r.f1.toFixed(4)}`).join('  '),
    );
  }
  const { bytes, header } = encodeModel({
    header: { lang, tags, bits, ...(endings ? { endings: options.endings } : {}) },
    dense: averaged(),
    gazetteer: fullGazetteer,
    clusters,
    nameParts: options.nameParts,
  });
  return { bytes, header, epochs: reports, tokens };
}
