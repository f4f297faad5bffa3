import type { LanguageGuess, LanguageSpan, Span } from '../../pipeline/layers.ts';
import { UNDETERMINED } from './detect.ts';
import { isLetter } from './scripts.ts';

/**
 * Paragraphs of the text: runs separated by blank lines, outer white space trimmed, empty ones
 * skipped. A text with no blank line at all (a raw dump with one paragraph a line) is split at
 * its line breaks instead.
 */
export function paragraphSpans(text: string): Span[] {
  const separator = /\n[ \t\r\f\v\u00a0]*\n/.test(text) ? /\n[ \t\r\f\v\u00a0]*\n\s*/g : /\n\s*/g;
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return spans;
}

/** Letters in text[start, end): the weight of a paragraph's vote. */
export function letterCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (isLetter(text.charCodeAt(i))) n++;
  return n;
}

/**
 * The article's language from its paragraphs: the language with the most letters behind it, each
 * paragraph's letters weighted by its confidence; the confidence is that language's share.
 */
export function articleLanguage(spans: LanguageSpan[], weights: number[]): LanguageGuess {
  const votes = new Map<string, { weight: number; script: string }>();
  let total = 0;
  spans.forEach((span, i) => {
    total += weights[i];
    if (span.lang === 'und') return;
    const vote = votes.get(span.lang) ?? { weight: 0, script: span.script };
    vote.weight += weights[i] * span.confidence;
    votes.set(span.lang, vote);
  });
  let best: [string, { weight: number; script: string }] | undefined;
  for (const entry of votes) if (!best || entry[1].weight > best[1].weight) best = entry;
  if (!best || total === 0) return UNDETERMINED;
  return { lang: best[0], script: best[1].script, confidence: Math.round((best[1].weight / total) * 1000) / 1000 };
}
