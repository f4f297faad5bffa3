/**
 * Hashed feature extraction for the averaged-perceptron tagger. A feature is a template id mixed
 * with hashes of token properties; its bucket indexes a row of per-tag weights. A word's own
 * properties are computed once per distinct word (WordFields), its context features once per
 * sentence; transition rows depend on the previous tag (see viterbi.ts).
 */
import { spread } from '../../../pipeline/hash-table.ts';
import { hashRange, hashString, mix } from './hash.ts';
import { stemHash } from './stems.ts';
import type { Token } from './tokenize.ts';
import { capitalBucket, signature } from './word-classes.ts';

/** Features per token that do not depend on the tags: 51 of the sentence, 3 of the document. */
export const STATIC_FEATURES = 54;
export const SENTENCE_FEATURES = 51;
/**
 * The slots that know the word itself rather than its context or make-up: the word and its
 * n-grams, gazetteer matches, the capitalised run's hash, the document memory. Training hides
 * them in some sentences (see train.ts) so that context learns to find names nobody listed.
 */
export const IDENTITY_SLOTS: readonly number[] = [1, 2, 7, 8, 9, 26, 27, 28, 37, 45, 46, 47, 48, 51, 52, 53];
/**
 * Static features that are functions of the token's own text alone (bias, word, lower case,
 * affixes, shape, word class): at tag time their summed row is cached per word (viterbi.ts).
 * A test checks that these slots do not change with the context.
 */
export const WORD_FEATURES: readonly number[] = [0, 1, 2, 12, 13, 14, 15, 16, 17, 18, 19, 30, 31, 43, 44, 45];
/**
 * Groups of static features of few distinct values whatever the word, and how they combine: the
 * shapes around the token; gazetteer marks, hyphen joins, quotations and the document memory
 * (constant outside names); word classes, letter kinds and name parts of the token and its
 * neighbours; the capitalised run (constant outside a run, most tokens). Their combinations
 * repeat, so at tag time each group's summed row is cached per combination of its buckets
 * (viterbi.ts). Small groups: 1,000 baomoi articles make ~50,000 combinations of the first three
 * together, too many for the cache, and far fewer of each.
 */
export const COMBO_GROUPS: readonly (readonly number[])[] = [
  [20, 21, 22, 23, 24, 25],
  [26, 27, 28, 49, 50, 51, 52, 53],
  [29, 33, 39, 40, 41, 42],
  [34, 35, 36, 37, 38],
];
/**
 * Slots that read the lower case of one neighbour alone, with the neighbour's offset: token i's
 * slot 3 is `feature(3, lower[i - 1])`. At tag time each word's rows for these slots are cached
 * with its own (viterbi.ts) and added to the tokens that see it there; beyond the sentence the
 * neighbour is the padding (`lowerPad`).
 */
export const LOWER_CONTEXT: readonly { slot: number; offset: number }[] = [
  { slot: 3, offset: -1 },
  { slot: 4, offset: 1 },
  { slot: 5, offset: -2 },
  { slot: 6, offset: 2 },
];
/** A feature slot with nothing in it (the model has no such resource): never stored, never trained. */
export const NO_FEATURE = -2;

/** Token properties the templates combine, hashed once per sentence. */
export interface SentenceView {
  length: number;
  word: Uint32Array;
  lower: Uint32Array;
  shape: Uint32Array;
  /** Bit 0: glued to the previous token; bit 1: starts with an upper-case letter. */
  flags: Uint8Array;
  /**
   * Letter kind: 0 none, 1 ASCII, 2 foreign ASCII (f/j/w/z, or a capitalised word that is no
   * Vietnamese syllable: `Jean`, `Marcus`, `Trump`), 3 Latin with diacritics, 4 other script.
   */
  letters: Uint8Array;
  /** Gazetteer marks: bits 0-3 begin a listed name of type k, bits 4-7 continue one. */
  gaz: Uint8Array;
  cluster: Uint32Array;
  /** Name-part flags per token, or null when the lexicon has none. */
  names: Uint8Array | null;
  /** Start and end (exclusive) of the run of capitalised tokens a token is in (start = end = -1 outside). */
  runStart: Int32Array;
  runEnd: Int32Array;
  prefix: Uint32Array; // 3 per token
  suffix: Uint32Array; // 6 per token (5 and 6 only where the model has stems)
  /** Stem hash per token (stems.ts), or null when the model has no endings (no stem features). */
  stem: Uint32Array | null;
  /** Gazetteer marks of stem sequences, as `gaz`; null without stems. */
  stemGaz: Uint8Array | null;
  /** Most of the sentence's letters are capitals (a headline). */
  caps: boolean;
  /** Place in a short quotation (`" La vida es silbar "`, `“Đinh ba Thần tốc 2016”`), see markQuotes; 0 outside. */
  quote: Uint8Array;
}

const PAD_L = hashString('<s>');
const HYPHEN = hashString('-');
const QUOTE_OPEN = new Set(['"', '“', '«', '„'].map(hashString));
const QUOTE_CLOSE = new Set(['"', '”', '»', '“'].map(hashString));
/** The longest quotation (in tokens, quotes included) that gets quotation features. */
const QUOTE_MAX = 14;
const PAD_R = hashString('</s>');

// Character classes by UTF-16 code unit, memoised: 1 upper, 2 lower, 3 digit, 4 other (0 = not yet known).
const CLASS = new Uint8Array(65536);
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

function charClass(code: number): number {
  let c = CLASS[code];
  if (c) return c;
  const ch = String.fromCharCode(code);
  c = ch !== ch.toLowerCase() ? UPPER : ch !== ch.toUpperCase() ? LOWER : /\p{N}/u.test(ch) ? DIGIT : 4;
  CLASS[code] = c;
  return c;
}

const SHAPE_CHAR = ['', 'X', 'x', 'd'];

/** Word shape with runs collapsed: `Hà`→`Xx`, `NATO`→`X`, `U.S`→`X.X`, `1996`→`d`. */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const k = charClass(code);
    const c = k < 4 ? SHAPE_CHAR[k] : word[i];
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

/**
 * Where a letter comes from: a name switching from Vietnamese syllables (diacritics) to a foreign
 * word (`Pháp | Jean-Marc`, `Dương | Jens`) often switches entity too.
 */
function letterKind(code: number): number {
  if (code < 128) {
    const lower = code | 0x20;
    return lower === 0x66 || lower === 0x6a || lower === 0x77 || lower === 0x7a ? 2 : 1;
  }
  return code < 0x250 || (code >= 0x1e00 && code < 0x1f00) ? 3 : 4;
}

/**
 * A Vietnamese syllable written without diacritics (`Nam`, `Lan`, `Kim`, `Thanh`): onset, one to
 * three vowels, coda. A capitalised ASCII word that is not one is a foreign word to the letter
 * kinds (`Pháp | Jean`, `Pháp | Macron`: VLSP writes a country before a foreign name).
 */
const VI_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$/;

export interface Lexicon {
  /** Name gazetteer: hash of a token sequence (see sequenceHash) to a type bit mask. */
  gazetteer(hash: number): number;
  /** Word class of a lower-cased word hash, or of a capitalised form's hash (see word-classes.ts; 0 = unknown). */
  cluster(hash: number): number;
  /** Name-part flags of a lower-cased word hash (see word-classes.ts), where the model has them. */
  nameParts?(lowerHash: number): number;
  /** Hashes of the language's inflectional endings (stems.ts), where the model has them. */
  endings?: ReadonlySet<number>;
}

export const NO_LEXICON: Lexicon = { gazetteer: () => 0, cluster: () => 0 };

export const GAZ_MAX_TOKENS = 8;

/** Hash of a run of token word hashes, as keys of the gazetteer. */
export function sequenceStep(h: number, word: number): number {
  return mix(h, word);
}
export const SEQUENCE_SEED = 0x2545f491;
/** Seed of stem sequences in the same gazetteer (`Москве` finds the listed `Москва`). */
export const STEM_SEED = 0x5bd1e995;

/** The longest listed name starting at each token, by the token hashes `keys`, marked into `marks`. */
function markNames(keys: Uint32Array, seed: number, lexicon: Lexicon, marks: Uint8Array): void {
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    let h = seed;
    let bestLen = 0;
    let bestMask = 0;
    for (let j = i; j < n && j < i + GAZ_MAX_TOKENS; j++) {
      h = sequenceStep(h, keys[j]);
      const mask = lexicon.gazetteer(h);
      if (mask) {
        bestLen = j - i + 1;
        bestMask = mask;
      }
    }
    if (bestLen) {
      marks[i] |= bestMask;
      for (let j = i + 1; j < i + bestLen; j++) marks[j] |= bestMask << 4;
    }
  }
}

/**
 * What a SentenceView holds about a word alone, by field: hashes of the word, of its lower case
 * and of its shape; bit 1 of the flags (starts upper case); 3 prefix and 6 suffix hashes; stem
 * hash; word class; name parts; letter kind; its upper-case letters and all its letters.
 */
const W_WORD = 0;
const W_LOWER = 1;
const W_SHAPE = 2;
const W_UPPER_START = 3;
const W_PREFIX = 4;
const W_SUFFIX = 7;
const W_STEM = 13;
const W_CLUSTER = 14;
const W_NAMES = 15;
const W_LETTERS = 16;
const W_UPPERS = 17;
const W_LETTER_COUNT = 18;
const W_FIELDS = 19;

/**
 * The word fields of the words a lexicon's tagger meets, direct-mapped by the word's hash (a slot
 * holds the last word that landed there, compared as a string). News repeats its words: most
 * tokens copy their fields instead of lower-casing, shaping, hashing and looking the word up in
 * the lexicon again.
 */
class WordFields {
  private readonly texts: (string | undefined)[];
  readonly fields: Uint32Array;
  private readonly mask: number;

  constructor(
    private readonly lexicon: Lexicon,
    slots = 1 << 14,
  ) {
    this.mask = slots - 1;
    this.texts = new Array(slots).fill(undefined);
    this.fields = new Uint32Array(slots * W_FIELDS);
  }

  /** Where the fields of word `w` (of hash `hash`) start in `fields`. */
  of(w: string, hash: number): number {
    const slot = spread(hash) & this.mask;
    const at = slot * W_FIELDS;
    if (this.texts[slot] !== w) {
      wordFields(w, hash, this.lexicon, this.fields, at);
      this.texts[slot] = w;
    }
    return at;
  }
}

function wordFields(w: string, hash: number, lexicon: Lexicon, f: Uint32Array, at: number): void {
  const lw = w.toLowerCase();
  f[at + W_WORD] = hash;
  const lower = (f[at + W_LOWER] = hashString(lw));
  const shape = shapeOf(w);
  f[at + W_SHAPE] = hashString(shape);
  const upperStart = shape[0] === 'X' ? 2 : 0;
  f[at + W_UPPER_START] = upperStart;
  const len = lw.length;
  for (let k = 0; k < 3; k++) f[at + W_PREFIX + k] = len > k + 1 ? hashRange(lw, 0, k + 1) : 0;
  const endings = lexicon.endings;
  const suffixes = endings ? 6 : 4;
  for (let k = 0; k < 6; k++) f[at + W_SUFFIX + k] = k < suffixes && len > k + 1 ? hashRange(lw, len - k - 1, len) : 0;
  f[at + W_STEM] = endings ? stemHash(lw, endings) : 0;
  // A capitalised form with a class of its own (a given name that is also a common word) uses it.
  f[at + W_CLUSTER] = (upperStart && lexicon.cluster(hash)) || lexicon.cluster(lower);
  f[at + W_NAMES] = lexicon.nameParts ? lexicon.nameParts(lower) : 0;
  let kind = 0;
  let uppers = 0;
  let letters = 0;
  for (let j = 0; j < w.length; j++) {
    const code = w.charCodeAt(j);
    const k = charClass(code);
    if (k === UPPER) uppers++;
    if (k === UPPER || k === LOWER) {
      letters++;
      kind = Math.max(kind, letterKind(code));
    }
  }
  f[at + W_LETTERS] = kind === 1 && upperStart && !VI_SYLLABLE.test(lw) ? 2 : kind;
  f[at + W_UPPERS] = uppers;
  f[at + W_LETTER_COUNT] = letters;
}

const wordFieldsOf = new WeakMap<Lexicon, WordFields>();

/**
 * The typed arrays of sentence views, reused from sentence to sentence by a tagger (it keeps no
 * view past its sentence; training keeps every view and passes none). A small typed array of its
 * own is a memory block of its own outside the heap, and a view takes fifteen.
 */
export class ViewArrays {
  private u32 = new Uint32Array(0);
  private u8 = new Uint8Array(0);
  private i32 = new Int32Array(0);
  private size = 0;

  /** Fresh (zeroed) arrays for a sentence of n tokens; the previous sentence's are overwritten. */
  take(n: number): { u32: (width: number) => Uint32Array; u8: () => Uint8Array; i32: () => Int32Array } {
    if (this.size < n) {
      this.size = Math.max(n, 2 * this.size);
      this.u32 = new Uint32Array(this.size * U32_PER_TOKEN);
      this.u8 = new Uint8Array(this.size * U8_PER_TOKEN);
      this.i32 = new Int32Array(this.size * I32_PER_TOKEN);
    }
    this.u32.fill(0, 0, n * U32_PER_TOKEN);
    this.u8.fill(0, 0, n * U8_PER_TOKEN);
    let a = 0;
    let b = 0;
    let c = 0;
    return {
      u32: (width) => this.u32.subarray(a, (a += width * n)),
      u8: () => this.u8.subarray(b, (b += n)),
      i32: () => this.i32.subarray(c, (c += n)),
    };
  }
}

/** What a view takes per token: word, lower, shape, cluster, stem, 3 prefixes, 6 suffixes; flags, letters, gaz, names, quote, stemGaz; run start and end. */
const U32_PER_TOKEN = 14;
const U8_PER_TOKEN = 6;
const I32_PER_TOKEN = 2;

const fresh = (n: number) => ({ u32: (width: number) => new Uint32Array(width * n), u8: () => new Uint8Array(n), i32: () => new Int32Array(n) });

export function viewSentence(tokens: Token[], lexicon: Lexicon, arrays?: ViewArrays): SentenceView {
  const n = tokens.length;
  const a = arrays ? arrays.take(n) : fresh(n);
  const view: SentenceView = {
    length: n,
    word: a.u32(1),
    lower: a.u32(1),
    shape: a.u32(1),
    flags: a.u8(),
    letters: a.u8(),
    gaz: a.u8(),
    cluster: a.u32(1),
    names: lexicon.nameParts ? a.u8() : null,
    runStart: a.i32().fill(-1),
    runEnd: a.i32().fill(-1),
    prefix: a.u32(3),
    suffix: a.u32(6),
    stem: null,
    stemGaz: null,
    caps: false,
    quote: a.u8(),
  };
  let words = wordFieldsOf.get(lexicon);
  if (!words) wordFieldsOf.set(lexicon, (words = new WordFields(lexicon)));
  const f = words.fields;
  const stem = lexicon.endings ? a.u32(1) : null;
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const at = words.of(t.text, hashString(t.text));
    view.word[i] = f[at + W_WORD];
    view.lower[i] = f[at + W_LOWER];
    view.shape[i] = f[at + W_SHAPE];
    view.flags[i] = (t.glued ? 1 : 0) | f[at + W_UPPER_START];
    for (let k = 0; k < 3; k++) view.prefix[i * 3 + k] = f[at + W_PREFIX + k];
    for (let k = 0; k < 6; k++) view.suffix[i * 6 + k] = f[at + W_SUFFIX + k];
    if (stem) stem[i] = f[at + W_STEM];
    view.cluster[i] = f[at + W_CLUSTER];
    if (view.names) view.names[i] = f[at + W_NAMES];
    view.letters[i] = f[at + W_LETTERS];
    upper += f[at + W_UPPERS];
    letters += f[at + W_LETTER_COUNT];
  }
  view.caps = letters >= 8 && upper / letters > 0.8;
  // Runs of capitalised tokens ('Khu thương mại [Lao Bảo]', 'ông [Nguyễn Văn An]').
  for (let i = 0; i < n; ) {
    if (!(view.flags[i] & 2)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && view.flags[j] & 2) j++;
    for (let k = i; k < j; k++) {
      view.runStart[k] = i;
      view.runEnd[k] = j;
    }
    i = j;
  }
  markNames(view.word, SEQUENCE_SEED, lexicon, view.gaz);
  markQuotes(view);
  if (stem) {
    view.stem = stem;
    view.stemGaz = a.u8();
    markNames(stem, STEM_SEED, lexicon, view.stemGaz);
  }
  return view;
}

/**
 * Short quotations, where titles and event names are (`el premiado " La vida es silbar "`): per
 * token bits 0-2 the place (1 opening quote, 2 closing quote, 3 first word, 4 inside, 5 last
 * word, 6 the only word), bits 3-5 the length, bit 6 a capitalised first word.
 */
function markQuotes(v: SentenceView): void {
  const n = v.length;
  for (let i = 0; i + 2 < n; i++) {
    if (!QUOTE_OPEN.has(v.word[i])) continue;
    let j = i + 2;
    while (j < n && j < i + QUOTE_MAX && !QUOTE_CLOSE.has(v.word[j])) j++;
    if (j >= n || j >= i + QUOTE_MAX) continue;
    const info = (Math.min(j - i - 1, 7) << 3) | ((v.flags[i + 1] & 2) << 5);
    v.quote[i] = 1 | info;
    v.quote[j] = 2 | info;
    for (let k = i + 1; k < j; k++) v.quote[k] = (j - i === 2 ? 6 : k === i + 1 ? 3 : k === j - 1 ? 5 : 4) | info;
    i = j;
  }
}

// Neighbour accessors with sentence padding. Module-level functions, not closures: staticFeatures
// runs per sentence, and closures made there would be allocated (and, under tsx, named) every time.
function wordAt(v: SentenceView, i: number): number {
  return i < 0 ? PAD_L : i >= v.length ? PAD_R : v.word[i];
}
function lowerAt(v: SentenceView, i: number): number {
  return i < 0 || i >= v.length ? lowerPad(i) : v.lower[i];
}
function shapeAt(v: SentenceView, i: number): number {
  return i < 0 ? PAD_L : i >= v.length ? PAD_R : v.shape[i];
}
/** Gazetteer marks (`gaz`, `stemGaz`) of token i, 0x100 beyond the sentence. */
function marksAt(marks: Uint8Array, i: number): number {
  return i < 0 || i >= marks.length ? 0x100 : marks[i];
}
function kindAt(v: SentenceView, i: number): number {
  return i < 0 || i >= v.length ? 5 : v.letters[i] | ((v.flags[i] & 2) << 2);
}
function namesAt(v: SentenceView, names: Uint8Array, i: number): number {
  return i < 0 || i >= v.length ? 0x20 : names[i] | ((v.flags[i] & 2) << 3);
}
function feature(template: number, a: number, b: number, mask: number): number {
  return mix(mix(template, a), b) & mask;
}

/** The bucket of LOWER_CONTEXT slot `slot` for a neighbour of lower-case hash `lower`. */
export function lowerContextBucket(slot: number, lower: number, mask: number): number {
  return feature(slot, lower, 0, mask);
}

/** The lower-case hash a LOWER_CONTEXT slot reads beyond the sentence: before it (a negative position or offset) or after it. */
export function lowerPad(offset: number): number {
  return offset < 0 ? PAD_L : PAD_R;
}

/**
 * The WORD_FEATURES of token i (functions of its own text alone) into `out[o + slot]`. At tag time
 * they are only computed when the word's row is not in the decoder's cache (see viterbi.ts).
 */
export function wordFeatures(v: SentenceView, i: number, mask: number, out: Int32Array, o: number): void {
  const c0 = v.cluster[i];
  out[o] = feature(0, 0, 0, mask);
  out[o + 1] = feature(1, v.word[i], 0, mask);
  out[o + 2] = feature(2, v.lower[i], 0, mask);
  for (let k = 0; k < 3; k++) out[o + 12 + k] = feature(12 + k, v.prefix[i * 3 + k], 0, mask);
  for (let k = 0; k < 4; k++) out[o + 15 + k] = feature(15 + k, v.suffix[i * 6 + k], 0, mask);
  out[o + 19] = feature(19, v.shape[i], 0, mask);
  out[o + 30] = feature(30, signature(c0, 8), 0, mask);
  out[o + 31] = feature(31, signature(c0, 16), 0, mask);
  const stem = v.stem;
  if (stem) {
    out[o + 43] = feature(43, v.suffix[i * 6 + 4], 0, mask);
    out[o + 44] = feature(44, v.suffix[i * 6 + 5], 0, mask);
    out[o + 45] = feature(45, stem[i], 0, mask);
  } else {
    out[o + 43] = NO_FEATURE;
    out[o + 44] = NO_FEATURE;
    out[o + 45] = NO_FEATURE;
  }
}

/**
 * Static feature buckets of every token, STATIC_FEATURES per token (the last three, the document
 * memory's, are left to historyFeatures). With `wordSlots` false the slots whose rows a decoder
 * caches per word (WORD_FEATURES, LOWER_CONTEXT; viterbi.ts) are left unset.
 */
export function staticFeatures(v: SentenceView, mask: number, out: Int32Array, offset = 0, wordSlots = true): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const o = offset + i * STATIC_FEATURES;
    if (wordSlots) wordFeatures(v, i, mask, out, o);
    const w0 = v.word[i];
    const l0 = v.lower[i];
    const s0 = v.shape[i];
    const lm1 = lowerAt(v, i - 1);
    const lp1 = lowerAt(v, i + 1);
    const sm1 = shapeAt(v, i - 1);
    const sp1 = shapeAt(v, i + 1);
    const glue = (v.flags[i] & 1) | (i + 1 < n ? (v.flags[i + 1] & 1) << 1 : 0);
    if (wordSlots) for (const context of LOWER_CONTEXT) out[o + context.slot] = lowerContextBucket(context.slot, lowerAt(v, i + context.offset), mask);
    out[o + 7] = feature(7, wordAt(v, i - 1), w0, mask);
    out[o + 8] = feature(8, w0, wordAt(v, i + 1), mask);
    out[o + 9] = feature(9, mix(lm1, l0), lp1, mask);
    out[o + 10] = feature(10, wordAt(v, i - 2), wordAt(v, i - 1), mask);
    out[o + 11] = feature(11, wordAt(v, i + 1), wordAt(v, i + 2), mask);
    out[o + 20] = feature(20, sm1, 0, mask);
    out[o + 21] = feature(21, sp1, 0, mask);
    out[o + 22] = feature(22, mix(sm1, s0), sp1, mask);
    out[o + 23] = feature(23, i === 0 ? 1 : 0, s0, mask);
    out[o + 24] = feature(24, glue, s0, mask);
    out[o + 25] = feature(25, v.caps ? 1 : 0, s0, mask);
    out[o + 26] = feature(26, marksAt(v.gaz, i), 0, mask);
    out[o + 27] = feature(27, marksAt(v.gaz, i - 1), marksAt(v.gaz, i + 1), mask);
    out[o + 28] = feature(28, marksAt(v.gaz, i), s0, mask);
    const c0 = v.cluster[i];
    const cm1 = i > 0 ? v.cluster[i - 1] : 0;
    const cp1 = i + 1 < n ? v.cluster[i + 1] : 0;
    out[o + 29] = feature(29, capitalBucket(c0), v.flags[i], mask);
    out[o + 32] = feature(32, signature(cm1, 8), signature(cp1, 8), mask);
    out[o + 33] = feature(33, capitalBucket(cm1) | (capitalBucket(cp1) << 3), v.flags[i], mask);
    // The capitalised run around the token: what precedes and follows it, and the run itself.
    const rs = v.runStart[i];
    if (rs >= 0) {
      const re = v.runEnd[i];
      const where = (i === rs ? 1 : 0) | (i === re - 1 ? 2 : 0) | (Math.min(re - rs, 4) << 2);
      let run = 0x1234567;
      for (let j = rs; j < re; j++) run = mix(run, v.word[j]);
      out[o + 34] = feature(34, lowerAt(v, rs - 1), where, mask);
      out[o + 35] = feature(35, mix(lowerAt(v, rs - 2), lowerAt(v, rs - 1)), where, mask);
      out[o + 36] = feature(36, lowerAt(v, re), where, mask);
      out[o + 37] = feature(37, run, where, mask);
      out[o + 38] = feature(38, shapeAt(v, rs - 1), lowerAt(v, re), mask);
    } else {
      for (let t = 34; t <= 38; t++) out[o + t] = feature(t, 0, 0, mask);
    }
    out[o + 39] = feature(39, kindAt(v, i - 1), kindAt(v, i), mask);
    out[o + 40] = feature(40, kindAt(v, i), kindAt(v, i + 1), mask);
    const names = v.names;
    if (names) {
      out[o + 41] = feature(41, namesAt(v, names, i), namesAt(v, names, i - 1), mask);
      out[o + 42] = feature(42, namesAt(v, names, i), namesAt(v, names, i + 1), mask);
    } else {
      out[o + 41] = NO_FEATURE;
      out[o + 42] = NO_FEATURE;
    }
    // Inflected languages: the stem after the word before, listed stems (stem and long suffixes: wordFeatures).
    const stem = v.stem;
    if (stem) {
      const stemGaz = v.stemGaz!;
      out[o + 46] = feature(46, lm1, stem[i], mask);
      out[o + 47] = feature(47, stemGaz[i], s0, mask);
      out[o + 48] = feature(48, marksAt(stemGaz, i - 1), marksAt(stemGaz, i + 1), mask);
    } else {
      out[o + 46] = NO_FEATURE;
      out[o + 47] = NO_FEATURE;
      out[o + 48] = NO_FEATURE;
    }
    out[o + 49] = hyphenJoin(v, i, mask);
    out[o + 50] = v.quote[i] ? feature(50, v.quote[i], 0, mask) : NO_FEATURE;
  }
}

/** Whether token i is a hyphen glued to two capitalised words (`Jean-Marc`, `Hàn Quốc-Nhật Bản`). */
function joins(v: SentenceView, i: number): boolean {
  return i > 0 && i + 1 < v.length && v.word[i] === HYPHEN && (v.flags[i] & 1) === 1 && (v.flags[i + 1] & 3) === 3 && (v.flags[i - 1] & 2) === 2;
}

/**
 * A hyphen joining two capitalised words, seen from the hyphen and from either word: the letter
 * kinds and name-part flags of both sides. Foreign given names join (`Jean-Marc`: two ASCII
 * words, both given names elsewhere); Vietnamese news joins two names (`Hàn Quốc-Nhật Bản`).
 */
function hyphenJoin(v: SentenceView, i: number, mask: number): number {
  const at = joins(v, i) ? i : joins(v, i + 1) ? i + 1 : joins(v, i - 1) ? i - 1 : -1;
  if (at < 0) return NO_FEATURE;
  const names = v.names;
  const sides = kindAt(v, at - 1) | (kindAt(v, at + 1) << 4) | (names ? (names[at - 1] << 8) | (names[at + 1] << 12) : 0);
  return feature(49, at - i + 2, sides, mask);
}

/** Bucket of the row holding the transition weights out of `prev` (0 = sentence start, else 1 + tag). */
export function transitionBucket(prev: number, mask: number): number {
  return mix(mix(100, prev), 0) & mask;
}

/** Bucket of the row for tag `prev` before a token of shape `shape`. */
export function transitionShapeBucket(prev: number, shape: number, mask: number): number {
  return mix(mix(101, prev), shape) & mask;
}

/**
 * The document-level features of token i: what the article said earlier about the same word and
 * about its stem (`history`, `stemHistory`: 0 none, else 1 + entity type index; stemHistory < 0
 * where the model has no stems), written at `out[offset..offset+3]`.
 */
export function historyFeatures(v: SentenceView, i: number, history: number, stemHistory: number, mask: number, out: Int32Array, offset: number): void {
  out[offset] = mix(mix(104, history), v.flags[i] & 2) & mask;
  out[offset + 1] = mix(mix(105, history), v.shape[i]) & mask;
  out[offset + 2] = stemHistory < 0 ? NO_FEATURE : mix(mix(106, stemHistory), (v.flags[i] & 2) | (history ? 1 : 0)) & mask;
}
