import * as chrono from 'chrono-node';
import type { StageFactory } from '../../pipeline/stage.ts';

/** First level: chrono-node (English) with the published date as anchor. Issue 8 raises it. */
export const createDatesStage: StageFactory = (config) => ({
  name: 'dates',
  version: '0.1.0',
  process(doc) {
    const dct = doc.article.published ?? config.dct;
    doc.anchor = dct ? { value: dct.slice(0, 10), source: doc.article.published ? 'published' : 'dct' } : { value: null, source: 'none' };
    const ref = dct ? new Date(dct) : undefined;
    for (const r of chrono.parse(doc.text, ref)) {
      const d = r.start.date();
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      doc.dates.push({ start: r.index, end: r.index + r.text.length, text: r.text, type: 'DATE', value: iso });
    }
    doc.versions.dates = '0.1.0';
  },
});
