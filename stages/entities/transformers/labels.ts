import { createRequire } from 'node:module';
import type { EntityLabel } from '../../../pipeline/layers.ts';

const require = createRequire(import.meta.url);
const LABEL_MAP: Record<string, string[] | string> = require('./label-map.json');

const TYPE_TO_LABEL = new Map<string, EntityLabel | null>();
for (const [target, types] of Object.entries(LABEL_MAP)) {
  if (target.startsWith('_') || !Array.isArray(types)) continue;
  for (const type of types) TYPE_TO_LABEL.set(type.toUpperCase(), target === 'drop' ? null : (target as EntityLabel));
}

/** Position of a token in its entity: Begin, Inside, End, Single (BIOES; BILOU's L and U read as E and S), Outside. */
export type TagPrefix = 'B' | 'I' | 'E' | 'S' | 'O';

export interface ModelTag {
  prefix: TagPrefix;
  /** The entity type without the prefix (`PER`, `GPE`, `DATE`), or `O`. */
  type: string;
}

/** `B-PER` → B + PER; a label without a prefix (IO schemes: `PER`) reads as Inside. */
export function parseTag(label: string): ModelTag {
  if (label.toUpperCase() === 'O') return { prefix: 'O', type: 'O' };
  const m = /^([BIESLU])[-_](.+)$/i.exec(label);
  if (!m) return { prefix: 'I', type: label };
  const p = m[1]!.toUpperCase();
  return { prefix: p === 'L' ? 'E' : p === 'U' ? 'S' : (p as TagPrefix), type: m[2]! };
}

/**
 * The pipeline label for a model's entity type, `null` for types that are not names (DATE,
 * CARDINAL, ...), `undefined` for types the map does not know (also dropped, but reported).
 */
export function pipelineLabel(type: string): EntityLabel | null | undefined {
  return TYPE_TO_LABEL.get(type.toUpperCase());
}

export interface LabelScheme {
  /** The model's labels by class index. */
  labels: string[];
  tags: ModelTag[];
  /** Pipeline label by class index; null where the class yields no entity. */
  mapped: Array<EntityLabel | null>;
  /** Entity types of the model that the map does not know (dropped). */
  unknownTypes: string[];
}

/** Reads a config.json `id2label` ({"0": "O", "1": "B-PER", ...}) into a label scheme. */
export function labelScheme(id2label: Record<string, string> | undefined, classes: number): LabelScheme {
  const labels = Array.from({ length: classes }, (_, i) => id2label?.[String(i)] ?? `LABEL_${i}`);
  const tags = labels.map(parseTag);
  const unknown = new Set<string>();
  const mapped = tags.map((tag) => {
    if (tag.prefix === 'O') return null;
    const label = pipelineLabel(tag.type);
    if (label === undefined) unknown.add(tag.type);
    return label ?? null;
  });
  return { labels, tags, mapped, unknownTypes: [...unknown] };
}
