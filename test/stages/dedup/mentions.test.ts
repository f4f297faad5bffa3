import { describe, expect, it } from 'vitest';
import type { Timex } from '../../../pipeline/layers.ts';
import { dateMentions, mentionGap } from '../../../stages/dedup/mentions.ts';

const timex = (value: string, value_end?: string): Timex => ({ start: 0, end: 1, text: '', type: 'DATE', value, ...(value_end ? { value_end } : {}) });

describe('dates an article mentions', () => {
  it('keeps day and month mentions, with or without a year, and drops coarser ones', () => {
    const m = dateMentions([timex('XXXX-07-13'), timex('2014'), timex('2014-04'), timex('PRESENT_REF'), timex('XXXX-02-10', 'XXXX-02-11')]);
    expect(m).toHaveLength(3);
    expect(m[1][0]).toBe(2014);
  });

  it('measures the gap between mentions, year-less ones on a circular year', () => {
    const july = dateMentions([timex('XXXX-07-13')]);
    const april = dateMentions([timex('XXXX-04')]);
    expect(mentionGap(dateMentions([timex('XXXX-04-08')]), april)).toBe(0);
    expect(mentionGap(july, dateMentions([timex('XXXX-07-08', 'XXXX-07-09')]))).toBe(4);
    expect(mentionGap(dateMentions([timex('XXXX-12-30')]), dateMentions([timex('XXXX-01-02')]))).toBe(3);
    expect(mentionGap(july, dateMentions([timex('XXXX-10-20')]))!).toBeGreaterThan(90);
    // A year-less and a dated mention do not compare.
    expect(mentionGap(july, dateMentions([timex('2016-07-13')]))).toBeNull();
  });
});
