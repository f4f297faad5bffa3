import type { StageFactory } from '../../pipeline/stage.ts';
import { docLanguage } from '../../pipeline/doc.ts';
import { inferAnchor } from './anchor.ts';
import { findTimexes } from './find.ts';

export { inferAnchor } from './anchor.ts';
export { findTimexes } from './find.ts';

export const DATES_VERSION = '1.0.0';

/**
 * Issue 8: every time expression of the article as a TIMEX3-style value, anchored on the
 * article's `published` date, else the run's `--dct`, else a date the text gives away.
 */
export const createDatesStage: StageFactory = (config) => ({
  name: 'dates',
  version: DATES_VERSION,
  process(doc) {
    const lang = docLanguage(doc);
    doc.anchor = inferAnchor(doc.text, lang, { published: doc.article.published, dct: config.dct });
    doc.dates = findTimexes(doc.text, lang, doc.anchor);
    doc.versions.dates = DATES_VERSION;
  },
});
