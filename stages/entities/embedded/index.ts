/**
 * The embedded backend: the project's own trained taggers, one per language, shipped under
 * `models/ner/<lang>/` (model.bin.gz + manifest.json). `init()` reads every manifest and checks
 * every model file is there; a model's weights are decoded on the first article in its language,
 * so a thread tagging one language holds one model, not seven.
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

interface Available {
  folder: string;
  manifest: NerManifest;
  loaded?: { model: NerModel; decoder: Decoder };
}

/** Read one language folder (`<modelDir>/ner/<lang>`); throws naming the file on any defect. */
export function loadEmbeddedModel(folder: string): { manifest: NerManifest; model: NerModel } {
  const manifest = readManifest(folder);
  const modelPath = modelFile(folder, manifest);
  let model: NerModel;
  try {
    model = decodeModel(readFileSync(modelPath));
  } catch (error) {
    throw new Error(`${modelPath}: ${(error as Error).message}`);
  }
  return { manifest, model };
}

function readManifest(folder: string): NerManifest {
  const manifestPath = join(folder, 'manifest.json');
  try {
    return JSON.parse(readFileSync(manifestPath, 'utf8')) as NerManifest;
  } catch (error) {
    throw new Error(`${manifestPath}: ${(error as Error).message}`);
  }
}

function modelFile(folder: string, manifest: NerManifest): string {
  return join(folder, manifest.model ?? 'model.bin.gz');
}

export function createEmbeddedBackend(ner: NerConfig): NerBackend {
  const root = join(ner.modelDir ?? DEFAULT_MODEL_DIR, 'ner');
  const models = new Map<string, Available>();
  return {
    name: 'embedded',
    get version() {
      return [...models.values()].map((m) => `${m.manifest.language}@${m.manifest.version}`).sort().join(',') || 'none';
    },
    async init() {
      if (models.size) return;
      if (!existsSync(root)) throw new Error(`no embedded NER models: ${root} does not exist`);
      for (const lang of readdirSync(root).sort()) {
        const folder = join(root, lang);
        if (!existsSync(join(folder, 'manifest.json'))) continue;
        const manifest = readManifest(folder);
        if (!existsSync(modelFile(folder, manifest))) throw new Error(`${modelFile(folder, manifest)}: model file missing`);
        models.set(manifest.language, { folder, manifest });
      }
      if (!models.size) throw new Error(`no embedded NER models in ${root} (expected <lang>/manifest.json)`);
    },
    supports(lang) {
      return models.has(lang);
    },
    async tag(text: string, sentences: Span[], lang: string): Promise<EntitySpan[]> {
      const available = models.get(lang);
      if (!available) throw new Error(`no embedded NER model for ${lang}`);
      if (!available.loaded) {
        const { model } = loadEmbeddedModel(available.folder);
        available.loaded = { model, decoder: decoderOf(model) };
      }
      return tagText(available.loaded.model, text, sentences, available.loaded.decoder);
    },
  };
}
