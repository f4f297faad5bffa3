import { createRequire } from 'node:module';
import type { Doc } from './doc.ts';
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
import { codePointSpans } from './offsets.ts';

const require = createRequire(import.meta.url);
export const PIPELINE_VERSION: string = require('../package.json').version;

/** One line of output: one article, all its layers, offsets in Unicode code points. */
export interface ArticleRecord {
  id: string;
  source: string;
  url: string | null;
  published: string | null;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  dateline: string | null;
  text: string;
  lang: LanguageGuess | null;
  paragraphs: LanguageSpan[];
  sentences: Sentence[];
  entities: EntitySpan[];
  dates: { anchor: DateAnchor | null; timexes: Timex[] };
  dedup: DedupInfo | null;
  removed: RemovedText[];
  notes: Note[];
  meta: Record<string, unknown>;
  pipeline: { version: string; stages: Record<string, string> };
}

/** An article that failed: one line of `<name>.errors.jsonl`. */
export interface ErrorRecord {
  id: string | null;
  source: string;
  file: string;
  line: number | null;
  stage: string;
  message: string;
}

export function toRecord(doc: Doc): ArticleRecord {
  const spans = codePointSpans(doc.text);
  const a = doc.article;
  return {
    id: a.id,
    source: a.source,
    url: a.url ?? null,
    published: a.published ?? null,
    title: doc.title,
    byline: doc.byline,
    outlet: doc.outlet,
    dateline: doc.dateline,
    text: doc.text,
    lang: doc.language,
    paragraphs: spans(doc.paragraphs),
    sentences: spans(doc.sentences),
    entities: spans(doc.entities),
    dates: { anchor: doc.anchor, timexes: spans(doc.dates) },
    dedup: doc.dedup,
    removed: doc.removed,
    notes: doc.notes,
    meta: a.meta ?? {},
    pipeline: { version: PIPELINE_VERSION, stages: doc.versions },
  };
}
