/**
 * Markup left in the text: an HTML/XML tag (`<p>`, `</em>`, `<img src="…">`) or its escaped form
 * (`&lt;b&gt;`). It is not sentence content: sentence spans do not start or end with it, a stretch
 * of markup alone is no sentence, and the evaluator does not compare it. A mail address in angle
 * brackets (`<jane@example.com>`) is not a tag.
 */
export const MARKUP_SOURCE = String.raw`<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>|&lt;\/?[A-Za-z][^&<>]*?&gt;`;
const TAG = new RegExp(MARKUP_SOURCE, 'y');

/** The end of the markup that starts at `at` (and ends by `to`), or -1. */
export function markupAt(text: string, at: number, to: number): number {
  const c = text[at];
  if (c !== '<' && c !== '&') return -1;
  TAG.lastIndex = at;
  const m = TAG.exec(text);
  return m && at + m[0].length <= to ? at + m[0].length : -1;
}

/** The start of the markup that ends at `end` (and starts at or after `from`), or -1. */
export function markupBefore(text: string, from: number, end: number): number {
  const c = text[end - 1];
  let at = -1;
  if (c === '>') at = text.lastIndexOf('<', end - 1);
  else if (c === ';' && text.endsWith('&gt;', end)) at = text.lastIndexOf('&lt;', end - 4);
  return at >= from && markupAt(text, at, end) === end ? at : -1;
}
