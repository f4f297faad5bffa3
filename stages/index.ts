import type { PipelineConfig, StageName } from '../pipeline/config.ts';
import type { Stage, StageFactory } from '../pipeline/stage.ts';
import { createBoilerplateStage } from './boilerplate/index.ts';
import { createDatesStage } from './dates/index.ts';
import { createDedupStage } from './dedup/index.ts';
import { createEntitiesStage } from './entities/index.ts';
import { createLanguageStage } from './language/index.ts';
import { createSentencesStage } from './sentences/index.ts';

/** Every stage by name, in pipeline order. */
export const STAGES: Record<StageName, StageFactory> = {
  boilerplate: createBoilerplateStage,
  language: createLanguageStage,
  sentences: createSentencesStage,
  entities: createEntitiesStage,
  dates: createDatesStage,
  dedup: createDedupStage,
};

export function createStages(config: PipelineConfig): Stage[] {
  return config.stages.map((name) => STAGES[name](config));
}
