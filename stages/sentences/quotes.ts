/** A half-open range of the text. */
export interface Range {
  start: number;
  end: number;
}

// Quotations and brackets closed in the same unit of lines (Pragmatic Segmenter's "between punctuation").
const QUOTED = [
  /"[^"]*"/g,
  /“[^”]*”/g,
  /„[^“”]*[“”]/g,
  /«[^»]*»/g,
  /(?<=^|\s)'(?:[^']|'\p{L})*'(?!\p{L})/gu,
  /(?<=^|\s)‘(?:[^’]|’\p{L})*’(?!\p{L})/gu,
  // ASCII quotes of the Penn Treebank and TeX: `single' and ``double''.
  /(?<=^|\s)`(?:[^`']|'\p{L})*'(?!\p{L})/gu,
  /``[\s\S]*?''/g,
  /\[[^\]]*\]/g,
  /\([^()]*\)/g,
];

/** Longer "quotations" are more likely unpaired marks than one quotation: they protect nothing. */
const MAX_QUOTED = 400;

/** Quoted and bracketed ranges in `text[from, to)`, each from its opening mark to past its closing one. */
export function quotedRanges(text: string, from: number, to: number): Range[] {
  const line = text.slice(from, to);
  const ranges: Range[] = [];
  for (const re of QUOTED) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) if (m[0].length <= MAX_QUOTED) ranges.push({ start: from + m.index, end: from + m.index + m[0].length });
  }
  return ranges;
}
