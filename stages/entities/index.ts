import type { PipelineConfig } from '../../pipeline/config.ts';
import { docLanguage } from '../../pipeline/doc.ts';
import type { Stage, StageFactory } from '../../pipeline/stage.ts';
import type { NerBackend } from './backend.ts';
import { createEmbeddedBackend } from './embedded/index.ts';
import { splitSentences } from './embedded/gold.ts';

export const ENTITIES_VERSION = '1.3.0';

export async function loadNerBackend(config: PipelineConfig): Promise<NerBackend> {
  if (config.ner.backend !== 'transformers') return createEmbeddedBackend(config.ner);
  // Imported only when asked for: transformers.js and onnxruntime cost ~170 MB in every thread.
  const { createTransformersBackend } = await import('./transformers/index.ts');
  return createTransformersBackend(config.ner);
}

/**
 * Named entities, sentence by sentence, with the model of the article's language. A language
 * without a model gets an explicit note rather than an empty layer that looks like "no names".
 */
export const createEntitiesStage: StageFactory = (config): Stage => {
  let backend: NerBackend | null = null;
  return {
    name: 'entities',
    version: ENTITIES_VERSION,
    async init() {
      backend = await loadNerBackend(config);
      await backend.init();
    },
    async process(doc) {
      if (!backend) throw new Error('the entities stage was used before init()');
      doc.versions.entities = `${ENTITIES_VERSION} ${backend.name} ${backend.version}`;
      const lang = docLanguage(doc);
      if (!backend.supports(lang)) {
        doc.notes.push({ stage: 'entities', level: 'warning', message: `no model for ${lang}` });
        return;
      }
      let sentences = doc.sentences;
      if (!sentences.length && doc.text.trim()) {
        sentences = splitSentences(doc.text);
        doc.notes.push({ stage: 'entities', level: 'info', message: 'no sentences layer: split the text by line and full stop' });
      }
      doc.entities = await backend.tag(doc.text, sentences, lang);
    },
  };
};
