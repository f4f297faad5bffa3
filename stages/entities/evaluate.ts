/**
 * `newsnlp eval ner`: runs the sentences stage and then this stage on the gold text with the gold
 * language, and scores exact span + label, CoNLL-style micro P/R/F1, overall and per label.
 */
import { createDoc } from '../../pipeline/doc.ts';
import type { EvalExample, EvalResult, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import { codePointMapper } from '../../pipeline/offsets.ts';
import { createSentencesStage } from '../sentences/index.ts';
import { goldDoc } from './embedded/gold.ts';
import { SpanScore } from './embedded/score.ts';
import { createEntitiesStage } from './index.ts';

const MAX_EXAMPLES = 30;

function scriptOf(text: string): string {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyrillic > latin ? 'Cyrl' : 'Latn';
}

function context(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

export const evaluator: StageEvaluator = {
  name: 'ner',
  async evaluate(records: GoldRecord[], { config }): Promise<EvalResult> {
    const sentences = createSentencesStage(config);
    const entities = createEntitiesStage(config);
    await sentences.init?.();
    await entities.init?.();
    const score = new SpanScore();
    const predictions: Record<string, unknown>[] = [];
    const examples: (EvalExample & { weight: number })[] = [];
    const notes = new Map<string, number>();
    for (const [index, record] of records.entries()) {
      const id = String(record.id ?? `#${index + 1}`);
      let gold;
      try {
        gold = goldDoc(record);
      } catch (error) {
        throw new Error(`gold record ${id}: ${(error as Error).message}`);
      }
      const doc = createDoc({ id, source: 'gold', text: gold.text, lang: gold.lang });
      doc.language = { lang: gold.lang, script: scriptOf(gold.text), confidence: 1 };
      await sentences.process?.(doc);
      await entities.process?.(doc);
      for (const note of doc.notes) if (note.stage === 'entities') notes.set(note.message, (notes.get(note.message) ?? 0) + 1);
      const { missed, wrong } = score.add(gold.entities, doc.entities);
      const toCp = codePointMapper(gold.text);
      predictions.push({
        id,
        lang: gold.lang,
        text: gold.text,
        entities: doc.entities.map((e) => ({ start: toCp(e.start), end: toCp(e.end), label: e.label, score: e.score })),
      });
      const weight = missed.length + wrong.length;
      for (const m of missed) {
        const other = wrong.find((w) => w.start < m.end && m.start < w.end);
        examples.push({
          id,
          kind: other ? 'wrong' : 'miss',
          text: context(gold.text, m.start, m.end),
          detail: other ? `gold ${m.label} "${gold.text.slice(m.start, m.end)}", predicted ${other.label} "${gold.text.slice(other.start, other.end)}"` : `gold ${m.label}`,
          weight,
        });
      }
      for (const w of wrong) {
        if (missed.some((m) => w.start < m.end && m.start < w.end)) continue;
        examples.push({ id, kind: 'false', text: context(gold.text, w.start, w.end), detail: `predicted ${w.label}`, weight });
      }
    }
    const total = score.total();
    const byLabel = score.labels();
    examples.sort((a, b) => b.weight - a.weight);
    return {
      records: records.length,
      metrics: { precision: total.precision, recall: total.recall, f1: total.f1, byLabel },
      tables: [
        {
          title: 'NER, exact span and label (CoNLL micro)',
          columns: ['label', 'precision', 'recall', 'f1', 'gold'],
          rows: [
            ...Object.entries(byLabel).map(([label, s]) => [label, s.precision, s.recall, s.f1, s.support]),
            ['all', total.precision, total.recall, total.f1, total.tp + total.fn],
          ],
        },
        ...(notes.size
          ? [{ title: 'Stage notes', columns: ['note', 'records'], rows: [...notes].map(([note, n]) => [note, n]) }]
          : []),
      ],
      examples: examples.slice(0, MAX_EXAMPLES).map(({ weight: _, ...e }) => e),
      predictions,
    };
  },
};
