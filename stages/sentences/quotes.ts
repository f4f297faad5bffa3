/** A half-open range of the text. */
export interface Range {
  start: number;
  end: number;
}

// Quotations and brackets closed on the same line (Pragmatic Segmenter's "between punctuation").
const QUOTED = [
  /"[^"\n]*"/g,
  /“[^”\n]*”/g,
  /„[^“”\n]*[“”]/g,
  /«[^»\n]*»/g,
  /(?<=^|\s)'(?:[^'\n]|'\p{L})*'(?!\p{L})/gu,
  /(?<=^|\s)‘(?:[^’\n]|’\p{L})*’(?!\p{L})/gu,
  // ASCII quotes of the Penn Treebank and TeX: `single' and ``double''.
  /(?<=^|\s)`(?:[^`'\n]|'\p{L})*'(?!\p{L})/gu,
  /``[^\n]*?''/g,
  /\[[^\]\n]*\]/g,
  /\([^()\n]*\)/g,
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
