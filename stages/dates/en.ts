/** English news time expressions in the TimeBank / TempEval-3 (TIMEX3) conventions. */
import { readFileSync } from 'node:fs';
import { addDays, formatDay, formatWeek, formatYear, quarterOf, weekday as weekdayOf, type Day } from './calendar.ts';
import { derived, fixed, nearestYear, recentQuarter, referenceDay, reported, stretch, withYearless, type Candidate, type Resolver, type Rule, type TimexValue } from './engine.ts';
import { centuryValue, dayValue, durationValue as isoDuration, monthValue, shiftedValue, weekdayDay, type Unit } from './values.ts';

/**
 * A duration as TimeBank writes it in English: a counted decade in years (`two decades` P20Y), a
 * part of a quarter in months (P4.5M), an uncounted stretch of centuries or decades with one letter
 * (`centuries` PXC, `decades` PXE).
 */
function durationValue(n: number | null, unit: Unit): string {
  if (n !== null && unit === 'DE') return isoDuration(n * 10, 'Y');
  if (n !== null && unit === 'Q' && !Number.isInteger(n)) return isoDuration(n * 3, 'M');
  return isoDuration(n, unit).replace(/(?<=[\dX])CE$/, 'C').replace(/(?<=[\dX])DE$/, 'E');
}

interface EnWords {
  numbers: Record<string, number>;
  ordinals: Record<string, number>;
  vague: string[];
  months: Record<string, number>;
  weekdays: Record<string, number>;
  seasons: Record<string, string>;
  units: Record<string, string>;
  partsOfDay: Record<string, string>;
  /** "today's world", "today's personal computers": nouns after which "today's" means present-day, not the day. */
  presentDayNouns: string[];
}
const WORDS: EnWords = JSON.parse(readFileSync(new URL('./resources/en.json', import.meta.url), 'utf8'));

/** In the sentence: it talks about what is to come. */
export const EN_FUTURE = /\b(?:will|won't|'ll|shall|next(?!\s+(?:to|door|morning|day|afternoon|evening|night)\b)|coming|upcoming|scheduled|expected to|plans? to|planned|due to|is to|are to|tomorrow)\b/i;
/** Right before a date: it reports something done ("bought RJR in February", "since March", "ended Jan. 31"). */
export const EN_PAST = /\b(?:since|ended|bought|sold)\s+(?:\w+\s+){0,2}(?:in|on)?\s*$/i;
/** What may open a sentence before its date: "In January, ...", "In early March, ...". */
export const EN_OPENING_LEAD = /^\s*(?:(?:in|on|during|by|since|until|through)\s+)?(?:(?:early|late|mid)[-\s]+)?$/i;

/** Irregular past forms a news clause often turns on (regular ones end in -ed). */
const IRREGULAR_PAST = /^(?:was|were|had|did|said|told|brought|bought|sold|took|made|came|went|began|rose|fell|won|lost|got|gave|met|left|paid|held|found|became|saw|thought|sent|spent|led|built|grew|wrote|ran|struck|chose|drew|flew|hit|cut|quit)$/;

/**
 * The tense of the clause a sentence-opening date governs ("In January, American Medical brought
 * in advisers"): the first finite verb after the comma, past (-ed, an irregular past) or future
 * (will, would, plans to); null when the words do not say.
 */
export function enOpeningTense(after: string): 'past' | 'future' | null {
  const clause = /^,\s+([^.;:!?]*)/.exec(after);
  // "On Friday, when Albright set aside ...": a subordinate clause comes first, its verb is not the main one
  if (!clause || /^(?:when|while|as|after|before|if|because|although|though|since|until|once)\b/i.test(clause[1])) return null;
  for (const w of clause[1].split(/\s+/).slice(0, 12)) {
    const word = w.toLowerCase().replace(/[^a-z']/g, '');
    if (/^(?:will|'ll|shall|would|plans|expects|is|are|has|have|can|may|must|should)$/.test(word)) return /^(?:will|'ll|shall|would|plans|expects)$/.test(word) ? 'future' : null;
    if (IRREGULAR_PAST.test(word) || (/^[a-z]{3,}ed$/.test(word) && w === w.toLowerCase())) return 'past';
  }
  return null;
}

export const EN_SPAN_PAST = /\b(?:last|ago|earlier|past|previous)\b/i;
export const EN_SPAN_FUTURE = /\b(?:next|coming|later)\b/i;

const lc = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
const keys = (o: Record<string, unknown>) => Object.keys(o).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+')).join('|');

const NUM_BASE = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|${keys(WORDS.numbers)}`;
const NUM = `(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|\\d+,\\d{3}|(?:${NUM_BASE})(?:\\s+(?:and\\s+a\\s+half|hundred|thousand))?)`;
const VAGUE = WORDS.vague.filter((v) => v !== 'the' && v !== 'recent' && v !== 'coming' && v !== 'more').map((v) => v.replace(/ /g, '\\s+')).join('|');
const UNIT = '(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))';
const MONTH = '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![\\w-])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\\.|(?![\\w-])))';
const WEEKDAY_NAME = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const WEEKDAY = `${WEEKDAY_NAME}(?![\\w-])`;
/** 'nineteen ninety-seven', as broadcast transcripts write years. */
const SPELLED_YEAR = 'nineteen(?:[- ](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)';
const POD = '(?:morning|afternoon|evening|night|overnight)';
const EDGE = '(?:early|earlier|late|later|mid|middle)';
const ORD_QUARTER = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';

export function enNumber(raw: string): number | null {
  const s = lc(raw).replace(/-/g, ' ');
  if (/^\d+,\d{3}$/.test(s)) return +s.replace(',', '');
  const half = /^(\d+)\s+1\/2$/.exec(s);
  if (half) return +half[1] + 0.5;
  if (/^\d+(\.\d+)?$/.test(s)) return parseFloat(s);
  if (WORDS.numbers[s] !== undefined) return WORDS.numbers[s];
  let total = 0;
  let current = 0;
  const words = s.replace(/\band a half\b/, 'andahalf').split(' ');
  for (const w of words) {
    if (w === 'andahalf') {
      current += 0.5;
      continue;
    }
    const v = WORDS.numbers[w];
    if (v === undefined) return null;
    if (v === 100) current = (current || 1) * 100;
    else if (v === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += v;
  }
  return total + current;
}

const monthOf = (raw: string) => WORDS.months[lc(raw).replace('.', '')] ?? null;
const unitOf = (raw: string): Unit => {
  const u = lc(raw).replace(/s$/, '');
  const code = WORDS.units[u] ?? 'X';
  return (code === 'W2' ? 'W' : code) as Unit;
};
const edgeMod = (raw: string | undefined) => {
  if (!raw) return undefined;
  const e = lc(raw);
  if (/^(early|beginning|start)/.test(e)) return 'START';
  if (/^(late|end|close)/.test(e)) return 'END';
  if (/^(mid|middle)/.test(e)) return 'MID';
  return undefined;
};

type Make = Rule['make'];
const rule = (source: string, make: Make, priority = 0, flags = 'gi'): Rule => ({ re: new RegExp(source, flags), make, priority });

/**
 * The candidate of a match whose groups 1-3 are a month name, a day and an optional printed year:
 * `value` gets the year (the printed one, else the one the resolver picks, or null), month and day.
 */
function monthDay(m: RegExpExecArray, value: (y: number | null, month: number, day: number) => TimexValue): Omit<Candidate, 'priority'> | null {
  const month = monthOf(m[1]);
  const day = +m[2];
  if (!month || day < 1 || day > 31) return null;
  return fixed(m, (r, { start, end }) => value(m[3] ? +m[3] : r.yearFor(month, day, start, end), month, day));
}

/**
 * "$1.76 a year", "20% annually", "700 seats a week", "24 hours a day": an amount per unit of time is a
 * rate, like a speed, not a time expression (TimeML leaves speeds out; "twice a week" is a SET).
 */
const AMOUNT_BEFORE = /(?:\d%?|\b(?:million|billion|trillion|cents?|dollars?|percent)|\b(?:\d[\d,.]*|[a-z]+(?:teen|ty)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|(?:hundreds|thousands|dozens)\s+of)\s+(?!times\b)[a-z]+s)\s+$/i;
const isRate = (text: string, start: number) => AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 40), start));

/** The clause a date sits in, up to the date: back to a sentence end (not a decimal point: "$5.2 million"), semicolon, colon, dash or quotation mark. */
function clauseBefore(text: string, start: number, max = 100): string {
  const before = text.slice(Math.max(0, start - max), start);
  const cut = Math.max(before.search(/(?:[^.;:!?"\u201c\u201d]|(?<=\d)\.(?=\d))*$/), before.lastIndexOf('``') + 2, before.lastIndexOf("''") + 2, before.lastIndexOf(' -- ') + 4);
  return before.slice(cut);
}

/**
 * Whether the verb governing a date presents it as coming (TimeBank reads "will meet Friday",
 * "planned a rally on Saturday", "would be traveling Thursday" as the next such day): the last
 * future marker of the clause before the date, with no reporting verb after it.
 */
const FUTURE_MARK = /\b(?:will|'ll|shall|would(?!\s+have)|to\s+be|is\s+to|are\s+to|scheduled|due|set\s+to|plans?|(?<!\b(?:previously|originally|as)\s+)planned|planning|expected\s+to|intends?\s+to|going\s+to|until|ahead\s+of|as\s+early\s+as|as\s+soon\s+as|no\s+later\s+than|next(?!\s+(?:to|door)\b))\b(?![^]*\b(?:said|says|announced|reported|told)\b)/i;

/** A verb of a scheduled event in the present tense right before the day ("meet separately Monday", "expires Friday"). */
const SCHEDULED_PRESENT = /\b(?:meets?|begins?|starts?|opens?|resumes?|arrives?|leaves?|votes?|travels?|returns?|expires?|convenes?|reconvenes?|takes\s+place|take\s+place)\s+(?:\w+ly\s+)?(?:on\s+)?$/i;

/** Past unless the clause before says it is coming ("will meet Friday"). */
/** The same reading for a month or day whose year is not printed ("planning for the NATO summit in April"). */
export function enClauseAhead(text: string, start: number, end: number): boolean {
  return lookingAhead({ text }, start, end);
}

function lookingAhead(r: Pick<Resolver, 'text'>, start: number, end: number): boolean {
  const clause = clauseBefore(r.text, start);
  const after = r.text.slice(end, end + 30);
  // "Wednesday's ruling": the day modifies a noun, not the clause's verb
  if (/^'s\b/.test(after)) return false;
  // a plan the text reports as overtaken ("had been due to expire Friday", "planned for Saturday was canceled") lies before the anchor
  if (/\bhad\s+been\s+(?:\w+\s+)?(?:due|scheduled|set|expected|planned)\b/i.test(clause)) return false;
  if (/^\s+(?:was|were|had\s+been)\s+(?:canceled|cancelled|postponed|called\s+off|scrapped)\b/i.test(after)) return false;
  // "On Tuesday, the league plans to hold ...": a day that opens its sentence takes the tense of its clause
  const sentenceStart = Math.max(r.text.lastIndexOf('. ', start), r.text.lastIndexOf('\n', start)) + 1;
  if (EN_OPENING_LEAD.test(r.text.slice(sentenceStart, start))) {
    const tense = enOpeningTense(r.text.slice(end, end + 80));
    if (tense) return tense === 'future';
  }
  // "Arafat and Netanyahu meet separately Monday", "the offer expires Friday": a scheduled event in the present tense
  if (SCHEDULED_PRESENT.test(clause)) return true;
  // "Until Thursday, they had not ...": a clause that opens with 'until' looks back
  const mark = FUTURE_MARK.exec(clause);
  if (!mark || (/^until$/i.test(mark[0]) && !clause.slice(0, mark.index).trim())) return false;
  // "ahead of the trip, the department on Sunday issued ...": a comma closes the phrase a preposition governs
  return !(/^(?:until|ahead|as|no)\b/i.test(mark[0]) && clause.slice(mark.index).includes(','));
}

/** The day a weekday names: the latest one up to the anchor, or the next when the text looks ahead. */
function weekdayValue(r: Resolver, wd: number, rel: string, start: number, end: number): string {
  if (!r.anchor) return `XXXX-WXX-${wd}`;
  if (rel === 'the previous' || rel === 'the following') {
    // relative to the day the text is talking about ("down from the previous Friday")
    const last = r.state.lastDay;
    const ref: Day = last && last.y !== null ? { y: last.y, m: last.m, d: last.d } : r.anchor;
    const ahead = rel === 'the following';
    let day = weekdayDay(ref, wd, ahead);
    if (formatDay(day) === formatDay(ref)) day = addDays(day, ahead ? 7 : -7);
    return formatDay(day);
  }
  if (rel === 'last') {
    let day = weekdayDay(r.anchor, wd, false);
    if (formatDay(day) === formatDay(r.anchor)) day = addDays(day, -7);
    return formatDay(day);
  }
  const ahead = rel === 'next' || rel === 'this coming' || rel === 'coming' || (rel !== 'this' && lookingAhead(r, start, end));
  let day = weekdayDay(r.anchor, wd, ahead);
  if (rel === 'next' && formatDay(day) === formatDay(r.anchor)) day = addDays(day, 7);
  return formatDay(day);
}

/** The most recent quarter the text reported on, else the last one completed before the anchor. */
function currentQuarter(r: Resolver): { y: number; q: number } | null {
  const last = r.state.lastQuarter;
  if (last && (!r.anchor || Math.abs(last.y - r.anchor.y) <= 1)) return last;
  if (!r.anchor) return null;
  const k = r.anchor.y * 4 + quarterOf(r.anchor.m) - 2;
  return { y: Math.floor(k / 4), q: (k % 4) + 1 };
}

/** The year the text last named, else the anchor's ("For the year, volume was flat"). */
const yearTalkedAbout = (r: Resolver) => (r.state.lastYear !== null ? formatYear(r.state.lastYear) : r.anchor ? formatYear(r.anchor.y) : 'XXXX');

const PRESENT_DAY = new RegExp(`^['\u2019]s\\s+(?:[a-z]+\\s+)?(?:${WORDS.presentDayNouns.join('|')})\\b`, 'i');

const REL_SHIFT: Record<string, number> = { this: 0, 'this past': -1, current: 0, 'this coming': 1, last: -1, past: -1, previous: -1, next: 1, coming: 1, following: 1 };

export const EN_RULES: Rule[] = [
  // now, currently, current (PRESENT_REF); recently, the past (PAST_REF); the future, soon, a later date (FUTURE_REF)
  rule(
    `\\b(?:(right\\s+now|now|currently|current|presently|nowadays|at\\s+present|the\\s+present|these\\s+days|today's)|(recently|lately|the\\s+past|more\\s+recently|past\\s+years)|(the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|soon|the\\s+(?:near|short|long)\\s+term|(?:the\\s+)?(?:coming|future)\\s+(?:months|years|weeks|days|quarters)|someday|(?:a|some)\\s+(?:later|future)\\s+date))\\b`,
    (m, text) => {
      const w = lc(m[0]);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (w === 'current' && /^\s+(?:account|accounts|law|laws|rules?|events|affairs|members?|policy|prices?|dollars|yield)\b/i.test(after)) return null;
      if (w === 'future' && /^\s+(?:contracts?|prices?|delivery|options?|markets?|trading|months?)\b/i.test(after)) return null;
      if (w === "today's") return null;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "Now, he says, ...", "Currently, Avon has ...", "Now for today's quiz": opening its sentence and set off by
      // a comma (or before 'for'), the adverb turns the discourse rather than placing the clause in time
      // (en-tbaq-dev: 5 of 5 such 'Now,'/'Currently,' unannotated; 'now' inside the clause is annotated 3 times in 4)
      if ((w === 'now' || w === 'currently') && /^,|^\s+for\b/i.test(after) && /(?:^|[.!?]['"`\u2019\u201d]*\s+|\n\s*|^\s*['"`\u201c]+)$/.test(before)) return null;
      // "as soon as", and "soon" in a past narrative ("was soon released", "soon became") is relative to the story
      if (w === 'soon' && (/\b(?:as|was|were|had|and)\s+$/i.test(before) || /^\s+(?:as|after|thereafter|became|[a-z]+ed)\b/i.test(after))) return null;
      if (w === 'the foreseeable future') return null;
      const value = m[1] ? 'PRESENT_REF' : m[2] ? 'PAST_REF' : 'FUTURE_REF';
      return fixed(m, { type: 'DATE', value });
    },
    0,
  ),
  // "will one day be": someday (FUTURE_REF), not a stretch of one day
  rule(`(?<=\\b(?:will|would|could|might|may|can|shall|should|must)\\s+)one\\s+day\\b(?=\\s+[a-z]+\\b)`, (m) => fixed(m, { type: 'DATE', value: 'FUTURE_REF' }), 3),
  // today, yesterday, tomorrow, tonight, last night, this morning, yesterday afternoon
  rule(
    `\\b(?:(${EDGE})\\s+)?(?:(today|yesterday|tomorrow|tonight)(?:\\s+(${POD}))?|(this|last|tomorrow|yesterday)\\s+(${POD}))\\b`,
    (m, text) => {
      const day = lc(m[2] ?? m[4]);
      const pod = m[3] ?? m[5];
      if (day === 'last' && lc(pod) !== 'night') return null;
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      // "USA Today", "VOA Today": a capitalised 'Today' after a name is a title
      if (m[0] === 'Today' && /[A-Z]\w*\s+$/.test(before) && !/(?:^|[.!?"]\s*)[A-Z]\w*\s+$/.test(before)) return null;
      // "the people of tomorrow" is a figure of speech, not the day after the anchor
      if (!m[1] && !pod && day === 'tomorrow' && /\bof\s+$/i.test(before)) return null;
      // "in today's world", "today's youth": present-day, no day (TimeBank leaves them; "today's editions" is the day)
      if (!m[1] && !pod && day === 'today' && PRESENT_DAY.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) return null;
      const shift = day === 'yesterday' || day === 'last' ? -1 : day === 'tomorrow' ? 1 : 0;
      const podCode = day === 'tonight' ? 'NI' : pod ? WORDS.partsOfDay[lc(pod)] : undefined;
      const timed = !!podCode;
      return fixed(m, (r) => {
        const base = r.anchor ? formatDay(addDays(r.anchor, shift)) : 'XXXX-XX-XX';
        const v: TimexValue = { type: timed ? 'TIME' : 'DATE', value: podCode ? `${base}T${podCode}` : base };
        const mod = edgeMod(m[1]);
        if (mod) v.mod = mod;
        return v;
      });
    },
    2,
  ),
  // Friday, last Tuesday, next Monday, Wednesday night, this coming Sunday
  rule(
    // the rule is case-sensitive (weekdays are capitalised): "Last Friday" opens a sentence; "Earlier Sunday"
    // there keeps its adverb out (TimeBank: 1 of 5 in)
    `\\b(?:(${EDGE})\\s+)?(?:([Ll]ast|[Nn]ext|[Tt]his\\s+coming|[Tt]his|[Cc]oming|[Tt]he\\s+previous|[Tt]he\\s+following)\\s+)?(${WEEKDAY})(?:\\s+(${POD}))?\\b`,
    (m) => {
      const wd = WORDS.weekdays[lc(m[3])];
      const rel = m[2] ? lc(m[2]) : '';
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(r) {
          const date = weekdayValue(r, wd, rel, m.index, m.index + m[0].length);
          // the evening and afternoon are clock-like parts of the day; "Friday morning/night" reads as the day
          const pod = m[4] ? lc(m[4]) : '';
          if (pod === 'evening' || pod === 'afternoon') return { type: 'TIME', value: `${date}T${WORDS.partsOfDay[pod]}` };
          return { type: 'DATE', value: date };
        },
      };
    },
    1,
    'g',
  ),
  // Christmas, Thanksgiving Day, New Year's Day, the Fourth of July (the year as for any year-less day)
  rule(
    `\\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\\s+)?(?:(Christmas|New\\s+Year's|Valentine's|Halloween|Independence|Thanksgiving|Labor|Memorial|Veterans|Election|Easter)(?:\\s+(Eve|Day|Sunday|weekend))?|the\\s+Fourth\\s+of\\s+July)(?:,?\\s+(\\d{4}))?\\b`,
    (m) => {
      const name = m[1] ?? 'Independence';
      const suffix = m[2] ? lc(m[2]) : '';
      if (/^(?:Independence|Labor|Memorial|Veterans|Valentine's|Election)$/.test(name) && suffix !== 'day' && !/Fourth/.test(m[0])) return null;
      if (name === 'Easter' || suffix === 'weekend') return null;
      return fixed(m, (r, { start, end }) => {
        const fixedDays: Record<string, [number, number]> = { Christmas: [12, 25], "New Year's": [1, 1], "Valentine's": [2, 14], Halloween: [10, 31], Independence: [7, 4], Veterans: [11, 11] };
        let md = fixedDays[name.replace(/\s+/g, ' ')];
        if (name === 'Christmas' && suffix === 'eve') md = [12, 24];
        if (name === "New Year's" && suffix === 'eve') md = [12, 31];
        // Election Day: the Tuesday after the first Monday of November
        const floating: Record<string, [number, number, number]> = { Thanksgiving: [11, 4, 4], Labor: [9, 1, 1], Memorial: [5, 1, -1], Election: [11, 1, 1] };
        const month = md ? md[0] : floating[name][0];
        // "next Christmas" is the coming one, "last Thanksgiving" the one before the anchor
        const rel = /^(last|next)\s/i.exec(m[0])?.[1].toLowerCase();
        let y = m[3] ? +m[3] : r.yearFor(month, md ? md[1] : 20, start, end);
        if (rel && r.anchor && !m[3]) {
          const onOrAfter = month * 100 + (md ? md[1] : 20) >= r.anchor.m * 100 + r.anchor.d;
          y = rel === 'next' ? (onOrAfter ? r.anchor.y : r.anchor.y + 1) : onOrAfter ? r.anchor.y - 1 : r.anchor.y;
        }
        if (y === null) return { type: 'DATE', value: md ? `XXXX-${String(md[0]).padStart(2, '0')}-${String(md[1]).padStart(2, '0')}` : `XXXX-${String(month).padStart(2, '0')}` };
        if (md) return { type: 'DATE', value: formatDay({ y, m: md[0], d: md[1] }) };
        const day = nthWeekday(y, ...floating[name]);
        return { type: 'DATE', value: formatDay(name === 'Election' ? addDays(day, 1) : day) };
      });
    },
    2,
    'g',
  ),
  // Mondays, every Thursday, each July, Tuesday nights (sets)
  rule(
    `\\b(?:(?:every|each)\\s+(${WEEKDAY}|${MONTH})(?:\\s+(${POD}))?|(${WEEKDAY_NAME})s(?![\\w-])|(${WEEKDAY})\\s+(${POD})s)\\b`,
    (m) => {
      const wdRaw = m[1] ?? m[3] ?? m[4];
      const wd = WORDS.weekdays[lc(wdRaw)];
      const pod = m[2] ?? m[5];
      if (!wd) {
        const month = monthOf(wdRaw);
        return month ? fixed(m, { type: 'SET', value: `XXXX-${String(month).padStart(2, '0')}` }) : null;
      }
      return fixed(m, { type: 'SET', value: `XXXX-WXX-${wd}${pod ? `T${WORDS.partsOfDay[lc(pod)]}` : ''}` });
    },
    2,
    'g',
  ),
  // "on Monday and Tuesday nights": the first day shares the plural that makes the second a set
  rule(
    `\\b(${WEEKDAY})(?=\\s+(?:and|or)\\s+${WEEKDAY_NAME}(?:s|\\s+(${POD})s)\\b)`,
    (m) => {
      const wd = WORDS.weekdays[lc(m[1])];
      return fixed(m, { type: 'SET', value: `XXXX-WXX-${wd}${m[2] ? `T${WORDS.partsOfDay[lc(m[2])]}` : ''}` });
    },
    2,
    'g',
  ),
  // January, last April, late November, mid-November, January 1998, the middle of October, March of 1990
  rule(
    `\\b(?:(?:the\\s+)?(early|late|mid|middle|end|beginning|start)(?:-|\\s+|\\s+of\\s+))?(?:([Ll]ast|[Nn]ext|[Tt]his|[Tt]his\\s+past|[Tt]his\\s+coming)\\s+)?(${MONTH})(?!\\s*\\d{1,2}(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{3}))(?:,?\\s+(?:of\\s+)?(\\d{4}|${SPELLED_YEAR})\\b|\\s+(this|last|next)\\s+year\\b)?`,
    (m, text) => {
      const month = monthOf(m[3]);
      if (!month) return null;
      // a bare abbreviation is a month only before a number ("Jan Kavan" is a name)
      if (/^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/.test(m[3]) && !m[4]) return null;
      if (m[3] === 'March' && !m[1] && !m[2] && !m[4] && !m[5] && /^\s+(?:for|of|on|to|against)\s+(?:the\s+)?[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
      if (m[3] === 'May' && !m[1] && !m[2] && !m[4] && !m[5]) {
        // "May" the modal verb at the start of a sentence
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (/^\s+(?:be|have|not|also|well|need|take|come|go|get|make|lose|face|still|never|help)\b/i.test(after)) return null;
      }
      if (/^(Mar|Jan|Jun|Jul|Sep|Oct|Nov|Dec)$/.test(m[3]) === false && /^[A-Z][a-z]+\.?$/.test(m[3]) === false) return null;
      const rel = m[2] ? lc(m[2]) : '';
      const yearRel = m[5] ? lc(m[5]) : '';
      return fixed(m, (r, { start, end }) => {
        let y: number | null = m[4] ? (/^\d/.test(m[4]) ? +m[4] : spelledYear(lc(m[4]))) : null;
        if (y === null && r.anchor) {
          if (yearRel) y = r.anchor.y + (REL_SHIFT[yearRel] ?? 0);
          // 'last February' on March 1 is last year's (the month just over would be 'last month', TimeBank); 'this past' is the latest
          else if (rel === 'last') y = month < r.anchor.m - 1 ? r.anchor.y : r.anchor.y - 1;
          else if (rel === 'this past') y = month < r.anchor.m ? r.anchor.y : r.anchor.y - 1;
          else if (rel === 'next' || rel === 'this coming') y = month > r.anchor.m ? r.anchor.y : r.anchor.y + 1;
          else if (rel === 'this') y = r.anchor.y;
          else y = r.yearFor(month, null, start, end);
        }
        const v: TimexValue = { type: 'DATE', value: monthValue(y, month) };
        const mod = edgeMod(m[1]);
        if (mod) v.mod = mod;
        return withYearless(v, !m[4] && !rel && !yearRel);
      });
    },
    1,
    'g',
  ),
  // Aug. 7, Sept. 30, 1989, March 26, 1996, Saturday, April 25, March eighth, the 15th of March
  rule(
    `\\b(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(\\d{1,2}|${keys(WORDS.ordinals)})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`,
    (m) => {
      const month = monthOf(m[2]);
      const day = /^\d+$/.test(m[3]) ? +m[3] : WORDS.ordinals[lc(m[3])];
      if (!month || !day || day > 31) return null;
      return fixed(m, (r, { start, end }) => {
        const y = m[4] ? +m[4] : r.yearFor(month, day, start, end);
        const value = y === null ? `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `${formatYear(y)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        return withYearless({ type: 'DATE', value }, !m[4]);
      });
    },
    2,
    'g',
  ),
  // 1990, fiscal 1989, mid-1996, early 1990, the end of 1990, the 1988 period, nineteen ninety-six, the year two thousand
  rule(
    `\\b(?:(?:the\\s+)?(early|late|mid|middle|end|beginning|start|close)(?:-|\\s+|\\s+of\\s+))?(?:(fiscal|calendar|the\\s+year|model\\s+year)\\s+)?(1[0-9]\\d\\d|20\\d\\d|nineteen(?:[- ](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|[- ](?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)|two\\s+thousand(?:\\s+and\\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)(?:'s)?\\b(?!\\s*(?:%|percent|\\.\\d|,\\d|-\\d))`,
    (m, text) => {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      if (/[$#]\s*$|\d[,.]?\s*$/.test(before)) return null;
      // "Kopp's 1987 Chevrolet": a model year before a name
      if (/'s\s+$/.test(before) && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (/^\s*(?:shares|people|troops|soldiers|dollars|dlrs|yen|marks|tons|feet|miles|members|cars|units|workers|employees|points|barrels|jobs|students|acres|meters|km|votes|cases|seats)\b/i.test(after)) return null;
      if (!m[1] && !m[2] && isNamePart(before) && /^\d/.test(m[3])) return null;
      const raw = lc(m[3]);
      const y = /^\d/.test(raw) ? +raw : spelledYear(raw);
      if (y === null) return null;
      const v: TimexValue = { type: 'DATE', value: formatYear(y) };
      const mod = edgeMod(m[1]);
      if (mod) v.mod = mod;
      return fixed(m, v);
    },
    0,
  ),
  // the 1980s, the '80s, the nineties, the late 1970s; the last half of the '80s (a part of the decade, not a half-year)
  rule(
    `\\b(?:the\\s+(first|last|latter|second)\\s+half\\s+of\\s+)?(?:(?:the\\s+)?(?:(early|late|mid)[- ])?(1[0-9]\\d0|20\\d0|'\\d0|\\d0)'?s\\b|\\bthe\\s+(?:(early|late|mid)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b)`,
    (m, text) => {
      // "in his 30s" is an age
      if (/\b(?:his|her|their|my|your|its|our)\s+(?:early\s+|late\s+|mid-)?$/i.test(text.slice(Math.max(0, m.index - 16), m.index))) return null;
      let decade: number;
      if (m[3]) {
        const d = m[3].replace("'", '');
        decade = d.length === 4 ? +d / 10 : 190 + +d / 10;
      } else {
        const tens = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(lc(m[5])) + 2;
        decade = 190 + tens;
      }
      const v: TimexValue = { type: 'DATE', value: String(decade).padStart(3, '0') };
      const mod = m[1] ? (lc(m[1]) === 'first' ? 'START' : 'END') : edgeMod(m[2] ?? m[4]);
      if (mod) v.mod = mod;
      return fixed(m, v);
    },
    1,
  ),
  // the 20th century, the 11th century
  rule(
    `\\b(?:the\\s+)?(?:(early|late|mid)[- ])?(\\d{1,2})(?:st|nd|rd|th)[- ]century\\b`,
    (m) => {
      const v: TimexValue = { type: 'DATE', value: centuryValue(+m[2]) };
      const mod = edgeMod(m[1]);
      if (mod) v.mod = mod;
      return fixed(m, v);
    },
    1,
  ),
  // the third quarter, third-quarter, the fiscal first quarter, the 1988 second quarter, this year's third quarter, the first half,
  // the corresponding period last year
  rule(
    `\\b(?:(?:the|a|an)\\s+)?(?:(this|last|next)\\s+year's\\s+|(?:(fiscal|calendar)\\s+)?(\\d{4})(?:'s)?\\s+|(?:(fiscal)\\s+))?(?:(fiscal)\\s+)?(?:(${ORD_QUARTER}|final|last|latest|current|year-ago|year-earlier|same|corresponding|comparable|previous|prior|recent|flat)[- ])?(?:(fiscal)\\s+)?(${ORD_QUARTER}[- ])?(quarter|half|period)\\b(?:\\s+of\\s+(?:fiscal\\s+)?(\\d{4})|\\s+(?:of\\s+)?(this|last|next)\\s+year)?`,
    (m, text) => {
      const word = m[6] ? lc(m[6]) : '';
      const ordRaw = m[8] ? lc(m[8]).replace(/[- ]$/, '') : '';
      const noun = lc(m[9]);
      let ord = ordRaw ? WORDS.ordinals[ordRaw] : WORDS.ordinals[word];
      if (noun === 'half' && !ord && (word === 'last' || word === 'final')) ord = 2;
      const yearAgoOrd = ordRaw && /year-ago|year-earlier|same|corresponding|comparable|previous|prior/.test(word);
      const startsWithArticle = /^(?:the|a|an)\s/i.test(m[0]);
      if (!ord && !startsWithArticle && !m[1] && !m[3] && !/year-/.test(word)) return null;
      if (noun === 'period' && !ord && !/latest|year-ago|year-earlier|same|corresponding|comparable|previous|prior/.test(word) && !m[3]) return null;
      if (noun === 'half' && !ord) return null;
      if (ord && noun !== 'half' && ord > 4) return null;
      if (noun === 'half' && ord && ord > 2) return null;
      const yearWord = m[1] ? lc(m[1]) : m[11] ? lc(m[11]) : '';
      const printed = m[3] ?? m[10];
      const yearAgo = /year-ago|year-earlier|same|corresponding|comparable/.test(word);
      const previous = /previous|prior/.test(word);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      // "the quarter ended Sept. 30" keeps the quarter; "a quarter of" is a fraction
      if (/^\s+of\s+(?!fiscal|\d|this|last|next)/i.test(after) && !ord) return null;
      return fixed(m, (r, { start, end }) => {
        const h = noun === 'half';
        // "the quarter ended Sept. 30": the calendar quarter of that month
        const ended = /^\s*,?\s+(?:ended|ending|ends|that\s+ended|through)\s+([A-Z][a-z]+)\.?\s+(\d{1,2})\b/.exec(after);
        const endedMonth = ended ? monthOf(ended[1]) : null;
        if (ord || h) {
          let y: number | null = printed ? +printed : null;
          if (y === null && r.anchor) {
            if (yearWord) y = r.anchor.y + (REL_SHIFT[yearWord] ?? 0);
            else if (h) y = r.anchor.y;
            else {
              const dq = quarterOf(r.anchor.m);
              y = ord <= dq || r.spanTense(start, end) === 'future' ? r.anchor.y : r.anchor.y - 1;
              const recent = r.state.lastQuarter;
              if (recent && recent.q === ord && Math.abs(recent.y - r.anchor.y) <= 1) y = recent.y;
            }
            if (yearAgoOrd && y !== null) y -= 1;
          }
          // "the second quarter ended Oct. 31" (read on Oct. 27): the year the quarter ended in
          if (ended && endedMonth && r.anchor && !printed && !yearWord && !yearAgoOrd) {
            y = nearestYear(r.anchor, endedMonth, +ended[2], /\b(?:ended|through)\b/i.test(ended[0]) ? 'past' : null);
          }
          const v: TimexValue = { type: 'DATE', value: `${y === null ? 'XXXX' : formatYear(y)}-${h ? 'H' : 'Q'}${ord ?? 1}` };
          if (yearAgoOrd) return derived(v);
          // "its fiscal fourth quarter ended Sept. 30", "reported fourth-quarter earnings": over, whatever the calendar says
          return endedMonth || /\b(?:reported|posted|earned|lost)\b/i.test(clauseBefore(r.text, start)) ? reported(v) : v;
        }
        // "For the nine months, net rose ...; in the year-earlier period ...": a period after a stretch of months is
        // that stretch (TimeBank writes "the year-earlier nine months" P9M), "the 1988 period" its year
        const s = r.state.lastStretch;
        if (noun === 'period' && s && start - s.at <= 400 && s.at > (r.state.lastQuarter?.at ?? -1)) {
          if (printed) return derived({ type: 'DATE', value: printed });
          if (yearAgo) return derived({ type: 'DURATION', value: s.value });
        }
        if (printed) {
          // "the 1988 period", "the 1988 quarter": that year's quarter the text talks about
          const q = recentQuarter(r.state, start, 2000);
          return derived({ type: 'DATE', value: q ? `${printed}-Q${q.q}` : printed });
        }
        let q = currentQuarter(r);
        // "the quarter ended Sept. 29" after "the fiscal first quarter": the quarter reported on, whatever its calendar
        const held = recentQuarter(r.state, start);
        if (endedMonth && r.anchor && !held?.reported) {
          const y = r.yearFor(endedMonth, +ended![2], start, end) ?? r.anchor.y;
          // the calendar quarter most of the three months fall in: their middle one ("ended July 31" is May to July, Q2)
          const middle = endedMonth - (+ended![2] > 15 ? 1 : 2);
          q = middle < 1 ? { y: y - 1, q: 4 } : { y, q: quarterOf(middle) };
        }
        if (!q) return { type: 'DATE', value: 'XXXX-QX' };
        if (yearWord) return derived({ type: 'DATE', value: r.anchor ? `${formatYear(r.anchor.y + (REL_SHIFT[yearWord] ?? 0))}-Q${q.q}` : 'XXXX-QX' });
        if (yearAgo) return derived({ type: 'DATE', value: `${formatYear(q.y - 1)}-Q${q.q}` });
        if (previous) {
          const k = q.y * 4 + q.q - 2;
          return derived({ type: 'DATE', value: `${formatYear(Math.floor(k / 4))}-Q${(k % 4) + 1}` });
        }
        if (word === 'last' || word === 'next' || word === 'current') {
          const shift = word === 'last' ? -1 : word === 'next' ? 1 : 0;
          return r.anchor ? { type: 'DATE', value: shiftedValue(r.anchor, shift, 'Q') } : { type: 'DATE', value: 'XXXX-QX' };
        }
        return { type: 'DATE', value: `${formatYear(q.y)}-Q${q.q}` };
      });
    },
    2,
  ),
  // a year earlier, a year ago, year-earlier, year-ago (as a bare adjective)
  // "the quarter a year ago": one expression, that quarter of the year before
  rule(
    `\\b(?:(the\\s+(?:quarter|period)\\s+)?(a|one|the)\\s+year\\s+(earlier|ago|before)|(year-earlier|year-ago|year-before))\\b`,
    (m) =>
      fixed(m, (r) => {
        // quarterly results compare with the same quarter a year before
        const q = recentQuarter(r.state, m.index) ?? (m[1] ? currentQuarter(r) : null);
        if (q) return derived({ type: 'DATE', value: `${formatYear(q.y - 1)}-Q${q.q}` });
        return derived({ type: 'DATE', value: r.anchor ? formatYear(r.anchor.y - 1) : 'XXXX' });
      }),
    3,
  ),
  // this week, last month, next year, this quarter, last weekend, the past year, earlier this month, early next year, last fall
  rule(
    `\\b(?:(early|earlier|late|later|mid)[- ]?\\s*)?(this\\s+past|this|last|next|the\\s+past|the\\s+previous|the\\s+coming|the\\s+following|the\\s+current|the\\s+same|that\\s+same|that|past|previous|coming|current)\\s+(week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|fiscal\\s+year)\\b(?!-)`,
    (m, text) => {
      // "This Week With David Brinkley": a capitalised unit opening a quotation names a title, not a time
      if (/^[A-Z]/.test(m[3]) && /["“'`]$/.test(text.slice(Math.max(0, m.index - 1), m.index))) return null;
      const rel = lc(m[2]).replace(/^the /, '').replace(/^that same$/, 'same');
      const unitWord = lc(m[3]);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/^\s+(?:ago|earlier|before)\b/i.test(after)) return null;
      const season = WORDS.seasons[unitWord];
      return fixed(m, (r) => {
        const mod = edgeMod(m[1]);
        const withMod = (v: TimexValue): TimexValue => (mod ? { ...v, mod } : v);
        // 'that year', 'the same month', 'that quarter', 'the following month': what the text talked about
        const lastMonth = r.state.lastMonth;
        if (rel === 'same' || rel === 'that') {
          if (unitWord === 'year' && r.state.lastYear !== null) return withMod({ type: 'DATE', value: formatYear(r.state.lastYear) });
          if (unitWord === 'month' && lastMonth) return withMod({ type: 'DATE', value: monthValue(lastMonth.y, lastMonth.m) });
          if (unitWord === 'quarter' && r.state.lastQuarter) return derived({ type: 'DATE', value: `${formatYear(r.state.lastQuarter.y)}-Q${r.state.lastQuarter.q}` });
          return null;
        }
        if (rel === 'following') {
          if (unitWord === 'year' && r.state.lastYear !== null) return withMod({ type: 'DATE', value: formatYear(r.state.lastYear + 1) });
          if (unitWord === 'month' && lastMonth) return withMod({ type: 'DATE', value: monthValue(lastMonth.m === 12 ? lastMonth.y + 1 : lastMonth.y, (lastMonth.m % 12) + 1) });
          return null;
        }
        const shift = REL_SHIFT[rel] ?? 0;
        // "the past week" is a stretch of time; "the past year" reads as last year
        if ((rel === 'past' || rel === 'previous') && /^the\s/i.test(m[2]) && unitWord !== 'year') {
          const unit = unitOf(unitWord);
          return withMod({ type: 'DURATION', value: durationValue(1, unit) });
        }
        if (!r.anchor) return withMod({ type: 'DATE', value: season ? `XXXX-${season}` : shiftedValue(null, 0, unitOf(unitWord.replace('fiscal ', ''))) });
        if (season) {
          // 'last spring' is last year's (TimeBank); 'this past spring' the latest one begun before the anchor
          const startMonth: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
          const y = rel === 'this past' && season !== 'WI' ? (startMonth[season] < r.anchor.m ? r.anchor.y : r.anchor.y - 1) : r.anchor.y + shift;
          return withMod({ type: 'DATE', value: `${formatYear(y)}-${season}` });
        }
        if (unitWord === 'weekend') {
          // last weekend: the one before the anchor's week when the anchor is itself a weekend day
          let saturday = weekdayDay(r.anchor, 6, false);
          if (shift < 0 && weekdayOf(r.anchor) >= 6) saturday = addDays(saturday, -7);
          const day = shift < 0 ? saturday : addDays(r.anchor, 7 * shift);
          return withMod({ type: 'DATE', value: shiftedValue(day, 0, 'WE') });
        }
        const unit = unitOf(unitWord.replace('fiscal ', ''));
        return withMod({ type: 'DATE', value: shiftedValue(r.anchor, shift, unit) });
      });
    },
    2,
  ),
  // the weekend, over the weekend
  rule(`\\bthe\\s+weekend\\b`, (m) =>
    fixed(m, (r) => {
      if (!r.anchor) return { type: 'DATE', value: 'XXXX-WXX-WE' };
      const saturday = weekdayDay(r.anchor, 6, r.future(m.index, m.index + m[0].length) || lookingAhead(r, m.index, m.index + m[0].length));
      return { type: 'DATE', value: shiftedValue(saturday, 0, 'WE') };
    }),
  ),
  // three years, the past five years, two-year, 16-hour, more than four hours, a few days, several years, nearly forty years
  rule(
    `\\b(?:(about|nearly|almost|more\\s+than|less\\s+than|over|at\\s+least|up\\s+to|some|roughly|approximately|around|only|just|no\\s+more\\s+than|fewer\\s+than|under|within|at\\s+most)\\s+)?(?:(the\\s+(?:past|last|next|first|previous|final|coming|following|latest|early|initial|remaining|same)|the|another|an\\s+additional|each\\s+of\\s+the\\s+past|each\\s+of\\s+the\\s+last)\\s+)?(${NUM}|${VAGUE})[- ](?:(more|additional|full|straight|consecutive|trading|business|working)\\s+)?(${UNIT})s?(?:-(long|old))?\\b(?:(\\s+or\\s+so)?\\s+(ago|earlier|before|later|from\\s+now|after)|\\s+or\\s+so\\b)?`,
    (m, text) => {
      const numRaw = lc(m[3]);
      const vague = WORDS.vague.includes(numRaw) || /^(several|a few|few|many|some|a number of|numerous|dozens of|hundreds of|thousands of)$/.test(numRaw);
      let n: number | null = vague ? null : enNumber(numRaw);
      if (!vague && n === null) return null;
      const unitWord = lc(m[5]);
      const unit = unitOf(unitWord);
      const suffix = m[8] ? lc(m[8]) : '';
      const hyphen = m[0].includes('-') && !m[6];
      const before = text.slice(Math.max(0, m.index - 3), m.index);
      if (/[$]\s*$/.test(before)) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // "5.5 percent of the year's", "two days' pay" stay; "the year's" ordinal phrases go
      if (numRaw === 'a' || numRaw === 'an' || numRaw === 'one') {
        // "$1.76 a year", "700 seats a week" are rates; "twice a year" is for the set rule
        if (!m[1] && !m[2] && (isRate(text, m.index) || /\b(?:times|once|twice)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)))) return null;
        if (unit === 'D' && !m[1] && !m[2] && !suffix && /^\s+(?:or|and)\s/i.test(after)) return null;
      }
      if (unit === 'X' || unitWord === 'weekend') return null;
      // "a second group", "a second betrayal": the ordinal, not a clock unit
      if (unit === 'TS' && n === 1 && !m[1] && !m[2] && !suffix && !/^\s*(?:$|[.,;:!?)]|or\b|and\s+a\s+half\b)/i.test(after)) return null;
      // "60 Minutes", "24 Hours of Le Mans": a capitalised unit after a number is a title
      if (/^[A-Z]/.test(m[5]) && /\d/.test(m[3])) return null;
      // "a quarter of the market", "three-quarters": fractions
      if (unit === 'Q' && ((/^\s+of\b/i.test(after) && !vague) || (/quarters$/i.test(m[0]) && hyphen))) return null;
      // ages: "6-year-old", "52 years old"
      if (m[6] && lc(m[6]) === 'old') return null;
      if (/^\s+old\b/i.test(after)) return null;
      if (n !== null && n > 5000) return null;
      const orSo = /\bor\s+so\b/i.test(m[0]);
      const mod = orSo && !m[1] ? 'APPROX' : m[1] && !(lc(m[1]) === 'over' && m[2] && /^the\b/i.test(m[2])) && !(lc(m[1]) === 'about' && !suffix) ? ({ about: 'APPROX', nearly: 'LESS_THAN', almost: 'LESS_THAN', 'more than': 'MORE_THAN', 'less than': 'LESS_THAN', over: 'MORE_THAN', 'at least': 'MORE_THAN', 'up to': 'LESS_THAN', some: 'APPROX', roughly: 'APPROX', approximately: 'APPROX', around: 'APPROX', 'no more than': 'LESS_THAN', 'fewer than': 'LESS_THAN', under: 'LESS_THAN', 'at most': 'LESS_THAN' } as Record<string, string>)[lc(m[1])] : undefined;
      let start = m.index;
      // "over the past two years" is during them, not more than them
      const during = !!m[1] && lc(m[1]) === 'over' && !!m[2] && /^the\b/i.test(m[2]);
      // TimeBank leaves 'about' out of a plain duration ('about five hours'), not of 'about two years ago'
      const outside = during || (!!m[1] && lc(m[1]) === 'about' && !suffix);
      if (m[1] && (/^(?:within|only|just)$/i.test(m[1]) || outside)) start = m.index + m[0].toLowerCase().indexOf(lc(m[2] ?? m[3]).split(' ')[0], m[1].length);
      const end = m.index + m[0].length;
      // "three days later", "ten days before the shooting": the stretch between two events, a DURATION
      // without the word that relates it (TimeBank); "two years ago", "a year earlier" count from the anchor
      const relational = suffix === 'before' || suffix === 'after' || suffix === 'later';
      if (suffix && !relational) {
        return {
          start,
          end,
          resolve(r) {
            const sign = suffix === 'from now' ? 1 : -1;
            if (n === null) return suffix === 'ago' ? { type: 'DATE', value: 'PAST_REF' } : { type: 'DURATION', value: durationValue(null, unit) };
            const q = recentQuarter(r.state, start);
            if (unit === 'Y' && q && n === 1 && suffix !== 'from now') return derived({ type: 'DATE', value: `${formatYear(q.y - 1)}-Q${q.q}` });
            const u: Unit = unit === 'TH' || unit === 'TM' || unit === 'TS' ? 'D' : unit;
            const steps = Math.round(n);
            const v: TimexValue = { type: 'DATE', value: shiftedValue(r.anchor, sign * steps, u) };
            if (mod) v.mod = mod;
            return v;
          },
        };
      }
      if (m[2] && /^the$/i.test(m[2].trim()) && vague) return null;
      // "a minute and a half", "a year and a half"
      const half = n !== null && !suffix && !m[6] ? /^\s+and\s+a\s+half\b/i.exec(after) : null;
      if (half && n !== null) n += 0.5;
      return {
        start,
        end: half ? end + half[0].length : relational ? end - m[8].length - (/\s+$/.exec(m[0].slice(0, -m[8].length))?.[0].length ?? 0) : end,
        resolve() {
          const v: TimexValue = { type: 'DURATION', value: durationValue(n, unit) };
          if (mod) v.mod = mod;
          return v;
        },
      };
    },
    1,
  ),
  // years, weeks, months (bare plurals after for/in/within/over), decades, centuries; over the years,
  // in the early years, the first hours of the war, in the weeks ahead (a stretch of unknown length);
  // 'the days before the shooting' is a time the event fixes, not written here
  rule(
    `(?<=\\b(?:for|in|within|over|after|take|takes|took|last|lasted|of|during|throughout)\\s+)(?:the\\s+(?:(?:early|first|final|closing|coming|ensuing|following|intervening|remaining)\\s+)?)?(years|months|weeks|days|hours|minutes|decades|centuries)\\b(?:\\s+(?:ahead|to\\s+come)\\b)?(?!\\s+(?:of|ago|earlier|before|later|old|after|since)\\b)`,
    (m) => {
      const unit = unitOf(lc(m[1]).replace(/ies$/, 'y').replace(/s$/, ''));
      return fixed(m, { type: 'DURATION', value: durationValue(null, unit) });
    },
    0,
  ),
  // recent years (PAST_REF), recent months/weeks/days (a vague stretch)
  rule(`\\brecent\\s+(years|months|weeks|days|quarters|decades)\\b`, (m) => {
    const u = lc(m[1]);
    if (u === 'years') return fixed(m, { type: 'DATE', value: 'PAST_REF' });
    return fixed(m, { type: 'DURATION', value: durationValue(null, unitOf(u.replace(/s$/, ''))) });
  }, 2),
  // the nine months, the first nine months, the six months (ended ...), the year-earlier nine months (one stretch);
  // the first two quarters of 1990 (that year's first half)
  rule(
    `\\bthe\\s+(?:(first|last|past|latest|previous|same|year-earlier|year-ago|comparable|corresponding)\\s+)?(${NUM})\\s+(month|week|year|day|quarter)s\\b(?:\\s+of\\s+(\\d{4})\\b)?`,
    (m) => {
      const n = enNumber(m[2]);
      if (n === null || n < 2) return null;
      const unit = unitOf(m[3]);
      const half = m[4] && unit === 'Q' && n === 2 && /^(?:first|last)$/i.test(m[1] ?? '') ? (lc(m[1]) === 'first' ? 1 : 2) : 0;
      if (half) return fixed(m, { type: 'DATE', value: `${m[4]}-H${half}` });
      const value = durationValue(n, unit);
      // any other count leaves the printed year a timex of its own
      const end = m.index + m[0].length - (m[4] ? m[0].length - m[0].search(/\s+of\s+\d{4}$/) : 0);
      return { start: m.index, end, resolve: () => (unit === 'M' ? stretch({ type: 'DURATION', value }) : { type: 'DURATION', value }) };
    },
    2,
  ),
  // daily, weekly, annually, every day, each year, twice a year, per month
  rule(
    `\\b(?:(daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually)|(every|each|per)\\s+(?:(other|two|three|four|five|six|ten|few)\\s+)?(day|week|month|year|hour|minute|quarter|morning|evening|night|weekend|summer|winter|spring|fall)s?|(?<=(?:times|\\bonce|\\btwice)\\s+)(a|an)\\s+(day|week|month|year|hour|minute|quarter))\\b`,
    (m, text) => {
      if (!m[2] && isRate(text, m.index)) return null;
      if (m[1]) {
        const w = lc(m[1]);
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
        // "daily newspaper", "a weekly magazine": an adjective of a publication is not a time
        if (/^\s+(?:newspapers?|papers?|magazines?|news|journal|publications?|bulletin|show)\b/i.test(after)) return null;
        // "the Communist Party daily Granma": a newspaper named after it
        if (/^\s+[A-Z]/.test(after) && /\b(?:the|a|party|its)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, m.index - 24), m.index))) return null;
        const code: Record<string, string> = { daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', quarterly: 'P3M', semiannually: 'P6M' };
        return fixed(m, { type: 'SET', value: code[w] });
      }
      const unitWord = lc(m[4] ?? m[6]);
      const every = m[3] ? enNumber(m[3] === 'other' ? 'two' : m[3]) : 1;
      const pod = WORDS.partsOfDay[unitWord];
      if (pod) return fixed(m, { type: 'SET', value: `XXXX-XX-XXT${pod}` });
      const season = WORDS.seasons[unitWord];
      if (season) return fixed(m, { type: 'SET', value: `XXXX-${season}` });
      if (unitWord === 'weekend') return fixed(m, { type: 'SET', value: 'XXXX-WXX-WE' });
      const unit = unitOf(unitWord);
      return fixed(m, { type: 'SET', value: durationValue(every ?? 1, unit) });
    },
    3,
  ),
  // the year ("a high for the year", "in the year": the year talked about), for the week (a stretch), the day (the anchor's day)
  rule(`\\b(for|during|in|of)\\s+the\\s+(year|day|week|month)\\b(?!['-])`, (m, text) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
    // "the year of the dragon" names a year; "a high for the year of $42.875" gives an amount
    if (/^\s+(?:of(?!\s+(?:[$#]|[A-Z]{1,2}\$|\d))|in|before|after|when|that|ended|ending|to)\b/i.test(after)) return null;
    const word = lc(m[2]);
    const start = m.index + m[0].toLowerCase().lastIndexOf('the ');
    const end = m.index + m[0].length;
    const prep = lc(m[1]);
    if ((prep === 'for' && word !== 'year') || prep === 'during') return { start, end, resolve: () => ({ type: 'DURATION', value: durationValue(1, unitOf(word)) }) };
    if (word === 'day') return { start, end, resolve: (r) => ({ type: 'DATE', value: referenceDay(r.state, r.anchor) }) };
    if (word === 'year') return { start, end, resolve: (r) => ({ type: 'DATE', value: yearTalkedAbout(r) }) };
    return null;
  }),
  // the year ended June 30, the fiscal year ending Sept. 30 (a stretch); the full year (the anchor's year)
  rule(`\\bthe\\s+(?:(full|entire|whole)\\s+)?(?:fiscal\\s+)?year(?=\\s+(?:ended|ending|ends|that\\s+ended|through|to\\s+date)\\b|\\s*$|\\s*[.,;]|(?<=(?:full|entire|whole)\\s+year)(?![-'\\w]))`, (m, text) => {
    const ended = /^\s+(?:ended|ending|ends|that|through|to)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
    if (m[1] && !ended) return fixed(m, (r) => ({ type: 'DATE', value: r.anchor ? formatYear(r.anchor.y) : 'XXXX' }));
    if (!ended) return null;
    return fixed(m, { type: 'DURATION', value: 'P1Y' });
  }, 1),
  // the fiscal year, the current fiscal year
  rule(`\\bthe\\s+(?:(current|new|next|last|previous)\\s+)?fiscal\\s+year\\b(?!\\s+(?:\\d{4}|ended|ending|ends|that))`, (m, text) =>
    fixed(m, (r) => {
      // "lower earnings for the fiscal year": the year talked about, as "for the year" is
      if (!m[1] && /\bfor\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) return { type: 'DATE', value: yearTalkedAbout(r) };
      if (!m[1]) return { type: 'DURATION', value: 'P1Y' };
      const shift = REL_SHIFT[lc(m[1])] ?? 0; // 'new' is the current one
      return { type: 'DATE', value: r.anchor ? formatYear(r.anchor.y + shift) : 'XXXX' };
    }),
  ),
  // the winter of 1994, summer 1990, spring (DATE of the anchor's year with a season)
  rule(
    `\\b(?:(early|late|mid)[- ])?(?:the\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+of)?\\s+(\\d{4}|nineteen[- ]\\w+(?:[- ]\\w+)?)\\b`,
    (m) => {
      const y = /^\d/.test(m[3]) ? +m[3] : spelledYear(lc(m[3]));
      if (y === null) return null;
      return fixed(m, { type: 'DATE', value: `${formatYear(y)}-${WORDS.seasons[lc(m[2])]}` });
    },
    2,
  ),
  // the summer, over the winter, the early spring: the season of the anchor's year the text can mean
  rule(
    `\\bthe\\s+(?:(early|late|mid)[- ]?\\s*)?(spring|summer|fall|autumn|winter)\\b(?!\\s+(?:of|\\d))`,
    (m) =>
      fixed(m, (r) => {
        const season = WORDS.seasons[lc(m[2])];
        if (!r.anchor) return { type: 'DATE', value: `XXXX-${season}` };
        const startMonth: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
        // a season that has not begun by the anchor is last year's, unless the text looks ahead
        const begun = startMonth[season] <= r.anchor.m || (season === 'WI' && r.anchor.m <= 2);
        const y = season === 'WI' && r.anchor.m <= 2 ? r.anchor.y - 1 : begun || r.future(m.index, m.index + m[0].length) ? r.anchor.y : r.anchor.y - 1;
        const v: TimexValue = { type: 'DATE', value: `${formatYear(y)}-${season}` };
        const mod = edgeMod(m[1]);
        if (mod) v.mod = mod;
        return v;
      }),
    1,
  ),
  // year-end, the end of the year/month/week: the value of the unit, modified
  rule(
    `\\b(?:(year|month|week)-end|(?:around|by|at)\\s+(year)\\s+end)\\b`,
    (m, text) => {
      const unit = unitOf(m[1] ?? m[2]);
      const start = m[2] ? m.index + m[0].toLowerCase().indexOf('year') : m.index;
      // "by year-end" is the last day of the year; "around year end" its last month
      const around = /^around/i.test(m[0]);
      // "since year-end" looks back to the last one
      const since = /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index));
      return {
        start,
        end: m.index + m[0].length,
        resolve: (r) => {
          if (!r.anchor || unit !== 'Y') return { type: 'DATE', value: shiftedValue(r.anchor, 0, unit), mod: 'END' };
          const y = r.anchor.y - (since ? 1 : 0);
          return { type: 'DATE', value: around ? `${formatYear(y)}-12` : `${formatYear(y)}-12-31` };
        },
      };
    },
    1,
  ),
  rule(
    `\\b(?:the\\s+)?(end|beginning|start|middle|close|rest)\\s+of\\s+(?:the|this)\\s+(year|month|week|quarter|decade|century)\\b`,
    (m) => {
      const unit = unitOf(m[2]);
      return fixed(m, (r) => {
        const mod = edgeMod(m[1]);
        if (unit === 'Q') {
          const q = currentQuarter(r);
          return { type: 'DATE', value: q ? `${formatYear(q.y)}-Q${q.q}` : 'XXXX-QX', ...(mod ? { mod } : {}) };
        }
        return { type: 'DATE', value: shiftedValue(r.anchor, 0, unit), ...(mod ? { mod } : {}) };
      });
    },
    2,
  ),
  // noon, midnight, 10 p.m., 7:15 p.m. (date from the neighbouring day words or the anchor)
  rule(
    `\\b(?:(around|about|at|by|until|before|after)\\s+)?(?:(\\d{1,2})(?::(\\d{2}))?\\s*([ap])(?:\\.m\\.|m\\b)|(\\d{1,2}):(\\d{2})(?!\\d)|(noon|midday|midnight))(?:\\s+(EST|EDT|CST|CDT|PST|PDT|GMT|local\\s+time))?(?:,?\\s+(?:(today|yesterday|tomorrow|tonight)|(${WEEKDAY})|(${MONTH})\\s+(\\d{1,2})))?`,
    (m) => {
      let h = m[2] !== undefined ? +m[2] : m[5] !== undefined ? +m[5] : /^(?:noon|midday)$/.test(lc(m[7] ?? '')) ? 12 : 24;
      const minute = m[3] !== undefined ? +m[3] : m[6] !== undefined ? +m[6] : 0;
      if (h > 24 || minute > 59) return null;
      if (m[4]) {
        const pm = lc(m[4]) === 'p';
        if (pm && h < 12) h += 12;
        if (!pm && h === 12) h = 0;
      }
      if (h === 24) h = 0;
      if (m[5] !== undefined && !m[10] && !m[11] && !m[12]) {
        // a bare 10:05 needs no words around it, but scores (2:1) are not times
        if (+m[5] > 24) return null;
      }
      const prefix = m[1] ? lc(m[1]) : '';
      const start = prefix && prefix !== 'around' ? m.index + m[1].length + 1 : m.index;
      const end = m.index + m[0].length;
      // midnight ends the day it is named with (TimeML T24)
      const hhmm = lc(m[7] ?? '') === 'midnight' ? 'T24' : `T${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
      return {
        start,
        end,
        resolve(r) {
          let date: string;
          if (m[9]) {
            const shift = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[lc(m[9]) as 'today'] ?? 0;
            date = r.anchor ? formatDay(addDays(r.anchor, shift)) : 'XXXX-XX-XX';
          } else if (m[10]) date = weekdayValue(r, WORDS.weekdays[lc(m[10])], '', start, end);
          else if (m[11]) {
            const month = monthOf(m[11])!;
            const y = r.yearFor(month, +m[12], start, end);
            date = `${y === null ? 'XXXX' : formatYear(y)}-${String(month).padStart(2, '0')}-${String(+m[12]).padStart(2, '0')}`;
          } else date = referenceDay(r.state, r.anchor, 0, Infinity);
          return { type: 'TIME', value: `${date}${hhmm}` };
        },
      };
    },
    3,
    'g',
  ),
  // mid-afternoon yesterday, late morning, in the morning (of the day the text talks about)
  rule(
    `(?:\\b(early|late|mid)[- ]?\\s*|(?<=(?<!\\d\\s*)\\bin\\s+)the\\s+)(morning|afternoon|evening)\\b(?:\\s+(today|yesterday|tomorrow))?`,
    (m) => {
      const code = WORDS.partsOfDay[lc(m[2])];
      const day = m[3] ? lc(m[3]) : '';
      return fixed(m, (r) => {
        const base = day && r.anchor ? formatDay(addDays(r.anchor, day === 'yesterday' ? -1 : day === 'tomorrow' ? 1 : 0)) : referenceDay(r.state, r.anchor, 0, Infinity);
        return { type: 'TIME', value: `${base}T${code}` };
      });
    },
    0,
  ),
  // "on April 24 and 25": the second day borrows the month (and takes a year printed after it)
  rule(
    `(?<=\\b(${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or|&)\\s+)(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?(?![.,]?\\d|\\s*(?:%|percent|cents?|million|billion|[a-z]+s\\b))`,
    (m) => monthDay(m, (y, month, day) => withYearless({ type: 'DATE', value: dayValue(y, month, day) ?? `XXXX-${String(month).padStart(2, '0')}-XX` }, !m[3])),
    1,
    'g',
  ),
  // "at 4 in the morning", "ten in the evening": a clock hour named with its part of the day
  rule(
    `\\b(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\\s+o'clock)?\\s+in\\s+the\\s+(morning|afternoon|evening)\\b`,
    (m, text) => {
      if (!/\b(?:at|by|until|before|after|around|about|from|since)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) return null;
      let h = /^\d/.test(m[1]) ? +m[1] : enNumber(m[1]) ?? 0;
      if (h < 1 || h > 12) return null;
      if (lc(m[2]) !== 'morning' && h < 12) h += 12;
      if (lc(m[2]) === 'morning' && h === 12) h = 0;
      return fixed(m, (r) => ({ type: 'TIME', value: `${referenceDay(r.state, r.anchor, 0, Infinity)}T${String(h).padStart(2, '0')}:00` }));
    },
    2,
  ),
  // "the week of March 6": the ISO week holding that day
  rule(
    `\\bthe\\s+week\\s+of\\s+(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`,
    (m) => monthDay(m, (y, month, day) => ({ type: 'DATE', value: y === null ? 'XXXX-WXX' : formatWeek({ y, m: month, d: day }) })),
    3,
    'g',
  ),
  // "for a while", "for some time", "for a fairly lengthy period": a stretch of unknown length
  rule(
    `(?<=\\bfor\\s+)(?:a\\s+while|some\\s+time|a\\s+long\\s+time|a\\s+(?:(?:fairly|very|relatively)\\s+)?(?:long|lengthy|short|brief)\\s+(?:time|period|while|spell))\\b`,
    (m) => fixed(m, { type: 'DURATION', value: 'PXX' }),
    1,
  ),
  // "today is the eighth day of Desert Shield", "It's the second day of an offensive": the day of the report
  rule(
    `(?<=\\b(?:today\\s+is|it's|it\\s+is)\\s+)the\\s+(${keys(WORDS.ordinals)})\\s+day(?=\\s+of\\b)`,
    (m) => fixed(m, (r) => ({ type: 'DATE', value: r.anchor ? formatDay(r.anchor) : 'XXXX-XX-XX' })),
    2,
  ),
  // that day, the same day, earlier that day, the next morning, the following day: the day the text talks about
  rule(
    `\\b(?:(earlier|later)\\s+)?(the\\s+following|the\\s+next|the\\s+previous|the\\s+same|that\\s+same|that)\\s+(day|morning|afternoon|evening|night)\\b(?![-'])`,
    (m) => {
      const rel = lc(m[2]);
      const shift = /following|next/.test(rel) ? 1 : /previous/.test(rel) ? -1 : 0;
      const pod = lc(m[3]);
      return fixed(m, (r) => {
        const last = r.state.lastDay;
        if (!last) return null;
        const day = addDays({ y: last.y ?? 2001, m: last.m, d: last.d }, shift);
        const date = last.y === null ? `XXXX-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}` : formatDay(day);
        // the evening and afternoon are clock-like parts of the day, as after a weekday
        if (pod === 'evening' || pod === 'afternoon') return derived({ type: 'TIME', value: `${date}T${WORDS.partsOfDay[pod]}` });
        return derived({ type: 'DATE', value: date });
      });
    },
    2,
  ),
  // "the day before last Tuesday's hearing", "the day after Oct. 12": one day off a named day
  rule(
    `\\bday\\s+(before|after)\\s+(?:(?:(last|next|this)\\s+)?(${WEEKDAY})|(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)`,
    (m) => {
      const shift = lc(m[1]) === 'before' ? -1 : 1;
      return fixed(m, (r, { start, end }) => {
        let base: Day | null = null;
        if (m[3] && r.anchor) {
          const [y, mo, d] = weekdayValue(r, WORDS.weekdays[lc(m[3])], m[2] ? lc(m[2]) : '', start, end).split('-').map(Number);
          base = { y, m: mo, d };
        } else if (m[4]) {
          const month = monthOf(m[4]);
          const y = month ? r.yearFor(month, +m[5], start, end) : null;
          if (month && y !== null && +m[5] <= 31) base = { y, m: month, d: +m[5] };
        }
        if (!base) return null;
        // the named day stays what the text talks about ("... last Tuesday's hearing; he appeared in court the next morning")
        r.state.lastDay = base;
        return derived({ type: 'DATE', value: formatDay(addDays(base, shift)) });
      });
    },
    3,
    'gi',
  ),
  // "between two to six days", "within two to three weeks": the first end of a range of durations is a
  // duration of its own, in the unit the second end names (TimeML annotates each end)
  rule(`\\b(${NUM})(?=\\s+to\\s+(?:${NUM})[- ](${UNIT})s?\\b)`, (m) => {
    const n = enNumber(lc(m[1]));
    const unit = unitOf(lc(m[2]));
    if (n === null || n > 5000 || unit === 'X') return null;
    return fixed(m, { type: 'DURATION', value: durationValue(n, unit) });
  }),
];

/** What each rule above needs to see (in the same order): it runs only near these hits. */
const EN_TRIGGERS: RegExp[] = [
  /\b(?:now|current|present|recent|lately|past|future|soon|term|coming|someday|later\s+date)/gi,
  /\bone\s+day\b/gi,
  /today|yesterday|tomorrow|tonight|(?:this|last)\s+(?:morning|afternoon|evening|night)/gi,
  /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/g,
  /Christmas|New\s+Year|Valentine|Halloween|Independence|Thanksgiving|Labor|Memorial|Veterans|Election|Easter|Fourth/g,
  /[Ee]very|[Ee]ach|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/g,
  /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:and|or)\s/g,
  /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/g,
  /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/g,
  /1\d\d\d|20\d\d|nineteen|two\s+thousand/gi,
  /\d0'?s|'\d0|ties\b/gi,
  /centur/gi,
  /quarter|\bhalf\b|\bperiod\b/gi,
  /\byear/gi,
  /(?:this|last|next|past|previous|coming|following|current|same|that)\s+(?:week|month|year|quarter|decade|century|spring|summer|fall|autumn|winter|fiscal)/gi,
  /weekend/gi,
  /\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)/gi,
  /years|months|weeks|days|hours|minutes|decades|centuries/gi,
  /recent/gi,
  /(?:months|weeks|years|days|quarters)\b/gi,
  /daily|weekly|monthly|annually|yearly|hourly|nightly|every|each|per\s|\s(?:a|an)\s+(?:day|week|month|year|hour|minute|quarter)\b/gi,
  /the\s+(?:year|day|week|month)/gi,
  /year/gi,
  /fiscal/gi,
  /spring|summer|fall|autumn|winter/gi,
  /\bthe\s+(?:(?:early|late|mid)[- ]?\s*)?(?:spring|summer|fall|autumn|winter)/gi,
  /-end|year\s+end/gi,
  /(?:end|beginning|start|middle|close|rest)\s+of/gi,
  /\d\s*(?:a|p)\.?m|\d:\d\d|noon|midday|midnight/gi,
  /morning|afternoon|evening/gi,
  /\d\s+(?:and|or|&)\s+\d/g,
  /\s+in\s+the\s+(?:morning|afternoon|evening)/gi,
  /week\s+of/gi,
  /\bfor\s+(?:a|some)\s/gi,
  /\sday\s+of\b/gi,
  /(?:following|next|previous|same|that)\s+(?:day|morning|afternoon|evening|night)/gi,
  /day\s+(?:before|after)\s/gi,
  /\sto\s+\S+[- ](?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)/gi,
];
if (EN_TRIGGERS.length !== EN_RULES.length) throw new Error('dates/en.ts: one trigger per rule');
EN_RULES.forEach((r, i) => (r.trigger = EN_TRIGGERS[i]));

/** The n-th (or, for -1, the last) given weekday of a month: Thanksgiving is the 4th Thursday of November. */
function nthWeekday(y: number, month: number, wd: number, n: number): Day {
  if (n > 0) {
    const first = { y, m: month, d: 1 };
    const offset = (wd - weekdayOf(first) + 7) % 7;
    return addDays(first, offset + 7 * (n - 1));
  }
  const last = addDays({ y, m: month + 1 > 12 ? 1 : month + 1, d: 1 }, -1);
  const lastDay = month === 12 ? { y, m: 12, d: 31 } : last;
  return addDays(lastDay, -((weekdayOf(lastDay) - wd + 7) % 7));
}

function spelledYear(raw: string): number | null {
  const s = raw.replace(/-/g, ' ').replace(/\s+/g, ' ');
  if (s.startsWith('two thousand')) {
    const rest = s.replace('two thousand', '').replace(/^ and /, '').trim();
    return 2000 + (rest ? enNumber(rest) ?? 0 : 0);
  }
  const m = /^nineteen (.+)$/.exec(s);
  if (!m) return null;
  const n = enNumber(m[1]);
  return n === null || n >= 100 ? null : 1900 + n;
}

/** A capitalised word right before a year, not at a sentence start: a name ("Windows 2000"). */
function isNamePart(before: string): boolean {
  const m = /([A-Z][\w&.-]*)\s+$/.exec(before);
  if (!m) return false;
  const w = m[1].replace(/\.$/, '');
  if (monthOf(w) || WORDS.weekdays[lc(w)] || /^(?:In|Since|By|Until|Through|From|Of|Fiscal|Before|After|During|And|To|The|Late|Early|Mid|Summer|Spring|Fall|Winter|Autumn|Year|Christmas|Easter|Thanksgiving)$/.test(w)) return false;
  const prefix = before.slice(0, m.index);
  return !/(?:^|[.!?]\s*|\n\s*)$/.test(prefix);
}
