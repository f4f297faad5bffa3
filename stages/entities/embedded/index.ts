/**
 * The embedded backend: the project's own trained taggers, one per language, shipped under
 * `models/ner/<lang>/` (model.bin.gz + manifest.json). All are small, so `init()` loads them all.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NerConfig } from '../../../pipeline/config.ts';
import type { EntitySpan, Span } from '../../../pipeline/layers.ts';
import type { NerBackend } from '../backend.ts';
import { decodeModel, type NerModel } from './model.ts';
import { decoderOf, tagText } from './tagger.ts';
import type { Decoder } from './viterbi.ts';

export { tagText } from './tagger.ts';
export { tokenize } from './tokenize.ts';

/** What `manifest.json` beside each model says (written by `newsnlp train ner`). */
export interface NerManifest {
  language: string;
  version: string;
  labels: string[];
  model: string;
  [key: string]: unknown;
}

/** The package's own models/ folder. */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));

interface Loaded {
  manifest: NerManifest;
  model: NerModel;
  decoder: Decoder;
}

/** Read one language folder (`<modelDir>/ner/<lang>`); throws naming the file on any defect. */
export function loadEmbeddedModel(folder: string): { manifest: NerManifest; model: NerModel } {
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as NerManifest;
  const modelPath = join(folder, manifest.model ?? 'model.bin.gz');
  let model: NerModel;
  try {
    model = decodeModel(readFileSync(modelPath));
  } catch (error) {
    throw new Error(`${modelPath}: ${(error as Error).message}`);
  }
  return { manifest, model };
}

export function createEmbeddedBackend(ner: NerConfig): NerBackend {
  const root = join(ner.modelDir ?? DEFAULT_MODEL_DIR, 'ner');
  const models = new Map<string, Loaded>();
  return {
    name: 'embedded',
    get version() {
      return [...models.values()].map((m) => `${m.manifest.language}@${m.manifest.version}`).sort().join(',') || 'none';
    },
    async init() {
      if (models.size) return;
      if (!existsSync(root)) throw new Error(`no embedded NER models: ${root} does not exist`);
      for (const lang of readdirSync(root).sort()) {
        if (!existsSync(join(root, lang, 'manifest.json'))) continue;
        const { manifest, model } = loadEmbeddedModel(join(root, lang));
        models.set(manifest.language, { manifest, model, decoder: decoderOf(model) });
      }
      if (!models.size) throw new Error(`no embedded NER models in ${root} (expected <lang>/manifest.json)`);
    },
    supports(lang) {
      return models.has(lang);
    },
    async tag(text: string, sentences: Span[], lang: string): Promise<EntitySpan[]> {
      const loaded = models.get(lang);
      if (!loaded) throw new Error(`no embedded NER model for ${lang}`);
      return tagText(loaded.model, text, sentences, loaded.decoder);
    },
  };
}
