import { describe, expect, it } from 'vitest';
import { inferAnchor } from '../../../stages/dates/index.ts';
import { isoWeek } from '../../../stages/dates/calendar.ts';
import { nearestYear } from '../../../stages/dates/engine.ts';

describe('the anchor (document creation time)', () => {
  it('prefers the published date, then the run dct', () => {
    expect(inferAnchor('Ngày 13/7/2016 ...', 'vi', { published: '2016-07-14T08:00:00Z', dct: '2020-01-01' })).toEqual({ value: '2016-07-14', source: 'published' });
    expect(inferAnchor('text', 'vi', { dct: '2020-01-01' })).toEqual({ value: '2020-01-01', source: 'dct' });
  });

  it('infers it from a dateline or the latest full date, and says so', () => {
    expect(inferAnchor('HÀ NỘI 30/10/2013 - Sáng nay ...', 'vi')).toEqual({ value: '2013-10-30', source: 'inferred' });
    const far = `${'x '.repeat(100)}hạn chót ngày 25/10/2013, sau đó ngày 30.11.2013.`;
    expect(inferAnchor(far, 'vi')).toEqual({ value: '2013-11-30', source: 'inferred' });
    expect(inferAnchor('tháng 4/2014 và ngày 13/7', 'vi')).toEqual({ value: null, source: 'none' });
  });
});

describe('calendar and year resolution', () => {
  it('numbers ISO weeks', () => {
    expect(isoWeek({ y: 2013, m: 10, d: 23 })).toEqual({ y: 2013, w: 43 });
    expect(isoWeek({ y: 2016, m: 1, d: 1 })).toEqual({ y: 2015, w: 53 });
  });

  it('takes the nearest reading, leaning to the past unless the text looks ahead', () => {
    const anchor = { y: 2013, m: 10, d: 23 };
    expect(nearestYear(anchor, 9, 20, null)).toBe(2013);
    // two months ahead is nearer than ten months back
    expect(nearestYear(anchor, 12, 20, null)).toBe(2013);
    // May: five months back, unless the sentence says it is coming
    expect(nearestYear(anchor, 5, 20, null, false)).toBe(2013);
    expect(nearestYear(anchor, 5, 20, null, true)).toBe(2014);
    expect(nearestYear({ y: 2014, m: 1, d: 5 }, 12, 20, null)).toBe(2013);
    expect(nearestYear(anchor, 11, 3, 'past')).toBe(2012);
  });
});
