/**
 * Stop-word density, as jusText uses it: the share of a paragraph's words that are function
 * words of its language. The lists come from the maintained `stopwords-iso` package; the
 * language is the dump's declared one when the package has it, else the list that covers the
 * most words of the text (the stage runs before language detection).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LISTS = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

/** Languages written without spaces between words: density is counted per character there. */
const UNSPACED = new Set(['ja', 'zh', 'th']);

export interface StopList {
  lang: string;
  words: ReadonlySet<string>;
  /** True when the language has no word spaces (ja, zh, th): entries are matched per character. */
  unspaced: boolean;
}

const cache = new Map<string, StopList>();

export function stopList(lang: string): StopList | undefined {
  let list = cache.get(lang);
  if (list) return list;
  const entries = LISTS[lang];
  if (!entries) return undefined;
  // Multi-word entries (Vietnamese 'bao giờ') cannot match a single token: keep one-word ones.
  const words = new Set(entries.filter((w) => !/\s/.test(w)).map((w) => w.toLowerCase()));
  list = { lang, words, unspaced: UNSPACED.has(lang) };
  cache.set(lang, list);
  return list;
}

/** Token -> indices of the languages whose list holds it; built once, for language choice. */
let index: { langs: string[]; byWord: Map<string, number[]> } | undefined;
function wordIndex() {
  if (index) return index;
  const langs = Object.keys(LISTS).filter((l) => !UNSPACED.has(l));
  const byWord = new Map<string, number[]>();
  langs.forEach((lang, i) => {
    for (const w of stopList(lang)!.words) {
      const at = byWord.get(w);
      if (at) at.push(i);
      else byWord.set(w, [i]);
    }
  });
  return (index = { langs, byWord });
}

const WORDS = /[\p{L}\p{N}_'’-]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/** The stop list for a text: the declared language's, else the best-covering one (up to `sample` chars read). */
export function chooseStopList(text: string, declared?: string, sample = 20000): StopList | undefined {
  const base = declared?.toLowerCase().split(/[-_]/)[0];
  if (base && stopList(base)) return stopList(base);
  const head = text.length > sample ? text.slice(0, sample / 2) + '\n' + text.slice(-sample / 2) : text;
  const cjk = head.match(CJK)?.length ?? 0;
  if (cjk > head.length * 0.2) {
    const kana = head.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    const thai = head.match(/\p{Script=Thai}/gu)?.length ?? 0;
    return stopList(thai > cjk / 2 ? 'th' : kana > cjk / 10 ? 'ja' : 'zh');
  }
  const { langs, byWord } = wordIndex();
  // A word shared by k lists counts 1/k for each: 'de' says little, 'não' says Portuguese.
  const hits = new Array<number>(langs.length).fill(0);
  for (const token of head.match(WORDS) ?? []) {
    const at = byWord.get(token.toLowerCase());
    if (at) for (const i of at) hits[i] += 1 / at.length;
  }
  let best = -1;
  for (let i = 0; i < langs.length; i++) if (best < 0 || hits[i] > hits[best]) best = i;
  return best >= 0 && hits[best] > 0 ? stopList(langs[best]) : undefined;
}

/** Share of a paragraph's words (characters, for unspaced languages) that are stop words. */
export function stopWordDensity(words: string[], paragraph: string, list: StopList | undefined): number {
  if (!list) return 0;
  if (list.unspaced) {
    let hits = 0;
    let chars = 0;
    for (const ch of paragraph) {
      if (/\s/.test(ch)) continue;
      chars++;
      if (list.words.has(ch)) hits++;
    }
    return chars ? hits / chars : 0;
  }
  if (!words.length) return 0;
  let hits = 0;
  // The list holds lower-case words, and lower-casing is idempotent: a word found as written
  // needs no lower-casing (most words of running text), which is slow for non-ASCII text.
  for (const w of words) if (list.words.has(w) || list.words.has(w.toLowerCase())) hits++;
  return hits / words.length;
}
