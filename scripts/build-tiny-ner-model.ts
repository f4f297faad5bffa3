/**
 * Builds a tiny BERT-style token-classification model in the standard Hugging Face layout
 * (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), with no download and no
 * Python: the ONNX graph is encoded here with protobufjs from a subset of onnx.proto.
 *
 * The model is context-free on purpose, so its predictions are known: every vocabulary entry has
 * a fixed logit row (see TINY_ENTITY_TOKENS), and a token's label probabilities are
 * softmax(row + bias). Two tokenizers:
 *  - `wordpiece` (default, like bert-base-uncased): lower-cases and strips accents, `##`
 *    continuation pieces for every letter and digit, so any Latin word becomes several pieces and a
 *    word with a letter outside a-z (Vietnamese `đ`, say) becomes [UNK];
 *  - `sentencepiece` (like xlm-roberta): cased Unigram pieces with `▁` word starts, single letters
 *    as a fallback (a lone `▁` piece before them), <unk> for anything else.
 *
 *   npx tsx scripts/build-tiny-ner-model.ts <output dir> [--sentencepiece] [--quantized-name]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import protobuf from 'protobufjs';

export const TINY_LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-ORG',
  'I-ORG',
  'B-LOC',
  'I-LOC',
  'B-MISC',
  'I-MISC',
  'B-GPE',
  'I-GPE',
  'B-DATE',
  'I-DATE',
] as const;
export type TinyLabel = (typeof TINY_LABELS)[number];

/** Classifier bias: every token leans to `O` unless its row says otherwise. */
export const TINY_O_BIAS = 3;

/**
 * Vocabulary entries with a label of their own: [WordPiece piece, label, logit, SentencePiece
 * spelling when not the capitalized one]. Chosen to exercise the
 * aggregation strategies: `wash ##ing ##ton` is B-LOC (weak) / O / I-ORG (strong), so `first` calls
 * Washington a LOC, `max` an ORG, and `simple` splits it into `Wash` (LOC) and `ton` (ORG).
 */
export const TINY_ENTITY_TOKENS: ReadonlyArray<readonly [string, TinyLabel, number, string?]> = [
  ['jens', 'B-PER', 8],
  ['stol', 'I-PER', 8],
  ['##ten', 'I-PER', 7],
  ['##berg', 'I-PER', 6],
  ['carmen', 'B-PER', 8],
  ['romero', 'I-PER', 8],
  ['nato', 'B-ORG', 9, '\u2581NATO'],
  ['reuters', 'B-ORG', 8],
  ['moscow', 'B-GPE', 8],
  ['ukraine', 'B-GPE', 8],
  ['afghanistan', 'B-GPE', 8],
  ['london', 'B-LOC', 8],
  ['baltic', 'B-LOC', 7],
  ['europe', 'B-LOC', 8],
  ['wash', 'B-LOC', 4],
  ['##ing', 'O', 0],
  ['##ton', 'I-ORG', 9],
  ['euro', 'B-MISC', 8],
  ['##zone', 'I-MISC', 8],
  ['monday', 'B-DATE', 8],
];

export type TinyScheme = 'wordpiece' | 'sentencepiece';

const SPECIAL_TOKENS: Record<TinyScheme, string[]> = {
  wordpiece: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'],
  sentencepiece: ['<s>', '<pad>', '</s>', '<unk>', '<mask>'],
};
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const PUNCTUATION = [...'.,;:!?()"\'-/%&'];

/** An entry's piece in the SentencePiece spelling: `moscow` → `▁Moscow`, `##ton` → `ton`. */
function sentencePieceForm([piece, , , spelling]: (typeof TINY_ENTITY_TOKENS)[number]): string {
  if (spelling) return spelling;
  return piece.startsWith('##') ? piece.slice(2) : `\u2581${piece[0]!.toUpperCase()}${piece.slice(1)}`;
}

/** The TINY_ENTITY_TOKENS entry of a vocabulary piece of either scheme. */
function entityEntry(piece: string) {
  return TINY_ENTITY_TOKENS.find((entry) => entry[0] === piece || sentencePieceForm(entry) === piece);
}

/** The vocabulary in id order. */
export function tinyVocabulary(scheme: TinyScheme = 'wordpiece'): string[] {
  const seen = new Set<string>();
  const vocab: string[] = [];
  const add = (piece: string) => {
    if (!seen.has(piece)) {
      seen.add(piece);
      vocab.push(piece);
    }
  };
  SPECIAL_TOKENS[scheme].forEach(add);
  if (scheme === 'wordpiece') {
    TINY_ENTITY_TOKENS.forEach(([piece]) => add(piece));
    LETTERS.forEach(add);
    LETTERS.forEach((c) => add(`##${c}`));
  } else {
    TINY_ENTITY_TOKENS.forEach((entry) => add(sentencePieceForm(entry)));
    add('\u2581');
    LETTERS.forEach(add);
    LETTERS.filter((c) => c >= 'a').forEach((c) => add(c.toUpperCase()));
  }
  PUNCTUATION.forEach(add);
  return vocab;
}

/** Label probabilities the model gives a vocabulary piece of either scheme (what the tests expect). */
export function tinyProbabilities(piece: string): number[] {
  const logits = TINY_LABELS.map((label) => (label === 'O' ? TINY_O_BIAS : 0));
  const entry = entityEntry(piece);
  if (entry) logits[TINY_LABELS.indexOf(entry[1])] += entry[2];
  const top = Math.max(...logits);
  const exps = logits.map((x) => Math.exp(x - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

// --- ONNX encoding -------------------------------------------------------------------------------

/** The part of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto) this model uses. */
const ONNX_SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            ir_version: { type: 'int64', id: 1 },
            producer_name: { type: 'string', id: 2 },
            producer_version: { type: 'string', id: 3 },
            graph: { type: 'GraphProto', id: 7 },
            opset_import: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: {
          fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
        },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            op_type: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            i: { type: 'int64', id: 3 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            data_type: { type: 'int32', id: 2 },
            name: { type: 'string', id: 8 },
            raw_data: { type: 'bytes', id: 9 },
          },
        },
        ValueInfoProto: {
          fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } },
        },
        TypeProto: {
          fields: { tensor_type: { type: 'TensorTypeProto', id: 1 } },
        },
        // TypeProto.Tensor, un-nested: the wire format is the same.
        TensorTypeProto: {
          fields: { elem_type: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } },
        },
        TensorShapeProto: {
          fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
        },
        Dimension: {
          fields: { dim_value: { type: 'int64', id: 1 }, dim_param: { type: 'string', id: 2 } },
        },
      },
    },
  },
};

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

function floatTensor(name: string, dims: number[], values: number[]) {
  const data = new Float32Array(values);
  return { name, dims, data_type: FLOAT, raw_data: new Uint8Array(data.buffer) };
}

function int64Tensor(name: string, values: number[]) {
  const data = new BigInt64Array(values.map(BigInt));
  return { name, dims: [values.length], data_type: INT64, raw_data: new Uint8Array(data.buffer) };
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
      },
    },
  };
}

/**
 * logits = (Gather(word_embeddings, input_ids) + Gather(token_type_embeddings, token_type_ids))
 *          * attention_mask[..., None]  @ classifier_weight + classifier_bias
 * The hidden size equals the number of labels and the classifier weight is the identity, so a
 * vocabulary row is that piece's logits (before the bias); masked positions come out as plain `O`.
 */
export function tinyNerOnnx(vocab: string[]): Uint8Array {
  const labels = TINY_LABELS.length;
  const wordEmbeddings: number[] = [];
  for (const piece of vocab) {
    const row = new Array<number>(labels).fill(0);
    const entry = entityEntry(piece);
    if (entry) row[TINY_LABELS.indexOf(entry[1])] = entry[2];
    wordEmbeddings.push(...row);
  }
  const identity: number[] = [];
  for (let r = 0; r < labels; r++) for (let c = 0; c < labels; c++) identity.push(r === c ? 1 : 0);
  const bias = TINY_LABELS.map((label) => (label === 'O' ? TINY_O_BIAS : 0));

  const node = (op_type: string, input: string[], output: string[], attribute: object[] = []) => ({
    op_type,
    input,
    output,
    name: output[0],
    attribute,
  });
  const graph = {
    name: 'tiny_ner',
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['words'], [{ name: 'axis', i: 0, type: ATTRIBUTE_INT }]),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types'], [{ name: 'axis', i: 0, type: ATTRIBUTE_INT }]),
      node('Add', ['words', 'types'], ['embedded']),
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', i: FLOAT, type: ATTRIBUTE_INT }]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask']),
      node('Mul', ['embedded', 'mask'], ['hidden']),
      node('MatMul', ['hidden', 'classifier_weight'], ['scores']),
      node('Add', ['scores', 'classifier_bias'], ['logits']),
    ],
    initializer: [
      floatTensor('word_embeddings', [vocab.length, labels], wordEmbeddings),
      floatTensor('token_type_embeddings', [2, labels], new Array(2 * labels).fill(0)),
      floatTensor('classifier_weight', [labels, labels], identity),
      floatTensor('classifier_bias', [labels], bias),
      int64Tensor('last_axis', [-1]),
    ],
    input: [
      valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
      valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length']),
      valueInfo('token_type_ids', INT64, ['batch_size', 'sequence_length']),
    ],
    output: [valueInfo('logits', FLOAT, ['batch_size', 'sequence_length', labels])],
  };
  const ModelProto = protobuf.Root.fromJSON(ONNX_SCHEMA).lookupType('onnx.ModelProto');
  const model = {
    ir_version: 8,
    producer_name: 'newsnlp build-tiny-ner-model',
    producer_version: '1',
    opset_import: [{ domain: '', version: 13 }],
    graph,
  };
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

// --- tokenizer and config ------------------------------------------------------------------------

export function tinyTokenizerJson(vocab: string[], scheme: TinyScheme = 'wordpiece'): object {
  const id = (t: string) => vocab.indexOf(t);
  const [cls, sep] = scheme === 'wordpiece' ? ['[CLS]', '[SEP]'] : ['<s>', '</s>'];
  const special = (content: string) => ({ SpecialToken: { id: content, type_id: 0 } });
  const common = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS[scheme].map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(cls), { Sequence: { id: 'A', type_id: 0 } }, special(sep)],
      pair: [special(cls), { Sequence: { id: 'A', type_id: 0 } }, special(sep), { Sequence: { id: 'B', type_id: 0 } }, special(sep)],
      special_tokens: {
        [cls]: { id: cls, ids: [id(cls)], tokens: [cls] },
        [sep]: { id: sep, ids: [id(sep)], tokens: [sep] },
      },
    },
  };
  if (scheme === 'sentencepiece') {
    const metaspace = { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true };
    return {
      ...common,
      normalizer: { type: 'NFKC' },
      pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, metaspace] },
      decoder: metaspace,
      // Longer pieces score higher per piece, so a known word beats its letters.
      model: { type: 'Unigram', unk_id: id('<unk>'), vocab: vocab.map((piece) => [piece, piece.length > 1 ? -1 : -8]) },
    };
  }
  return {
    ...common,
    // strip_accents null follows lowercase, as in bert-base-uncased.
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((piece, i) => [piece, i])),
    },
  };
}

export function tinyConfigJson(vocab: string[], maxLength: number, scheme: TinyScheme = 'wordpiece'): object {
  const id2label = Object.fromEntries(TINY_LABELS.map((label, i) => [String(i), label]));
  const label2id = Object.fromEntries(TINY_LABELS.map((label, i) => [label, i]));
  return {
    _name_or_path: 'newsnlp/tiny-ner',
    architectures: [scheme === 'wordpiece' ? 'BertForTokenClassification' : 'XLMRobertaForTokenClassification'],
    model_type: scheme === 'wordpiece' ? 'bert' : 'xlm-roberta',
    vocab_size: vocab.length,
    hidden_size: TINY_LABELS.length,
    max_position_embeddings: maxLength,
    type_vocab_size: 2,
    id2label,
    label2id,
  };
}

export interface TinyModelOptions {
  /** The tokenizer: BERT-uncased-like WordPiece (default) or XLM-R-like SentencePiece. */
  scheme?: TinyScheme;
  /** Write the graph as onnx/model_quantized.onnx (what a q8-only hub export ships) instead of model.onnx. */
  quantizedName?: boolean;
  /** model_max_length / max_position_embeddings written into the config (default 512). */
  maxLength?: number;
}

/** Writes the model into `dir` and returns the vocabulary (in id order). */
export function buildTinyNerModel(dir: string, options: TinyModelOptions = {}): string[] {
  const maxLength = options.maxLength ?? 512;
  const scheme = options.scheme ?? 'wordpiece';
  const vocab = tinyVocabulary(scheme);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const json = (name: string, value: object) => writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  json('config.json', tinyConfigJson(vocab, maxLength, scheme));
  json('tokenizer.json', tinyTokenizerJson(vocab, scheme));
  const [pad, unk, cls, sep, mask] =
    scheme === 'wordpiece' ? ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] : ['<pad>', '<unk>', '<s>', '</s>', '<mask>'];
  json('tokenizer_config.json', {
    tokenizer_class: scheme === 'wordpiece' ? 'BertTokenizer' : 'XLMRobertaTokenizer',
    ...(scheme === 'wordpiece' ? { do_lower_case: true } : { bos_token: cls, eos_token: sep }),
    model_max_length: maxLength,
    cls_token: cls,
    sep_token: sep,
    pad_token: pad,
    unk_token: unk,
    mask_token: mask,
  });
  writeFileSync(join(dir, 'onnx', options.quantizedName ? 'model_quantized.onnx' : 'model.onnx'), tinyNerOnnx(vocab));
  return vocab;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, ...flags] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: build-tiny-ner-model.ts <output dir> [--sentencepiece] [--quantized-name]');
    process.exit(2);
  }
  buildTinyNerModel(resolve(dir), {
    quantizedName: flags.includes('--quantized-name'),
    scheme: flags.includes('--sentencepiece') ? 'sentencepiece' : 'wordpiece',
  });
  console.log(`tiny NER model written to ${resolve(dir)}`);
}
