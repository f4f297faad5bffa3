/**
 * The boilerplate stage: the article's own text out of a news dump, text or HTML.
 *  - Input: `article.html` when present (the DOM says more than a text dump), else `article.text`.
 *  - HTML: Readability on linkedom (no scripts, no fetches), then the text rules on its content;
 *    when Readability finds nothing, the text rules on the whole page's text.
 *  - Text: line blocks classified as article or furniture (classify.ts), with the lines that
 *    recur across the dump learned in `observe`.
 *  - Out: `doc.text` (NFC, tone marks per `config.toneMarks`, paragraphs split by one blank
 *    line), title/byline/outlet/dateline, and `doc.removed` for every block taken out.
 */
import type { Doc } from '../../pipeline/doc.ts';
import type { StageFactory } from '../../pipeline/stage.ts';
import { cleanText, type Cleaned } from './clean.ts';
import { extractHtml } from './html.ts';
import { cleanParagraph, joinParagraphs, normalizeRaw } from './normalize.ts';
import { lineKey, observeLines, type RecurrenceHint } from './recurrence.ts';
import type { ToneMarks } from './tone-marks.ts';

export const VERSION = '1.0.0';

/** Text dumps longer than this are cut (a news article is far shorter; beyond is a broken record). */
const MAX_TEXT = 5_000_000;

export interface BoilerplateResult extends Cleaned {
  text: string;
  input: 'html' | 'text';
}

/** The whole cleaning of one article, pure: what `process` writes on the doc. */
export function cleanArticle(doc: Pick<Doc, 'article' | 'hints'>, toneMarks: ToneMarks): BoilerplateResult {
  const { article } = doc;
  const hint = doc.hints.boilerplate as RecurrenceHint | undefined;
  const recurringKeys = hint?.recurring?.length ? new Set(hint.recurring) : null;
  const recurring = recurringKeys ? (line: string) => recurringKeys.has(lineKey(line.toLowerCase())) : undefined;
  const declaredTitle = article.title ? cleanParagraph(normalizeRaw(article.title, toneMarks)) : null;
  let cleaned: Cleaned;
  let input: 'html' | 'text';
  if (article.html) {
    input = 'html';
    const page = extractHtml(article.html, article.url);
    const lang = article.lang ?? page.lang ?? undefined;
    const content = page.content ? normalizeRaw(page.content, toneMarks) : '';
    const usable = content.replace(/\s+/g, '').length >= 100;
    cleaned = cleanText({
      text: usable ? content : normalizeRaw(page.page, toneMarks),
      title: declaredTitle ?? (page.title ? cleanParagraph(normalizeRaw(page.title, toneMarks)) : null),
      lang,
      mode: usable ? 'extracted' : 'dump',
      byline: page.byline ? cleanParagraph(normalizeRaw(page.byline, toneMarks)) : null,
    });
  } else {
    input = 'text';
    const raw = article.text ?? '';
    cleaned = cleanText({
      text: normalizeRaw(raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw, toneMarks),
      title: declaredTitle,
      lang: article.lang,
      recurring,
      mode: 'dump',
    });
  }
  return { ...cleaned, text: joinParagraphs(cleaned.paragraphs), input };
}

export const createBoilerplateStage: StageFactory = (config) => ({
  name: 'boilerplate',
  version: VERSION,
  async observe(doc, corpus) {
    // Recurring lines are learned from text dumps; an HTML page's furniture is Readability's job.
    if (doc.article.html || !doc.article.text) return undefined;
    const text = doc.article.text.length > MAX_TEXT ? doc.article.text.slice(0, MAX_TEXT) : doc.article.text;
    const hint = await observeLines(doc.article, normalizeRaw(text, config.toneMarks), corpus);
    doc.hints.boilerplate = hint;
    return hint;
  },
  process(doc) {
    const result = cleanArticle(doc, config.toneMarks);
    doc.text = result.text;
    doc.title = result.title;
    doc.byline = result.byline;
    doc.outlet = result.outlet;
    doc.dateline = result.dateline;
    doc.removed = result.removed;
    doc.versions.boilerplate = VERSION;
    if (!result.text && (doc.article.text || doc.article.html)) {
      doc.notes.push({ stage: 'boilerplate', level: 'warning', message: `no article text found in the ${result.input} input` });
    }
  },
});
