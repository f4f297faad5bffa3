import { readFileSync, existsSync } from 'node:fs';

/** What the splitter knows of one language; built from `lang/common.json` plus `lang/<code>.json`. */
export interface LanguageRules {
  lang: string;
  /** Lower-cased, without the final period: never end a sentence before a capital or a number (Mr., TS., Tp.). */
  titles: Set<string>;
  /** Lower-cased, without the final period: words that take a period mid-sentence (etc., approx., vs.). */
  abbreviations: Set<string>;
  /** Lower-cased, without the final period: never end a sentence before a number (No. 5, Sept. 11, tr. 3). */
  numberAbbreviations: Set<string>;
  /** Words that open sentences: after an initial or an initialism (`U.S.`), one of these starts a new sentence. */
  starters: Set<string>;
  /** Marks that end a sentence in this language besides the universal ones (Arabic `:` and `،`, Greek `;`). */
  extraTerminators: string;
  /** Sentences may start in lower case (Greek golden rules); a period before a lower-case word then ends one. */
  lowercaseStarts: boolean;
  /** A number with a period before a capitalised word is an ordinal, not a sentence end (German `am 3. Oktober`). */
  ordinalPeriods: boolean;
  /** A lower-case first person pronoun (`i`) marks casual text, where sentences often start in lower case. */
  casualPronoun: string | null;
  /**
   * Marks inside quotes and brackets end no sentence unless the quote closes right after them and a
   * capital follows (Pragmatic Segmenter's convention). Off for Vietnamese: the treebank and the seed
   * guidelines split a quotation at its internal sentence ends.
   */
  protectQuotes: boolean;
  /** Names spelt with `!` (Yahoo!): their `!` ends no sentence. */
  exclamationWords: Set<string>;
  /** Nouns are capitalised (German): a listed abbreviation before a capital ends a sentence only before a sentence starter. */
  capitalisedNouns: boolean;
  /** Letter closings (`Best regards,`) at a sentence start: the name after them is a sentence of its own. */
  closings: RegExp | null;
  /** Thai: no sentence punctuation; a space between two Thai words ends a sentence. */
  spaceTerminates: boolean;
  /** Words (or particles, for scripts without spaces) that cannot end a sentence: a line ending in one runs on (Japanese の). */
  lineContinuers: string[];
}

interface LanguageData {
  titles?: string[];
  abbreviations?: string[];
  numberAbbreviations?: string[];
  starters?: string[];
  extraTerminators?: string;
  lowercaseStarts?: boolean;
  ordinalPeriods?: boolean;
  casualPronoun?: string;
  protectQuotes?: boolean;
  exclamationWords?: string[];
  spaceTerminates?: boolean;
  capitalisedNouns?: boolean;
  closings?: string[];
  lineContinuers?: string[];
}

/** ISO 639-3 codes (what franc says) for the languages that have a data file. */
const ISO3: Record<string, string> = {
  eng: 'en', vie: 'vi', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', nld: 'nl', dan: 'da', bul: 'bg', rus: 'ru',
  ell: 'el', arb: 'ar', ara: 'ar', pes: 'fa', fas: 'fa', cmn: 'zh', zho: 'zh', jpn: 'ja', tha: 'th', amh: 'am',
  hye: 'hy', kaz: 'kk', mar: 'mr', hin: 'hi', urd: 'ur', pol: 'pl', slk: 'sk', mya: 'my', ukr: 'uk', por: 'pt',
};

const cache = new Map<string, LanguageRules>();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readData(code: string): LanguageData {
  const url = new URL(`./lang/${code}.json`, import.meta.url);
  return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as LanguageData) : {};
}

export function normalizeLang(lang: string): string {
  const base = (lang || 'und').toLowerCase().split(/[-_]/)[0];
  return ISO3[base] ?? base;
}

const lowerSet = (...lists: (string[] | undefined)[]) => new Set(lists.flatMap((l) => l ?? []).map((w) => w.toLowerCase()));

/** The rules for a language code (ISO 639-1 or -3, BCP 47 tags too); unknown languages get the common rules. */
export function languageRules(lang: string): LanguageRules {
  const code = normalizeLang(lang);
  let rules = cache.get(code);
  if (rules) return rules;
  const common = readData('common');
  const own = /^[a-z]{2,3}$/.test(code) && code !== 'common' ? readData(code) : {};
  rules = {
    lang: code,
    titles: lowerSet(common.titles, own.titles),
    abbreviations: lowerSet(common.abbreviations, own.abbreviations),
    numberAbbreviations: lowerSet(common.numberAbbreviations, own.numberAbbreviations),
    starters: new Set([...(common.starters ?? []), ...(own.starters ?? [])]),
    extraTerminators: own.extraTerminators ?? '',
    lowercaseStarts: own.lowercaseStarts ?? false,
    ordinalPeriods: own.ordinalPeriods ?? false,
    casualPronoun: own.casualPronoun ?? null,
    protectQuotes: own.protectQuotes ?? common.protectQuotes ?? true,
    exclamationWords: new Set([...(common.exclamationWords ?? []), ...(own.exclamationWords ?? [])]),
    spaceTerminates: own.spaceTerminates ?? false,
    capitalisedNouns: own.capitalisedNouns ?? false,
    lineContinuers: [...(common.lineContinuers ?? []), ...(own.lineContinuers ?? [])],
    closings: own.closings?.length ? new RegExp(`(?:^|[.!?]\\s+)(?:${own.closings.map(escapeRegExp).join('|')}),(?=\\s+\\p{Lu})`, 'gu') : null,
  };
  cache.set(code, rules);
  return rules;
}
