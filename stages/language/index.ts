import type { LanguageSpan } from '../../pipeline/layers.ts';
import type { StageFactory } from '../../pipeline/stage.ts';
import { LanguageDetector } from './detect.ts';
import { articleLanguage, letterCount, paragraphSpans } from './paragraphs.ts';

export { detectLanguage, LanguageDetector } from './detect.ts';

export const LANGUAGE_STAGE_VERSION = '1.0.0';

/** A paragraph is read up to this many characters: enough to tell, cheap on long paragraphs. */
const PARAGRAPH_MAX_CHARS = 1000;
/** Below this confidence a paragraph is `und` rather than a guess. */
const PARAGRAPH_MIN_CONFIDENCE = 0.5;
/** Paragraphs with fewer letters are read again with a prior for the article's language. */
const SHORT_PARAGRAPH_LETTERS = 40;
const ARTICLE_PRIOR = 10;

function sure(span: LanguageSpan): LanguageSpan {
  return span.confidence < PARAGRAPH_MIN_CONFIDENCE ? { ...span, lang: 'und' } : span;
}

/**
 * The language of every paragraph of `doc.text` (blank-line separated) and of the article (the
 * language most of its letters are in). `config.languages` narrows the candidates.
 */
export const createLanguageStage: StageFactory = (config) => {
  let detector: LanguageDetector | undefined;
  const ready = () => (detector ??= new LanguageDetector({ languages: config.languages }));
  return {
    name: 'language',
    version: LANGUAGE_STAGE_VERSION,
    async init() {
      ready();
    },
    process(doc) {
      const d = ready();
      const text = doc.text;
      const spans: LanguageSpan[] = [];
      const weights: number[] = [];
      for (const { start, end } of paragraphSpans(text)) {
        spans.push({ start, end, ...d.detect(text.slice(start, Math.min(end, start + PARAGRAPH_MAX_CHARS))) });
        weights.push(letterCount(text, start, end));
      }
      // A short line ('Theo Ifeng', a film title) says little on its own: in context, the
      // article's language is likelier, and what stays unsure is und.
      const article = articleLanguage(spans.map(sure), weights);
      spans.forEach((span, i) => {
        if (weights[i] < SHORT_PARAGRAPH_LETTERS && article.lang !== 'und' && span.lang !== article.lang) {
          const guess = d.detect(text.slice(span.start, span.end), PARAGRAPH_MAX_CHARS, { [article.lang]: ARTICLE_PRIOR });
          spans[i] = { start: span.start, end: span.end, ...guess };
        }
      });
      spans.forEach((span, i) => (spans[i] = sure(span)));
      doc.paragraphs = spans;
      doc.language = articleLanguage(spans, weights);
      doc.versions.language = LANGUAGE_STAGE_VERSION;
    },
  };
};
