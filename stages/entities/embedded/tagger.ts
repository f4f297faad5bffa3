/** Tagging with a loaded model, sentence by sentence, with one document memory per article. */
import type { EntityLabel, EntitySpan, Span } from '../../../pipeline/layers.ts';
import { SENTENCE_FEATURES, STATIC_FEATURES, ViewArrays, historyFeatures, staticFeatures, viewSentence, type SentenceView } from './features.ts';
import { ENTITY_TYPES, chunks } from './labels.ts';
import { DocumentMemory } from './memory.ts';
import type { NerModel } from './model.ts';
import { SparseWeights } from './weights.ts';
import { tokenize, type Token } from './tokenize.ts';
import { tagCaches, transitionsAllowed, viterbi, type Decoder } from './viterbi.ts';

/** Write the document-level features of every token of a sentence into its static features. */
export function fillHistory(view: SentenceView, memory: DocumentMemory, mask: number, statics: Int32Array): void {
  const stem = view.stem;
  for (let i = 0; i < view.length; i++) {
    const stemHistory = stem ? memory.recallStem(stem[i]) : -1;
    historyFeatures(view, i, memory.recall(view.word[i]), stemHistory, mask, statics, i * STATIC_FEATURES + SENTENCE_FEATURES);
  }
}

/**
 * The decoder of a loaded model. Token probabilities are a softmax over max-marginals in units of
 * the model's own score spread (sqrt(features) x RMS weight), so a margin of one typical feature
 * sum reads as about e:1, not the near-certainty raw perceptron scores would give.
 */
export function decoderOf(model: NerModel): Decoder {
  const known = decoders.get(model);
  if (known) return known;
  const weights = model.weights;
  const spread = weights instanceof SparseWeights ? Math.sqrt(STATIC_FEATURES) * weights.rms() : 1 / model.header.scale;
  const fixed = { weights, info: model.info, allowed: transitionsAllowed(model.info), featureMask: model.featureMask, scale: 1 / spread };
  // The caches hold exact Int32 sums: for a shipped model's integer weights only (training's are floats).
  const decoder: Decoder = weights instanceof SparseWeights ? { ...fixed, caches: tagCaches({ ...fixed, weights }) } : fixed;
  decoders.set(model, decoder);
  return decoder;
}

const decoders = new WeakMap<NerModel, Decoder>();

/**
 * Entity spans of the given sentences of one article (UTF-16 offsets into `text`). A sentence
 * whose last token, a full stop, the tagger put inside a name (`ministro de Minas.`) hands that
 * tag on to the next sentence on the same line (runsOn), so a name the split cut in two
 * (`Ministerio de Agricultura, Pesca. Alimentación`) can go on there and comes back as one span.
 * A model trained with `--split-names` has learned when a name goes on (see train.ts).
 */
export function tagText(model: NerModel, text: string, sentences: Span[], decoder: Decoder = decoderOf(model)): EntitySpan[] {
  const memory = new DocumentMemory();
  const spans: EntitySpan[] = [];
  let lastTag = -1; // the previous sentence's last tag where that token was inside a name
  let lastToken: Token | null = null;
  for (const sentence of sentences) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    const n = tokens.length;
    if (!n) continue;
    const before = lastTag >= 0 && runsOn(text, lastToken!, tokens[0].start) ? lastTag : -1;
    const view = viewSentence(tokens, model.lexicon, viewArrays);
    const { statics, tags, probs } = sentenceArrays(n);
    staticFeatures(view, model.featureMask, statics, 0, !decoder.caches); // word slots: the cache computes them on a miss
    fillHistory(view, memory, model.featureMask, statics);
    viterbi(decoder, view, statics, tags, probs, before);
    memory.remember(view, tags, model.info);
    for (const chunk of chunks(tags, model.info)) {
      let start = tokens[chunk.from].start;
      const end = tokens[chunk.to - 1].end;
      let score = 1;
      for (let i = chunk.from; i < chunk.to; i++) score = Math.min(score, probs[i]);
      const label: EntityLabel = ENTITY_TYPES[chunk.type];
      if (chunk.from === 0 && before >= 0 && model.info.type[before] === chunk.type && !model.info.begin[tags[0]]) {
        const carried = spans.pop()!;
        start = carried.start;
        score = Math.min(score, carried.score);
      }
      spans.push({ start, end, label, text: text.slice(start, end), score: Math.round(score * 1000) / 1000 });
    }
    lastTag = model.info.type[tags[n - 1]] >= 0 ? tags[n - 1] : -1;
    lastToken = tokens[n - 1];
  }
  return spans;
}

/**
 * A sentence's static features, tags and token confidences, over buffers reused from sentence to
 * sentence (tagging is synchronous and keeps none of them): fresh typed arrays per sentence were
 * ~140 KB an article of short-lived memory blocks for the garbage collector.
 */
function sentenceArrays(n: number): { statics: Int32Array; tags: Uint8Array; probs: Float32Array } {
  if (buffers.tags.length < n) {
    const size = Math.max(n, 2 * buffers.tags.length);
    buffers = { statics: new Int32Array(size * STATIC_FEATURES), tags: new Uint8Array(size), probs: new Float32Array(size) };
  }
  const statics = buffers.statics.subarray(0, n * STATIC_FEATURES);
  // Slots a model lacks are written as NO_FEATURE, word slots by the cache on a miss: clear anyway,
  // so that nothing of the previous sentence can leak into this one.
  statics.fill(0);
  const probs = buffers.probs.subarray(0, n);
  probs.fill(0);
  return { statics, tags: buffers.tags.subarray(0, n), probs };
}

let buffers = { statics: new Int32Array(0), tags: new Uint8Array(0), probs: new Float32Array(0) };
const viewArrays = new ViewArrays();

/**
 * Whether a name may run on from a sentence ending with `last` into the next one, starting at
 * `start`: the sentence ends in a full stop and the next one starts on the same line.
 */
export function runsOn(text: string, last: Token, start: number): boolean {
  if (last.text !== '.') return false;
  for (let i = last.end; i < start; i++) if (text.charCodeAt(i) === 10) return false;
  return true;
}
