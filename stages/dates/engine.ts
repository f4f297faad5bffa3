/**
 * The rule engine both languages share: rules propose candidate spans, the longest
 * non-overlapping ones are kept, and they are resolved in text order against the anchor and
 * what the text said before (the last day, month and quarter it talked about).
 */
import type { Timex, TimexType } from '../../pipeline/layers.ts';
import { addDays, compareDays, daysBetween, daysInMonth, formatDay, type Day } from './calendar.ts';

export interface TimexValue {
  type: TimexType;
  value: string;
  value_end?: string;
  mod?: string;
}

/** What a rule sees when it turns a match into a value. */
export interface Resolver {
  readonly text: string;
  /** The document creation time, or null when none is known. */
  readonly anchor: Day | null;
  /** What the text has talked about so far (updated as timexes resolve, in text order). */
  readonly state: DiscourseState;
  /** Whether the sentence around [start, end) presents its event as still to come. */
  future(start: number, end: number): boolean;
  /** What the span itself says: 'past' (vừa qua, last, ago), 'future' (tới, next) or null. */
  spanTense(start: number, end: number): 'past' | 'future' | null;
  /** Year for a month (and day) printed without one, or null when it cannot be known. */
  yearFor(month: number, day: number | null, start: number, end: number): number | null;
}

export interface DiscourseState {
  /** The last single calendar day the text reports as having happened (year null when unknown). */
  lastDay: { y: number | null; m: number; d: number } | null;
  /** The quarter results are reported for; `reported` when the text said so ("ended Sept. 30", "posted"). */
  lastQuarter: { y: number; q: number; at: number; reported: boolean } | null;
  /** The last explicit year printed. */
  lastYear: number | null;
  /** The last month (or day's month) with a year the text talked about ("the following month"). */
  lastMonth: { y: number; m: number } | null;
  /** The last stretch of a report the text talked about ("the first nine months"): what a later "period" may mean. */
  lastStretch: { value: string; at: number } | null;
}

export interface Candidate {
  start: number;
  end: number;
  /** Breaks ties between candidates of the same length: higher wins. */
  priority: number;
  resolve(r: Resolver): TimexValue | null;
}

/** A candidate spanning the whole match, with a value or a function of the resolver (and the span) that gives one. */
export function fixed(
  m: RegExpExecArray,
  v: TimexValue | ((r: Resolver, span: { start: number; end: number }) => TimexValue | null),
): Omit<Candidate, 'priority'> {
  const span = { start: m.index, end: m.index + m[0].length };
  return { ...span, resolve: typeof v === 'function' ? (r) => v(r, span) : () => v };
}

export interface Rule {
  /** Must carry the `g` flag. */
  re: RegExp;
  priority?: number;
  /**
   * A cheap regex (`g` flag) every match must contain: the rule then runs only in windows of
   * `reach` characters around its hits, which keeps the stage fast on long dumps.
   */
  trigger?: RegExp;
  /** Characters a match may extend before and after a trigger hit (default 48 and 72). */
  reach?: [number, number];
  /** A candidate for the match, or null to reject it. May narrow the span. */
  make(m: RegExpExecArray, text: string): Omit<Candidate, 'priority'> | Omit<Candidate, 'priority'>[] | null;
}

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';

/** Merged [start, end) windows around the trigger's hits, widened to white space. */
export function triggerWindows(trigger: RegExp, text: string, [before, after]: [number, number] = [48, 72]): [number, number][] {
  const out: [number, number][] = [];
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    let s = Math.max(0, m.index - before);
    while (s > 0 && !isSpace(text[s - 1])) s--;
    let e = Math.min(text.length, m.index + m[0].length + after);
    while (e < text.length && !isSpace(text[e])) e++;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function runOne(rule: Rule, text: string, from: number, to: number, into: Candidate[]): void {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const re = rule.re;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    m.index += from;
    const made = rule.make(m, text);
    if (!made) continue;
    for (const c of Array.isArray(made) ? made : [made]) {
      if (c.end > c.start) into.push({ ...c, priority: rule.priority ?? 0 });
    }
  }
}

export function runRules(rules: Rule[], text: string, into: Candidate[] = []): Candidate[] {
  for (const rule of rules) {
    if (!rule.trigger) runOne(rule, text, 0, text.length, into);
    else for (const [s, e] of triggerWindows(rule.trigger, text, rule.reach)) runOne(rule, text, s, e, into);
  }
  return into;
}

/** Longest candidates first, then by priority; a candidate overlapping a kept one goes. */
export function selectCandidates(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export interface FutureSignals {
  /** Words (regex source) that mark a sentence as talking about what is to come. */
  future: RegExp;
}

const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? \n
const isBlank = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160;

/** Bounds of the sentence around [start, end): a . ! ? followed by white space, or a line break. */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0) {
    const prev = text.charCodeAt(s - 1);
    if (isSentenceEnd(prev) && (prev === 10 || s >= text.length || isBlank(text.charCodeAt(s)))) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (isSentenceEnd(c) && (e + 1 >= text.length || isBlank(text.charCodeAt(e + 1)))) break;
    e++;
  }
  return [s, e];
}

export interface TenseCues {
  /** In the sentence: it talks about what is to come. */
  future: RegExp;
  /** In the span itself: settles the tense whatever the sentence says. */
  spanPast: RegExp;
  spanFuture: RegExp;
  /** Right before the date: a verb that has happened ("bought in February", "since March"). */
  past?: RegExp;
  /**
   * For a date that opens its sentence ("In January, American Medical brought in ..."): the tense
   * of the clause it governs, read from the words after it.
   */
  opening?: (after: string) => 'past' | 'future' | null;
  /** Whether the verb governing a date presents it as coming, read from its clause ("would leave ... on March 30"). */
  clauseAhead?: (text: string, start: number, end: number) => boolean;
  /** What may stand before a date that opens its sentence ("In", "In early"). */
  openingLead?: RegExp;
  /** How many characters before a date the sentence-level cues are looked for. */
  window: number;
}

export function resolveCandidates(text: string, anchor: Day | null, candidates: Candidate[], cues: TenseCues): Timex[] {
  const state: DiscourseState = { lastDay: null, lastQuarter: null, lastYear: null, lastMonth: null, lastStretch: null };
  const resolver: Resolver = {
    text,
    anchor,
    state,
    spanTense(start, end) {
      const span = text.slice(start, end);
      if (cues.spanPast.test(span)) return 'past';
      if (cues.spanFuture.test(span)) return 'future';
      return null;
    },
    future(start, end) {
      const tense = this.spanTense(start, end);
      if (tense) return tense === 'future';
      // the clause around the date: its sentence, at most a few words before and after
      const [s, e] = sentenceBounds(text, start, end);
      return cues.future.test(text.slice(Math.max(s, start - cues.window), Math.min(e, end + 20)));
    },
    yearFor(month, day, start, end) {
      if (!anchor) return null;
      const coming = this.future(start, end) || (cues.clauseAhead?.(text, start, end) ?? false);
      let tense = this.spanTense(start, end);
      // 'since March' is behind the anchor whatever else the sentence plans
      if (!tense && cues.past?.test(text.slice(Math.max(0, start - 30), start))) tense = 'past';
      if (!tense && cues.opening && cues.openingLead) {
        const [s] = sentenceBounds(text, start, end);
        if (cues.openingLead.test(text.slice(s, start))) {
          const t = cues.opening(text.slice(end, end + 80));
          if (t) return nearestYear(anchor, month, day ?? 15, t, t === 'future');
        }
      }
      return nearestYear(anchor, month, day ?? 15, tense, coming);
    },
  };
  const out: Timex[] = [];
  const yearless: boolean[] = [];
  /** Values computed from what the text said before ("the next morning"): they lend no year. */
  const lends: boolean[] = [];
  for (const c of candidates) {
    const v = c.resolve(resolver);
    if (!v) continue;
    const timex: Timex = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: v.type, value: v.value };
    if (v.value_end) timex.value_end = v.value_end;
    if (v.mod) timex.mod = v.mod;
    out.push(timex);
    yearless.push((v as { yearless?: boolean }).yearless === true);
    lends.push(!(v as { derived?: boolean }).derived);
    if (!(v as { derived?: boolean }).derived) rememberValue(v, state, anchor, resolver.future(c.start, c.end), c.start);
  }
  lendYears(text, out, yearless, lends);
  orderRanges(text, out, yearless);
  return out;
}

/** 'tháng 3 và tháng 6/2014', 'May and June 1990': a year printed on the last part applies to the first. */
const COORDINATION = /^\s*(?:,|và|hoặc|hay|đến|tới|-|–|and|or|to|through|until)\s*$/iu;

/** 'từ tháng 4 đến tháng 9', 'from May to July': the end of a year-less range does not come before its start. */
const RANGE_LINK = /^\s*(?:đến|tới|-|–|to|through|until)\s*$/iu;

function orderRanges(text: string, timexes: Timex[], yearless: boolean[]): void {
  for (let i = 0; i + 1 < timexes.length; i++) {
    const a = timexes[i];
    const b = timexes[i + 1];
    // both ends at the same level of detail: 'a revision Friday to December's figures' is no range
    if (!yearless[i + 1] || !/^\d{4}-\d{2}/.test(a.value) || !/^\d{4}-\d{2}/.test(b.value) || a.value.length !== b.value.length) continue;
    if (!RANGE_LINK.test(text.slice(a.end, b.start))) continue;
    let year = +a.value.slice(0, 4);
    if (b.value.slice(4) < a.value.slice(4)) year++;
    b.value = String(year).padStart(4, '0') + b.value.slice(4);
  }
}

function lendYears(text: string, timexes: Timex[], yearless: boolean[], lends: boolean[]): void {
  for (let i = timexes.length - 2; i >= 0; i--) {
    if (!yearless[i]) continue;
    const next = timexes[i + 1];
    if (yearless[i + 1] || !lends[i + 1] || !/^\d{4}-\d{2}/.test(next.value)) continue;
    if (!COORDINATION.test(text.slice(timexes[i].end, next.start))) continue;
    const year = next.value.slice(0, 4);
    const t = timexes[i];
    t.value = year + t.value.slice(4);
    if (t.value_end) t.value_end = year + t.value_end.slice(4);
    yearless[i] = false;
  }
}

/**
 * News reports what just happened or is about to (dates/GUIDELINES.md 5.2): of the readings a
 * year apart, the nearest wins, a reading after the anchor counting double unless the text
 * presents the date as coming (then one before it counts half as much again: what was "coming"
 * may be reported speech from before the anchor); a span that says 'vừa qua' or 'last' rules
 * out later readings. Around New Year the nearer reading wins by itself.
 */
export function nearestYear(anchor: Day, month: number, day: number, tense: 'past' | 'future' | null, coming = tense === 'future'): number {
  let best = anchor.y;
  let bestCost = Infinity;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    // Feb. 29 of a common year counts as the 28th; the 31st stays the 31st (it may lie past a near anchor)
    const gap = daysBetween(anchor, { y, m: month, d: Math.min(day, daysInMonth(y, month)) });
    if (tense === 'past' && gap > 1) continue;
    const cost = gap <= 0 ? -gap * (coming ? 1.5 : 1) : gap * (coming ? 1 : 2);
    if (cost < bestCost) {
      bestCost = cost;
      best = y;
    }
  }
  return best;
}

/** Marks a value whose year was not printed, so that a coordinated date may lend it one. */
export function withYearless(v: TimexValue, yearless: boolean): TimexValue {
  if (yearless) Object.defineProperty(v, 'yearless', { value: true, enumerable: false });
  return v;
}

/** Marks a value computed from the discourse state ('a year earlier'): it does not move the state. */
export function derived(v: TimexValue): TimexValue {
  Object.defineProperty(v, 'derived', { value: true, enumerable: false });
  return v;
}

/** Marks a stretch a report gives results for ("the first nine months"): a later "the year-earlier period" may mean it. */
export function stretch(v: TimexValue): TimexValue {
  Object.defineProperty(v, 'stretch', { value: true, enumerable: false });
  return v;
}

/** Marks a period the text reports as over ("the fourth quarter ended Sept. 30"): it becomes the reference. */
export function reported(v: TimexValue): TimexValue {
  Object.defineProperty(v, 'reported', { value: true, enumerable: false });
  return v;
}

/** The quarter the text talked about within the last `window` characters before `at`. */
export function recentQuarter(state: DiscourseState, at: number, window = 400): DiscourseState["lastQuarter"] {
  const q = state.lastQuarter;
  return q && at - q.at <= window ? q : null;
}

/** Records a resolved value as the day/quarter the text now talks about. */
export function rememberValue(v: TimexValue, state: DiscourseState, anchor: Day | null, future: boolean, at = 0): void {
  if ((v as { stretch?: boolean }).stretch) state.lastStretch = { value: v.value, at };
  if (v.type !== 'DATE' && v.type !== 'TIME') return;
  const day = /^(\d{4}|XXXX)-(\d{2})-(\d{2})/.exec(v.value);
  // a single day the text reports as done (not one still to come, not a range) becomes the reference
  if (day && !v.value_end && !future) {
    const d = { y: day[1] === 'XXXX' ? null : +day[1], m: +day[2], d: +day[3] };
    if (!anchor || d.y === null || compareDays(d as Day, addDays(anchor, 1)) <= 0) state.lastDay = d;
  }
  const q = /^(\d{4})-Q(\d)$/.exec(v.value);
  // a quarter not yet over ("the third quarter of 1990", this quarter's outlook) is not the one results are reported for
  const isReported = (v as { reported?: boolean }).reported === true;
  if (q && (!anchor || isReported || +q[1] * 4 + +q[2] < anchor.y * 4 + Math.ceil(anchor.m / 3))) {
    // a quarter mentioned in passing ("after a flat second quarter") does not displace the one reported on
    const held = state.lastQuarter;
    if (held?.reported && !isReported) held.at = at;
    else state.lastQuarter = { y: +q[1], q: +q[2], at, reported: isReported };
  }
  const y = /^(\d{4})/.exec(v.value);
  if (y) state.lastYear = +y[1];
  const month = /^(\d{4})-(\d{2})/.exec(v.value);
  if (month) state.lastMonth = { y: +month[1], m: +month[2] };
}

/**
 * The day an anaphoric 'the same day' points to: the last reported day when it is within
 * `maxGap` days of the anchor (a clock time with no date takes the story's day whatever the gap).
 */
export function referenceDay(state: DiscourseState, anchor: Day | null, shift = 0, maxGap = 3): string {
  const last = state.lastDay;
  if (last && (!anchor || (last.y !== null && Math.abs(daysBetween(anchor, last as Day)) <= maxGap))) {
    const moved = addDays({ y: last.y ?? 2001, m: last.m, d: last.d }, shift);
    return last.y === null ? `XXXX-${String(moved.m).padStart(2, '0')}-${String(moved.d).padStart(2, '0')}` : formatDay(moved);
  }
  return anchor ? formatDay(addDays(anchor, shift)) : 'XXXX-XX-XX';
}
