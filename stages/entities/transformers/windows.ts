/**
 * Model windows over an article's pieces. A model sees at most `capacity` pieces at once (512 less
 * its special tokens for BERT), so longer texts are cut: between sentences where possible, and
 * inside a sentence longer than a window with `overlap` pieces shared by consecutive windows.
 * A piece seen by two windows takes its prediction from the one where it sits farther from an edge
 * (more context on both sides); ties go to the earlier window, so the result is deterministic.
 */
export interface Window {
  /** First piece (index into the article's pieces). */
  from: number;
  /** One past the last piece. */
  to: number;
}

export interface PieceBoundaries {
  /** Piece i begins a sentence. */
  sentenceStart(i: number): boolean;
  /** Piece i begins a word (cutting before it splits no word). */
  wordStart(i: number): boolean;
}

export function planWindows(count: number, capacity: number, overlap: number, bounds: PieceBoundaries): Window[] {
  if (capacity < 1) throw new Error(`window capacity must be at least 1 piece, got ${capacity}`);
  const shared = Math.max(0, Math.min(overlap, Math.floor(capacity / 2)));
  const windows: Window[] = [];
  let from = 0;
  while (from < count) {
    const limit = Math.min(from + capacity, count);
    if (limit === count) {
      windows.push({ from, to: count });
      break;
    }
    let cut = limit;
    while (cut > from && !bounds.sentenceStart(cut)) cut--;
    if (cut > from) {
      windows.push({ from, to: cut });
      from = cut;
      continue;
    }
    // One sentence fills the window: cut before a word, and let the next window start `shared` earlier.
    cut = limit;
    while (cut > from + 1 && !bounds.wordStart(cut)) cut--;
    if (!bounds.wordStart(cut)) cut = limit;
    windows.push({ from, to: cut });
    let next = Math.max(from + 1, cut - shared);
    let snapped = next;
    while (snapped > from + 1 && !bounds.wordStart(snapped)) snapped--;
    if (bounds.wordStart(snapped)) next = snapped;
    from = next;
  }
  return windows;
}

/** For each piece, the index of the window whose prediction it keeps. */
export function windowOwners(windows: Window[], count: number): Int32Array {
  const owner = new Int32Array(count).fill(-1);
  const margin = new Int32Array(count).fill(-1);
  windows.forEach((w, wi) => {
    for (let i = w.from; i < w.to; i++) {
      const m = Math.min(i - w.from, w.to - 1 - i);
      if (m > margin[i]!) {
        margin[i] = m;
        owner[i] = wi;
      }
    }
  });
  return owner;
}
