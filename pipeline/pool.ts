import { Piscina } from 'piscina';
import type { PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import { processDoc, stagesFor, type ExecResult } from './execute.ts';

/** Where per-article work runs: a worker-thread pool, or the main thread when threads = 0. */
export interface Executor {
  run(doc: Doc): Promise<ExecResult>;
  /** Fails early (missing model, say) before any article is read. */
  ready(): Promise<void>;
  close(): Promise<void>;
  readonly threads: number;
}

export function createExecutor(config: PipelineConfig): Executor {
  if (config.threads <= 0) {
    return {
      threads: 0,
      run: (doc) => processDoc(doc, config),
      ready: async () => void (await stagesFor(config)),
      close: async () => {},
    };
  }
  const pool = new Piscina({
    filename: new URL('./worker-entry.js', import.meta.url).href,
    minThreads: config.threads,
    maxThreads: config.threads,
    idleTimeout: 60_000,
  });
  return {
    threads: config.threads,
    run: (doc) => pool.run({ doc, config }) as Promise<ExecResult>,
    // Loading stages on the main thread too reports a missing model once, before work starts.
    ready: async () => void (await stagesFor(config)),
    close: () => pool.destroy(),
  };
}
