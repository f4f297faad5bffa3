import { createDoc } from '../../pipeline/doc.ts';
import type { EvalExample, EvalResult, EvalTable, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import { prf } from '../../pipeline/evaluate/metrics.ts';
import type { Span } from '../../pipeline/layers.ts';
import { intlSentences } from './baseline.ts';
import { MARKUP_SOURCE } from './markup.ts';
import { createSentencesStage } from './index.ts';

interface SentenceGold {
  id: string;
  lang: string;
  text: string;
  sentences: string[];
}

/** Scores of one splitter over a set of cases. */
export interface SentenceScore {
  cases: number;
  exact: number;
  tp: number;
  fp: number;
  fn: number;
}

const emptyScore = (): SentenceScore => ({ cases: 0, exact: 0, tp: 0, fp: 0, fn: 0 });

/**
 * Sentences are compared by their content: white space and markup (`markup.ts`) left out, and
 * quotation marks by kind, not glyph (` ‘ ’ ′ as ', `` '' “ ” „ ″ as "). A span splitter keeps the
 * text as it is, while the golden rules' expected sentences are pySBD's output after its cleaning,
 * which re-flows white space, strips tags and respells quotes: none of that moves a boundary. On
 * gold sentences that are substrings of the text this is exact match (spans and gold are both
 * trimmed and in order), except that markup may sit on either side of a boundary. Cleaning that
 * deletes text (dot leaders, formatting codes) is not forgiven. Applied to every file alike.
 */
export const COMPARISON = 'sentences compared without white space and markup, quotation marks folded';

const CONTENT = new RegExp(String.raw`(\s+|${MARKUP_SOURCE})|(\x60\x60|'')|([\x60‘’‚‛′])|([“”„‟″])`, 'gu');

/** The content characters of `s`, each with its offset in `s`. */
export function content(s: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  let from = 0;
  const keep = (to: number) => {
    for (let p = from; p < to; p++) at.push(p);
    chars += s.slice(from, to);
  };
  CONTENT.lastIndex = 0;
  for (let m = CONTENT.exec(s); m; m = CONTENT.exec(s)) {
    keep(m.index);
    if (!m[1]) {
      chars += m[3] ? "'" : '"';
      at.push(m.index);
    }
    from = m.index + m[0].length;
  }
  keep(s.length);
  return { chars, at };
}

/**
 * Where the gold sentences start, as indices into the text's content `chars`, found in order; null
 * when one cannot be found (the gold deleted text: the case passes or fails on the exact list only).
 */
export function goldStarts(chars: string, sentences: string[]): number[] | null {
  const starts: number[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const wanted = content(sentence).chars;
    if (!wanted) continue;
    const found = chars.indexOf(wanted, from);
    if (found < 0) return null;
    starts.push(found);
    from = found + wanted.length;
  }
  return starts;
}

/** The content index of a text offset: the first content character at or after it. */
function contentIndex(at: number[], offset: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds one case to a score: exact match of the sentence list, and boundary (sentence start) counts,
 * both on content. Returns the text offsets of the boundaries missed and of the extra ones.
 */
export function scoreCase(score: SentenceScore, gold: SentenceGold, spans: Span[]): { exact: boolean; missed: number[]; extra: number[]; located: boolean } {
  const predicted = spans.map((s) => content(gold.text.slice(s.start, s.end)).chars).filter(Boolean);
  const expected = gold.sentences.map((s) => content(s).chars).filter(Boolean);
  const exact = predicted.length === expected.length && predicted.every((s, i) => s === expected[i]);
  score.cases++;
  if (exact) score.exact++;
  const { chars, at } = content(gold.text);
  const starts = goldStarts(chars, gold.sentences);
  if (!starts) return { exact, missed: [], extra: [], located: false };
  const goldSet = new Set(starts);
  const predSet = new Set(spans.map((s) => contentIndex(at, s.start)));
  const missed = starts.filter((b) => !predSet.has(b));
  const extra = [...predSet].filter((b) => !goldSet.has(b));
  score.tp += predSet.size - extra.length;
  score.fp += extra.length;
  score.fn += missed.length;
  return { exact, missed: missed.map((b) => at[b] ?? gold.text.length), extra: extra.map((b) => at[b] ?? gold.text.length), located: true };
}

const row = (name: string, s: SentenceScore) => {
  const { precision, recall, f1 } = prf(s.tp, s.fp, s.fn);
  return [name, s.cases, s.exact, s.cases ? s.exact / s.cases : 0, precision, recall, f1];
};

const context = (text: string, at: number) =>
  `${text.slice(Math.max(0, at - 60), at).replace(/\s+/g, ' ')} ‖ ${text.slice(at, at + 60).replace(/\s+/g, ' ')}`;

function asGold(record: GoldRecord, index: number): SentenceGold {
  const { text, sentences } = record;
  if (typeof text !== 'string' || !Array.isArray(sentences)) {
    throw new Error(`sentences gold record ${record.id ?? `#${index + 1}`}: needs "text" and "sentences"`);
  }
  return { id: String(record.id ?? index + 1), lang: String(record.lang ?? 'und'), text, sentences: sentences.map(String) };
}

export const evaluator: StageEvaluator = {
  name: 'sentences',
  async evaluate(records, { config }): Promise<EvalResult> {
    const stage = createSentencesStage(config);
    await stage.init?.();
    const ours = emptyScore();
    const icu = emptyScore();
    const byLang = new Map<string, { ours: SentenceScore; icu: SentenceScore }>();
    const examples: (EvalExample & { weight: number })[] = [];
    const predictions: Record<string, unknown>[] = [];
    let unlocatable = 0;

    for (const [index, record] of records.entries()) {
      const gold = asGold(record, index);
      const doc = createDoc({ id: gold.id, source: 'gold', text: gold.text, lang: gold.lang });
      await stage.process?.(doc);
      const spans = doc.sentences;
      const baseline = intlSentences(gold.text, gold.lang);
      let lang = byLang.get(gold.lang);
      if (!lang) byLang.set(gold.lang, (lang = { ours: emptyScore(), icu: emptyScore() }));
      const result = scoreCase(ours, gold, spans);
      scoreCase(lang.ours, gold, spans);
      scoreCase(icu, gold, baseline);
      scoreCase(lang.icu, gold, baseline);
      if (!result.located) unlocatable++;
      predictions.push({ id: gold.id, lang: gold.lang, sentences: spans.map((s) => gold.text.slice(s.start, s.end)) });
      if (!result.exact) {
        const weight = result.missed.length + result.extra.length;
        for (const at of result.missed.slice(0, 2)) examples.push({ id: gold.id, kind: 'miss', text: context(gold.text, at), detail: 'gold boundary not found', weight });
        for (const at of result.extra.slice(0, 2)) examples.push({ id: gold.id, kind: 'false', text: context(gold.text, at), detail: 'boundary not in gold', weight });
        if (!weight) examples.push({ id: gold.id, kind: 'wrong', text: gold.sentences.join(' | '), detail: result.located ? 'boundaries right, sentence content differs' : 'gold sentences deleted text (not found in it)', weight });
      }
    }

    const overall = prf(ours.tp, ours.fp, ours.fn);
    const columns = ['splitter', 'cases', 'exact', 'exactMatch', 'precision', 'recall', 'f1'];
    const tables: EvalTable[] = [
      { title: `stage vs plain Intl.Segmenter (${COMPARISON}; boundary = sentence start)`, columns, rows: [row('stage', ours), row('Intl.Segmenter', icu)] },
      {
        title: 'per language: stage vs Intl.Segmenter',
        columns: ['lang', 'cases', 'exactMatch', 'icu exactMatch', 'f1', 'icu f1'],
        rows: [...byLang.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, s]) => [code, s.ours.cases, s.ours.exact / s.ours.cases, s.icu.exact / s.icu.cases, prf(s.ours.tp, s.ours.fp, s.ours.fn).f1, prf(s.icu.tp, s.icu.fp, s.icu.fn).f1]),
      },
    ];
    if (unlocatable) {
      tables.push({
        title: 'cases whose gold sentences are not in the text even as content (the gold deleted text): no span output can match them',
        columns: ['cases', 'exactMatch without them'],
        rows: [[unlocatable, ours.cases > unlocatable ? ours.exact / (ours.cases - unlocatable) : 0]],
      });
    }
    examples.sort((a, b) => b.weight - a.weight);
    return {
      records: records.length,
      metrics: { exactMatch: ours.cases ? ours.exact / ours.cases : 0, precision: overall.precision, recall: overall.recall, f1: overall.f1 },
      tables,
      examples: examples.map(({ weight: _weight, ...e }) => e),
      predictions,
    };
  },
};
