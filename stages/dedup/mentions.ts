import type { Timex } from '../../pipeline/layers.ts';

/**
 * When an article carries no publication date, the dates it mentions stand in for it: articles
 * about one story mention the same days and months. A mention is an interval of days, in a
 * known year (`2014-04`, `2016-07-13`) or with the year unknown (`XXXX-07-13`, from a text
 * that says only "13/7"); mentions coarser than a month are left out.
 */
export type DateMention = [year: number | null, from: number, to: number];

const DAY = 86_400_000;

function parse(value: string): { year: number | null; month: number; day: number | null } | null {
  const m = /^(\d{4}|XXXX)-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: m[1] === 'XXXX' ? null : Number(m[1]), month, day: m[3] ? Number(m[3]) : null };
}

/** Day number: days since 1970 for a known year, else day of a leap year (0..365). */
function dayNumber(year: number | null, month: number, day: number): number {
  const t = Date.UTC(year ?? 2000, month - 1, day);
  return year === null ? Math.round((t - Date.UTC(2000, 0, 1)) / DAY) : Math.round(t / DAY);
}

function lastDay(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

export function dateMentions(timexes: Timex[], limit = 24): DateMention[] {
  const out: DateMention[] = [];
  const seen = new Set<string>();
  for (const t of timexes) {
    if (t.type !== 'DATE') continue;
    const a = parse(t.value);
    if (!a) continue;
    const b = (t.value_end && parse(t.value_end)) || a;
    if (b.year !== a.year) continue;
    const from = dayNumber(a.year, a.month, a.day ?? 1);
    const to = dayNumber(b.year, b.month, b.day ?? lastDay(b.year, b.month));
    if (to < from) continue;
    const key = `${a.year}:${from}:${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([a.year, from, to]);
    if (out.length >= limit) break;
  }
  return out;
}

/** Smallest gap in days between two sets of mentions (year-less ones compared on a circular year), or null when none compare. */
export function mentionGap(a: DateMention[], b: DateMention[]): number | null {
  let best: number | null = null;
  for (const [ya, fa, ta] of a) {
    for (const [yb, fb, tb] of b) {
      if ((ya === null) !== (yb === null)) continue;
      let gap = Math.max(0, fb - ta, fa - tb);
      if (ya === null && gap > 0) gap = Math.min(gap, Math.max(0, fa + 366 - tb), Math.max(0, fb + 366 - ta));
      if (best === null || gap < best) best = gap;
    }
  }
  return best;
}
