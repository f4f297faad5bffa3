import type { EntitySpan, Span } from '../../pipeline/layers.ts';

/**
 * What the entities stage needs from a model: spans on the text, tagged sentence by sentence.
 * Two implementations: `embedded/` (the project's own trained taggers) and `transformers/`
 * (any transformers.js token-classification model).
 */
export interface NerBackend {
  readonly name: string;
  /** Version of the backend and model, recorded in every record. */
  readonly version: string;
  /** Load what is needed; a missing model must throw here, before any article is processed. */
  init(): Promise<void>;
  /** Languages this backend can tag; `*` for any. */
  supports(lang: string): boolean;
  /** Entity spans (UTF-16 offsets into `text`) for the given sentences of one article. */
  tag(text: string, sentences: Span[], lang: string): Promise<EntitySpan[]>;
}
