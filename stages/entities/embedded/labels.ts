/** BIO tag sets over the four entity types, and reading spans back from a tag sequence. */
import type { EntityLabel } from '../../../pipeline/layers.ts';

export const ENTITY_TYPES: readonly EntityLabel[] = ['PER', 'LOC', 'ORG', 'MISC'];

/** Tags for the given types: `O`, then `B-X`, `I-X` per type, in ENTITY_TYPES order. */
export function bioTags(types: readonly EntityLabel[]): string[] {
  const ordered = ENTITY_TYPES.filter((t) => types.includes(t));
  return ['O', ...ordered.flatMap((t) => [`B-${t}`, `I-${t}`])];
}

/** For each tag: its entity type index in ENTITY_TYPES (-1 for O) and whether it begins a span. */
export interface TagInfo {
  type: Int8Array;
  begin: Uint8Array;
}

export function tagInfo(tags: readonly string[]): TagInfo {
  const type = new Int8Array(tags.length);
  const begin = new Uint8Array(tags.length);
  tags.forEach((tag, i) => {
    type[i] = tag === 'O' ? -1 : ENTITY_TYPES.indexOf(tag.slice(2) as EntityLabel);
    begin[i] = tag.startsWith('B-') ? 1 : 0;
  });
  return { type, begin };
}

/**
 * Token index ranges of the entities in a tag sequence, conlleval style: an `I-X` that does not
 * continue an `X` span starts a new one.
 */
export function chunks(tags: ArrayLike<number>, info: TagInfo): { from: number; to: number; type: number }[] {
  const out: { from: number; to: number; type: number }[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i] : 0;
    const type = i < tags.length ? info.type[t] : -1;
    const continues = type >= 0 && type === openType && !info.begin[t];
    if (!continues && open >= 0) {
      out.push({ from: open, to: i, type: openType });
      open = -1;
      openType = -1;
    }
    if (type >= 0 && !continues) {
      open = i;
      openType = type;
    }
  }
  return out;
}
