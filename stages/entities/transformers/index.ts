import type { NerConfig } from '../../../pipeline/config.ts';
import type { NerBackend } from '../backend.ts';

/** The transformers.js backend (issue 5). Not built yet: fails loudly rather than tagging nothing. */
export function createTransformersBackend(ner: NerConfig): NerBackend {
  throw new Error(`the transformers NER backend is not available yet (model ${ner.model ?? 'none'})`);
}
