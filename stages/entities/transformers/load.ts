import { env, pipeline, type TokenClassificationPipeline } from '@huggingface/transformers';
import type { NerConfig } from '../../../pipeline/config.ts';
import type { ModelLocation } from './locate.ts';

/**
 * Loads a token-classification pipeline with transformers.js under this run's download policy.
 *
 * transformers.js reads where models come from (`allowRemoteModels`, `localModelPath`, `cacheDir`)
 * from one module-global `env` object, shared with every other user of the library in the process.
 * Setting it once for good would leak this run's policy into them (and theirs into us), so the
 * settings are applied for the duration of one load and restored after: all file reads happen
 * inside `pipeline()`, inference reads none. Loads in one thread are chained, so two backends
 * loading at once never see each other's settings half-way (worker threads have their own `env`).
 * Any other transformers.js user in the thread that loads during our load would see our settings:
 * the library offers no per-call policy beyond `local_files_only`, which we also pass.
 */
let loadChain: Promise<unknown> = Promise.resolve();

export async function loadTokenClassifier(
  location: ModelLocation,
  ner: Pick<NerConfig, 'allowDownload' | 'device'>,
  modelsDir: string,
): Promise<TokenClassificationPipeline> {
  const policy = {
    allowRemoteModels: ner.allowDownload && location.kind === 'hub',
    allowLocalModels: true,
    localModelPath: modelsDir,
    cacheDir: location.kind === 'hub' ? location.cacheDir : env.cacheDir,
  };
  const load = async () => {
    const saved = {
      allowRemoteModels: env.allowRemoteModels,
      allowLocalModels: env.allowLocalModels,
      localModelPath: env.localModelPath,
      cacheDir: env.cacheDir,
    };
    Object.assign(env, policy);
    try {
      return await pipeline('token-classification', location.kind === 'local' ? location.dir : location.id, {
        device: ner.device,
        dtype: location.kind === 'local' ? location.dtype : 'fp32',
        local_files_only: location.kind === 'local',
        ...(location.kind === 'hub' ? { cache_dir: location.cacheDir } : {}),
      });
    } finally {
      Object.assign(env, saved);
    }
  };
  const result = loadChain.then(load, load);
  loadChain = result.catch(() => undefined);
  try {
    return (await result) as TokenClassificationPipeline;
  } catch (error) {
    throw explainLoadError(error, location, ner.device);
  }
}

/** Errors a user can act on: an unavailable device names the fallback; a failed download says what was tried. */
function explainLoadError(error: unknown, location: ModelLocation, device: NerConfig['device']): Error {
  const cause = error instanceof Error ? error.message : String(error);
  if (device !== 'cpu' && looksLikeDeviceFailure(cause)) {
    const enable =
      device === 'cuda'
        ? ' (the npm build of onnxruntime-node is CPU-only; CUDA 12 needs its GPU libraries: npm rebuild onnxruntime-node --onnxruntime-node-install=cuda12, on a connected machine with CUDA 12 and cuDNN 9)'
        : ' (WebGPU in Node needs a GPU adapter: a GPU with Vulkan drivers on Linux)';
    return new Error(
      `NER device "${device}" is not available here: ${cause.split('\n')[0]}${enable}. ` +
        `Run with --device cpu, the fallback that always works (slower).`,
      { cause: error },
    );
  }
  if (location.kind === 'hub') {
    return new Error(
      `could not download NER model "${location.id}" from the Hugging Face Hub into ${location.cacheDir}: ${cause}`,
      { cause: error },
    );
  }
  return new Error(`could not load NER model from ${location.dir}: ${cause}`, { cause: error });
}

function looksLikeDeviceFailure(message: string): boolean {
  return /device|provider|cuda|webgpu|gpu|adapter|backend|shared library/i.test(message);
}
