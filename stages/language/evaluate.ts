/**
 * Scores language identification on `{text, lang, kind}` gold (FORMATS.md, langid): accuracy per
 * language and kind, the headline being the mean over languages; franc alone (all its languages)
 * side by side.
 *
 * The shipped model was trained on three quarters of the langid dev file (see holdout.ts and
 * build/build-model.ts). Records whose text the model was trained on are left out of the metrics
 * (they are listed in the first table): on the dev file the figures are those of its held-out
 * quarter; on any other gold file, of everything but texts that also occur in that training part.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { franc } from 'franc';
import type { EvalExample, EvalResult, EvalTable, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import { mean } from '../../pipeline/evaluate/metrics.ts';
import { toIso6391 } from './codes.ts';
import { LanguageDetector } from './detect.ts';
import { textKey } from './holdout.ts';

const KINDS = ['sentence', 'word-pair', 'word'] as const;

interface LangidGold {
  text: string;
  lang: string;
  kind: string;
}

/** Hashes of the texts the shipped model was trained on (sorted). */
function trainedTexts(): Uint32Array {
  const bytes = brotliDecompressSync(readFileSync(new URL('./data/trained-texts.bin.br', import.meta.url)));
  const keys = new Uint32Array(bytes.length / 4);
  new Uint8Array(keys.buffer).set(bytes);
  return keys;
}

function contains(sorted: Uint32Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else if (sorted[mid] > key) hi = mid - 1;
    else return true;
  }
  return false;
}

/** franc on its own over all its languages, its code mapped to ISO 639-1. */
export function francAlone(text: string): string {
  const code = franc(text, { minLength: 1 });
  return code === 'und' ? 'und' : toIso6391(code);
}

/** Accuracy per language and kind of (gold, predicted) pairs. */
class Tally {
  private readonly cells = new Map<string, [number, number]>();
  add(lang: string, kind: string, correct: boolean): void {
    const key = `${lang}\t${kind}`;
    const cell = this.cells.get(key) ?? [0, 0];
    cell[0] += correct ? 1 : 0;
    cell[1]++;
    this.cells.set(key, cell);
  }
  languages(): string[] {
    return [...new Set([...this.cells.keys()].map((k) => k.split('\t')[0]))].sort();
  }
  kinds(): string[] {
    const present = new Set([...this.cells.keys()].map((k) => k.split('\t')[1]));
    return [...KINDS.filter((k) => present.has(k)), ...[...present].filter((k) => !(KINDS as readonly string[]).includes(k)).sort()];
  }
  /** Accuracy of a language over all kinds, of a kind, or of one cell; null when empty. */
  accuracy(lang?: string, kind?: string): number | null {
    let correct = 0;
    let total = 0;
    for (const [key, [c, n]] of this.cells) {
      const [l, k] = key.split('\t');
      if ((lang === undefined || l === lang) && (kind === undefined || k === kind)) (correct += c), (total += n);
    }
    return total ? correct / total : null;
  }
  count(lang?: string, kind?: string): number {
    let total = 0;
    for (const [key, [, n]] of this.cells) {
      const [l, k] = key.split('\t');
      if ((lang === undefined || l === lang) && (kind === undefined || k === kind)) total += n;
    }
    return total;
  }
  /** Mean over languages of each language's accuracy (on one kind, or on all). */
  meanOverLanguages(kind?: string): number {
    return mean(this.languages().map((l) => this.accuracy(l, kind)).filter((a): a is number => a !== null));
  }
}

const pct = (x: number | null) => (x === null ? '' : Number((x * 100).toFixed(2)));

export const evaluator: StageEvaluator = {
  name: 'langid',
  async evaluate(records: GoldRecord[], options): Promise<EvalResult> {
    const detector = new LanguageDetector({ languages: options.config.languages });
    const trained = trainedTexts();
    const ours = new Tally();
    const theirs = new Tally();
    const oursAll = new Tally();
    const predictions: Record<string, unknown>[] = [];
    const misses: { gold: LangidGold; predicted: string; confidence: number }[] = [];
    let leftOut = 0;
    for (const record of records) {
      const gold = record as unknown as LangidGold;
      const guess = detector.detect(gold.text);
      predictions.push({ text: gold.text, lang: guess.lang, kind: gold.kind, script: guess.script, confidence: guess.confidence });
      oursAll.add(gold.lang, gold.kind, guess.lang === gold.lang);
      if (contains(trained, textKey(gold.text))) {
        leftOut++;
        continue;
      }
      ours.add(gold.lang, gold.kind, guess.lang === gold.lang);
      theirs.add(gold.lang, gold.kind, francAlone(gold.text) === gold.lang);
      if (guess.lang !== gold.lang) misses.push({ gold, predicted: guess.lang, confidence: guess.confidence });
    }

    const kinds = ours.kinds();
    const byLanguage: Record<string, number> = {};
    for (const lang of ours.languages()) byLanguage[lang] = ours.accuracy(lang) ?? 0;
    const byKind: Record<string, number> = {};
    for (const kind of kinds) byKind[kind] = ours.meanOverLanguages(kind);
    const metrics = {
      accuracy: ours.accuracy() ?? 0,
      meanAccuracy: ours.meanOverLanguages(),
      byLanguage,
      byKind,
    };

    const tables: EvalTable[] = [
      {
        title: 'Records scored (texts the shipped model was trained on are left out: on dev.jsonl that leaves its held-out quarter)',
        columns: ['records', 'left out (trained on)', 'scored'],
        rows: [[records.length, leftOut, records.length - leftOut]],
      },
      {
        title: 'Accuracy % by kind: mean over languages of per-language accuracy (pooled over records in brackets)',
        columns: ['kind', 'languages', 'records', 'newsnlp', 'franc alone', 'newsnlp (pooled)', 'franc (pooled)'],
        rows: [
          ...kinds.map((kind) => [
            kind,
            ours.languages().filter((l) => ours.count(l, kind) > 0).length,
            ours.count(undefined, kind),
            pct(ours.meanOverLanguages(kind)),
            pct(theirs.meanOverLanguages(kind)),
            pct(ours.accuracy(undefined, kind)),
            pct(theirs.accuracy(undefined, kind)),
          ]),
          ['all', ours.languages().length, ours.count(), pct(metrics.meanAccuracy), pct(theirs.meanOverLanguages()), pct(metrics.accuracy), pct(theirs.accuracy())],
        ],
      },
      {
        title: 'Accuracy % by language and kind (newsnlp / franc alone)',
        columns: ['lang', 'records', ...kinds.flatMap((k) => [k, `franc ${k}`]), 'all', 'franc all'],
        rows: ours.languages().map((lang) => [
          lang,
          ours.count(lang),
          ...kinds.flatMap((k) => [pct(ours.accuracy(lang, k)), pct(theirs.accuracy(lang, k))]),
          pct(ours.accuracy(lang)),
          pct(theirs.accuracy(lang)),
        ]),
      },
      {
        title: 'newsnlp on every record, trained-on ones included (not a measurement: for reference only)',
        columns: ['kind', 'mean over languages %', 'pooled %'],
        rows: oursAll.kinds().map((kind) => [kind, pct(oursAll.meanOverLanguages(kind)), pct(oursAll.accuracy(undefined, kind))]),
      },
    ];

    // The longest texts missed first (a missed sentence says more than a missed word), a few per language.
    const perLanguage = new Map<string, number>();
    const examples: EvalExample[] = [];
    for (const miss of misses.sort((a, b) => b.gold.text.length - a.gold.text.length)) {
      const seen = perLanguage.get(miss.gold.lang) ?? 0;
      if (seen >= 2) continue;
      perLanguage.set(miss.gold.lang, seen + 1);
      examples.push({
        id: `${miss.gold.lang}/${miss.gold.kind}`,
        kind: 'wrong',
        text: miss.gold.text,
        detail: `gold ${miss.gold.lang}, predicted ${miss.predicted} (confidence ${miss.confidence})`,
      });
      if (examples.length >= 40) break;
    }

    return { records: records.length, metrics, tables, examples, predictions };
  },
};
