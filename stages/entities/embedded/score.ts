/** CoNLL-style exact span + label counting, shared by training's dev report and the evaluator. */
import type { Span } from '../../../pipeline/layers.ts';
import { prf, type PRF } from '../../../pipeline/evaluate/metrics.ts';

export interface LabelledSpan extends Span {
  label: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export class SpanScore {
  readonly byLabel = new Map<string, Counts>();

  private counts(label: string): Counts {
    let c = this.byLabel.get(label);
    if (!c) this.byLabel.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  }

  /** Count one document; returns the gold spans missed and the predicted spans that are wrong. */
  add(gold: LabelledSpan[], predicted: LabelledSpan[]): { missed: LabelledSpan[]; wrong: LabelledSpan[] } {
    const key = (s: LabelledSpan) => `${s.start}:${s.end}:${s.label}`;
    const goldKeys = new Set(gold.map(key));
    const predKeys = new Set(predicted.map(key));
    const missed = gold.filter((s) => !predKeys.has(key(s)));
    const wrong = predicted.filter((s) => !goldKeys.has(key(s)));
    for (const s of gold) this.counts(s.label)[predKeys.has(key(s)) ? 'tp' : 'fn']++;
    for (const s of wrong) this.counts(s.label).fp++;
    return { missed, wrong };
  }

  total(): PRF & Counts {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const v of this.byLabel.values()) {
      c.tp += v.tp;
      c.fp += v.fp;
      c.fn += v.fn;
    }
    return { ...c, ...prf(c.tp, c.fp, c.fn) };
  }

  labels(): Record<string, PRF & { support: number }> {
    const out: Record<string, PRF & { support: number }> = {};
    for (const label of [...this.byLabel.keys()].sort()) {
      const c = this.byLabel.get(label)!;
      out[label] = { ...prf(c.tp, c.fp, c.fn), support: c.tp + c.fn };
    }
    return out;
  }
}
