/** Text normalisation every later layer's offsets refer to. */
import { normalizeToneMarks, type ToneMarks } from './tone-marks.ts';

/** Characters that carry nothing and split words for every later stage. */
const INVISIBLE = /[\u00ad\u200b\ufeff\u2060]/g;
/** Runs of two or more horizontal spaces (a single no-break space inside a line stays, as printed). */
const SPACE_RUN = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** NFC, tone marks, invisible characters out, line breaks as \n. Line structure is kept. */
export function normalizeRaw(text: string, toneMarks: ToneMarks): string {
  const nfc = text.normalize('NFC').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(INVISIBLE, '');
  return normalizeToneMarks(nfc, toneMarks);
}

/** One paragraph: inner space runs to one space, outer white space (no-break spaces too) trimmed. */
export function cleanParagraph(line: string): string {
  return line.replace(SPACE_RUN, ' ').trim();
}

/** The cleaned text: paragraphs separated by exactly one blank line. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.filter((p) => p.length > 0).join('\n\n');
}
