import type { Span } from '../../pipeline/layers.ts';
import {
  SPACED_TERMINATORS,
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
  UNSPACED_TERMINATORS,
} from './chars.ts';
import { languageRules, type LanguageRules } from './rules.ts';

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
const escapeClass = (s: string) => s.replace(/[\\\]\[^-]/g, '\\$&');
const candidateCache = new Map<string, RegExp>();

/** One regex per language finds the candidate marks; everything else is decided around them. */
function candidates(rules: LanguageRules): RegExp {
  let re = candidateCache.get(rules.lang);
  if (!re) {
    re = new RegExp(`[${escapeClass(SPACED_TERMINATORS + UNSPACED_TERMINATORS + rules.extraTerminators)}]`, 'g');
    candidateCache.set(rules.lang, re);
  }
  return re;
}

interface Line {
  text: string;
  rules: LanguageRules;
  casual: boolean;
}

/**
 * Sentence spans (UTF-16 offsets, outer white space trimmed) of `text` in language `lang`.
 * A line break always ends a sentence; inside a line, a terminator ends one when what follows says so.
 */
export function splitSentences(text: string, lang: string): Span[] {
  const rules = languageRules(lang);
  const line: Line = { text, rules, casual: isCasual(text, rules) };
  const spans: Span[] = [];
  let from = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    splitLine(line, from, m.index, spans);
    from = m.index + m[0].length;
  }
  splitLine(line, from, text.length, spans);
  return spans;
}

function isCasual(text: string, rules: LanguageRules): boolean {
  if (!rules.casualPronoun) return false;
  const re = new RegExp(`(?:^|[\\s"(])${rules.casualPronoun}(?=[\\s'’]|$)`, 'm');
  return re.test(text);
}

function push(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
}

function splitLine(line: Line, from: number, to: number, spans: Span[]): void {
  const { text, rules } = line;
  const re = candidates(rules);
  let start = from;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const i = m.index;
    let j = i + 1;
    while (j < to && (isRunMark(text[j], rules) || isFormat(text[j]))) j++;
    let k = j;
    while (k < to && isCloser(text[k])) k++;
    if (endsSentence(line, start, i, j, k, to)) {
      push(text, start, k, spans);
      start = k;
    }
    re.lastIndex = k;
  }
  push(text, start, to, spans);
}

const isRunMark = (c: string, rules: LanguageRules) =>
  SPACED_TERMINATORS.includes(c) || UNSPACED_TERMINATORS.includes(c) || rules.extraTerminators.includes(c);

/** Whether any letter or digit stands between `start` and `end` (a leading `...` starts no sentence of its own). */
function hasContent(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (isLetter(text[p]) || isDigit(text[p])) return true;
  return false;
}

/** The token before a mark: back to white space or an opening bracket/quote, format characters dropped. */
function wordBefore(text: string, start: number, i: number): string {
  let p = i;
  while (p > start && !isSpace(text[p - 1]) && !isOpener(text[p - 1])) p--;
  let w = text.slice(p, i);
  if (/\p{Cf}/u.test(w)) w = w.replace(/\p{Cf}/gu, '');
  return w;
}

/** The word after white space, past any opening quotes. */
function wordAfter(text: string, m: number, to: number): string {
  let p = m;
  while (p < to && isOpener(text[p])) p++;
  let q = p;
  while (q < to && (isLetter(text[q]) || text[q] === "'" || text[q] === '’')) q++;
  return text.slice(p, q);
}

function endsSentence(line: Line, start: number, i: number, j: number, k: number, to: number): boolean {
  const { text, rules } = line;
  let m = k;
  while (m < to && isSpace(text[m])) m++;
  if (m >= to) return true;
  if (!hasContent(text, start, i)) return false;
  const mark = text[i];
  if (isUnspacedTerminator(mark)) return unspacedEnds(text, start, i, k, m);
  if (m === k) return false; // 3.5, U.S.A, e.g., "Yahoo!Inc"
  const next = text[m];
  if (rules.extraTerminators.includes(mark)) return extraEnds(text, mark, m, to);
  const run = text.slice(i, j);
  if (run.includes('…') || run.includes('..')) return ellipsisEnds(next);
  if (mark !== '.' || run.length > 1) return strongEnds(line, next);
  return periodEnds(line, start, i, m, to);
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

function ellipsisEnds(next: string): boolean {
  return isUpper(next) || isOpener(next) || (isLetter(next) && !isLower(next));
}

/** ! ? and multi-mark runs: end unless the sentence goes on in lower case or after a comma or dash. */
function strongEnds(line: Line, next: string): boolean {
  if (isLower(next)) return line.casual || line.rules.lowercaseStarts;
  if (isMidPunct(next) || isDash(next)) return false;
  return true;
}

const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
const ROMAN = /^[ivxlcdm]+$/i;

function periodEnds(line: Line, start: number, i: number, m: number, to: number): boolean {
  const { text, rules } = line;
  const next = text[m];
  const word = wordBefore(text, start, i);
  const lower = word.toLowerCase();
  const lastPart = lower.slice(lower.lastIndexOf('.') + 1);
  const isTitle = rules.titles.has(lower) || (lower.includes('.') && rules.titles.has(lastPart));
  const isAbbreviation = isTitle || rules.abbreviations.has(lower) || rules.numberAbbreviations.has(lower);
  const isInitial = ([...word].length === 1 && isUpper(word)) || INITIALISM.test(word);
  // A list marker (`1.`, `a.`, `iv.`) opening the sentence.
  if (i - word.length <= start && (/^\d{1,3}$/.test(word) || /^\p{L}$/u.test(word) || ROMAN.test(word))) return false;

  if (isLower(next)) {
    if (isAbbreviation || isInitial) return false;
    return line.casual || rules.lowercaseStarts;
  }
  if (isDigit(next)) return !(isTitle || rules.numberAbbreviations.has(lower));
  if (isMidPunct(next) || isDash(next) || isCloser(next) && !isOpener(next)) return false;
  // A capital, an opening quote or bracket, a letter of a caseless script, a symbol.
  if (isTitle) return false;
  const after = wordAfter(text, m, to);
  if (isInitial) return rules.starters.has(after);
  if (rules.ordinalPeriods && /^\d{1,2}$/.test(word) && !rules.starters.has(after)) return false;
  return true;
}
