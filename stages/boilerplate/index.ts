import type { StageFactory } from '../../pipeline/stage.ts';

/** First level: Unicode NFC and regular paragraph breaks. Issue 11 raises it. */
export const createBoilerplateStage: StageFactory = () => ({
  name: 'boilerplate',
  version: '0.1.0',
  process(doc) {
    const raw = doc.article.text ?? doc.article.html?.replace(/<[^>]*>/g, ' ') ?? '';
    doc.text = raw
      .normalize('NFC')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
    doc.versions.boilerplate = '0.1.0';
  },
});
