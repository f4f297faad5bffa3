/** Character classes the sentence splitter decides on. Sparse lookups only: the scan itself is a regex. */

/** Marks that end a sentence in any script, when followed by white space (or the end of the line). */
export const SPACED_TERMINATORS = '.!?…‼⁇⁈⁉؟۔៕។᙮᠃᠉⸮';
/** Marks that end a sentence with no space after them (Chinese, Japanese, Ethiopic, Devanagari, Myanmar, Armenian). */
export const UNSPACED_TERMINATORS = '。！？｡．።፧፨।॥။։';

const CLOSERS = new Set([...'"\'“”‘’»›)]}」』）］｝〕〉》】〗〙〛'].concat(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u200e', '\u200f', '\u2066', '\u2067', '\u2068', '\u2069']));
const OPENERS = new Set([...'"\'`“‘«‹„‚([{「『（［｛〔〈《【〖〘〚¿¡']);
const CJK_OPEN = '「『（［｛〔〈《【〖〘〚';
const CJK_CLOSE = '」』）］｝〕〉》】〗〙〛';
const DASHES = new Set([...'-–—―‒']);
const MID_PUNCT = new Set([...',;:，、；：']);

export const isCloser = (c: string) => CLOSERS.has(c);
export const isOpener = (c: string) => OPENERS.has(c);
export const isDash = (c: string) => DASHES.has(c);
export const isMidPunct = (c: string) => MID_PUNCT.has(c);
export const isCjkOpen = (c: string) => CJK_OPEN.includes(c);
export const isCjkClose = (c: string) => CJK_CLOSE.includes(c);
const BULLETS = new Set([...'•⁃▪◦●‣∙◆■□➢➤►']);
export const isBullet = (c: string) => BULLETS.has(c);
export const isUnspacedTerminator = (c: string) => UNSPACED_TERMINATORS.includes(c);

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SPACE = /\s/u;

export const isLower = (c: string) => LOWER.test(c);
export const isUpper = (c: string) => UPPER.test(c);
export const isLetter = (c: string) => LETTER.test(c);
export const isDigit = (c: string) => c >= '0' && c <= '9' ? true : c > '\u007f' && DIGIT.test(c);
export const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || (c > '\u007f' && SPACE.test(c));
/** Format characters (bidi marks and the like) that sit between a word and its punctuation. */
export const isFormat = (c: string) => /\p{Cf}/u.test(c);
