/** findTimexes: every time expression of a text, normalised against the anchor. */
import type { DateAnchor, Timex } from '../../pipeline/layers.ts';
import { parseDay } from './calendar.ts';
import { chronoCandidates } from './chrono.ts';
import { resolveCandidates, runRules, selectCandidates, type Candidate, type Rule, type TenseCues } from './engine.ts';
import { EN_FUTURE, EN_OPENING_LEAD, EN_PAST, EN_RULES, EN_SPAN_FUTURE, EN_SPAN_PAST, enClauseAhead, enOpeningTense } from './en.ts';
import { VI_FUTURE, VI_RULES, VI_SPAN_FUTURE, VI_SPAN_PAST } from './vi.ts';

interface LanguageRules {
  rules: Rule[];
  cues: TenseCues;
  /** Whether chrono-node proposes calendar dates and clock times too. */
  chrono: boolean;
  /** Whether the date of a dateline is a time expression of the text (TempEval-3 annotates it). */
  datelines: boolean;
  /** 'modifier': an article before a hyphenated modifier ('a third-quarter loss') is left out. */
  articles?: 'modifier';
}

const LANGUAGES: Record<string, LanguageRules> = {
  vi: { rules: VI_RULES, cues: { future: VI_FUTURE, spanPast: VI_SPAN_PAST, spanFuture: VI_SPAN_FUTURE, window: 80 }, chrono: false, datelines: false },
  en: { rules: EN_RULES, cues: { future: EN_FUTURE, spanPast: EN_SPAN_PAST, spanFuture: EN_SPAN_FUTURE, window: 100, past: EN_PAST, opening: enOpeningTense, openingLead: EN_OPENING_LEAD, clauseAhead: enClauseAhead }, chrono: true, datelines: true, articles: 'modifier' },
};
/** Languages without a rule set: chrono-node's own locale, where it has one. */
const FALLBACK: LanguageRules = { rules: [], cues: LANGUAGES.en.cues, chrono: true, datelines: false };

/**
 * "WASHINGTON, August 11 (Xinhua) --": the dateline states the publication date. TempEval-3
 * (its AQUAINT part) annotates it as a DATE; the Vietnamese guidelines leave it out.
 */
function inDateline(text: string, c: Candidate): boolean {
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  if (c.start - lineStart > 60) return false;
  const before = text.slice(lineStart, c.start);
  const after = text.slice(c.end, c.end + 24);
  return /^\s*[A-Z][A-Z .'-]+,\s*$/.test(before) && /^\s*(?:\(|--|_|—)/.test(after);
}

/**
 * 'a third-quarter loss', 'the two-week trip': a time expression used as a hyphenated modifier
 * leaves the article to the noun it modifies (TimeBank).
 */
const ARTICLE_BEFORE_MODIFIER = /^(?:a|an|the)\s+(?=(?:\S+\s+)*?\S+-(?:second|minute|hour|day|night|week|weekend|month|quarter|half|year|decade|century|term|period|session|time)s?$)/i;

function trimArticle(text: string, c: Candidate): Candidate {
  const m = ARTICLE_BEFORE_MODIFIER.exec(text.slice(c.start, c.end));
  return m ? { ...c, start: c.start + m[0].length } : c;
}

export function findTimexes(text: string, lang: string, anchor: DateAnchor): Timex[] {
  const language = LANGUAGES[lang] ?? FALLBACK;
  const candidates: Candidate[] = runRules(language.rules, text);
  if (language.chrono) candidates.push(...chronoCandidates(text, lang));
  let selected = selectCandidates(language.datelines ? candidates : candidates.filter((c) => !inDateline(text, c)));
  if (language.articles === 'modifier') selected = selected.map((c) => trimArticle(text, c));
  return resolveCandidates(text, parseDay(anchor.value), selected, language.cues);
}
