import type { StageFactory } from '../../pipeline/stage.ts';

/** First level: exact-text duplicates only, each article its own story. Issue 6 raises it. */
export const createDedupStage: StageFactory = () => ({
  name: 'dedup',
  version: '0.1.0',
  async integrate(doc, corpus) {
    const key = doc.text.replace(/\s+/g, ' ').trim();
    const earlier = await corpus.get<string>('dedup:exact', key);
    if (earlier === undefined) await corpus.set('dedup:exact', key, doc.article.id);
    doc.dedup = { duplicateOf: earlier ?? null, story: earlier ?? doc.article.id, similar: [], overlap: [] };
    doc.versions.dedup = '0.1.0';
  },
});
