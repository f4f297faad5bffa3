import { docLanguage } from '../../pipeline/doc.ts';
import type { StageFactory } from '../../pipeline/stage.ts';
import { splitSentences } from './split.ts';

export { splitSentences } from './split.ts';

export const SENTENCES_VERSION = '0.3.0';

/** Sentence spans over the cleaned text, by the rules of the article's language. */
export const createSentencesStage: StageFactory = () => ({
  name: 'sentences',
  version: SENTENCES_VERSION,
  process(doc) {
    doc.sentences = splitSentences(doc.text, docLanguage(doc));
    doc.versions.sentences = SENTENCES_VERSION;
  },
});
