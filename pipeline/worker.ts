import type { PipelineConfig } from './config.ts';
import type { Doc } from './doc.ts';
import { processDoc, type ExecResult } from './execute.ts';

/** Entry point of a pool thread: one article's per-article stages. */
export default function work(task: { doc: Doc; config: PipelineConfig }): Promise<ExecResult> {
  return processDoc(task.doc, task.config);
}
