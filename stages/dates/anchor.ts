/** The document creation time: the article's own date, the run's --dct, or one the text gives away. */
import type { DateAnchor } from '../../pipeline/layers.ts';
import { formatDay, isValidDay, parseDay, type Day } from './calendar.ts';

export interface KnownDates {
  /** The article's `published` field. */
  published?: string | null;
  /** The run's `--dct`. */
  dct?: string | null;
}

const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Every fully printed day in the text (day, month and year), in text order. */
export function fullDates(text: string): { day: Day; index: number }[] {
  const out: { day: Day; index: number }[] = [];
  const push = (y: number, m: number, d: number, index: number) => {
    if (y >= 1900 && y <= 2100 && isValidDay(y, m, d)) out.push({ day: { y, m, d }, index });
  };
  for (const m of text.matchAll(/(?<![\d/.])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])/g)) push(+m[4], +m[3], +m[1], m.index);
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})(?!\d)/giu)) push(+m[3], +m[2], +m[1], m.index);
  for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) push(+m[1], +m[2], +m[3], m.index);
  for (const m of text.matchAll(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/g)) push(+m[3], EN_MONTHS[m[1].toLowerCase()], +m[2], m.index);
  for (const m of text.matchAll(/\b(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})\b/g)) push(+m[3], EN_MONTHS[m[2].toLowerCase()], +m[1], m.index);
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The anchor relative expressions resolve against. Given dates win (`published`, then `dct`);
 * otherwise a dateline in the first lines, else the latest full date the text prints, marked
 * `inferred`; with none, `none` (year-less dates then stay XXXX).
 */
export function inferAnchor(text: string, _lang = 'und', known: KnownDates = {}): DateAnchor {
  const published = parseDay(known.published);
  if (published) return { value: formatDay(published), source: 'published' };
  const dct = parseDay(known.dct);
  if (dct) return { value: formatDay(dct), source: 'dct' };
  const dates = fullDates(text);
  if (!dates.length) return { value: null, source: 'none' };
  // a dateline: a full date within the first 150 characters
  const dateline = dates.find((d) => d.index < 150);
  const pick = dateline ?? dates.reduce((a, b) => (formatDay(b.day) > formatDay(a.day) ? b : a));
  return { value: formatDay(pick.day), source: 'inferred' };
}
