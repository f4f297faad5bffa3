import type { Span } from '../../pipeline/layers.ts';

/** Plain `Intl.Segmenter` (ICU) sentences, trimmed: the baseline the stage is scored against. */
export function intlSentences(text: string, lang: string): Span[] {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
  }
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    let start = index;
    let end = index + segment.length;
    while (start < end && /\s/u.test(text[start])) start++;
    while (end > start && /\s/u.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
