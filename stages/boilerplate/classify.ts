/**
 * Article or furniture, line by line (jusText's paragraph classes, then the article's run).
 *  1. Each block gets a class from its length, stop-word density and shape: `good` (a long
 *     paragraph of running text), `near`, `short`, `bad` (menus, link lists, widgets).
 *  2. The article is the run of blocks with the highest total weight (good text counts its
 *     length, furniture counts against): site menus before it and link lists after it fall
 *     outside, short captions and sub-heads between paragraphs stay inside.
 *  3. Inside the run, short blocks stay when article text surrounds them; known widgets,
 *     link-like lines and lines that recur across the dump go.
 */
import { createRequire } from 'node:module';
import type { TextBlock } from './blocks.ts';

const DENSITY = createRequire(import.meta.url)('./density.json') as Record<string, number>;
const UNSPACED = new Set(['ja', 'zh', 'th']);
const CJK_LENGTH = 0.35;

export type Quality = 'good' | 'near' | 'short' | 'bad';

export interface ClassifyOptions {
  lengthLow: number;
  lengthHigh: number;
  stopLow: number;
  stopHigh: number;
  /** Weight of a short block in the run search (negative: it pulls the run's sum down). */
  shortWeight: number;
  nearWeight: number;
  badMin: number;
  /** Weight of a widget that ends an article (share, related, comments, footer labels). */
  breakWeight: number;
  /** Pull toward the text right after the headline, where articles start. */
  titleBonus: number;
}

export const DEFAULT_CLASSIFY: ClassifyOptions = {
  lengthLow: 70,
  lengthHigh: 200,
  stopLow: 0.3,
  stopHigh: 0.32,
  shortWeight: -20,
  nearWeight: 0.5,
  badMin: 30,
  breakWeight: -400,
  titleBonus: 400,
};

/** Widget kinds that mark the end of an article's text, not a pause inside it. */
const BREAKS = new Set(['comments', 'footer', 'consent', 'end', 'newsletter']);
/** Widgets printed inside articles too ('Read more', share buttons): a pause, not an end. */
const PAUSES = new Set(['share', 'related', 'inline-related', 'promo']);
/** Furniture that sits between paragraphs as often as a caption does: weighs like a short line. */
const INLINE = new Set(['credit', 'timestamp', 'comment-action', 'ad']);

export interface Verdict {
  quality: Quality;
  keep: boolean;
  /** Why a block went (for the removal record). */
  kind?: string;
}

/** A photo caption's credit at its end: 'Ảnh: AP', '(Photo: Reuters)', 'Foto: dpa'. */
const CREDIT_END = /[(.,;\s](?:ảnh|photo|foto|image|imagen|bild|picture|credit|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|quelle)s?\s*:\s*[^:]{1,60}\)?$/iu;

function sentences(text: string): number {
  return text.match(/[.!?…](?=\s+[\p{Lu}"“‘'(])/gu)?.length ?? 0;
}

export function quality(b: TextBlock, o: ClassifyOptions, recurring: boolean): Quality {
  if (b.furniture || b.linkLike) return 'bad';
  if (recurring && b.chars < o.lengthHigh) return 'bad';
  if (b.chars < o.lengthLow) return 'short';
  if (b.chars < o.lengthHigh * 2 && b.density < o.stopLow && CREDIT_END.test(b.text)) return 'short';
  if (b.density >= o.stopHigh) return b.chars >= o.lengthHigh ? 'good' : 'near';
  if (b.density >= o.stopLow) return 'near';
  // Long running prose with several sentences is text even when its stop words are few
  // (foreign names, figures): menus and link lists are not written in sentences.
  if (b.chars >= o.lengthHigh * 2 && b.density >= o.stopLow / 2 && sentences(b.text) >= 3) return 'near';
  return 'bad';
}

function weight(b: TextBlock, q: Quality, o: ClassifyOptions): number {
  if (b.furniture && BREAKS.has(b.furniture)) return o.breakWeight;
  if (b.furniture && PAUSES.has(b.furniture)) return o.breakWeight / 4;
  if (b.furniture && INLINE.has(b.furniture)) return o.shortWeight;
  // Headlines and teasers stop without a full stop; prose ends in one or holds several.
  const prose = b.sentenceEnd || (b.chars >= o.lengthHigh && sentences(b.text) >= 2);
  switch (q) {
    case 'good':
      return prose ? b.chars : b.chars * o.nearWeight;
    case 'near':
      return prose ? b.chars * o.nearWeight : o.shortWeight;
    case 'short':
      return (b.sentenceEnd || CREDIT_END.test(b.text)) && b.words.length >= 3 ? 0 : o.shortWeight;
    case 'bad':
      return b.sentenceEnd ? -b.chars / 2 : -Math.max(b.chars, o.badMin);
  }
}

/** Maximum-sum contiguous run (Kadane); [start, end) over the weights. */
export function bestRun(weights: number[]): [number, number] {
  let best = 0;
  let bestStart = 0;
  let bestEnd = 0;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < weights.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weights[i];
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i + 1;
    }
  }
  return [bestStart, bestEnd];
}

const comparable = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The block that prints the headline inside the page: the given title, or the head of the
 * dump's first line ('Headline - Site', the HTML <title>) met again further down. -1 when none.
 */
export function headlineBlock(blocks: TextBlock[], title?: string | null): number {
  const declared = title ? comparable(title) : '';
  const fromHead = new Set<string>();
  if (blocks.length > 1) {
    const first = blocks[0].text;
    fromHead.add(comparable(first));
    const parts = first.split(/\s[-|–—:·»]\s/u);
    for (let n = parts.length - 1; n >= 1; n--) fromHead.add(comparable(parts.slice(0, n).join(' ')));
  }
  for (const w of [...fromHead]) if (w.length < 15) fromHead.delete(w);
  if (declared.length < 15 && !fromHead.size) return -1;
  const limit = Math.min(blocks.length, 2000);
  for (let i = 0; i < limit; i++) {
    if (blocks[i].chars >= 400) continue;
    const text = comparable(blocks[i].text);
    // The dump's first line cannot be its own repeat; a declared title can be printed anywhere.
    if ((declared.length >= 15 && text === declared) || (i > 0 && fromHead.has(text))) return i;
  }
  return -1;
}

/**
 * Blocks that print text the page already has: an exact copy of an earlier block (a caption
 * printed twice, a headline again) or one long block that strings other blocks together (the
 * article body again in a teaser, a summary or structured data).
 */
export function repeatedBlocks(blocks: TextBlock[], window = 3): boolean[] {
  const out = blocks.map(() => false);
  // An exact copy close by (a caption printed twice); far-apart copies are lists and tables.
  const last = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.chars < 20) return;
    const at = last.get(b.text);
    if (at !== undefined && i - at <= window) out[i] = true;
    else last.set(b.text, i);
  });
  const parts = blocks.filter((b, i) => !out[i] && b.chars >= 60 && b.chars < 2000);
  let budget = 4000;
  blocks.forEach((long, i) => {
    if (out[i] || long.chars < 300) return;
    let covered = 0;
    for (const part of parts) {
      if (part === long || part.chars * 1.5 > long.chars) continue;
      if (--budget < 0) return;
      if (long.text.includes(part.text)) covered += part.chars;
    }
    if (covered >= long.chars * 0.5) out[i] = true;
  });
  return out;
}

/**
 * Density thresholds are set for languages whose running text is half stop words (English with
 * stopwords-iso); lists differ in size, so they scale by the language's measured value
 * (density.json), else by the dump's own long paragraphs.
 */
export function densityScale(blocks: TextBlock[], lang: string | undefined): number {
  let reference = lang ? DENSITY[lang] : undefined;
  if (reference === undefined) {
    const unspaced = lang !== undefined && UNSPACED.has(lang);
    const long = blocks.filter((b) => (unspaced ? b.chars >= 40 : b.words.length >= 15)).map((b) => b.density).sort((a, b) => a - b);
    if (long.length < 3) return 1;
    reference = long[long.length >> 1];
  }
  return Math.min(1, Math.max(0.4, reference / 0.5));
}

/** Prose that opens an article: function words, more than a headline's length, no widget. */
function standfirst(b: TextBlock, q: Quality, o: ClassifyOptions): boolean {
  if (b.furniture || b.linkLike || b.text.endsWith(':')) return false;
  // Leads are dense with names, so fewer function words than the body is fine if it reads as prose.
  if (q === 'bad' || b.density < o.stopLow) return b.sentenceEnd && b.words.length >= 12 && b.density >= o.stopLow / 2;
  return b.chars >= o.lengthLow * 1.5 || (b.sentenceEnd && b.words.length >= 8);
}

export function classifyBlocks(
  blocks: TextBlock[],
  recurring: (b: TextBlock) => boolean,
  base: ClassifyOptions = DEFAULT_CLASSIFY,
  headline = -1,
  lang?: string,
): Verdict[] {
  const scale = densityScale(blocks, lang);
  // A character of Chinese or Japanese carries what three or so of a spaced language do.
  const chars = lang !== undefined && UNSPACED.has(lang) ? CJK_LENGTH : 1;
  const o = { ...base, stopLow: base.stopLow * scale, stopHigh: base.stopHigh * scale, lengthLow: base.lengthLow * chars, lengthHigh: base.lengthHigh * chars };
  const repeats = repeatedBlocks(blocks);
  const qualities = blocks.map((b, i) => (repeats[i] ? 'short' : quality(b, o, recurring(b))));
  const weights = blocks.map((b, i) => (repeats[i] ? 0 : weight(b, qualities[i], o)));
  if (headline >= 0) {
    for (let i = headline + 1; i < Math.min(blocks.length, headline + 20); i++) {
      if (weights[i] > 0) {
        weights[i] += o.titleBonus;
        break;
      }
    }
  }
  const [runStart, end] = bestRun(weights);
  let start = runStart;
  // The standfirst right before the run (a sapo that ends in '...' or no stop at all).
  while (start > 0 && start - 1 > headline && runStart - start < 2 && standfirst(blocks[start - 1], qualities[start - 1], o) && !repeats[start - 1]) start--;
  const isText = (i: number) => i >= start && i < end && (qualities[i] === 'good' || qualities[i] === 'near');
  return blocks.map((b, i): Verdict => {
    const q = qualities[i];
    if (repeats[i]) return { quality: q, keep: false, kind: 'repeat' };
    if (i < start || i >= end) return { quality: q, keep: false, kind: b.furniture ?? (i < start ? 'header' : 'footer') };
    if (q === 'good' || q === 'near' || i < runStart) return { quality: q, keep: true };
    if (q === 'bad') return { quality: q, keep: false, kind: b.furniture ?? (b.linkLike ? 'link' : recurring(b) ? 'recurring' : 'boilerplate') };
    // A short block stays when article text lies on both sides of it (captions, sub-heads).
    let before = i - 1;
    while (before >= start && qualities[before] === 'short') before--;
    let after = i + 1;
    while (after < end && qualities[after] === 'short') after++;
    // A whole sentence inside the article's run stays too (a one-line paragraph, a quote).
    const sentence = b.sentenceEnd && b.words.length >= 4 && b.density >= o.stopLow && !b.furniture;
    const keep = sentence || (before >= start && after < end && isText(before) && isText(after));
    return { quality: q, keep, kind: keep ? undefined : 'short' };
  });
}
