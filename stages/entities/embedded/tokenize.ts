/**
 * Run-time tokenisation for the embedded taggers. Fine-grained on purpose: a word is a run of
 * letters, marks and digits (keeping inner `.`/`'` as in `U.S`, `TP.HCM`, `O'Neill`, and inner
 * `,`/`:`/`/` between digits), every other non-space character is a token of its own. Entity
 * boundaries in the gold sets then fall on token boundaries almost always, and the tagger learns
 * whether a glued `.` or `-` belongs to a name (`U.S.`, `Nga-NATO`).
 */
import { normalizeToneMarks } from '../../boilerplate/tone-marks.ts';

export interface Token {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** The token as printed, except Vietnamese tone marks in one placement (see spelled). */
  text: string;
  /** No white space between this token and the previous one. */
  glued: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.·][\p{L}\p{M}\p{N}]+|(?<=\p{N})[,:/](?=\p{N})\p{N}+)*|\S/gu;

// A vowel pair that may carry its tone mark on the second vowel ('hoà', 'khoẻ', 'Thuỳ'), or the
// Icelandic eth typed for the Vietnamese capital D with stroke ('Ðà Nẵng').
const VARIANT_SPELLING = /[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]|Ð/;

/**
 * The text in one Vietnamese spelling, whichever the source used: tone marks on the first vowel
 * of oa/oe/uy ('hoà' -> 'hòa': the training corpora and the news mix both, 'Thuỳ' and 'Thùy'
 * are one name, and the pipeline may be told to keep either) and 'Đ' for 'Ð'. Same length, so
 * offsets hold; a text without such a pair costs one regular-expression test.
 */
function spelled(slice: string): string {
  if (!VARIANT_SPELLING.test(slice)) return slice;
  return normalizeToneMarks(slice.includes('Ð') ? slice.replaceAll('Ð', 'Đ') : slice, 'new');
}

/** Tokens of `text.slice(start, end)`, with offsets into the whole `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const slice = spelled(start === 0 && end === text.length ? text : text.slice(start, end));
  const tokens: Token[] = [];
  let last = -1;
  for (const m of slice.matchAll(TOKEN)) {
    const s = start + m.index!;
    tokens.push({ start: s, end: s + m[0].length, text: m[0], glued: s === last });
    last = s + m[0].length;
  }
  return tokens;
}
