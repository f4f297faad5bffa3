/**
 * chrono-node as a source of calendar dates and clock times (the parts it parses well), and
 * as the baseline the evaluator shows side by side. Relative phrases ('two weeks ago', 'this
 * month') are left to the rule sets, which write TIMEX3 values at the right level of detail.
 */
import type * as chrono from 'chrono-node';
import type { Timex } from '../../pipeline/layers.ts';
import { lazyModule } from '../../pipeline/lazy-module.ts';
import { formatDay, type Day } from './calendar.ts';
import { referenceDay, triggerWindows, type Candidate, type Resolver, type TimexValue } from './engine.ts';
import { dayValue, monthValue, weekdayDay } from './values.ts';

type Parser = { parse(text: string, ref?: Date, options?: object): chrono.ParsedResult[] };

/** chrono-node, loaded on first use (~0.6 s in every thread; Vietnamese text never needs it). */
export const chronoLibrary = lazyModule<typeof chrono>('chrono-node');

/**
 * English chrono with only the parsers whose results the stage keeps (month names with a day,
 * weekdays, clock times): the relative-phrase parsers cost most of chrono's time and their
 * results go to the rule set anyway.
 */
function englishCalendar(): Parser {
  const keep = new Set(['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeExpressionParser', 'ENMonthNameParser', 'ENCasualTimeParser']);
  const custom = chronoLibrary().casual.clone();
  const parsers = custom.parsers.filter((p) => keep.has(p.constructor.name));
  // a chrono release that renames its parsers keeps working, only slower
  if (parsers.length >= 4) custom.parsers = parsers;
  return custom;
}

let enCalendar: Parser | undefined;

/** chrono's parser per language it has a locale for ('en': casual English). */
let locales: Map<string, Parser> | undefined;

export function chronoParser(lang: string): Parser | null {
  if (!locales) {
    const lib = chronoLibrary() as unknown as Record<string, Parser>;
    locales = new Map(['vi', 'de', 'fr', 'ja', 'pt', 'nl', 'zh', 'ru', 'es', 'uk', 'it', 'sv'].map((code) => [code, lib[code]]));
    locales.set('en', chronoLibrary().casual);
  }
  return locales.get(lang) ?? null;
}

interface Known {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
}

function known(c: chrono.ParsedComponents): Known {
  const get = (k: chrono.Component) => (c.isCertain(k) ? c.get(k) ?? undefined : undefined);
  return { year: get('year'), month: get('month'), day: get('day'), weekday: get('weekday'), hour: get('hour'), minute: get('minute') };
}

/** The value chrono's certain components support, at their level of detail. */
function valueOf(k: Known, r: Resolver, start: number, end: number, before: string): TimexValue | null {
  let date: string | null = null;
  if (k.month !== undefined && k.day !== undefined) {
    const y = k.year ?? r.yearFor(k.month, k.day, start, end);
    date = dayValue(y, k.month, k.day);
  } else if (k.weekday !== undefined) {
    const wd = k.weekday === 0 ? 7 : k.weekday;
    if (!r.anchor) date = `XXXX-WXX-${wd}`;
    else {
      // news reports what happened: a bare weekday is the latest one, unless the words say "next"
      const last = /\blast\s+$/i.test(before);
      const next = /\b(?:next|this\s+coming|coming)\s+$/i.test(before);
      const future = next;
      let day: Day = weekdayDay(r.anchor, wd, future);
      if (last && formatDay(day) === formatDay(r.anchor)) day = weekdayDay(r.anchor, wd, false, -1);
      date = formatDay(day);
    }
  } else if (k.month !== undefined && k.hour === undefined) {
    const y = k.year ?? r.yearFor(k.month, null, start, end);
    return { type: 'DATE', value: monthValue(y, k.month) };
  } else if (k.year !== undefined && k.hour === undefined) {
    return { type: 'DATE', value: String(k.year).padStart(4, '0') };
  }
  if (k.hour !== undefined) {
    const d = date ?? referenceDay(r.state, r.anchor, 0, Infinity);
    return { type: 'TIME', value: `${d}T${String(k.hour).padStart(2, '0')}:${String(k.minute ?? 0).padStart(2, '0')}` };
  }
  return date ? { type: 'DATE', value: date } : null;
}

const CALENDAR_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)day\b|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\bnoon\b|\bmidnight\b/;

/** Relative phrases and ranges go to the rule sets, which write TIMEX3 values for them. */
const RELATIVE_WORD = /\b(?:this|last|next|ago|today|yesterday|tomorrow|tonight|now|week|month|year|through|from|to|until|between|and)\b|[-–]/i;

export function chronoCandidates(text: string, lang: string): Candidate[] {
  const parser = lang === 'en' ? (enCalendar ??= englishCalendar()) : chronoParser(lang);
  if (!parser) return [];
  const out: Candidate[] = [];
  // chrono reads every position of what it is given: give it only the stretches around calendar words
  const stretches = lang === 'en' ? triggerWindows(CALENDAR_TRIGGER, text, [40, 40]) : [[0, text.length] as [number, number]];
  for (const [from, to] of stretches) {
    const slice = text.slice(from, to);
    for (const res of parser.parse(slice, new Date(Date.UTC(2000, 0, 1)))) {
      // calendar words only: chrono also reads fractions (7/8), prices ($3.625 a share) and name parts
      if (!CALENDAR_WORD.test(res.text) || RELATIVE_WORD.test(res.text)) continue;
      const k = known(res.start);
      // a lone month or year is the rule set's business (it knows "March for Life" and "May" the verb)
      if (k.day === undefined && k.weekday === undefined && k.hour === undefined) continue;
      // a clock reading needs a clock word: "6.43, on Friday" is an index value, "at 1,015 francs" a price
      if (k.hour !== undefined && !/\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\d:\d\d|\bnoon\b|\bmidnight\b/i.test(res.text)) continue;
      // the span without the prepositions and punctuation chrono takes in
      const lead = /^(?:(?:on|at|in|by|from|since|of)\s+)*/i.exec(res.text)![0].length;
      // (a closing bracket chrono takes in with the date is the sentence's: "(4 a.m. EDT Thursday)")
      const trimmed = res.text.slice(lead).replace(/[\s,.;:)]+$/, (t) => (/^\.$/.test(t) && /\b[A-Z][a-z]{2,3}\.$/.test(res.text) ? t : ''));
      const start = from + res.index + lead;
      const end = start + trimmed.length;
      const before = text.slice(Math.max(0, start - 20), start);
      out.push({ start, end, priority: -1, resolve: (r) => valueOf(k, r, start, end, before) });
    }
  }
  return out;
}

const CALENDAR_TRIGGER = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\d\s*(?:a\.m|p\.m|am\b|pm\b)|\d:\d\d|noon|midnight/g;

/** chrono-node alone: every result it finds, as a DATE (or TIME with a clock) at its certain level of detail. */
export function chronoAlone(text: string, lang: string, anchor: Day | null): Timex[] {
  const parser = chronoParser(lang);
  if (!parser) return [];
  const ref = anchor ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12)) : undefined;
  const out: Timex[] = [];
  for (const res of parser.parse(text, ref)) {
    const d = res.start.date();
    const c = res.start;
    const certainDay = c.isCertain('day') || c.isCertain('weekday') || !!anchor;
    let value: string;
    if (c.isCertain('day') || (anchor && (c.isCertain('weekday') || !c.isCertain('month')))) value = `${anchor || c.isCertain('year') ? String(d.getFullYear()).padStart(4, '0') : 'XXXX'}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    else if (c.isCertain('month')) value = `${c.isCertain('year') || anchor ? String(d.getFullYear()) : 'XXXX'}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    else if (c.isCertain('year')) value = String(d.getFullYear());
    else value = certainDay ? d.toISOString().slice(0, 10) : 'XXXX-XX-XX';
    const timed = c.isCertain('hour');
    if (timed) value += `T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    out.push({ start: res.index, end: res.index + res.text.length, text: res.text, type: timed ? 'TIME' : 'DATE', value });
  }
  return out;
}
