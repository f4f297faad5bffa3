/**
 * The document-level pass: what the article has already said about a word. When a capitalised
 * word was tagged as part of a name earlier in the article, its later mentions get that type as a
 * feature (Ratinov & Roth's "prediction history"), so `Stoltenberg` alone keeps the PER of
 * `Jens Stoltenberg` three paragraphs up. Where the model has stems, the same is kept by stem, so
 * one case form of a name informs the others (`Москва` ... `в Москве`).
 */
import type { SentenceView } from './features.ts';
import type { TagInfo } from './labels.ts';

export class DocumentMemory {
  private readonly counts = new Map<number, Int32Array>();
  private readonly stems = new Map<number, Int32Array>();

  /** 0 when the word has no history, else 1 + the entity type it was tagged with most. */
  recall(word: number): number {
    return mostTagged(this.counts.get(word));
  }

  /** The same by stem hash. */
  recallStem(stem: number): number {
    return mostTagged(this.stems.get(stem));
  }

  /** Remember the types the tagger gave to the capitalised words of a sentence. */
  remember(view: SentenceView, tags: ArrayLike<number>, info: TagInfo): void {
    for (let i = 0; i < view.length; i++) {
      if (!(view.flags[i] & 2)) continue;
      const type = info.type[tags[i]];
      if (type < 0) continue;
      count(this.counts, view.word[i], type);
      if (view.stem) count(this.stems, view.stem[i], type);
    }
  }
}

function count(counts: Map<number, Int32Array>, key: number, type: number): void {
  let c = counts.get(key);
  if (!c) counts.set(key, (c = new Int32Array(4)));
  c[type]++;
}

function mostTagged(c: Int32Array | undefined): number {
  if (!c) return 0;
  let best = 0;
  for (let k = 1; k < 4; k++) if (c[k] > c[best]) best = k;
  return c[best] > 0 ? best + 1 : 0;
}
