import type { Span } from '../../pipeline/layers.ts';
import {
  SPACED_TERMINATORS,
  UNSPACED_TERMINATORS,
  isBullet,
  isCjkClose,
  isCjkOpen,
  isCloser,
  isDash,
  isDigit,
  isFormat,
  isLetter,
  isLower,
  isMidPunct,
  isOpener,
  isSpace,
  isUnspacedTerminator,
  isUpper,
} from './chars.ts';
import { lineUnits } from './lines.ts';
import { listItemStarts } from './lists.ts';
import { markupAt, markupBefore } from './markup.ts';
import { quotedRanges, type Range } from './quotes.ts';
import { languageRules, type LanguageRules } from './rules.ts';

/** A table-of-contents leader and page number closing a line: `Chapter 2 ........ 6`. */
const DOT_LEADER = /\s*\.{4,}\s*\d[\d\s-]*$/;
const THAI = /[\u0e00-\u0e7f]/;
const escapeClass = (s: string) => s.replace(/[\\\]\[^-]/g, '\\$&');
const candidateCache = new Map<string, RegExp>();

/** One regex per language finds the candidate marks; everything else is decided around them. */
function candidates(rules: LanguageRules): RegExp {
  let re = candidateCache.get(rules.lang);
  if (!re) {
    const marks = SPACED_TERMINATORS + UNSPACED_TERMINATORS + rules.extraTerminators + (rules.spaceTerminates ? ' ' : '');
    re = new RegExp(`[${escapeClass(marks)}]|-+(?=["”'’]\\s)`, 'g');
    candidateCache.set(rules.lang, re);
  }
  return re;
}

/** What the decisions need besides the position: the text, the language, the line's quotations. */
interface Context {
  text: string;
  rules: LanguageRules;
  casual: boolean;
  /** Quotations of the current chunk of a line, found on first need. */
  quotes: Range[] | null;
  chunkStart: number;
  chunkEnd: number;
}

/**
 * Sentence spans (UTF-16 offsets, outer white space and markup trimmed) of `text` in language
 * `lang` (ISO 639-1 or -3, or a BCP 47 tag). A paragraph break always ends a sentence, a line break
 * unless the text was re-flowed (`lines.ts`); inside a line a terminator ends one when its
 * surroundings say so, by the rules and word lists of the language.
 */
export function splitSentences(text: string, lang: string): Span[] {
  const rules = languageRules(lang);
  const ctx: Context = { text, rules, casual: isCasual(text, rules), quotes: null, chunkStart: 0, chunkEnd: 0 };
  const spans: Span[] = [];
  for (const unit of lineUnits(text, rules)) splitLine(ctx, unit.start, unit.end, spans);
  return spans;
}

const casualCache = new Map<string, RegExp>();

const LOWER_AFTER_END = /(?<=^|\s)(\p{Ll}{2,})([.?!]+)\s+\p{Ll}/gmu;

/**
 * Casual text (mail, chat, reviews) writes `i` for I and starts sentences in lower case: there a
 * terminator before a lower-case word ends a sentence. Told by the pronoun, or by two or more
 * ordinary words (not abbreviations) ending in a terminator before a lower-case word.
 */
function isCasual(text: string, rules: LanguageRules): boolean {
  if (!rules.casualPronoun) return false;
  let re = casualCache.get(rules.casualPronoun);
  if (!re) casualCache.set(rules.casualPronoun, (re = new RegExp(`(?:^|[\\s"(])${rules.casualPronoun}(?=[\\s'’]|$)`, 'm')));
  if (re.test(text)) return true;
  let seen = 0;
  LOWER_AFTER_END.lastIndex = 0;
  for (let m = LOWER_AFTER_END.exec(text); m; m = LOWER_AFTER_END.exec(text)) {
    const word = m[1];
    if (rules.abbreviations.has(word) || rules.titles.has(word) || rules.numberAbbreviations.has(word)) continue;
    if (m[2] === '!' && /,\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue; // `suddenly, thump! thump! down`
    if (++seen >= 2) return true;
  }
  return false;
}

/** Adds the span of `text[start, end)` without its outer white space and markup; markup alone is no sentence. */
function push(text: string, start: number, end: number, spans: Span[]): void {
  for (;;) {
    while (start < end && isSpace(text[start])) start++;
    const past = markupAt(text, start, end);
    if (past < 0) break;
    start = past;
  }
  for (;;) {
    while (end > start && isSpace(text[end - 1])) end--;
    const at = markupBefore(text, start, end);
    if (at < 0) break;
    end = at;
  }
  if (end > start) spans.push({ start, end });
}

function splitLine(ctx: Context, from: number, to: number, spans: Span[]): void {
  const { text } = ctx;
  while (from < to && isSpace(text[from])) from++;
  if (from >= to) return;
  const leader = to - from > 8 && text.charCodeAt(to - 1) <= 0x39 && text.lastIndexOf('....', to) >= from ? DOT_LEADER.exec(text.slice(from, to)) : null;
  if (leader) to = from + leader.index;
  // List items and mid-line bullets start sentences of their own; the rest is split at terminators.
  const forced = listItemStarts(text, from, to, ctx.rules);
  let chunk = from;
  for (const at of forced) {
    splitChunk(ctx, chunk, at, to, spans);
    chunk = at;
  }
  splitChunk(ctx, chunk, to, to, spans);
}

function splitChunk(ctx: Context, from: number, to: number, lineEnd: number, spans: Span[]): void {
  const { text, rules } = ctx;
  const re = candidates(rules);
  ctx.quotes = null;
  ctx.chunkStart = from;
  ctx.chunkEnd = to;
  let start = from;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const i = m.index;
    let j = i + 1;
    if (text[i] === ' ') {
      j = i;
    } else if (text[i] === '.' && text[i + 1] === ' ' && text[i + 2] === '.' && (isSpace(text[i - 1] ?? ' ') || (text[i + 3] === ' ' && text[i + 4] === '.'))) {
      while (j + 1 < to && text[j] === ' ' && text[j + 1] === '.') j += 2; // spaced ellipsis `. . .`
    } else if (text[i] === '-') {
      while (j < to && text[j] === '-') j++;
    } else {
      while (j < to && (isRunMark(text[j], rules) || isFormat(text[j]))) j++;
    }
    let k = j;
    for (let past = 0; k < to && (isCloser(text[k]) || (past = markupAt(text, k, to)) > 0); ) k = isCloser(text[k]) ? k + 1 : past;
    k = skipReference(text, i, k, to);
    if (endsSentence(ctx, start, i, j, k, to, lineEnd)) {
      push(text, start, k, spans);
      start = k;
      while (start < to && isSpace(text[start])) start++;
    }
    re.lastIndex = Math.max(k, i + 1);
  }
  push(text, start, to, spans);
}

const isRunMark = (c: string, rules: LanguageRules) =>
  c !== ' ' && (SPACED_TERMINATORS.includes(c) || UNSPACED_TERMINATORS.includes(c) || rules.extraTerminators.includes(c));

const REFERENCE = /(?:\[\d{1,3}\])+|\d{1,3}(?: \d{1,3})?(?=\s+\p{Lu})/uy;

/** A footnote mark glued to the period (`martyr.[1] The`, `consultation.11 12 Take`) stays with its sentence. */
function skipReference(text: string, i: number, k: number, to: number): number {
  if (text[i] !== '.' || k >= to || (text[k] !== '[' && !isDigit(text[k]))) return k;
  const before = text[i - 1] ?? ' ';
  if (isDigit(before) || isSpace(before)) return k;
  REFERENCE.lastIndex = k;
  const m = REFERENCE.exec(text);
  return m && k + m[0].length <= to ? k + m[0].length : k;
}

/** Whether any letter or digit stands between `start` and `end`. */
function hasContent(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (isLetter(text[p]) || isDigit(text[p])) return true;
  return false;
}

/** The token before a mark: back to white space or an opening bracket/quote, format characters dropped. */
function wordBefore(text: string, start: number, i: number): string {
  let p = i;
  while (p > start && !isSpace(text[p - 1]) && !isOpener(text[p - 1])) p--;
  const w = text.slice(p, i);
  return /\p{Cf}/u.test(w) ? w.replace(/\p{Cf}/gu, '') : w;
}

/** The word after white space, past any opening quotes, without an `'m`/`'ll` clitic. */
function wordAfter(text: string, m: number, to: number): string {
  let p = m;
  while (p < to && isOpener(text[p])) p++;
  let q = p;
  while (q < to && isLetter(text[q])) q++;
  return text.slice(p, q);
}

function endsSentence(ctx: Context, start: number, i: number, j: number, k: number, to: number, lineEnd: number): boolean {
  const { text, rules } = ctx;
  const mark = text[i];
  if (mark === ' ') return rules.spaceTerminates && THAI.test(text[i - 1] ?? '') && THAI.test(text[i + 1] ?? '') && hasContent(text, start, i);
  let m = k;
  for (let past = 0; m < to && (isSpace(text[m]) || (past = markupAt(text, m, to)) > 0); ) m = isSpace(text[m]) ? m + 1 : past;
  if (m >= to) return to < lineEnd; // a forced list boundary follows
  if (!hasContent(text, start, i)) return loneMarksEnd(text, start, i, j, k, m);
  if (isUnspacedTerminator(mark)) return unspacedEnds(text, start, i, k, m);
  if (m === k) return mark === '.' && gluedSentenceEnds(text, start, i, k, to, rules);
  const next = text[m];
  if (rules.protectQuotes) {
    const quoted = quoteState(ctx, i, k);
    if (quoted === 'open') return false;
    // Closed right after the mark: a new sentence starts with a capital (or, after a double quote or bracket, an opening one).
    if (quoted === 'closed') return isUpper(next) || (isOpener(next) && /["”)\]»]/.test(text.slice(j, k)) && !text.slice(i, j).includes('..'));
  }
  if (rules.extraTerminators.includes(mark)) return extraEnds(text, mark, m, to);
  if (mark !== '.' && isDash(next) && k === j && isSpace(text[m + 1] ?? '') && isUpper(text[m + 2] ?? '')) return true; // `What do you see? - Posted`
  const run = text.slice(i, j).replace(/\p{Cf}/gu, '');
  if (mark === '-') return rules.protectQuotes && k > j && isUpper(next); // `to--" At this moment`
  if (run.includes(' ')) return (run.match(/\./g) ?? []).length > 3 && isUpper(next); // `. . .` goes on, `. . . .` ends
  if (run.includes('…') || run.includes('..')) return ellipsisEnds(next);
  if (mark !== '.' || run.length > 1) return strongEnds(ctx, start, i, next);
  return periodEnds(ctx, start, i, m, to);
}

/** A sentence of marks only (`?` in mail, `..`) ends before a capital; a leading `...`/`…` runs into the next words. */
function loneMarksEnd(text: string, start: number, i: number, j: number, k: number, m: number): boolean {
  if (m === k || start !== i || !isUpper(text[m])) return false;
  const run = text.slice(i, j);
  return !(run === '...' || run.includes('…'));
}

const URL_START = /^(?:https?:\/\/|www\.)/i;

/**
 * `world.Today`, `1,000.That`, `world.I dag`: a period glued to a capitalised word of three letters
 * or more or a title, or after a lower-case word that is no abbreviation, to a capital standing alone.
 */
function gluedSentenceEnds(text: string, start: number, i: number, k: number, to: number, rules: LanguageRules): boolean {
  const before = text[i - 1] ?? '';
  if (k !== i + 1 || !(isLower(before) || isDigit(before))) return false;
  const word = wordBefore(text, start, i);
  if (/[@/.:]/.test(word) || /^\d{1,2}$/.test(word)) return false;
  const after = wordAfter(text, k, to);
  if (!isUpper(after[0] ?? '') || (after.length > 1 && !isLower(after[1]))) return false;
  const follow = text[k + after.length] ?? ' ';
  if (after.length > 1 && rules.titles.has(after.toLowerCase())) return true; // `Tuesday.Mr. Smith`
  if ((!isSpace(follow) && follow !== ',') || /^(?:Com|Net|Org|Edu|Gov)$/.test(after)) return false; // Newsfeed.Com, Jane.Doe@
  if (after.length >= 3) return true;
  if (after.length === 2) return false; // `information.As <|CITE|>` in pySBD's regressions
  // A capital standing alone is a word (I, A), not an initial: after an ordinary word it starts a sentence.
  const lower = word.toLowerCase();
  return /^\p{Ll}{2,}$/u.test(word) && !rules.abbreviations.has(lower) && !rules.numberAbbreviations.has(lower) && !rules.titles.has(lower);
}

/** Whether the mark stands inside a quotation or brackets, and if so whether the marks right after it close them all. */
function quoteState(ctx: Context, i: number, k: number): 'none' | 'open' | 'closed' {
  ctx.quotes ??= quotedRanges(ctx.text, ctx.chunkStart, ctx.chunkEnd);
  let state: 'none' | 'closed' = 'none';
  for (const r of ctx.quotes) {
    if (r.start < i && i < r.end) {
      if (r.end > k) return 'open';
      state = 'closed';
    }
  }
  return state;
}

/** 。！？ and Ethiopic marks: they end a sentence unless inside 「」《》 brackets or before a quoting particle. */
function unspacedEnds(text: string, start: number, i: number, k: number, m: number): boolean {
  if (text[i] === '．' && isDigit(text[i - 1] ?? '') && isDigit(text[k] ?? '')) return false;
  let depth = 0;
  for (let p = start; p < i; p++) {
    if (isCjkOpen(text[p])) depth++;
    else if (isCjkClose(text[p]) && depth > 0) depth--;
  }
  if (depth === 0) return true;
  for (let p = i; p < k; p++) if (isCjkClose(text[p])) depth--;
  if (depth > 0) return false;
  return !'とっ、，'.includes(text[m]);
}

/** Arabic/Persian `:` and `،`, Greek `;`. */
function extraEnds(text: string, mark: string, m: number, to: number): boolean {
  if (mark === '،') {
    // A comma before a one-word item that ends in a comma too is a list, not a boundary.
    let q = m;
    while (q < to && !isSpace(text[q])) q++;
    if (text[q - 1] === '،') return false;
  }
  return !isDigit(text[m]);
}

/** An ellipsis ends a sentence before a capital or an opening quote, not before a bracket (`91... (số thứ hai)`). */
function ellipsisEnds(next: string): boolean {
  return isUpper(next) || (isOpener(next) && !'([{'.includes(next)) || (isLetter(next) && !isLower(next));
}

/** ! ? and multi-mark runs: end unless the sentence goes on in lower case or after a comma or dash. */
function strongEnds(ctx: Context, start: number, i: number, next: string): boolean {
  if (isLower(next)) return ctx.casual || ctx.rules.lowercaseStarts;
  if (isMidPunct(next) || isDash(next)) return false;
  if (ctx.text[i] === '!' && ctx.rules.exclamationWords.has(wordBefore(ctx.text, start, i))) return false;
  return true;
}

const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const ROMAN = /^[ivxlcdm]+$/i;
const ACRONYM = /^\p{Lu}{2,}$/u;

function periodEnds(ctx: Context, start: number, i: number, m: number, to: number): boolean {
  const { text, rules } = ctx;
  const next = text[m];
  const word = wordBefore(text, start, i);
  const lower = word.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const lastPart = dot >= 0 ? lower.slice(dot + 1) : '';
  const isTitle = rules.titles.has(lower) || (lastPart.length > 1 && rules.titles.has(lastPart));
  const isListed = rules.abbreviations.has(lower);
  const isNumberAbbreviation = rules.numberAbbreviations.has(lower);
  const isInitial = !isListed && (([...word].length === 1 && isUpper(word)) || INITIALISM.test(word));
  // A list marker (`1.`, `a.`, `iv.`, `• 3.`, `⁃9.`) opening the sentence.
  const marker = word.replace(/^[•⁃▪◦●‣∙◆■□➢➤►*-]+/, '');
  if (!hasContent(text, start, i - word.length) && (/^\d{1,3}$/.test(marker) || /^\p{L}$/u.test(marker) || ROMAN.test(marker))) return false;

  if (isLower(next)) {
    if (URL_START.test(text.slice(m, m + 8))) return true; // `… ever before. http://…`
    if (isTitle || isListed || isNumberAbbreviation || isInitial) return false;
    return ctx.casual || rules.lowercaseStarts;
  }
  if (isDigit(next)) return !(isTitle || isNumberAbbreviation || isInitial);
  if (isMidPunct(next) || isDash(next) || (isCloser(next) && !isOpener(next))) return false;
  // A capital, an opening quote or bracket, a letter of a caseless script, a symbol.
  if (isTitle) return false;
  const after = wordAfter(text, m, to);
  if (isInitial) return rules.starters.has(after);
  if (isListed || isNumberAbbreviation) {
    if (next === '(' || ACRONYM.test(after)) return false; // `Inc. (“Company A”)`, `& Co. KG`
    if (INITIALISM.test(word) && isLower(word[0]) && rules.titles.has(after.toLowerCase())) return false; // `5 a.m. Mr. Smith`
  }
  if (rules.ordinalPeriods && /^[-–(]?\d{1,2}$/.test(word) && !rules.starters.has(after)) return false; // `am 3. Oktober`, `1. -3. Jahrhundert`
  if (rules.capitalisedNouns && isListed) return rules.starters.has(after); // `u.a. Spanisch`
  return true;
}
