/** Pure calendar arithmetic on plain {y, m, d} days (proleptic Gregorian, UTC, no clock). */

export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatYear(y: number): string {
  return y < 0 ? `BC${pad(-y, 4)}` : pad(y, 4);
}
export const formatMonth = (y: number, m: number) => `${formatYear(y)}-${pad(m)}`;
export const formatDay = (day: Day) => `${formatYear(day.y)}-${pad(day.m)}-${pad(day.d)}`;

/** `2016-07-13` (or a longer ISO timestamp) to a Day; null when it does not start with a date. */
export function parseDay(iso: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

const toEpoch = (day: Day) => Date.UTC(day.y, day.m - 1, day.d) / 86_400_000;
function fromEpoch(days: number): Day {
  const t = new Date(days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export const addDays = (day: Day, n: number): Day => fromEpoch(toEpoch(day) + n);
export const daysBetween = (a: Day, b: Day): number => toEpoch(b) - toEpoch(a);
export const compareDays = (a: Day, b: Day): number => toEpoch(a) - toEpoch(b);

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y === 0 ? 2000 : y, m);
}

/** ISO weekday, Monday = 1 .. Sunday = 7. */
export function weekday(day: Day): number {
  const w = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week: the week-year and week number (`2013-W43`). */
export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

export function formatWeek(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${formatYear(y)}-W${pad(w)}`;
}

export const quarterOf = (m: number) => Math.ceil(m / 3);
