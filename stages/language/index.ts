import { franc } from 'franc';
import type { StageFactory } from '../../pipeline/stage.ts';

/** First level: franc over the whole text. Issue 3 raises it. */
export const createLanguageStage: StageFactory = () => ({
  name: 'language',
  version: '0.1.0',
  process(doc) {
    const code = franc(doc.text, { minLength: 10 });
    doc.language = { lang: code === 'vie' ? 'vi' : code === 'eng' ? 'en' : code, script: 'Latn', confidence: code === 'und' ? 0 : 0.5 };
    doc.versions.language = '0.1.0';
  },
});
