/**
 * Language of a piece of text: script first, then the n-gram model among the languages written
 * in that script, with a fast path for Vietnamese (its letters and tone marks say it alone) and
 * franc for scripts the model has no language for.
 */
import { franc } from 'franc';
import type { LanguageGuess } from '../../pipeline/layers.ts';
import { toIso6391 } from './codes.ts';
import { createScratch, loadLanguageModel, scoreWord, type LanguageModel, type Scratch } from './model.ts';
import { pad } from './ngrams.ts';
import { SCRIPTS, forEachWord, scriptCounts } from './scripts.ts';

export interface DetectOptions {
  /** Only these languages (ISO 639-1 or 639-3 codes) may be answered. */
  languages?: string[];
  /** Characters of the text to read at most (long text: the first ones are enough). */
  maxChars?: number;
  /** Below this confidence the answer is `und` (keeping the script and the confidence). Default 0. */
  minConfidence?: number;
  /** Weights of languages the context makes likelier (`{ vi: 10 }`); others weigh 1. */
  prior?: Record<string, number>;
}

export const UNDETERMINED: LanguageGuess = { lang: 'und', script: 'Zyyy', confidence: 0 };

/** Fewer letters than this, in a script several languages share, is too little to tell. */
const MIN_LETTERS = 2;
/** Posterior temperature: per-character log-likelihoods overstate certainty (n-grams overlap); 0.3 is calibrated on dev bucket 1 (a model built without it). */
const TEMPERATURE = 0.3;
const DEFAULT_MAX_CHARS = 2000;
/**
 * One word may put a language at most this many nats behind the word's best language: a few
 * foreign names (Nguyễn Phú Trọng in an English quote) cannot outweigh the rest of the text.
 */
const WORD_CAP = 30;
/** The cap of a capitalised word in running text (at least this many letters, or two words). */
const NAME_CAP = 5;
const RUNNING_TEXT_LETTERS = 12;
const SEVERAL_WORDS = /\S\s+\S/;
/** Reading stops when, after this many characters, the best language leads the next by STOP_MARGIN nats. */
const STOP_AFTER_CHARS = 60;
const STOP_MARGIN = 40;

/** A Han character or a Hangul syllable says as much as a few alphabetic letters: it weighs 3 in the choice of script. */
const SYLLABIC: Record<number, number> = { [SCRIPTS.indexOf('Cjk')]: 3, [SCRIPTS.indexOf('Hang')]: 3 };

/** Letters only Vietnamese uses among the model's languages: ơ ư and the tone-marked vowels of U+1EA0–U+1EF9 (bar ẹ ọ, Yoruba's too). */
export function isVietnameseLetter(code: number): boolean {
  if (code >= 0x1ea0 && code <= 0x1ef9) return code !== 0x1eb8 && code !== 0x1eb9 && code !== 0x1ecc && code !== 0x1ecd;
  return code === 0x01a0 || code === 0x01a1 || code === 0x01af || code === 0x01b0;
}

function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== first.toLowerCase();
}

function hasVietnameseLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isVietnameseLetter(word.charCodeAt(i))) return true;
  return false;
}

const COMBINING_LATIN = /[\u0300-\u036f]/;
const WEB_HINT = /[@/]|www\.|\.(?:com|net|org|vn|ly|io)\b/i;
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|vn|info|io|ly|gov|edu|biz|co|uk)\b\S*/gi;

/** Share of Vietnamese-only letters among Latin letters above which text is Vietnamese, no model needed. */
const VIETNAMESE_SHARE = 0.08;
const VIETNAMESE_MIN_LETTERS = 24;

interface Candidates {
  /** Every language of the script (all are scored). */
  list: number[];
  /** Those the restriction allows, and the same as a mask by language index. */
  allowed: number[];
  mask: Uint8Array;
}

/** A detector bound to a model and a candidate restriction; reuse it (it keeps scratch buffers). */
export class LanguageDetector {
  readonly model: LanguageModel;
  private readonly allowed: Set<string> | null;
  private readonly scratch: Scratch;
  private readonly byScript = new Map<string, Candidates>();
  private readonly scores: Float64Array;
  private readonly vietnamese: number;
  private readonly temperature: number;
  private readonly wordScores: Float64Array;
  private readonly active: Int32Array;
  private readonly inRace: Uint8Array;
  private readonly wordCap: number;
  private readonly nameCap: number;

  constructor(options: { languages?: string[]; model?: LanguageModel; temperature?: number; wordCap?: number; nameCap?: number } = {}) {
    this.temperature = options.temperature ?? TEMPERATURE;
    this.wordCap = options.wordCap ?? WORD_CAP;
    this.nameCap = options.nameCap ?? NAME_CAP;
    this.model = options.model ?? loadLanguageModel();
    this.allowed = options.languages?.length ? new Set(options.languages.map(toIso6391)) : null;
    this.scratch = createScratch(this.model);
    this.scores = new Float64Array(this.model.codes.length);
    this.wordScores = new Float64Array(this.model.codes.length);
    this.active = new Int32Array(this.model.codes.length);
    this.inRace = new Uint8Array(this.model.codes.length);
    this.vietnamese = this.allowed && !this.allowed.has('vi') ? -1 : this.model.codes.indexOf('vi');
  }

  /**
   * The languages written in a script (all of them: the text is scored against every one, so a
   * restriction narrows the answer but the confidence still says how well the answer fits), and
   * those of them the restriction allows.
   */
  private candidates(script: string): Candidates {
    let entry = this.byScript.get(script);
    if (!entry) {
      const list = this.model.byScript.get(script) ?? [];
      const allowed = list.filter((i) => !this.allowed || this.allowed.has(this.model.codes[i]));
      const mask = new Uint8Array(this.model.codes.length);
      for (const i of allowed) mask[i] = 1;
      this.byScript.set(script, (entry = { list, allowed, mask }));
    }
    return entry;
  }

  /**
   * The language of `input` (its first `maxChars` characters). `prior` weighs languages the
   * context makes likelier (a short line in a Vietnamese article: `{ vi: 10 }`); default 1.
   */
  detect(input: string, maxChars = DEFAULT_MAX_CHARS, prior?: Record<string, number>): LanguageGuess {
    let text = input.length > maxChars ? input.slice(0, maxChars) : input;
    // Addresses (URLs, e-mail, domain names) are in no language.
    if (WEB_HINT.test(text)) text = text.replace(WEB_ADDRESS, ' ');
    // The model knows composed letters (NFC); decomposed tone marks (NFD dumps) are composed first.
    if (COMBINING_LATIN.test(text)) text = text.normalize('NFC');
    const limit = text.length;
    const counts = scriptCounts(text, limit);
    let best = 0;
    let letters = 0;
    for (let s = 1; s < counts.length; s++) {
      letters += counts[s];
      if (counts[s] * (SYLLABIC[s] ?? 1) > counts[best] * (SYLLABIC[best] ?? 1)) best = s;
    }
    if (letters === 0) return UNDETERMINED;
    const script = SCRIPTS[best];

    // Vietnamese letters: dense, the text is Vietnamese; sparse in a longer text, capitalised words
    // that have them are names (Nguyễn Phú Trọng in an English quote), left out of the scoring.
    let skipVietnameseWords = false;
    if (script === 'Latn' && this.vietnamese >= 0 && counts[best] >= VIETNAMESE_MIN_LETTERS) {
      let vi = 0;
      for (let i = 0; i < limit; i++) if (isVietnameseLetter(text.charCodeAt(i))) vi++;
      const share = vi / counts[best];
      if (share >= VIETNAMESE_SHARE) return { lang: 'vi', script, confidence: Math.min(0.99, 0.9 + share) };
      skipVietnameseWords = vi > 0;
    }

    const { list, allowed, mask } = this.candidates(script);
    if (list.length === 0) return this.franc(text, script);
    if (allowed.length === 0) return { ...UNDETERMINED, script };
    if (list.length === 1) return { lang: this.model.codes[list[0]], script: outputScript(script, this.model.codes[list[0]]), confidence: 0.99 };
    if (counts[best] < MIN_LETTERS && script !== 'Cjk') return { ...UNDETERMINED, script };

    // The languages still in the race: one far behind (BEAM nats) drops out, so long text gets
    // cheaper as it goes; under a restriction all stay (the allowed ones must be scored).
    const scores = this.scores;
    const active = this.active;
    const inRace = this.inRace;
    let count = list.length;
    for (let c = 0; c < count; c++) {
      active[c] = list[c];
      inRace[list[c]] = 1;
      scores[list[c]] = 0;
    }
    const prune = this.allowed === null;
    let scored = 0;
    const word = this.wordScores;
    // In running text a capitalised word may be a name from anywhere: it gets a tighter cap.
    const running = counts[best] >= RUNNING_TEXT_LETTERS || SEVERAL_WORDS.test(text);
    const add = (w: string): boolean => {
      for (let c = 0; c < count; c++) word[active[c]] = 0;
      const lower = w.toLowerCase();
      const cap = running && lower !== w ? this.nameCap : this.wordCap;
      scored += scoreWord(this.model, pad(lower), active, count, inRace, word, this.scratch);
      let high = -Infinity;
      for (let c = 0; c < count; c++) high = Math.max(high, word[active[c]]);
      let first = -Infinity;
      let second = -Infinity;
      for (let c = 0; c < count; c++) {
        const i = active[c];
        const score = (scores[i] += Math.max(word[i], high - cap));
        if (score > first) (second = first), (first = score);
        else if (score > second) second = score;
      }
      if (scored < STOP_AFTER_CHARS) return false;
      // Long text stops being read once one language is far ahead (its posterior is then ~1).
      if (first - second >= STOP_MARGIN) return true;
      if (prune) {
        let kept = 0;
        for (let c = 0; c < count; c++) {
          const i = active[c];
          if (scores[i] >= first - STOP_MARGIN) active[kept++] = i;
          else inRace[i] = 0;
        }
        count = kept;
      }
      return false;
    };
    forEachWord(text, (w, s) => s === best && !(skipVietnameseWords && isCapitalised(w) && hasVietnameseLetter(w)) && add(w));
    if (scored === 0 && skipVietnameseWords) forEachWord(text, (w, s) => s === best && add(w));

    // Posterior over the languages still in the race, times the caller's prior where given.
    let max = -Infinity;
    for (let c = 0; c < count; c++) max = Math.max(max, scores[active[c]]);
    let top = -1;
    let sum = 0;
    const weight = scores; // reused in place: scores are not needed past this point
    for (let c = 0; c < count; c++) {
      const i = active[c];
      weight[i] = Math.exp((scores[i] - max) * this.temperature) * (prior?.[this.model.codes[i]] ?? 1);
      sum += weight[i];
      if (mask[i] && (top < 0 || weight[i] > weight[top])) top = i;
      inRace[i] = 0;
    }
    const lang = this.model.codes[top];
    return { lang, script: outputScript(script, lang), confidence: round(weight[top] / sum) };
  }

  /** Scripts the model has no language for (Ethiopic, Khmer, ...): franc's answer. */
  private franc(text: string, script: string): LanguageGuess {
    const code = franc(text, { minLength: 1 });
    if (code === 'und') return { ...UNDETERMINED, script };
    const lang = toIso6391(code);
    if (this.allowed && !this.allowed.has(lang)) return { ...UNDETERMINED, script };
    return { lang, script, confidence: 0.5 };
  }
}

function outputScript(script: string, lang: string): string {
  if (script !== 'Cjk') return script;
  return lang === 'ja' ? 'Jpan' : lang === 'ko' ? 'Kore' : 'Hani';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const detectors = new Map<string, LanguageDetector>();

/** The language of `text` (pure: same text and options, same answer). */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  const key = options.languages?.length ? [...options.languages].sort().join(',') : '';
  let detector = detectors.get(key);
  if (!detector) detectors.set(key, (detector = new LanguageDetector({ languages: options.languages })));
  const guess = detector.detect(text, options.maxChars, options.prior);
  return guess.confidence < (options.minConfidence ?? 0) ? { ...guess, lang: 'und' } : guess;
}
