import { docLanguage } from '../../pipeline/doc.ts';
import type { StageFactory } from '../../pipeline/stage.ts';

/** First level: no model yet, said explicitly. Issues 4 and 5 give it backends. */
export const createEntitiesStage: StageFactory = () => ({
  name: 'entities',
  version: '0.1.0',
  process(doc) {
    doc.notes.push({ stage: 'entities', level: 'warning', message: `no model for ${docLanguage(doc)}` });
    doc.versions.entities = '0.1.0';
  },
});
