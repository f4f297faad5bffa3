import type { StageEvaluator } from './contract.ts';

/** Evaluators by command-line name, loaded on demand (each pulls in its stage and models). */
export const EVALUATORS: Record<string, () => Promise<StageEvaluator>> = {
  boilerplate: async () => (await import('../../stages/boilerplate/evaluate.ts')).evaluator,
  langid: async () => (await import('../../stages/language/evaluate.ts')).evaluator,
  sentences: async () => (await import('../../stages/sentences/evaluate.ts')).evaluator,
  ner: async () => (await import('../../stages/entities/evaluate.ts')).evaluator,
  dates: async () => (await import('../../stages/dates/evaluate.ts')).evaluator,
  dedup: async () => (await import('../../stages/dedup/evaluate.ts')).evaluator,
  neardup: async () => (await import('../../stages/dedup/neardup.ts')).neardupEvaluator,
};

/**
 * Which dev files `eval all` scores, by stage folder under the data directory. A stage may be
 * scored more than once (boilerplate on the text dump and on HTML).
 */
export interface ScoreboardEntry {
  stage: string;
  file: string;
  input: 'text' | 'html';
}

export const SCOREBOARD_PATTERNS: { stage: string; folder: string; match: RegExp; input?: 'text' | 'html' }[] = [
  { stage: 'boilerplate', folder: 'seeds', match: /^boilerplate\.jsonl$/ },
  { stage: 'boilerplate', folder: 'boilerplate', match: /^aeb-dev\.jsonl$/, input: 'text' },
  { stage: 'boilerplate', folder: 'boilerplate', match: /^aeb-dev\.jsonl$/, input: 'html' },
  { stage: 'boilerplate', folder: 'boilerplate', match: /^trafilatura-dev\.jsonl$/, input: 'html' },
  { stage: 'langid', folder: 'langid', match: /dev\.jsonl$/ },
  { stage: 'sentences', folder: 'sentences', match: /dev\.jsonl$/ },
  { stage: 'sentences', folder: 'seeds', match: /^sentences\.jsonl$/ },
  { stage: 'ner', folder: 'ner', match: /dev\.jsonl$/ },
  { stage: 'ner', folder: 'seeds', match: /^ner\.jsonl$/ },
  { stage: 'dates', folder: 'dates', match: /dev\.jsonl$/ },
  { stage: 'dates', folder: 'seeds', match: /^dates(-dct)?\.jsonl$/ },
  { stage: 'dedup', folder: 'dedup', match: /dev\.jsonl$/ },
  { stage: 'dedup', folder: 'seeds', match: /^dedup\.jsonl$/ },
];
