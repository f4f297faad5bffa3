import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { env, Tensor, type TokenClassificationPipeline } from '@huggingface/transformers';
import type { NerConfig } from '../../../pipeline/config.ts';
import type { EntitySpan, Span } from '../../../pipeline/layers.ts';
import type { NerBackend } from '../backend.ts';
import { groupEntities, tagUnits, type ScoredPiece } from './aggregate.ts';
import { alignPieces, isPunctuation } from './align.ts';
import { WindowBatcher } from './batcher.ts';
import { labelScheme, type LabelScheme } from './labels.ts';
import { loadTokenClassifier } from './load.ts';
import { isHubId, locateModel, PACKAGE_MODELS_DIR, type ModelLocation } from './locate.ts';
import { isContinuation, pieceScheme, pieceSurface, type PieceScheme } from './pieces.ts';
import { planWindows, windowOwners, type Window } from './windows.ts';

export { MissingModelError } from './locate.ts';

/** Bumped when this backend's output changes for the same model. */
const BACKEND_VERSION = '1.0.0';

export interface TransformersBackendOptions {
  /** Pieces per model window, special tokens included (default: the model's maximum, at most 512). */
  maxTokens?: number;
  /** Pieces shared by consecutive windows inside a sentence longer than a window (default: a quarter window, at most 128). */
  overlap?: number;
  /** Windows per model call, across the articles being tagged at the same time (default 16). */
  batchSize?: number;
  /** Where model names are looked up (`<dir>/<name>`) and hub downloads go (`<dir>/cache/`); default: the package's models/. */
  modelsDir?: string;
}

export interface TransformersNerBackend extends NerBackend {
  /**
   * Entity types of the model that label-map.json does not know, so they produce no entity (empty
   * until init). The stage may warn about them; known non-name types (DATE, CARDINAL ...) are not listed.
   */
  readonly unknownLabelTypes: string[];
}

/** A piece of one article: its token id, its offsets in the text, and (once predicted) its label. */
interface Piece extends ScoredPiece {
  id: number;
}

interface LoadedModel {
  classifier: TokenClassificationPipeline;
  scheme: LabelScheme;
  pieces: PieceScheme;
  unkId: number | undefined;
  /** Pieces of text per window, special tokens excluded. */
  capacity: number;
  overlap: number;
  batcher: WindowBatcher<WindowPrediction>;
  version: string;
}

/**
 * Entity spans from any transformers.js token-classification model (BERT, XLM-R, RoBERTa ...):
 * offsets recovered from the tokenizer's pieces, long texts windowed, windows of concurrent articles
 * batched into shared model calls, sub-word pieces aggregated (`ner.aggregation`), labels mapped
 * to PER/LOC/ORG/MISC.
 */
export function createTransformersBackend(ner: NerConfig, options: TransformersBackendOptions = {}): TransformersNerBackend {
  let model: LoadedModel | null = null;
  let loading: Promise<void> | null = null;
  // Not ner.modelDir: that is the embedded backend's folder of trained models.
  const modelsDir = options.modelsDir ?? PACKAGE_MODELS_DIR;

  const backend: TransformersNerBackend = {
    name: 'transformers',
    get version() {
      return model?.version ?? `${BACKEND_VERSION} (model not loaded)`;
    },
    get unknownLabelTypes() {
      return model?.scheme.unknownTypes ?? [];
    },
    init() {
      loading ??= load().then((m) => {
        model = m;
      });
      return loading;
    },
    supports: () => true,
    async tag(text: string, sentences: Span[], _lang: string): Promise<EntitySpan[]> {
      if (!model) throw new Error('the transformers NER backend was used before init()');
      return tagText(model, text, sentences, ner.aggregation);
    },
  };

  async function load(): Promise<LoadedModel> {
    if (!ner.model) {
      throw new Error('the transformers NER backend needs a model: --ner-model <model directory | hub id>');
    }
    const location = locateModel(ner.model, { modelsDir, allowDownload: ner.allowDownload });
    const classifier = await loadTokenClassifier(location, ner, modelsDir);
    const config = classifier.model.config as unknown as {
      id2label?: Record<string, string>;
      max_position_embeddings?: number;
    };
    const classes = Object.keys(config.id2label ?? {}).length;
    const scheme = labelScheme(config.id2label, classes);
    if (!scheme.mapped.some(Boolean)) {
      throw new Error(
        `NER model "${ner.model}" has no label that maps to PER, LOC, ORG or MISC (its labels: ${scheme.labels.join(', ')}); ` +
          `see stages/entities/transformers/label-map.json`,
      );
    }
    const tokenizer = classifier.tokenizer;
    const { prefix, suffix } = specialFrame(classifier);
    const modelMax = modelMaxLength(tokenizer.model_max_length, config.max_position_embeddings);
    const windowTokens = Math.min(options.maxTokens ?? modelMax, modelMax);
    const capacity = windowTokens - prefix.length - suffix.length;
    if (capacity < 2) throw new Error(`a window of ${windowTokens} tokens leaves no room for text (model needs ${prefix.length + suffix.length} special tokens)`);
    const frame = { classifier, prefix, suffix, padId: tokenizer.pad_token_id ?? 0 };
    // One run now: checks the model's outputs against its labels, and warms onnxruntime up.
    const [probe] = await runWindows(frame, [Int32Array.from(tokenizer.encode('a', { add_special_tokens: false }))]);
    if (probe!.classes !== classes) {
      throw new Error(`NER model "${ner.model}" gives ${probe!.classes} scores per token but its config.json names ${classes} labels`);
    }
    return {
      classifier,
      scheme,
      pieces: pieceScheme(tokenizer._tokenizerJSON),
      unkId: tokenizer.unk_token_id ?? undefined,
      capacity,
      overlap: Math.min(options.overlap ?? Math.floor(capacity / 4), 128),
      batcher: new WindowBatcher((windows) => runWindows(frame, windows), options.batchSize ?? 16),
      version: modelVersion(ner.model, location),
    };
  }

  return backend;
}

/** The model's window: what its tokenizer allows, bounded by its position table, at most 512 by default. */
function modelMaxLength(tokenizerMax: unknown, positions: number | undefined): number {
  const candidates = [512];
  if (typeof tokenizerMax === 'number' && tokenizerMax > 0 && tokenizerMax < 1e6) candidates.push(tokenizerMax);
  if (typeof positions === 'number' && positions > 0) candidates.push(positions);
  return Math.min(...candidates);
}

/** Ids the tokenizer puts before and after a text (from encoding one with and without them). */
function specialFrame(classifier: TokenClassificationPipeline): { prefix: number[]; suffix: number[] } {
  const tokenizer = classifier.tokenizer;
  const sample = 'a';
  const plain = tokenizer.encode(sample, { add_special_tokens: false });
  const framed = tokenizer.encode(sample, { add_special_tokens: true });
  for (let at = 0; at + plain.length <= framed.length; at++) {
    if (plain.every((id, k) => framed[at + k] === id)) {
      return { prefix: framed.slice(0, at), suffix: framed.slice(at + plain.length) };
    }
  }
  return { prefix: [], suffix: [] };
}

/** `1.0.0 tiny-ner@1a2b3c4d fp32`: backend, model name and a digest of its files (config, tokenizer, ONNX size). */
function modelVersion(spec: string, location: ModelLocation): string {
  const dir = location.kind === 'local' ? location.dir : join(location.cacheDir, location.id);
  const onnxFile = location.kind === 'local' ? location.onnxFile : join(dir, 'onnx', 'model.onnx');
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(join(dir, 'config.json')));
    hash.update(readFileSync(join(dir, 'tokenizer.json')));
    hash.update(String(statSync(onnxFile).size));
  } catch {
    hash.update(spec);
  }
  const name = isHubId(spec) ? spec : basename(spec.replace(/[\\/]+$/, ''));
  const dtype = location.kind === 'local' ? location.dtype : 'fp32';
  return `${BACKEND_VERSION} ${name}@${hash.digest('hex').slice(0, 8)} ${dtype} transformers.js-${env.version}`;
}

async function tagText(
  model: LoadedModel,
  text: string,
  sentences: Span[],
  strategy: NerConfig['aggregation'],
): Promise<EntitySpan[]> {
  const spans = sentences.length ? sentences : text.trim() ? [{ start: 0, end: text.length }] : [];
  const pieces = pieceText(model, text, spans);
  if (!pieces.length) return [];
  const windows = planWindows(pieces.length, model.capacity, model.overlap, {
    sentenceStart: (i) => i === 0 || pieces[i]!.sentence !== pieces[i - 1]!.sentence,
    wordStart: (i) => !pieces[i]!.continues,
  });
  await predict(model, pieces, windows);
  return groupEntities(text, tagUnits(pieces, strategy), model.scheme);
}

/** Tokenizes each sentence and finds each piece in the text; empty pieces (a lone `▁`) are left out. */
function pieceText(model: LoadedModel, text: string, sentences: Span[]): Piece[] {
  const tokenizer = model.classifier.tokenizer._tokenizer;
  const pieces: Piece[] = [];
  sentences.forEach((sentence, s) => {
    const { ids, tokens }: { ids: number[]; tokens: string[] } = tokenizer.encode(text.slice(sentence.start, sentence.end), {
      add_special_tokens: false,
    });
    const surfaces = tokens.map((token, k) => (ids[k] === model.unkId ? null : pieceSurface(token, model.pieces)));
    const offsets = alignPieces(text, sentence.start, sentence.end, surfaces);
    let previous: Piece | null = null;
    for (let k = 0; k < ids.length; k++) {
      const { start, end } = offsets[k]!;
      if (end <= start) continue;
      const continues =
        previous !== null &&
        (model.pieces.continuationPrefix !== null
          ? isContinuation(tokens[k]!, model.pieces)
          : previous.end === start &&
            !isPunctuation(text.slice(start, end)) &&
            !isPunctuation(text.slice(previous.start, previous.end)));
      const piece: Piece = { id: ids[k]!, start, end, sentence: s, continues, label: 0, score: 0 };
      pieces.push(piece);
      previous = piece;
    }
  });
  return pieces;
}

/** Gives each piece, from its owning window, its most probable label and that label's probability. */
async function predict(model: LoadedModel, pieces: Piece[], windows: Window[]): Promise<void> {
  const owners = windowOwners(windows, pieces.length);
  await Promise.all(
    windows.map(async (w, wi) => {
      const ids = new Int32Array(w.to - w.from);
      for (let i = w.from; i < w.to; i++) ids[i - w.from] = pieces[i]!.id;
      const { labels, scores } = await model.batcher.predict(ids);
      for (let i = w.from; i < w.to; i++) {
        if (owners[i] !== wi) continue;
        pieces[i]!.label = labels[i - w.from]!;
        pieces[i]!.score = scores[i - w.from]!;
      }
    }),
  );
}

interface WindowPrediction {
  /** Most probable class per piece of the window. */
  labels: Int32Array;
  /** Its probability. */
  scores: Float32Array;
  /** How many classes the model scored. */
  classes: number;
}

interface WindowFrame {
  classifier: TokenClassificationPipeline;
  /** Special tokens around every window ([CLS] … [SEP]). */
  prefix: number[];
  suffix: number[];
  padId: number;
}

/** One model call: windows framed by the special tokens, padded to the longest, label and score per text piece. */
async function runWindows(frame: WindowFrame, windows: Int32Array[]): Promise<WindowPrediction[]> {
  const width = Math.max(...windows.map((w) => w.length)) + frame.prefix.length + frame.suffix.length;
  const inputIds = new Int32Array(windows.length * width).fill(frame.padId);
  const mask = new Int32Array(windows.length * width);
  windows.forEach((ids, row) => {
    let col = row * width;
    const put = (id: number) => {
      inputIds[col] = id;
      mask[col++] = 1;
    };
    frame.prefix.forEach(put);
    ids.forEach(put);
    frame.suffix.forEach(put);
  });
  const output = (await frame.classifier.model({
    input_ids: new Tensor('int64', toInt64(inputIds), [windows.length, width]),
    attention_mask: new Tensor('int64', toInt64(mask), [windows.length, width]),
  })) as { logits: Tensor };
  const logits = output.logits.data as Float32Array;
  const classes = output.logits.dims[2]!;
  return windows.map((ids, row) => {
    const labels = new Int32Array(ids.length);
    const scores = new Float32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      [labels[k], scores[k]] = topProbability(logits, (row * width + frame.prefix.length + k) * classes, classes);
    }
    return { labels, scores, classes };
  });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** int64 tensor data without a BigInt per element: non-negative int32s written as the low words. */
function toInt64(values: Int32Array): BigInt64Array {
  const out = new BigInt64Array(values.length);
  if (!LITTLE_ENDIAN) {
    values.forEach((v, i) => (out[i] = BigInt(v)));
    return out;
  }
  const words = new Int32Array(out.buffer);
  for (let i = 0; i < values.length; i++) words[2 * i] = values[i]!;
  return out;
}

/** The most probable class of logits[at, at + classes) and its softmax probability. */
function topProbability(logits: Float32Array, at: number, classes: number): [number, number] {
  let top = 0;
  for (let c = 1; c < classes; c++) if (logits[at + c]! > logits[at + top]!) top = c;
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += Math.exp(logits[at + c]! - logits[at + top]!);
  return [top, 1 / sum];
}
