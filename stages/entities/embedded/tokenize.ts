/**
 * Run-time tokenisation for the embedded taggers. Fine-grained on purpose: a word is a run of
 * letters, marks and digits (keeping inner `.`/`'` as in `U.S`, `TP.HCM`, `O'Neill`, and inner
 * `,`/`:`/`/` between digits), every other non-space character is a token of its own. Entity
 * boundaries in the gold sets then fall on token boundaries almost always, and the tagger learns
 * whether a glued `.` or `-` belongs to a name (`U.S.`, `Nga-NATO`).
 */
export interface Token {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  text: string;
  /** No white space between this token and the previous one. */
  glued: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’.·][\p{L}\p{M}\p{N}]+|(?<=\p{N})[,:/](?=\p{N})\p{N}+)*|\S/gu;

/** Tokens of `text.slice(start, end)`, with offsets into the whole `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const tokens: Token[] = [];
  let last = -1;
  for (const m of slice.matchAll(TOKEN)) {
    const s = start + m.index!;
    tokens.push({ start: s, end: s + m[0].length, text: m[0], glued: s === last });
    last = s + m[0].length;
  }
  return tokens;
}
