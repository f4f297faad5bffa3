import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '@huggingface/transformers';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NerConfig } from '../../../pipeline/config.ts';
import { createDoc } from '../../../pipeline/doc.ts';
import { toRecord } from '../../../pipeline/record.ts';
import type { EntitySpan, Span } from '../../../pipeline/layers.ts';
import { buildTinyNerModel, TINY_LABELS, tinyProbabilities } from '../../../scripts/build-tiny-ner-model.ts';
import { createTransformersBackend, type TransformersBackendOptions } from '../../../stages/entities/transformers/index.ts';
import { tempDir } from '../../helpers.ts';

const root = tempDir('newsnlp-tiny-ner-');
const modelDir = join(root, 'tiny-ner');

function ner(overrides: Partial<NerConfig> = {}): NerConfig {
  return { backend: 'transformers', model: modelDir, allowDownload: false, device: 'cpu', aggregation: 'first', ...overrides };
}

async function tagger(overrides: Partial<NerConfig> = {}, options: TransformersBackendOptions = {}) {
  const backend = createTransformersBackend(ner(overrides), { modelsDir: root, ...options });
  await backend.init();
  return backend;
}

const prob = (piece: string, label: (typeof TINY_LABELS)[number]) => tinyProbabilities(piece)[TINY_LABELS.indexOf(label)]!;
const brief = (entities: EntitySpan[]) => entities.map((e) => [e.text, e.label, e.sourceLabel ?? e.label]);

/** Sentences as the sentence stage gives them: trimmed spans of non-empty segments. */
function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  for (const seg of new Intl.Segmenter('und', { granularity: 'sentence' }).segment(text)) {
    const lead = seg.segment.length - seg.segment.trimStart().length;
    const trail = seg.segment.length - seg.segment.trimEnd().length;
    if (seg.segment.trim()) out.push({ start: seg.index + lead, end: seg.index + seg.segment.length - trail });
  }
  return out;
}

beforeAll(() => {
  buildTinyNerModel(modelDir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('transformers NER backend: loading', () => {
  it('loads a model directory in the standard layout, offline, and names it in its version', async () => {
    const requests: string[] = [];
    const realFetch = env.fetch;
    env.fetch = async (url: string | URL) => {
      requests.push(String(url));
      throw new Error('no network in tests');
    };
    const backend = await tagger().finally(() => (env.fetch = realFetch));
    expect(requests).toEqual([]);
    expect(backend.name).toBe('transformers');
    expect(backend.version).toMatch(/^\d+\.\d+\.\d+ tiny-ner@[0-9a-f]{8} fp32 transformers\.js-/);
    expect(backend.supports('vi')).toBe(true);
    expect(backend.unknownLabelTypes).toEqual([]); // PER, ORG, LOC, MISC, GPE known; DATE known as not a name
  });

  it('finds a model by name under the models directory', async () => {
    const backend = await tagger({ model: 'tiny-ner' });
    expect(brief(await backend.tag('NATO met.', [], 'en'))).toEqual([['NATO', 'ORG', 'B-ORG']]);
  });

  it('loads onnx/model_quantized.onnx when that is the only weights file', async () => {
    const dir = join(root, 'quantized-only');
    buildTinyNerModel(dir, { quantizedName: true });
    const backend = await tagger({ model: dir });
    expect(backend.version).toMatch(/ q8 /);
    expect(brief(await backend.tag('Moscow', [], 'en'))).toEqual([['Moscow', 'LOC', 'B-GPE']]);
  });

  it('fails in init, naming the missing files and --allow-download, with no network request', async () => {
    const requests: string[] = [];
    const realFetch = env.fetch;
    env.fetch = async (url: string | URL) => {
      requests.push(String(url));
      throw new Error('no network in tests');
    };
    try {
      const hub = createTransformersBackend(ner({ model: 'Xenova/bert-base-multilingual-cased-ner-hrl' }), { modelsDir: root });
      const error = await hub.init().then(() => null, (e: Error) => e);
      expect(error?.message).toMatch(/config\.json.*tokenizer\.json.*tokenizer_config\.json.*onnx\/model\.onnx/);
      expect(error?.message).toContain('--allow-download');
      expect(error?.message).toContain('huggingface-cli download Xenova/bert-base-multilingual-cased-ner-hrl');

      const partial = join(root, 'partial');
      mkdirSync(partial, { recursive: true });
      writeFileSync(join(partial, 'config.json'), readFileSync(join(modelDir, 'config.json')));
      const incomplete = createTransformersBackend(ner({ model: partial }), { modelsDir: root });
      const message = await incomplete.init().then(() => '', (e: Error) => e.message);
      expect(message).toContain(`${partial} is missing tokenizer.json, tokenizer_config.json, onnx/model.onnx (or onnx/model_quantized.onnx)`);
      expect(message).not.toMatch(/missing config\.json/);
    } finally {
      env.fetch = realFetch;
    }
    expect(requests).toEqual([]);
    expect(env.allowRemoteModels).toBe(true); // the library's default, untouched
  });

  it('with --allow-download asks the hub, and says what failed when it cannot', async () => {
    const requests: string[] = [];
    const realFetch = env.fetch;
    env.fetch = async (url: string | URL) => {
      requests.push(String(url));
      return new Response('not found', { status: 404 });
    };
    try {
      const backend = createTransformersBackend(ner({ model: 'someone/missing-ner', allowDownload: true }), { modelsDir: root });
      const message = await backend.init().then(() => '', (e: Error) => e.message);
      expect(message).toMatch(/could not download NER model "someone\/missing-ner" from the Hugging Face Hub/);
    } finally {
      env.fetch = realFetch;
    }
    expect(requests[0]).toMatch(/^https:\/\/huggingface\.co\/someone\/missing-ner\/resolve\/main\//);
    expect(env.allowRemoteModels).toBe(true);
  });

  it('restores transformers.js env after loading', async () => {
    const before = { remote: env.allowRemoteModels, local: env.allowLocalModels, path: env.localModelPath, cache: env.cacheDir };
    await tagger();
    expect({ remote: env.allowRemoteModels, local: env.allowLocalModels, path: env.localModelPath, cache: env.cacheDir }).toEqual(before);
  });

  it.each(['cuda', 'webgpu'] as const)('an unavailable %s device names the cpu fallback', async (device) => {
    const backend = createTransformersBackend(ner({ device }), { modelsDir: root });
    const message = await backend.init().then(() => null, (e: Error) => e.message);
    // Where the device exists the model simply loads; here (CPU-only onnxruntime-node) it must explain.
    if (message !== null) expect(message).toMatch(new RegExp(`device "${device}" is not available here:.*--device cpu`));
  });

  it('refuses a model whose outputs do not match its labels', async () => {
    const dir = join(root, 'mismatched');
    buildTinyNerModel(dir);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    delete config.id2label['12'];
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const backend = createTransformersBackend(ner({ model: dir }), { modelsDir: root });
    await expect(backend.init()).rejects.toThrow(/gives 13 scores per token but its config\.json names 12 labels/);
  });

  it('needs a model name', async () => {
    const backend = createTransformersBackend(ner({ model: undefined }), { modelsDir: root });
    await expect(backend.init()).rejects.toThrow(/--ner-model/);
  });
});

describe('transformers NER backend: spans', () => {
  const text = 'Jens Stoltenberg met the press in Washington; NATO and Đông Âu talked on Monday.\n\nMOSCOW\u00a0reacted.';

  it('gives exact offsets into the text, through lower-casing, [UNK] pieces and no-break spaces', async () => {
    const backend = await tagger();
    const entities = await backend.tag(text, sentencesOf(text), 'en');
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities.map((e) => [e.start, e.end, e.label])).toEqual([
      [0, 16, 'PER'],
      [34, 44, 'LOC'],
      [46, 50, 'ORG'],
      [82, 88, 'LOC'],
    ]);
  });

  it('maps the model labels and keeps the original one (GPE → LOC, DATE dropped)', async () => {
    const backend = await tagger();
    const entities = await backend.tag(text, sentencesOf(text), 'en');
    expect(brief(entities)).toEqual([
      ['Jens Stoltenberg', 'PER', 'B-PER'],
      ['Washington', 'LOC', 'B-LOC'],
      ['NATO', 'ORG', 'B-ORG'],
      ['MOSCOW', 'LOC', 'B-GPE'],
    ]);
    expect(entities.some((e) => e.text === 'Monday')).toBe(false);
  });

  it('aggregates sub-word pieces by the chosen strategy, with the model scores', async () => {
    const sentence = 'Washington';
    const first = await (await tagger({ aggregation: 'first' })).tag(sentence, [], 'en');
    expect(brief(first)).toEqual([['Washington', 'LOC', 'B-LOC']]);
    expect(first[0]!.score).toBeCloseTo(prob('wash', 'B-LOC'), 5);

    const max = await (await tagger({ aggregation: 'max' })).tag(sentence, [], 'en');
    expect(brief(max)).toEqual([['Washington', 'ORG', 'I-ORG']]);
    expect(max[0]!.score).toBeCloseTo(prob('##ton', 'I-ORG'), 5);

    const simple = await (await tagger({ aggregation: 'simple' })).tag(sentence, [], 'en');
    expect(simple.map((e) => [e.start, e.end, e.label])).toEqual([
      [0, 4, 'LOC'],
      [7, 10, 'ORG'],
    ]);
  });

  it("agrees with transformers.js' own token-classification pipeline on a short text (simple)", async () => {
    const { pipeline } = await import('@huggingface/transformers');
    const classifier = await pipeline('token-classification', modelDir, { local_files_only: true, dtype: 'fp32' });
    const short = 'Jens Stoltenberg in Washington with NATO';
    const theirs = (await classifier(short, { aggregation_strategy: 'simple' })) as Array<{ entity_group: string; score: number }>;
    const ours = await (await tagger({ aggregation: 'simple' })).tag(short, [], 'en');
    expect(ours.map((e) => e.label)).toEqual(theirs.map((g) => g.entity_group));
    ours.forEach((e, i) => expect(e.score).toBeCloseTo(theirs[i]!.score, 5));
    expect(ours.map((e) => e.text)).toEqual(['Jens Stoltenberg', 'Wash', 'ton', 'NATO']);
  });

  it('scores a multi-word entity with the mean of its words', async () => {
    const [person] = await (await tagger()).tag('Jens Stoltenberg', [], 'en');
    expect(person!.score).toBeCloseTo((prob('jens', 'B-PER') + prob('stol', 'I-PER')) / 2, 5);
  });

  it('never lets an entity cross a sentence boundary', async () => {
    const backend = await tagger();
    const joined = await backend.tag('Carmen Romero', [], 'en');
    expect(brief(joined)).toEqual([['Carmen Romero', 'PER', 'B-PER']]);
    const split = await backend.tag('Carmen Romero', [{ start: 0, end: 6 }, { start: 7, end: 13 }], 'en');
    expect(brief(split)).toEqual([
      ['Carmen', 'PER', 'B-PER'],
      ['Romero', 'PER', 'I-PER'],
    ]);
  });

  it('tags only inside the given sentences', async () => {
    const backend = await tagger();
    const entities = await backend.tag('NATO. Moscow.', [{ start: 6, end: 13 }], 'en');
    expect(brief(entities)).toEqual([['Moscow', 'LOC', 'B-GPE']]);
  });

  it('keeps offsets exact with decomposed accents and astral characters', async () => {
    const backend = await tagger();
    const nfd = 'Ukrai\u0308ne 😀 Afghanistan';
    const entities = await backend.tag(nfd, [], 'en');
    expect(entities.map((e) => [e.start, e.end, e.text])).toEqual([
      [0, 8, 'Ukrai\u0308ne'],
      [12, 23, 'Afghanistan'],
    ]);
  });
});

describe('transformers NER backend: a SentencePiece (XLM-R style) model', () => {
  const spDir = join(root, 'tiny-ner-sp');
  beforeAll(() => {
    buildTinyNerModel(spDir, { scheme: 'sentencepiece' });
  });
  const text = 'Jens Stoltenberg met the press in Washington, NATO and Đông Âu talked (Moscow) on Monday.';

  it('finds words from ▁ word starts, keeps punctuation out of them, and gives exact offsets', async () => {
    const backend = await tagger({ model: spDir });
    const entities = await backend.tag(text, [], 'en');
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities.map((e) => [e.start, e.end, e.label, e.sourceLabel])).toEqual([
      [0, 16, 'PER', 'B-PER'],
      [34, 44, 'LOC', 'B-LOC'],
      [46, 50, 'ORG', 'B-ORG'],
    ]);
  });

  it('aggregates its pieces like the WordPiece model', async () => {
    const max = await (await tagger({ model: spDir, aggregation: 'max' })).tag('Washington, NATO', [], 'en');
    expect(brief(max)).toEqual([
      ['Washington', 'ORG', 'I-ORG'],
      ['NATO', 'ORG', 'B-ORG'],
    ]);
    const simple = await (await tagger({ model: spDir, aggregation: 'simple' })).tag('Washington', [], 'en');
    expect(brief(simple)).toEqual([
      ['Wash', 'LOC', 'B-LOC'],
      ['ton', 'ORG', 'I-ORG'],
    ]);
  });
});

describe('transformers NER backend: windows and batches', () => {
  // One sentence of 613 pieces (no full stop): past a 512-token window.
  const words = ['Reuters', 'said', 'Jens', 'Stoltenberg', 'met', 'officials', 'in', 'Europe', 'and', 'Moscow', 'near', 'Baltic', 'ports'];
  const long = Array.from({ length: 15 }, (_, i) => words.join(' ') + ` ${i}`).join(' ; ') + ' , finally London';
  const many = Array.from({ length: 40 }, (_, i) => `Sentence ${i} names NATO and Carmen Romero.`).join(' ');

  it('tags past the first 512 tokens of a long sentence', async () => {
    const entities = await (await tagger()).tag(long, [], 'en');
    expect(entities.at(-1)).toMatchObject({ text: 'London', label: 'LOC', end: long.length });
    expect(entities.filter((e) => e.text === 'Jens Stoltenberg')).toHaveLength(15);
  });

  it('gives the same spans whatever the window size, overlap or batch size', async () => {
    const reference = await (await tagger({}, { batchSize: 1 })).tag(long, [], 'en');
    for (const options of [
      { maxTokens: 16, overlap: 4 },
      { maxTokens: 16, overlap: 0 },
      { maxTokens: 37, overlap: 9, batchSize: 3 },
      { maxTokens: 128, batchSize: 64 },
    ]) {
      expect(await (await tagger({}, options)).tag(long, [], 'en')).toEqual(reference);
    }
    const sentences = sentencesOf(many);
    const manyReference = await (await tagger()).tag(many, sentences, 'en');
    expect(manyReference).toHaveLength(80);
    expect(await (await tagger({}, { maxTokens: 20, batchSize: 2 })).tag(many, sentences, 'en')).toEqual(manyReference);
  });

  it('serves articles tagged concurrently', async () => {
    const backend = await tagger({}, { maxTokens: 24 });
    const texts = ['NATO met Moscow.', long, 'Carmen Romero spoke.', many];
    const alone = [];
    for (const t of texts) alone.push(await backend.tag(t, sentencesOf(t), 'en'));
    expect(await Promise.all(texts.map((t) => backend.tag(t, sentencesOf(t), 'en')))).toEqual(alone);
  });
});

describe('transformers NER backend: the seed articles', () => {
  const seedDir = new URL('../../../seeds/', import.meta.url).pathname;
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));

  const schema = JSON.parse(readFileSync(new URL('../../../pipeline/record.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it.each(seeds)('%s: spans are exactly the words the model tags, in a schema-valid record', async (file) => {
    const text = readFileSync(join(seedDir, file), 'utf8');
    const backend = await tagger();
    const sentences = sentencesOf(text);
    const entities = await backend.tag(text, sentences, 'vi');
    expect(entities.length).toBeGreaterThan(10);
    expect(entities.map((e) => [e.start, e.end, e.label])).toEqual(await expectedFirst(text, sentences));
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);

    const doc = createDoc({ id: file.replace(/\.txt$/, ''), source: 'seeds', text });
    doc.sentences = sentences;
    doc.entities = entities;
    doc.versions.entities = backend.version;
    const record = toRecord(doc);
    expect(validate(record), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    for (const e of record.entities) expect([...record.text].slice(e.start, e.end).join('')).toBe(e.text);
  });
});

/**
 * An independent account of what the tiny model must give with `first` aggregation: BERT words
 * found with a regular expression, each tokenized on its own, labelled by its first piece's
 * vocabulary label, then grouped B/I within a sentence.
 */
async function expectedFirst(text: string, sentences: Span[]): Promise<Array<[number, number, string]>> {
  const { AutoTokenizer } = await import('@huggingface/transformers');
  const tokenizer = await AutoTokenizer.from_pretrained(modelDir, { local_files_only: true });
  const entityOf: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', GPE: 'LOC', MISC: 'MISC' };
  const out: Array<[number, number, string]> = [];
  const word = /[^\s\p{P}!-/:-@[-`{-~]+|[\p{P}!-/:-@[-`{-~]/gu;
  for (const s of sentences) {
    let open: [number, number, string] | null = null;
    const flush = () => {
      if (open) out.push(open);
      open = null;
    };
    for (const m of text.slice(s.start, s.end).matchAll(word)) {
      const [piece] = tokenizer.tokenize(m[0]);
      const probs = tinyProbabilities(piece!);
      const label = TINY_LABELS[probs.indexOf(Math.max(...probs))]!;
      const start = s.start + m.index!;
      const end = start + m[0].length;
      if (label === 'O') {
        flush();
        continue;
      }
      const [prefix, type] = label.split('-') as [string, string];
      const current = open as [number, number, string] | null;
      if (current && prefix === 'I' && current[2] === type) current[1] = end;
      else {
        flush();
        open = [start, end, type];
      }
    }
    flush();
  }
  return out.filter((e) => e[2] in entityOf).map(([a, b, t]) => [a, b, entityOf[t]!]);
}
