/**
 * `newsnlp train ner --lang vi --train FILE... --dev FILE... --out DIR [--epochs N] [--seed N]`:
 * trains an embedded tagger on `ner` gold files and writes `model.bin.gz` + `manifest.json`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { readGoldFile, type GoldDoc } from './embedded/gold.ts';
import { decodeModel } from './embedded/model.ts';
import { evaluateDocs, trainModel } from './embedded/train.ts';
import { buildWordClasses, mineNameParts } from './embedded/word-classes.ts';
import { endingsOf } from './embedded/stems.ts';

/** Bumped when the feature set or file format changes. */
export const MODEL_VERSION = '1.2.0';

export interface TrainNerOptions {
  lang: string;
  train: string[];
  dev?: string[];
  out: string;
  epochs: number;
  seed: number;
  bits: number;
  /** Gazetteer folds: a training document sees the names of the other folds only (default 4). */
  folds?: number;
  unlabelled?: string[];
  names?: string[];
  /** Annotated files of other corpora whose names every training document sees in the gazetteer. */
  gazetteer?: string[];
  /** Visits per epoch of the documents of each --train file, in order (default 1 each). */
  weight?: number[];
  /** Share of document visits read sentence by sentence without document memory (default 0). */
  isolated?: number;
  /** Share of sentence visits with the word's identity features hidden (default 0). */
  hide?: number;
  /** Train on sentences split as the tagger splits them, names cut in two included (default: never split a gold name). */
  splitNames?: boolean;
  /** Stem features from the language's endings in endings.json (default true; `--no-stems`). */
  stems?: boolean;
}

/** What the manifest says about the terms of a gold file, from SOURCES-ner.md, by file name. */
export function licenceNote(file: string): string {
  const name = basename(file);
  if (/vlsp/i.test(name)) return 'VLSP 2016/2018 NER: released by the VLSP organisers for research use; no redistribution granted.';
  if (/conll/i.test(name)) return 'CoNLL-2002/2003: research use only (Reuters RCV1 / Frankfurter Rundschau / EFE text under their owners\' agreements).';
  if (/wikiann/i.test(name)) return 'WikiANN via Babelscape/wikineural: CC BY-NC-SA 4.0 (attribution, non-commercial, share-alike).';
  return 'user-supplied data: terms as given by its owner.';
}

function readLang(files: string[], lang: string): GoldDoc[] {
  const docs = files.flatMap((file) => readGoldFile(file));
  const other = docs.find((d) => d.lang !== lang);
  if (other) throw new Error(`record ${other.id} is ${other.lang}, not ${lang}`);
  return docs;
}

export async function trainNer(options: TrainNerOptions, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Record<string, unknown>> {
  const started = Date.now();
  const weights = options.weight ?? [];
  if (weights.length > options.train.length || weights.some((w) => w < 1)) throw new Error('--weight takes one integer >= 1 per --train file');
  const perFile = options.train.map((file) => readLang([file], options.lang));
  const train = perFile.flat();
  const visits = weights.some((w) => w !== 1) ? perFile.flatMap((docs, f) => docs.map(() => weights[f] ?? 1)) : undefined;
  const dev = (options.dev ?? []).map((file) => ({ name: basename(file, '.jsonl'), file, docs: readLang([file], options.lang) }));
  const clusters = options.unlabelled?.length ? buildWordClasses(options.unlabelled, log) : undefined;
  const nameParts = options.names?.length ? mineNameParts(options.names) : undefined;
  if (nameParts) log(`name parts: ${nameParts.size} words from ${options.names!.length} files`);
  const endings = options.stems === false ? [] : endingsOf(options.lang);
  if (endings.length) log(`stems: ${endings.length} endings of ${options.lang}`);
  const tty = process.stderr.isTTY;
  const result = trainModel({
    lang: options.lang,
    train,
    dev,
    epochs: options.epochs,
    seed: options.seed,
    bits: options.bits,
    folds: options.folds ?? 4,
    clusters,
    nameParts,
    listed: options.gazetteer?.flatMap((file) => readGoldFile(file)),
    visits,
    isolated: options.isolated,
    hide: options.hide,
    splitNames: options.splitNames,
    endings,
    log,
    progress: tty ? (done, total) => process.stderr.write(`\r  ${((100 * done) / total).toFixed(0)}% of ${total} tokens`) : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  // Score the model as shipped (quantised), which is what a user gets.
  const shipped = decodeModel(result.bytes);
  const devScores = dev.map(({ name, docs }) => {
    const score = evaluateDocs(shipped, docs);
    const t = score.total();
    return { file: name, records: docs.length, precision: round(t.precision), recall: round(t.recall), f1: round(t.f1), byLabel: score.labels() };
  });
  const seconds = (Date.now() - started) / 1000;
  const command = [
    'newsnlp train ner',
    `--lang ${options.lang}`,
    `--train ${options.train.join(' ')}`,
    ...(options.dev?.length ? [`--dev ${options.dev.join(' ')}`] : []),
    `--out ${options.out}`,
    ...(visits ? [`--weight ${options.train.map((_, f) => weights[f] ?? 1).join(' ')}`] : []),
    `--epochs ${options.epochs}`,
    `--seed ${options.seed}`,
    ...(options.bits !== 21 ? [`--bits ${options.bits}`] : []),
    ...((options.folds ?? 4) !== 4 ? [`--folds ${options.folds}`] : []),
    ...(options.isolated ? [`--isolated ${options.isolated}`] : []),
    ...(options.hide ? [`--hide ${options.hide}`] : []),
    ...(options.splitNames ? ['--split-names'] : []),
    ...(options.stems === false ? ['--no-stems'] : []),
    ...(options.unlabelled?.length ? [`--unlabelled ${options.unlabelled.join(' ')}`] : []),
    ...(options.names?.length ? [`--names ${options.names.join(' ')}`] : []),
    ...(options.gazetteer?.length ? [`--gazetteer ${options.gazetteer.join(' ')}`] : []),
  ].join(' ');
  const manifest = {
    language: options.lang,
    version: `${MODEL_VERSION}+${createHash('sha256').update(result.bytes).digest('hex').slice(0, 12)}`,
    labels: [...new Set(result.header.tags.filter((t) => t !== 'O').map((t) => t.slice(2)))],
    tags: result.header.tags,
    model: 'model.bin.gz',
    bytes: result.bytes.length,
    tagger: 'averaged structured perceptron, first-order Viterbi over BIO, hashed features',
    features: { bits: options.bits, rows: result.header.rows, gazetteerNames: result.header.gazetteer, clusterWords: result.header.clusters },
    training: {
      files: options.train.map((file) => ({ file: basename(file), licence: licenceNote(file) })),
      unlabelled: (options.unlabelled ?? []).map((file) => basename(file)),
      names: (options.names ?? []).map((file) => ({ file: basename(file), licence: licenceNote(file) })),
      ...(options.gazetteer?.length ? { gazetteer: options.gazetteer.map((file) => ({ file: basename(file), licence: licenceNote(file) })) } : {}),
      tokens: result.tokens,
      ...(visits ? { weights: options.train.map((file, f) => ({ file: basename(file), visits: weights[f] ?? 1 })) } : {}),
      epochs: options.epochs,
      seed: options.seed,
      folds: options.folds ?? 4,
      ...(options.isolated ? { isolated: options.isolated } : {}),
      ...(options.hide ? { hide: options.hide } : {}),
      ...(options.splitNames ? { splitNames: true } : {}),
      ...(endings.length ? { endings } : {}),
      seconds: Math.round(seconds),
      perEpoch: result.epochs.map((e) => ({ epoch: e.epoch, dev: e.dev.map((d) => ({ file: d.name, f1: round(d.f1) })) })),
    },
    dev: devScores,
    devNote: 'dev scores of the shipped (quantised) model, sentences split by the trainer; `newsnlp eval ner` splits with the sentences stage',
    command,
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'model.bin.gz'), result.bytes);
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`wrote ${join(options.out, 'model.bin.gz')} (${(result.bytes.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(0)}s`);
  for (const d of devScores) log(`  ${d.file}: P ${d.precision.toFixed(4)} R ${d.recall.toFixed(4)} F1 ${d.f1.toFixed(4)}`);
  return manifest;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

const integer = (value: string) => {
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || String(n) !== value.trim()) throw new Error(`not an integer: ${value}`);
  return n;
};

const share = (value: string) => {
  const x = Number(value);
  if (!(x >= 0 && x <= 1)) throw new Error(`not a share between 0 and 1: ${value}`);
  return x;
};

/** Adds `train ner` to the CLI (creating the `train` command if the program has none yet). */
export function registerTrainCommand(program: Command): void {
  const train = program.commands.find((c) => c.name() === 'train') ?? program.command('train').description('train an embedded model');
  train
    .command('ner')
    .description('train an embedded NER tagger on `ner` gold files (deterministic for a given seed)')
    .requiredOption('--lang <code>', 'language of the model (ISO 639-1)')
    .requiredOption('--train <files...>', 'training files in the ner gold format')
    .option('--dev <files...>', 'dev files: F1 is reported after every epoch and stored in the manifest')
    .requiredOption('--out <dir>', 'output folder, e.g. models/ner/vi')
    .option('--epochs <n>', 'passes over the training data', integer, 10)
    .option('--seed <n>', 'seed of the document order', integer, 1)
    .option('--bits <n>', 'feature hash bits (2^n buckets)', integer, 21)
    .option('--folds <n>', 'gazetteer folds: each training document sees the names of the other folds only', integer, 4)
    .option('--unlabelled <files...>', 'unlabelled JSONL text (a `text` field) to learn word classes from')
    .option('--weight <n...>', 'visits per epoch of each --train file\'s documents, in order (default 1 each): up-weights one corpus of a mix', (v: string, prev: number[] | undefined) => [...(prev ?? []), integer(v)])
    .option('--isolated <share>', 'share (0-1) of document visits read sentence by sentence without document memory', share, 0)
    .option('--hide <share>', 'share (0-1) of sentence visits with the features that identify the word (itself, gazetteer, memory) hidden', share, 0)
    .option('--split-names', 'split training sentences where the tagger does, names cut by the split included, and learn to carry a name over a full stop (default: never split a gold name)')
    .option('--no-stems', 'no stem features even where endings.json lists endings for the language')
    .option('--names <files...>', 'annotated files of any language to mine name parts from (foreign given names, surnames)')
    .option('--gazetteer <files...>', 'annotated files of other corpora (other languages) whose names every training document sees in the gazetteer')
    .action(async (opts: TrainNerOptions) => {
      await trainNer(opts);
    });
}
