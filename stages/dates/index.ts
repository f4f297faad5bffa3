import type { StageFactory } from '../../pipeline/stage.ts';
import { docLanguage } from '../../pipeline/doc.ts';
import { inferAnchor } from './anchor.ts';
import { findTimexes } from './find.ts';

export { inferAnchor } from './anchor.ts';
export { findTimexes } from './find.ts';

export const DATES_VERSION = '1.1.0';

const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

/**
 * The rule set to use: the stage's language when it has rules for it; for an undetermined
 * text (the language stage did not run), Vietnamese when its letters are frequent, else English.
 */
export function timexLanguage(text: string, lang: string): string {
  if (lang !== 'und') return lang;
  const sample = text.slice(0, 2000);
  const hits = sample.match(VIETNAMESE_LETTERS)?.length ?? 0;
  return hits > sample.length / 50 ? 'vi' : 'en';
}

/**
 * Issue 8: every time expression of the article as a TIMEX3-style value, anchored on the
 * article's `published` date, else the run's `--dct`, else a date the text gives away.
 */
export const createDatesStage: StageFactory = (config) => ({
  name: 'dates',
  version: DATES_VERSION,
  process(doc) {
    const lang = timexLanguage(doc.text, docLanguage(doc));
    doc.anchor = inferAnchor(doc.text, lang, { published: doc.article.published, dct: config.dct });
    doc.dates = findTimexes(doc.text, lang, doc.anchor);
    doc.versions.dates = DATES_VERSION;
  },
});
