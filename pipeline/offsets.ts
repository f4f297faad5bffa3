/**
 * Inside the pipeline offsets are UTF-16 indices (what JavaScript strings use); records carry
 * Unicode code points (what Python and the gold files use). This is the one place that converts.
 */
export type OffsetMapper = (utf16: number) => number;

/** The mapper of a text without astral characters, where the two numberings agree. */
const SAME_OFFSETS: OffsetMapper = (i) => i;

/**
 * Spans of `text` with code-point offsets: the same objects where the numberings agree (most
 * texts), copies with converted offsets otherwise.
 */
export function codePointSpans(text: string): <T extends { start: number; end: number }>(spans: T[]) => T[] {
  const cp = codePointMapper(text);
  return cp === SAME_OFFSETS ? (spans) => spans : (spans) => spans.map((s) => ({ ...s, start: cp(s.start), end: cp(s.end) }));
}

export function codePointMapper(text: string): OffsetMapper {
  if (!/[\uD800-\uDBFF]/.test(text)) return SAME_OFFSETS;
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      table[++i] = cp;
    }
    cp++;
  }
  table[text.length] = cp;
  return (i) => table[i];
}

/** The inverse, for reading gold offsets given in code points. */
export function utf16Mapper(text: string): OffsetMapper {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    positions.push(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
  }
  positions.push(text.length);
  return (cp) => positions[cp] ?? text.length;
}
