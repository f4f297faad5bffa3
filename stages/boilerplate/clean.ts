/**
 * The article's own text out of a dump: line blocks classified (classify.ts), then the title,
 * byline and outlet tag moved to their fields, and every removal recorded.
 */
import type { RemovedText } from '../../pipeline/layers.ts';
import { splitBlocks, type TextBlock } from './blocks.ts';
import { classifyBlocks, DEFAULT_CLASSIFY, headlineBlock, repeatedBlocks, type ClassifyOptions } from './classify.ts';
import { findByline, isBylineLine, leadTag } from './metadata.ts';
import { chooseStopList } from './stopwords.ts';

export interface CleanInput {
  /** Normalised text (normalize.ts `normalizeRaw`), one block a line. */
  text: string;
  /** The title the dump declares, if any. */
  title?: string | null;
  /** The language the dump declares, if any (for the stop list). */
  lang?: string | null;
  /** Whether a block's line recurs across the dump (observe phase). */
  recurring?: (text: string) => boolean;
  /**
   * `dump`: a whole page as text, furniture and all. `extracted`: main content an extractor
   * already chose (Readability's), where only widgets, repeats and end matter are dropped.
   */
  mode: 'dump' | 'extracted';
  /** A byline the extractor found (HTML metadata). */
  byline?: string | null;
  options?: ClassifyOptions;
}

export interface Cleaned {
  paragraphs: string[];
  removed: RemovedText[];
  title: string | null;
  byline: string | null;
  outlet: string | null;
  dateline: string | null;
  /** The stop list's language (for notes). */
  stopLang: string | null;
}

const comparable = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A header block that can be the headline: a few words, not a widget, menu entry or byline. */
function headlineLike(b: TextBlock): boolean {
  return !b.furniture && !b.linkLike && b.words.length >= 3 && b.chars <= 250 && !/^\d+\.\s/.test(b.text) && !/[.:]$/.test(b.text) && !isBylineLine(b.text);
}

/** Widgets after which an extractor's content is end matter (author box, related, comments). */
// ('Read more' and share buttons also sit inside articles, so they do not end one.)
const END_KINDS = new Set(['end', 'comments', 'newsletter', 'footer', 'consent']);

/**
 * In extracted content, the first end-of-article widget in the last part of the text ends it:
 * what follows is the author box, related links, comments. Only when most of the text comes
 * before it, so an inline 'Read more' early on cannot cut an article short.
 */
function cutEndMatter(blocks: TextBlock[], keep: boolean[], kinds: (string | undefined)[]): void {
  const total = blocks.reduce((n, b, i) => n + (keep[i] ? b.chars : 0), 0);
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    const kind = blocks[i].furniture;
    if (kind && END_KINDS.has(kind) && before >= total * 0.6) {
      for (let j = i; j < blocks.length; j++) {
        if (keep[j]) kinds[j] = 'end-matter';
        keep[j] = false;
      }
      kinds[i] = kind;
      return;
    }
    if (keep[i]) before += blocks[i].chars;
  }
}

export function cleanText(input: CleanInput): Cleaned {
  const stops = chooseStopList(input.text, input.lang ?? undefined);
  const blocks = splitBlocks(input.text, stops);
  const recurring = input.recurring ? (b: TextBlock) => input.recurring!(b.text) : () => false;
  const keep: boolean[] = [];
  const kinds: (string | undefined)[] = [];
  const headline = headlineBlock(blocks, input.title);
  if (input.mode === 'dump') {
    const verdicts = classifyBlocks(blocks, recurring, input.options ?? DEFAULT_CLASSIFY, headline, stops?.lang);
    verdicts.forEach((v, i) => {
      keep[i] = v.keep;
      kinds[i] = v.kind;
    });
    // Nothing looks like article text (a one-line note, a caption): keep what is not a widget.
    if (!keep.some(Boolean)) blocks.forEach((b, i) => (keep[i] = !b.furniture && !b.linkLike && !recurring(b)));
  } else {
    const repeats = repeatedBlocks(blocks);
    blocks.forEach((b, i) => {
      const kind = repeats[i] ? 'repeat' : (b.furniture ?? (b.linkLike ? 'link' : recurring(b) ? 'recurring' : undefined));
      keep[i] = !kind;
      kinds[i] = kind;
    });
    cutEndMatter(blocks, keep, kinds);
  }

  const first = keep.indexOf(true);
  const last = keep.lastIndexOf(true);
  const meta: Record<number, string> = {};

  // Title: the declared one, else the headline printed in the page, else the last
  // headline-like block of the header.
  let title: string | null = input.title?.trim() || null;
  if (!title) {
    let at = headline >= 0 && (first < 0 || headline < first) ? headline : -1;
    if (at < 0 && input.mode === 'dump') {
      for (let i = (first < 0 ? blocks.length : first) - 1; i >= Math.max(0, first - 8); i--) {
        if (headlineLike(blocks[i])) {
          at = i;
          break;
        }
      }
    }
    if (at >= 0) title = blocks[at].text;
  }
  if (title) {
    const t = comparable(title);
    blocks.forEach((b, i) => {
      if (b.chars <= title!.length + 20 && !/[.!?]$/.test(b.text) && comparable(b.text) === t) {
        keep[i] = false;
        meta[i] = 'title';
      }
    });
  }

  // Byline: lines next to the body, between headline and lead or right after the last paragraph.
  let byline: string | null = null;
  if (first >= 0) {
    const header = [];
    for (let i = Math.max(0, first - 6); i < first; i++) if (!meta[i]) header.push(i);
    const footer = [];
    for (let i = last + 1; i < Math.min(blocks.length, last + 6); i++) footer.push(i);
    let found = input.mode === 'dump' ? findByline(blocks, header) : [];
    if (!found.length && input.mode === 'dump') found = findByline(blocks, footer);
    if (input.mode === 'extracted') {
      // Inside extracted content, only unmistakable credits at its edges ('By …', 'Theo …', 'Name (Theo X)').
      const edge = [first, first + 1, last - 1, last].filter((i) => i >= 0 && keep[i]);
      found = edge.filter((i) => blocks[i].chars <= 80 && isBylineLine(blocks[i].text) && /^(?:by|von|por|par|theo|nguồn)\s|\)$/iu.test(blocks[i].text));
      found = [...new Set(found)];
    }
    if (found.length) {
      byline = found.map((i) => blocks[i].text).join('\n');
      for (const i of found) {
        keep[i] = false;
        meta[i] = 'byline';
      }
    }
  }
  if (!byline && input.byline && input.byline.length <= 100) byline = input.byline;

  const paragraphs: string[] = [];
  const removed: RemovedText[] = [];
  let outlet: string | null = null;
  let dateline: string | null = null;
  blocks.forEach((b, i) => {
    if (!keep[i]) {
      removed.push({ kind: meta[i] ?? kinds[i] ?? 'boilerplate', text: b.text });
      return;
    }
    if (!paragraphs.length) {
      const rest = blocks.slice(i + 1, i + 40).map((x) => x.text).join('\n');
      const tag = leadTag(b.text, rest);
      if (tag && tag.lead.length > 0) {
        outlet = tag.outlet;
        dateline = tag.dateline;
        removed.push({ kind: outlet ? 'outlet' : 'dateline', text: tag.tag.trim() });
        paragraphs.push(tag.lead);
        return;
      }
    }
    paragraphs.push(b.text);
  });
  return { paragraphs, removed, title, byline, outlet, dateline, stopLang: stops?.lang ?? null };
}
