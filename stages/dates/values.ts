/** TIMEX3 value builders shared by the language rule sets. */
import {
  addDays,
  addMonths,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  isValidDay,
  quarterOf,
  weekday,
  type Day,
} from './calendar.ts';

/** Unit codes: Y, M, W, D, Q, DE, CE for dates; TH, TM, TS for clock units. */
export type Unit = 'Y' | 'M' | 'W' | 'D' | 'Q' | 'DE' | 'CE' | 'TH' | 'TM' | 'TS' | 'WE' | 'X';

/** `P2Y`, `PT30M`, `PXD`; `n` null for a vague amount; fractions go down one unit where TIMEX3 wants integers. */
export function durationValue(n: number | null, unit: Unit): string {
  if (unit === 'X') return 'PXX';
  if (unit === 'WE') return n === null ? 'PXWE' : `P${n}WE`;
  const clock = unit === 'TH' || unit === 'TM' || unit === 'TS';
  const code = clock ? unit.slice(1) : unit;
  const prefix = clock ? 'PT' : 'P';
  if (n === null) return `${prefix}X${code}`;
  if (!Number.isInteger(n)) {
    // 2 1/2 years is P2Y6M, 5 1/2 hours PT5H30M, half an hour PT30M
    const down: Partial<Record<Unit, [Unit, number]>> = { Y: ['M', 12], M: ['D', 30], W: ['D', 7], D: ['TH', 24], TH: ['TM', 60], TM: ['TS', 60], DE: ['Y', 10], CE: ['Y', 100] };
    const next = down[unit];
    const whole = Math.floor(n);
    const rest = (n - whole) * (next?.[1] ?? 0);
    if (next && Number.isInteger(rest)) {
      const tail = durationValue(rest, next[0]);
      if (!whole) return tail;
      const clockTail = next[0] === 'TH' || next[0] === 'TM' || next[0] === 'TS';
      return `${prefix}${whole}${code}${clockTail && !clock ? 'T' : ''}${tail.replace(/^PT?/, '')}`;
    }
  }
  return `${prefix}${n}${code}`;
}

/** The anchor moved by n units, written at the unit's level of detail ('3 months ago' is `2013-07`). */
export function shiftedValue(anchor: Day | null, n: number, unit: Unit): string {
  if (!anchor) return unit === 'Y' || unit === 'DE' || unit === 'CE' ? 'XXXX' : unit === 'M' ? 'XXXX-XX' : unit === 'W' ? 'XXXX-WXX' : 'XXXX-XX-XX';
  switch (unit) {
    case 'Y':
      return formatYear(anchor.y + n);
    case 'M': {
      const { y, m } = addMonths(anchor.y, anchor.m, n);
      return formatMonth(y, m);
    }
    case 'W':
      return formatWeek(addDays(anchor, 7 * n));
    case 'WE':
      return `${formatWeek(addDays(anchor, 7 * n))}-WE`;
    case 'Q': {
      const k = anchor.y * 4 + quarterOf(anchor.m) - 1 + n;
      return `${formatYear(Math.floor(k / 4))}-Q${(k % 4) + 1}`;
    }
    case 'DE':
      return anchor.y + 10 * n > 0 ? formatYear(anchor.y + 10 * n).slice(0, 3) : 'PAST_REF';
    case 'CE':
      return anchor.y + 100 * n > 0 ? formatYear(anchor.y + 100 * n).slice(0, 2) : 'PAST_REF';
    case 'TH':
    case 'TM':
    case 'TS':
    case 'D':
    default:
      return formatDay(addDays(anchor, n));
  }
}

/** `2016-07-13`, `XXXX-07-13` when the year is unknown; null for an impossible day. */
export function dayValue(y: number | null, m: number, d: number): string | null {
  if (!isValidDay(y ?? 2000, m, d)) return null;
  return y === null ? `XXXX-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : formatDay({ y, m, d });
}

export function monthValue(y: number | null, m: number): string {
  return y === null ? `XXXX-${String(m).padStart(2, '0')}` : formatMonth(y, m);
}

/**
 * The day a weekday names, next to the anchor: the latest one not after it, or the next one
 * when the sentence looks ahead.
 */
export function weekdayDay(anchor: Day, wd: number, future: boolean, shiftWeeks = 0): Day {
  const today = weekday(anchor);
  let delta = wd - today;
  if (future) {
    if (delta < 0) delta += 7;
  } else if (delta > 0) delta -= 7;
  return addDays(anchor, delta + 7 * shiftWeeks);
}

export function romanToInt(s: string): number {
  const map: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  const up = s.toUpperCase();
  for (let i = 0; i < up.length; i++) {
    const v = map[up[i]] ?? NaN;
    const next = map[up[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function centuryValue(n: number): string {
  return String(n - 1).padStart(2, '0');
}

