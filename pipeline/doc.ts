import type { Article } from './article.ts';
import type {
  DateAnchor,
  DedupInfo,
  EntitySpan,
  LanguageGuess,
  LanguageSpan,
  Note,
  RemovedText,
  Sentence,
  Timex,
} from './layers.ts';

/**
 * The article as it moves through the stages. Each stage fills its own layer and never rewrites
 * another's. Plain data only: it crosses worker-thread boundaries by structured clone.
 */
export interface Doc {
  article: Article;
  /** The cleaned text every later layer points into; set by boilerplate (or raw text without it). */
  text: string;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  dateline: string | null;
  removed: RemovedText[];
  language: LanguageGuess | null;
  paragraphs: LanguageSpan[];
  sentences: Sentence[];
  entities: EntitySpan[];
  anchor: DateAnchor | null;
  dates: Timex[];
  dedup: DedupInfo | null;
  notes: Note[];
  /** Versions of the stages (and their models) that made this doc, by stage name. */
  versions: Record<string, string>;
  /** What a stage's in-order `observe` phase learned from the corpus, for its `process` phase. */
  hints: Record<string, unknown>;
}

export function createDoc(article: Article): Doc {
  return {
    article,
    text: article.text ?? '',
    title: article.title ?? null,
    byline: null,
    outlet: null,
    dateline: null,
    removed: [],
    language: null,
    paragraphs: [],
    sentences: [],
    entities: [],
    anchor: null,
    dates: [],
    dedup: null,
    notes: [],
    versions: {},
    hints: {},
  };
}

/** The language later stages should use for their resources: the detected one, else the dump's. */
export function docLanguage(doc: Doc): string {
  const detected = doc.language?.lang;
  if (detected && detected !== 'und') return detected;
  return doc.article.lang ?? 'und';
}
