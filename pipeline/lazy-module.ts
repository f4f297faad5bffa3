import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first call, not at import: for libraries that take a large share of every
 * thread's start and that some inputs never need (chrono-node for Vietnamese text, linkedom and
 * Readability for dumps of plain text).
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
