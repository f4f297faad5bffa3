/** A text dump cut into line blocks, with what a careful reader looks at in each. */
import { createRequire } from 'node:module';
import { cleanParagraph } from './normalize.ts';
import { stopWordDensity, type StopList } from './stopwords.ts';

const require = createRequire(import.meta.url);
const FURNITURE = require('./furniture.json') as {
  lines: Record<string, string[]>;
  patterns: Record<string, string[]>;
};

const LINE_KIND = new Map<string, string>();
for (const [kind, lines] of Object.entries(FURNITURE.lines)) for (const l of lines) LINE_KIND.set(l, kind);
const PATTERNS: [RegExp, string][] = Object.entries(FURNITURE.patterns).flatMap(([kind, ps]) =>
  ps.map((p) => [new RegExp(p, 'iu'), kind] as [RegExp, string]),
);

export interface TextBlock {
  /** Cleaned paragraph text (inner space runs collapsed, trimmed). */
  text: string;
  /** 0-based line of the dump. */
  line: number;
  /** A blank line precedes it in the dump. */
  blankBefore: boolean;
  words: string[];
  chars: number;
  /** Share of stop words of the dump's language. */
  density: number;
  /** Ends as a sentence does ('.', '!', '?', '…', a closing quote or bracket after one). */
  sentenceEnd: boolean;
  /** A furniture kind when the whole line is a known widget label (`share`, `ad`, ...). */
  furniture?: string;
  /** A bare address, handle or e-mail, or a run of '|'/'»' separated items. */
  linkLike: boolean;
}

const WORD = /[\p{L}\p{N}_]+(?:['’.-][\p{L}\p{N}_]+)*/gu;
const SENTENCE_END = /[.!?…。！？:;][”"'’»)\]]*$|[.!?…][”"'’»)\]]*\s*\/?$/u;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$|^@\w+$|^\S+@\S+\.\w+$/iu;
const SEPARATORS = /\s[|»›•·]\s/gu;
const OUTER_PUNCT = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/** Cookie banners: two plain tests instead of one pattern with two unbounded gaps. */
const COOKIE = /\bcookies?\b/iu;
const COOKIE_CONTEXT = /\b(?:website|site|browser|consent|experience|privacy|settings|accept)\b/iu;

/** Social networks: a short line naming two or more is a follow/share prompt. */
const NETWORKS = /\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|whatsapp|telegram|zalo|pinterest|snapchat)\b/giu;

export function furnitureKind(text: string): string | undefined {
  if (text.length < 1500 && COOKIE.test(text) && COOKIE_CONTEXT.test(text)) return 'consent';
  if (text.length < 150 && (text.match(NETWORKS)?.length ?? 0) >= 2) return 'promo';
  if (text.length > 80) {
    if (text.length < 1500)
      for (const [re, kind] of PATTERNS)
        if ((kind === 'consent' || ((kind === 'footer' || kind === 'newsletter' || kind === 'inline-related' || kind === 'promo' || kind === 'timestamp') && text.length < 200)) && re.test(text)) return kind;
    return undefined;
  }
  const bare = text.replace(OUTER_PUNCT, '').toLowerCase();
  const kind = LINE_KIND.get(bare);
  if (kind) return kind;
  for (const [re, k] of PATTERNS) if (re.test(bare) || re.test(text)) return k;
  return undefined;
}

export function toBlock(raw: string, line: number, blankBefore: boolean, stops: StopList | undefined): TextBlock | undefined {
  const text = cleanParagraph(raw);
  if (!text) return undefined;
  const words = text.match(WORD) ?? [];
  const separators = text.match(SEPARATORS)?.length ?? 0;
  return {
    text,
    line,
    blankBefore,
    words,
    chars: text.length,
    density: stopWordDensity(words, text, stops),
    sentenceEnd: SENTENCE_END.test(text),
    furniture: furnitureKind(text),
    linkLike: URL_ONLY.test(text) || (separators >= 2 && separators * 6 > words.length),
  };
}

/** Every non-empty line of a dump is a block. */
export function splitBlocks(text: string, stops: StopList | undefined): TextBlock[] {
  const out: TextBlock[] = [];
  let blank = true;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const block = toBlock(text.slice(start, end), line, blank, stops);
    if (block) out.push(block);
    blank = !block;
    line++;
    start = end + 1;
  }
  return out;
}
