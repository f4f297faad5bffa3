import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a `--ner-model` lives. A model directory has the standard Hugging Face layout; the name is
 * tried as a path, then under the models directory (`models/<name>`), then in the download cache
 * (`models/cache/<name>`, where `--allow-download` puts hub models). Nothing here touches the network.
 */
export const MODEL_DESCRIPTION_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** ONNX weights transformers.js loads on the CPU, by preference, with the dtype that selects each. */
export const ONNX_FILES = [
  { file: 'onnx/model.onnx', dtype: 'fp32' },
  { file: 'onnx/model_quantized.onnx', dtype: 'q8' },
] as const;
export type ModelDtype = (typeof ONNX_FILES)[number]['dtype'];

export const PACKAGE_MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));

export type ModelLocation =
  | { kind: 'local'; dir: string; onnxFile: string; dtype: ModelDtype }
  | { kind: 'hub'; id: string; cacheDir: string };

export class MissingModelError extends Error {
  override name = 'MissingModelError';
}

export interface LocateOptions {
  modelsDir: string;
  allowDownload: boolean;
}

/** Files of the standard layout missing from `dir` (the ONNX file counts once, whichever dtype). */
export function missingModelFiles(dir: string): string[] {
  const missing: string[] = MODEL_DESCRIPTION_FILES.filter((f) => !isFile(join(dir, f)));
  if (!ONNX_FILES.some(({ file }) => isFile(join(dir, file)))) {
    missing.push(ONNX_FILES.map(({ file }) => file).join(' (or ') + ')');
  }
  return missing;
}

export function downloadCacheDir(modelsDir: string): string {
  return join(modelsDir, 'cache');
}

/** A name the Hugging Face Hub could serve: `owner/name` or `name`, not a path. */
export function isHubId(spec: string): boolean {
  return /^[\w][\w.-]*(\/[\w][\w.-]*)?$/.test(spec) && !spec.includes('..') && !spec.includes('--');
}

export function locateModel(spec: string, options: LocateOptions): ModelLocation {
  const candidates = [...new Set([resolve(spec), join(options.modelsDir, spec), join(downloadCacheDir(options.modelsDir), spec)])];
  let incomplete: { dir: string; missing: string[] } | null = null;
  for (const dir of candidates) {
    if (!isDirectory(dir)) continue;
    const missing = missingModelFiles(dir);
    if (!missing.length) {
      const onnx = ONNX_FILES.find(({ file }) => isFile(join(dir, file)))!;
      return { kind: 'local', dir, onnxFile: join(dir, onnx.file), dtype: onnx.dtype };
    }
    incomplete ??= { dir, missing };
  }
  if (options.allowDownload && isHubId(spec)) {
    return { kind: 'hub', id: spec, cacheDir: downloadCacheDir(options.modelsDir) };
  }
  throw new MissingModelError(missingMessage(spec, candidates, incomplete, options));
}

function missingMessage(
  spec: string,
  candidates: string[],
  incomplete: { dir: string; missing: string[] } | null,
  options: LocateOptions,
): string {
  const what = incomplete
    ? `NER model "${spec}": ${incomplete.dir} is missing ${incomplete.missing.join(', ')}.`
    : `NER model "${spec}" not found (looked for a model directory at ${candidates.join(', ')}): ` +
      `missing ${[...MODEL_DESCRIPTION_FILES, 'onnx/model.onnx (or onnx/model_quantized.onnx)'].join(', ')}.`;
  const target = join(options.modelsDir, spec);
  const how = isHubId(spec)
    ? ` To use the hub model offline, download it on a connected machine (huggingface-cli download ${spec} --local-dir ${spec}) and copy that folder to ${target}, or pass --ner-model <that folder>; or run with --allow-download to fetch it from the Hugging Face Hub into ${downloadCacheDir(options.modelsDir)}.`
    : ` Point --ner-model at a directory in that layout (a Hugging Face model exported to ONNX, e.g. a Xenova/* repository), or give a hub id with --allow-download.`;
  return what + how;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
