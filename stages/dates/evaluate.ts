/** `newsnlp eval dates`: the stage against TIMEX3 gold, chrono-node alone side by side. */
import { defaultConfig } from '../../pipeline/config.ts';
import { createDoc } from '../../pipeline/doc.ts';
import type { EvalExample, EvalResult, EvalTable, GoldRecord, StageEvaluator } from '../../pipeline/evaluate/contract.ts';
import type { Timex } from '../../pipeline/layers.ts';
import { codePointMapper, utf16Mapper } from '../../pipeline/offsets.ts';
import { parseDay } from './calendar.ts';
import { chronoAlone } from './chrono.ts';
import { createDatesStage } from './index.ts';
import { addRecord, align, emptyCounts, metricsOf, type GoldTimex, type TimexCounts } from './score.ts';

interface DatesGold {
  id: string;
  lang: string;
  dct: string | null;
  text: string;
  timexes: GoldTimex[];
  complete: boolean;
}

function asGold(record: GoldRecord, index: number): DatesGold {
  const { text, timexes } = record;
  const id = String(record.id ?? `#${index + 1}`);
  if (typeof text !== 'string' || !Array.isArray(timexes)) throw new Error(`dates gold record ${id}: needs "text" and "timexes"`);
  const toUtf16 = utf16Mapper(text);
  return {
    id,
    lang: String(record.lang ?? 'und'),
    dct: typeof record.dct === 'string' ? record.dct : null,
    text,
    complete: record.complete !== false,
    timexes: (timexes as GoldTimex[]).map((t) => ({ ...t, start: toUtf16(t.start), end: toUtf16(t.end) })),
  };
}

type Side = { ours: TimexCounts; chrono: TimexCounts };
const side = (): Side => ({ ours: emptyCounts(), chrono: emptyCounts() });
const group = (map: Map<string, Side>, key: string) => {
  let s = map.get(key);
  if (!s) map.set(key, (s = side()));
  return s;
};

const fmt = (x: number | null) => (x === null ? '—' : Number(x.toFixed(3)));
const context = (text: string, t: { start: number; end: number }) =>
  `${text.slice(Math.max(0, t.start - 40), t.start)}[${text.slice(t.start, t.end)}]${text.slice(t.end, t.end + 30)}`.replace(/\s+/g, ' ');

/** A source name for the per-file table: the id up to its first slash (`en-tbaq`, `vi-news`, ...). */
const sourceOf = (id: string) => (id.includes('/') ? id.split('/')[0] : 'other');

export const evaluator: StageEvaluator = {
  name: 'dates',
  async evaluate(records, { config }): Promise<EvalResult> {
    const all = side();
    const byType = new Map<string, Side>();
    const bySource = new Map<string, Side>();
    const examples: EvalExample[] = [];
    const predictions: Record<string, unknown>[] = [];

    for (const [index, record] of records.entries()) {
      const gold = asGold(record, index);
      // the gold dct stands for the article's date; without one the stage infers or stays year-less
      const stage = createDatesStage({ ...(config ?? defaultConfig()), dct: gold.dct ?? undefined });
      const doc = createDoc({ id: gold.id, source: 'gold', text: gold.text, lang: gold.lang });
      await stage.process?.(doc);
      const ours = doc.dates;
      const baseline = chronoAlone(gold.text, gold.lang, parseDay(gold.dct));

      for (const [name, predicted] of [['ours', ours], ['chrono', baseline]] as const) {
        const { pairs, extra } = align(gold.timexes, predicted);
        addRecord(all[name], pairs, predicted.length, gold.complete);
        addRecord(group(bySource, sourceOf(gold.id))[name], pairs, predicted.length, gold.complete);
        for (const type of ['DATE', 'TIME', 'DURATION', 'SET']) {
          const typed = pairs.filter((p) => p.gold.type === type);
          // extra predictions count against precision only where the record is complete
          const extraOfType = gold.complete ? extra.filter((p) => p.type === type).length : 0;
          const predictedOfType = typed.filter((p) => p.predicted).length + extraOfType;
          if (typed.length || extraOfType) addRecord(group(byType, type)[name], typed, predictedOfType, gold.complete);
        }
        if (name !== 'ours') continue;
        for (const { gold: g, predicted: p } of pairs) {
          if (!p) examples.push({ id: gold.id, kind: 'miss', text: context(gold.text, g), detail: `${g.type} ${g.value}` });
          else if (p.value !== g.value) examples.push({ id: gold.id, kind: 'wrong', text: context(gold.text, p), detail: `gold ${g.type} ${g.value} [${gold.text.slice(g.start, g.end)}], got ${p.type} ${p.value}` });
        }
        if (gold.complete) for (const p of extra) examples.push({ id: gold.id, kind: 'false', text: context(gold.text, p), detail: `${p.type} ${p.value}` });
      }
      const toCp = codePointMapper(gold.text);
      predictions.push({
        id: gold.id,
        lang: gold.lang,
        dct: doc.anchor?.value ?? null,
        anchor: doc.anchor,
        text: gold.text,
        timexes: ours.map((t: Timex) => ({ ...t, start: toCp(t.start), end: toCp(t.end) })),
        complete: true,
      });
    }

    const m = metricsOf(all.ours);
    const c = metricsOf(all.chrono);
    const columns = ['', 'gold', 'strictF1', 'relaxedF1', 'valueF1', 'valueRecall', 'valueAccuracy', 'typeAccuracy', 'chrono valueF1', 'chrono valueRecall', 'chrono valueAccuracy'];
    const rowOf = (name: string, s: Side) => {
      const o = metricsOf(s.ours);
      const b = metricsOf(s.chrono);
      return [name, s.ours.gold, fmt(o.strictF1), fmt(o.relaxedF1), fmt(o.valueF1), fmt(o.valueRecall), fmt(o.valueAccuracy), fmt(o.typeAccuracy), fmt(b.valueF1), fmt(b.valueRecall), fmt(b.valueAccuracy)];
    };
    const tables: EvalTable[] = [
      { title: 'dates: stage vs chrono-node alone', columns, rows: [rowOf('all', all)] },
      { title: 'per gold type (precision counts predictions of that type)', columns, rows: ['DATE', 'TIME', 'DURATION', 'SET'].filter((t) => byType.has(t)).map((t) => rowOf(t, byType.get(t)!)) },
      { title: 'per source file', columns, rows: [...bySource.keys()].sort().map((k) => rowOf(k, bySource.get(k)!)) },
    ];
    const order = { wrong: 0, miss: 1, false: 2 };
    examples.sort((a, b) => order[a.kind] - order[b.kind]);
    return {
      records: records.length,
      metrics: {
        strictF1: m.strictF1,
        relaxedF1: m.relaxedF1,
        valueF1: m.valueF1,
        valueAccuracy: m.valueAccuracy,
        typeAccuracy: m.typeAccuracy,
      },
      tables: [...tables, { title: 'recall and precision behind the F1s (stage / chrono)', columns: ['', 'valuePrecision', 'valueRecall', 'relaxedRecall'], rows: [['stage', fmt(m.valuePrecision), fmt(m.valueRecall), fmt(m.relaxedRecall)], ['chrono', fmt(c.valuePrecision), fmt(c.valueRecall), fmt(c.relaxedRecall)]] }],
      examples,
      predictions,
    };
  },
};
