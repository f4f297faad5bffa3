/** What a source yields: one raw article, before any stage has touched it. */
export interface Article {
  /** Unique within its input file: the file name for .txt/.html, the `id` field for JSONL. */
  id: string;
  /** The input file (or folder) this article came from, as given on the command line. */
  source: string;
  text?: string;
  html?: string;
  url?: string;
  /** Publication date/time, ISO 8601, when the dump knows it. */
  published?: string;
  title?: string;
  /** Language declared by the dump (a hint; the language stage decides). */
  lang?: string;
  /** Any other fields of a JSONL record, carried through untouched. */
  meta?: Record<string, unknown>;
}

/** A problem a source met in its input: the run reports it and goes on. */
export interface SourceError {
  source: string;
  /** The file inside the source (a .txt in a folder, say). */
  file: string;
  /** 1-based line of a JSONL dump, where there is one. */
  line?: number;
  id?: string;
  message: string;
}

export type SourceItem = { article: Article } | { error: SourceError };
