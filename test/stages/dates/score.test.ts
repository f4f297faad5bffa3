import { describe, expect, it } from 'vitest';
import type { Timex } from '../../../pipeline/layers.ts';
import { addRecord, align, emptyCounts, metricsOf } from '../../../stages/dates/score.ts';

const t = (start: number, end: number, value: string, type = 'DATE'): Timex => ({ start, end, text: '', type: type as Timex['type'], value });

describe('TempEval-3-style scoring', () => {
  it('aligns overlapping spans one to one and scores strict, relaxed and value hits', () => {
    const gold = [t(0, 9, '2016-07-13'), t(20, 27, 'XXXX-04'), t(40, 45, 'P2Y', 'DURATION')];
    const predicted = [t(0, 9, '2016-07-13'), t(18, 27, '2016-04'), t(60, 64, 'PRESENT_REF')];
    const { pairs, extra } = align(gold, predicted);
    expect(extra).toHaveLength(1);
    const counts = emptyCounts();
    addRecord(counts, pairs, predicted.length, true);
    const m = metricsOf(counts);
    // strict 1/3 both ways, relaxed 2/3, value 1/3
    expect(m.strictF1).toBeCloseTo(1 / 3);
    expect(m.relaxedF1).toBeCloseTo(2 / 3);
    expect(m.valueF1).toBeCloseTo(1 / 3);
    expect(m.valueAccuracy).toBeCloseTo(1 / 2);
    expect(m.typeAccuracy).toBe(1);
  });

  it('scores no precision on incomplete records', () => {
    const counts = emptyCounts();
    const { pairs } = align([t(0, 5, '1975')], [t(0, 5, '1975'), t(10, 12, '1976')]);
    addRecord(counts, pairs, 2, false);
    const m = metricsOf(counts);
    expect(m.valueF1).toBeNull();
    expect(m.valueRecall).toBe(1);
    expect(m.valueAccuracy).toBe(1);
  });
});
