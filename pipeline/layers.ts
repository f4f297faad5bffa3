/**
 * The annotation layers. Every layer after boilerplate is stand-off: offsets into the cleaned
 * `text`, half-open. Inside the pipeline offsets are JavaScript (UTF-16) indices; the record
 * converts them to Unicode code points at the edge (see offsets.ts).
 */
export interface Span {
  start: number;
  end: number;
}

/** What the boilerplate stage took out of the article, so a researcher can audit it. */
export interface RemovedText {
  /** Why it went: `navigation`, `related`, `share`, `ad`, `footer`, `caption-repeat`, `title`, `byline`, ... */
  kind: string;
  text: string;
}

export interface LanguageGuess {
  /** ISO 639-1 where one exists, ISO 639-3 otherwise; `und` when the text is too short to tell. */
  lang: string;
  /** ISO 15924 script code: `Latn`, `Cyrl`, `Hani`, ... */
  script: string;
  /** 0..1 */
  confidence: number;
}

export interface LanguageSpan extends Span, LanguageGuess {}

export type Sentence = Span;

export type EntityLabel = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface EntitySpan extends Span {
  label: EntityLabel;
  text: string;
  /** 0..1: the model's confidence in the span and label. */
  score: number;
  /** The model's own label where it differs from the four-way scheme (`B-PERSON`, `GPE`, ...). */
  sourceLabel?: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value: `2016-07-13`, `2016-04`, `2016-W15`, `P2Y`, `PRESENT_REF`, `XXXX-07-13`, ... */
  value: string;
  /** For a range ('ngày 10-11/2'): the value of its last unit. */
  value_end?: string;
  /** TIMEX3 modifier: START, MID, END, LESS_THAN, MORE_THAN, APPROX. */
  mod?: string;
}

/** The document creation time the date stage anchored relative expressions on. */
export interface DateAnchor {
  /** ISO date, or null when none could be had (year-less dates then stay XXXX-..). */
  value: string | null;
  source: 'published' | 'dct' | 'inferred' | 'none';
}

export interface SimilarArticle {
  id: string;
  score: number;
}

export interface SentenceOverlap {
  /** Index into `sentences` of this article. */
  sentence: number;
  /** The earlier article that already reported it. */
  id: string;
  score: number;
}

export interface DedupInfo {
  /** The earlier article this one nearly copies, or null. */
  duplicateOf: string | null;
  /** Estimated shingle Jaccard with `duplicateOf`. */
  jaccard?: number;
  /** Story cluster id: articles reporting the same event share it. */
  story: string;
  /** Most similar earlier articles, best first. */
  similar: SimilarArticle[];
  /** Sentences of this article already reported by earlier ones. */
  overlap: SentenceOverlap[];
}

/** A message that travels with the article (like a vfile message), not into a global log. */
export interface Note {
  stage: string;
  level: 'info' | 'warning';
  message: string;
}
