import { termHashOf, utf8Write } from './xxhash32.ts';

/**
 * The words of a text as columns of typed arrays. A word is a run of letters, marks and digits
 * (`[\p{L}\p{M}\p{N}]+`); its normal form is NFC, lower case. The normal forms are also laid
 * out as UTF-8, joined by one space, so that a word, two neighbouring words ("w1 w2", a bigram
 * term) or a line's words (a furniture key) are one byte range, hashed in place with xxHash32:
 * the same hashes as of the joined strings, with no string built per word or per term.
 */
export interface Tokens {
  /** The text the words were read from. */
  text: string;
  /** Words, and words of the first part (the text without its title, see `tokenize`). */
  n: number;
  nText: number;
  /** UTF-16 offsets of word i in `text`. */
  start: Uint32Array;
  end: Uint32Array;
  /** Normal form of word i: `norm.slice(normStart[i], normEnd[i])`. */
  norm: string;
  normStart: Uint32Array;
  normEnd: Uint32Array;
  /** UTF-8 of the normal forms joined by 0x20: word i at [byteStart[i], byteEnd[i]). */
  bytes: Uint8Array;
  byteStart: Uint32Array;
  byteEnd: Uint32Array;
  /** `termHash` of each normal form. */
  hash: Uint32Array;
}

const WORD = 1;
const NUMBER = 2;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const NUMBER_CHAR = /^\p{N}$/u;

function classOf(ch: string): number {
  return WORD_CHAR.test(ch) ? WORD | (NUMBER_CHAR.test(ch) ? NUMBER : 0) : 0;
}

/** Classes of the BMP, built on first use (65,536 regex tests, once a thread); astral ones cached as met. */
let bmp: Uint8Array | null = null;
const astral = new Map<number, number>();

function bmpClasses(): Uint8Array {
  if (bmp) return bmp;
  bmp = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) bmp[c] = classOf(String.fromCharCode(c));
  return bmp;
}

function astralClass(cp: number): number {
  let k = astral.get(cp);
  if (k === undefined) astral.set(cp, (k = classOf(String.fromCodePoint(cp))));
  return k;
}

/** Class of the code point at `s[i]` (a lone surrogate is none), and its length in UTF-16 units in the upper bits. */
function classAt(table: Uint8Array, s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return table[c] | 4;
  const low = s.charCodeAt(i + 1);
  if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) return astralClass(0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)) | 8;
  return 4;
}

/** Whether `s[from, to)` is all digits (`^\p{N}+$`). */
export function isNumeric(s: string, from: number, to: number): boolean {
  const table = bmpClasses();
  if (from >= to) return false;
  for (let i = from; i < to; ) {
    const k = classAt(table, s, i);
    if (!(k & NUMBER)) return false;
    i += k >> 2;
  }
  return true;
}

/**
 * Lower-casing a whole string gives each word's own lower case at the same offsets when the
 * length does not change (U+0130 İ lower-cases to two units; every other code point to as many
 * units as it has, a test checks all of them) and the string holds no capital sigma: Σ is the one
 * code point that lower-cases by context (final ς at the end of a word, σ elsewhere).
 */
const CONTEXTUAL_CASE = /\u03a3/;

/** Writes the [start, end) of the words of `s` (offsets plus `offset`) from word `n` on; returns the count after. */
function scanWords(s: string, offset: number, start: Uint32Array, end: Uint32Array, n: number): number {
  const table = bmpClasses();
  let from = -1;
  for (let i = 0; i < s.length; ) {
    const k = classAt(table, s, i);
    if (k & WORD) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      start[n] = offset + from;
      end[n++] = offset + i;
      from = -1;
    }
    i += k >> 2;
  }
  if (from >= 0) {
    start[n] = offset + from;
    end[n++] = offset + s.length;
  }
  return n;
}

/**
 * The words of `text`, then those of `title` (when given) as a second part, offsets as in one text
 * with a line break between the two, so that no bigram spans them (word i < nText is the text's).
 */
export function tokenize(text: string, title = ''): Tokens {
  const all = title ? `${text}\n${title}` : text;
  const length = all.length;
  const start = new Uint32Array((length >> 1) + 1);
  const end = new Uint32Array((length >> 1) + 1);
  // Each part on its own: `all` is a concatenation, slower to read character by character.
  const nText = scanWords(text, 0, start, end, 0);
  const n = title ? scanWords(title, text.length + 1, start, end, nText) : nText;
  // Text the boilerplate stage cleaned is NFC already: one check of each part, not one call per word.
  const nfcText = text.normalize('NFC') === text;
  const nfcTitle = !title || title.normalize('NFC') === title;
  let norm = nfcText && nfcTitle ? all.toLowerCase() : '';
  let normStart = start;
  let normEnd = end;
  if (!norm || norm.length !== length || CONTEXTUAL_CASE.test(all)) {
    // Each word on its own, as written: normalised and lower-cased by itself.
    const forms = new Array<string>(n);
    normStart = new Uint32Array(n);
    normEnd = new Uint32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const surface = all.slice(start[i], end[i]);
      forms[i] = ((i < nText ? nfcText : nfcTitle) ? surface : surface.normalize('NFC')).toLowerCase();
      normStart[i] = at;
      normEnd[i] = at += forms[i].length;
      at++;
    }
    norm = forms.join(' ');
  }
  const bytes = new Uint8Array(3 * (normEnd[n - 1] ?? 0) + n);
  const byteStart = new Uint32Array(n);
  const byteEnd = new Uint32Array(n);
  const hash = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    if (i) bytes[at++] = 0x20;
    byteStart[i] = at;
    byteEnd[i] = at = utf8Write(norm, normStart[i], normEnd[i], bytes, at);
    hash[i] = termHashOf(bytes, byteStart[i], at);
  }
  const cut = (a: Uint32Array) => (a.length === n ? a : a.subarray(0, n));
  return {
    text: all,
    n,
    nText,
    start: cut(start),
    end: cut(end),
    norm,
    normStart: cut(normStart),
    normEnd: cut(normEnd),
    bytes,
    byteStart,
    byteEnd,
    hash,
  };
}

/** The normal form of word i as a string. */
export function normOf(tok: Tokens, i: number): string {
  return tok.norm.slice(tok.normStart[i], tok.normEnd[i]);
}

/** The normal forms of words i and i + 1 joined by one space (a bigram term). */
export function pairOf(tok: Tokens, i: number): string {
  const { norm, normStart, normEnd } = tok;
  const gap = normEnd[i];
  if (normStart[i + 1] === gap + 1 && norm.charCodeAt(gap) === 32) return norm.slice(normStart[i], normEnd[i + 1]);
  return `${normOf(tok, i)} ${normOf(tok, i + 1)}`;
}

/** The tokens without the words inside `spans` (sorted, disjoint [start, end) ranges of the text). */
export function withoutSpans(tok: Tokens, spans: { start: number; end: number }[]): Tokens {
  if (!spans.length) return tok;
  const keep: number[] = [];
  let nText = 0;
  let p = 0;
  for (let i = 0; i < tok.n; i++) {
    while (p < spans.length && spans[p].end <= tok.start[i]) p++;
    if (p < spans.length && tok.start[i] >= spans[p].start && tok.end[i] <= spans[p].end) continue;
    keep.push(i);
    if (i < tok.nText) nText++;
  }
  const pick = (a: Uint32Array) => Uint32Array.from(keep, (i) => a[i]);
  return {
    ...tok,
    n: keep.length,
    nText,
    start: pick(tok.start),
    end: pick(tok.end),
    normStart: pick(tok.normStart),
    normEnd: pick(tok.normEnd),
    byteStart: pick(tok.byteStart),
    byteEnd: pick(tok.byteEnd),
    hash: pick(tok.hash),
  };
}
