import type { Span } from '../../../pipeline/layers.ts';

/**
 * Character offsets for tokenizer pieces. transformers.js gives pieces without offsets, and its
 * normalizers may lower-case, strip accents or apply NFKC, so each piece's surface is searched in a
 * folded copy of the text (NFKD, marks removed, lower case, control characters dropped) that keeps,
 * for every folded character, the UTF-16 range of the original character it came from.
 */

/** How far (in folded characters) the next piece may lie past the cursor before it counts as not found. */
const MAX_SKIP = 32;

const CONTROL = /^[\p{Cc}\p{Cf}]$/u;
const SPACE = /\s/;
const PUNCT = /[\p{P}\p{S}]/u;
const MARK = /\p{M}/u;

const FOLDED = new Map<string, string>();

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80 && code >= 0x20 && code !== 0x7f) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded =
      CONTROL.test(ch) && !SPACE.test(ch)
        ? ''
        : ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
    FOLDED.set(ch, folded);
  }
  return folded;
}

export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += fold(ch);
  return out;
}

interface FoldedText {
  chars: string;
  /** Original UTF-16 start of the character each folded character comes from. */
  origin: Int32Array;
}

function foldWithOrigins(text: string, from: number, to: number): FoldedText {
  let chars = '';
  const origin: number[] = [];
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = fold(text.slice(i, i + width));
    for (let k = 0; k < f.length; k++) origin.push(i);
    chars += f;
    i += width;
  }
  return { chars, origin: Int32Array.from(origin) };
}

/**
 * Offsets of `surfaces` (one per piece, in order) inside `text[from, to)`. A surface of `null` is a
 * piece whose text is unknown ([UNK], a partial byte): it gets the text between its neighbours,
 * split on white space and punctuation when several unknown pieces share the gap. An empty surface
 * (a lone `▁`) gets an empty span. Spans are half-open UTF-16 offsets into `text`; a combining mark
 * that follows a matched character belongs to its piece.
 */
export function alignPieces(text: string, from: number, to: number, surfaces: Array<string | null>): Span[] {
  const folded = foldWithOrigins(text, from, to);
  const n = folded.chars.length;
  const startOf = (k: number) => (k < n ? folded.origin[k]! : to);
  /** Original end of the character folded index k comes from, with the combining marks after it. */
  const endAfter = (k: number) => {
    const o = folded.origin[k]!;
    let e = o + (text.codePointAt(o)! > 0xffff ? 2 : 1);
    while (e < to && MARK.test(text[e]!)) e++;
    return e;
  };

  const spans: Span[] = new Array(surfaces.length);
  let cursor = 0;
  let pending: number[] = [];
  let pendingFrom = 0;

  const settlePending = (gapEnd: number) => {
    if (!pending.length) return;
    const start = skipSpaceOriginal(text, startOf(pendingFrom), gapEnd);
    assignGap(text, start, trimEnd(text, start, gapEnd), pending, spans);
    pending = [];
  };

  for (let t = 0; t < surfaces.length; t++) {
    const surface = surfaces[t];
    let k = cursor;
    while (k < n && SPACE.test(folded.chars[k]!)) k++;
    if (surface === '') {
      const at = startOf(k);
      spans[t] = { start: at, end: at };
      continue;
    }
    const target = surface === null ? null : foldText(surface).replace(/\s+/g, '');
    let found = -1;
    if (target) {
      if (folded.chars.startsWith(target, k)) found = k;
      else {
        const j = folded.chars.indexOf(target, k);
        if (j >= 0 && j - k <= MAX_SKIP) found = j;
      }
    }
    if (found < 0) {
      if (!pending.length) pendingFrom = k;
      pending.push(t);
      continue;
    }
    settlePending(startOf(found));
    const last = found + target!.length - 1;
    spans[t] = { start: startOf(found), end: endAfter(last) };
    cursor = found + target!.length;
  }
  settlePending(to);
  return spans;
}

function skipSpaceOriginal(text: string, i: number, end: number): number {
  while (i < end && SPACE.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return end;
}

/** Shares `text[start, end)` among the unknown pieces `pieces`: one chunk each where the counts allow. */
function assignGap(text: string, start: number, end: number, pieces: number[], spans: Span[]) {
  let chunks = splitChunks(text, start, end, false);
  if (chunks.length < pieces.length) chunks = splitChunks(text, start, end, true);
  pieces.forEach((piece, i) => {
    if (i >= chunks.length) spans[piece] = { start: end, end };
    else if (i === pieces.length - 1) spans[piece] = { start: chunks[i]!.start, end };
    else spans[piece] = chunks[i]!;
  });
}

function splitChunks(text: string, start: number, end: number, punctuation: boolean): Span[] {
  const chunks: Span[] = [];
  let i = start;
  while (i < end) {
    while (i < end && SPACE.test(text[i]!)) i++;
    if (i >= end) break;
    let j = i;
    if (punctuation && PUNCT.test(text[j]!)) j++;
    else while (j < end && !SPACE.test(text[j]!) && !(punctuation && PUNCT.test(text[j]!))) j++;
    chunks.push({ start: i, end: j });
    i = j;
  }
  return chunks;
}

/** Whether a piece's text is punctuation or symbols only (never part of a word for `first`/`max`). */
export function isPunctuation(text: string): boolean {
  return text.length > 0 && [...text].every((ch) => PUNCT.test(ch));
}
