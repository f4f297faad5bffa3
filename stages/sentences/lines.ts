import { SPACED_TERMINATORS, UNSPACED_TERMINATORS, isBullet, isCloser, isLetter, isLower, isSpace } from './chars.ts';
import { markupAt, markupBefore } from './markup.ts';
import type { Range } from './quotes.ts';
import type { LanguageRules } from './rules.ts';

/**
 * Line breaks; also the escapes `\n` and `\r` of a doubly escaped dump (and pySBD's `\ n`), unless a
 * lower-case letter follows (`C:\new`, `\noindent`).
 */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]|\\ ?[rn](?:[ \t]*\\ ?[rn])*/g;
/** A list item opening a line: `1. `, `a) `, `(iv) `, `2.) `. */
const LIST_ITEM = /\(?(?:\d{1,3}|\p{L}|[ivxlc]{2,4}|[IVXLC]{2,4})(?:\.\)|\)|\.)\s/uy;
/** A line of one or two letters: a word set vertically, letter by letter (`W\nA\nRN\nI\nNG`). */
const LETTERS = /^\s*\p{L}{1,2}\s*$/u;
const CASED = /[\p{Lu}\p{Ll}]/u;

interface Line {
  start: number;
  end: number;
  /** The break after the line was an escape (`\n` written out): always a hard break. */
  escaped: boolean;
}

/**
 * The units the splitter splits further: runs of lines joined where a line break does not end a
 * sentence. A blank line (or one of markup only) always ends one. A single line break does not
 * when the text was re-flowed (PDF extraction, hard-wrapped mail): the line ends in no terminator
 * or colon, the paragraph is prose (its last line does, so a list of bare items stays items), and
 * the next line goes on in lower case, or the line ends in white space (the wrap's trace) and the
 * next one starts with a letter or bracket, or the line ends in a word that cannot end a sentence
 * (`lineContinuers`: Japanese の). A next line that is indented or opens with a list item or bullet
 * starts a new unit. Lines that start with their sentence's final punctuation (`pricing\n.`), and
 * words set vertically, one or two letters a line for three lines or more, run on too.
 */
export function lineUnits(text: string, rules: LanguageRules): Range[] {
  const lines: Line[] = [];
  let from = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    const escaped = m[0][0] === '\\';
    if (escaped && isLower(text[m.index + m[0].length] ?? '')) continue;
    lines.push({ start: from, end: m.index, escaped });
    from = m.index + m[0].length;
  }
  lines.push({ start: from, end: text.length, escaped: true });
  if (lines.length === 1) return [{ start: 0, end: text.length }];

  const units: Range[] = [];
  for (let i = 0; i < lines.length; ) {
    if (isBlank(text, lines[i])) {
      i++;
      continue;
    }
    // A block: lines i … j-1, none blank, no escaped break between them.
    let j = i + 1;
    while (j < lines.length && !lines[j - 1].escaped && !isBlank(text, lines[j])) j++;
    const prose = endsLikeProse(text, lines[j - 1], rules);
    let start = lines[i].start;
    for (let k = i; k < j - 1; k++) {
      if (runsOn(text, lines, k, i, j, prose, rules)) continue;
      units.push({ start, end: lines[k].end });
      start = lines[k + 1].start;
    }
    units.push({ start, end: lines[j - 1].end });
    i = j;
  }
  return units;
}

/** A line of white space and markup only (`<div><p>`): it parts paragraphs like an empty one. */
function isBlank(text: string, line: Line): boolean {
  for (let p = line.start; p < line.end; ) {
    if (isSpace(text[p])) p++;
    else if ((p = markupAt(text, p, line.end)) < 0) return false;
  }
  return true;
}

/** The mark a line ends in, before any closing quotes, brackets and markup ('' for none). */
function finalMark(text: string, line: Line): string {
  let p = line.end;
  for (let tag = 0; p > line.start; p = tag) {
    while (p > line.start && (isSpace(text[p - 1]) || isCloser(text[p - 1]))) p--;
    if ((tag = markupBefore(text, line.start, p)) < 0) break;
  }
  return p > line.start ? text[p - 1] : '';
}

const isTerminator = (c: string, rules: LanguageRules) =>
  c !== '' && (SPACED_TERMINATORS.includes(c) || UNSPACED_TERMINATORS.includes(c) || rules.extraTerminators.includes(c));

/** The last line of a paragraph of prose ends in a terminator or a colon. */
const endsLikeProse = (text: string, line: Line, rules: LanguageRules) => {
  const c = finalMark(text, line);
  return c === ':' || isTerminator(c, rules);
};

const isLetterLine = (text: string, line: Line | undefined) => !!line && line.end - line.start <= 8 && LETTERS.test(text.slice(line.start, line.end));

/** Whether the break after line k (of the block i … j-1) runs on into line k+1. */
function runsOn(text: string, lines: Line[], k: number, i: number, j: number, prose: boolean, rules: LanguageRules): boolean {
  const a = lines[k];
  const b = lines[k + 1];
  const next = text[b.start];
  if ('.,;:!?'.includes(next) && text[b.start + 1] !== '.' && (b.start + 1 === b.end || isSpace(text[b.start + 1]))) return true;
  if (isLetterLine(text, a) && isLetterLine(text, b) && ((k > i && isLetterLine(text, lines[k - 1])) || (k + 2 < j && isLetterLine(text, lines[k + 2])))) return true;
  if (!prose || isSpace(next) || isBullet(next)) return false;
  const mark = finalMark(text, a);
  if (mark === ':' || isTerminator(mark, rules)) return false;
  LIST_ITEM.lastIndex = b.start;
  if (LIST_ITEM.test(text)) return false;
  if (isLower(next)) return true;
  if (isSpace(text[a.end - 1])) return isLetter(next) || next === '(';
  return isLetter(next) && endsWithContinuer(text, a, rules);
}

function endsWithContinuer(text: string, line: Line, rules: LanguageRules): boolean {
  if (!rules.lineContinuers.length) return false;
  let end = line.end;
  while (end > line.start && isSpace(text[end - 1])) end--;
  for (const word of rules.lineContinuers) {
    const at = end - word.length;
    // A word of a cased script must stand alone; a particle of a caseless one (の) is glued to its word.
    if (at >= line.start && text.startsWith(word, at) && (!CASED.test(word) || at === line.start || !isLetter(text[at - 1]))) return true;
  }
  return false;
}
