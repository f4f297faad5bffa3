import type { EntitySpan } from '../../../pipeline/layers.ts';
import type { LabelScheme } from './labels.ts';

/**
 * From per-piece label probabilities to entity spans, following the Hugging Face
 * token-classification pipeline's aggregation strategies:
 *  - `simple`: every piece keeps its own best label; pieces are grouped by their B/I tags, so a
 *    word whose pieces disagree is split.
 *  - `first`: a word takes the best label of its first piece.
 *  - `max`: a word takes the label of its most confident piece.
 * Units (pieces or words) are then grouped: an I- (or E-) unit of the same type continues the open
 * entity; B-, S-, a type change, an O or a sentence boundary starts a new one. The score is the
 * mean of the units' scores.
 */
export type AggregationStrategy = 'simple' | 'first' | 'max';

export interface ScoredPiece {
  /** UTF-16 offsets into the text; pieces here are never empty. */
  start: number;
  end: number;
  sentence: number;
  /** The piece continues the word of the piece before it. */
  continues: boolean;
  /** Class index of the piece's most probable label. */
  label: number;
  /** Its probability. */
  score: number;
}

export interface TaggedUnit {
  start: number;
  end: number;
  sentence: number;
  /** Class index of the unit's label. */
  label: number;
  score: number;
}

export function tagUnits(pieces: ScoredPiece[], strategy: AggregationStrategy): TaggedUnit[] {
  if (strategy === 'simple') {
    return pieces.map((p) => ({ start: p.start, end: p.end, sentence: p.sentence, label: p.label, score: p.score }));
  }
  const units: TaggedUnit[] = [];
  let i = 0;
  while (i < pieces.length) {
    const head = pieces[i]!;
    let j = i + 1;
    while (j < pieces.length && pieces[j]!.continues && pieces[j]!.sentence === head.sentence) j++;
    let chosen = head;
    if (strategy === 'max') for (let k = i + 1; k < j; k++) if (pieces[k]!.score > chosen.score) chosen = pieces[k]!;
    units.push({ start: head.start, end: pieces[j - 1]!.end, sentence: head.sentence, label: chosen.label, score: chosen.score });
    i = j;
  }
  return units;
}

export function groupEntities(text: string, units: TaggedUnit[], scheme: LabelScheme): EntitySpan[] {
  const entities: EntitySpan[] = [];
  let group: TaggedUnit[] = [];
  let accepting = false;

  const close = () => {
    if (!group.length) return;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const label = scheme.mapped[first.label];
    if (label && last.end > first.start) {
      const span: EntitySpan = {
        start: first.start,
        end: last.end,
        label,
        text: text.slice(first.start, last.end),
        score: group.reduce((sum, u) => sum + u.score, 0) / group.length,
      };
      const source = scheme.labels[first.label]!;
      if (source !== label) span.sourceLabel = source;
      entities.push(span);
    }
    group = [];
    accepting = false;
  };

  for (const unit of units) {
    const tag = scheme.tags[unit.label]!;
    if (tag.prefix === 'O') {
      close();
      continue;
    }
    const open = group[group.length - 1];
    const extend =
      open !== undefined &&
      accepting &&
      open.sentence === unit.sentence &&
      scheme.tags[open.label]!.type === tag.type &&
      (tag.prefix === 'I' || tag.prefix === 'E');
    if (!extend) close();
    group.push(unit);
    accepting = tag.prefix === 'B' || tag.prefix === 'I';
  }
  close();
  return entities;
}
