/**
 * Unicode scripts of letters, by code-point range (BMP; astral characters count as no letter).
 * Languages only compete within the script of the text: Thai is Thai, Hangul is Korean, and a
 * Cyrillic sentence never comes out French.
 */

/** ISO 15924 codes; index 0 means "not a letter". `Cjk` groups Han and kana (zh and ja share Han). */
export const SCRIPTS = [
  '',
  'Latn', 'Grek', 'Cyrl', 'Armn', 'Hebr', 'Arab', 'Syrc', 'Thaa', 'Nkoo', 'Deva', 'Beng', 'Guru', 'Gujr', 'Orya',
  'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh', 'Thai', 'Laoo', 'Tibt', 'Mymr', 'Geor', 'Hang', 'Ethi', 'Cher', 'Khmr',
  'Mong', 'Cjk', 'Zyyy',
] as const;
export type ScriptCode = (typeof SCRIPTS)[number];

/** Index of the script that combining marks take from the letter before them. */
const INHERIT = 255;

const RANGES: [number, number, ScriptCode][] = [
  [0x0041, 0x005a, 'Latn'], [0x0061, 0x007a, 'Latn'], [0x00aa, 0x00aa, 'Latn'], [0x00ba, 0x00ba, 'Latn'],
  [0x00c0, 0x024f, 'Latn'], [0x0250, 0x02af, 'Latn'], [0x1d00, 0x1dbf, 'Latn'], [0x1e00, 0x1eff, 'Latn'],
  [0x2c60, 0x2c7f, 'Latn'], [0xa720, 0xa7ff, 'Latn'], [0xab30, 0xab6f, 'Latn'], [0xfb00, 0xfb06, 'Latn'],
  [0xff21, 0xff3a, 'Latn'], [0xff41, 0xff5a, 'Latn'],
  [0x0370, 0x03ff, 'Grek'], [0x1f00, 0x1fff, 'Grek'],
  [0x0400, 0x052f, 'Cyrl'], [0x1c80, 0x1c8f, 'Cyrl'], [0x2de0, 0x2dff, 'Cyrl'], [0xa640, 0xa69f, 'Cyrl'],
  [0x0530, 0x058f, 'Armn'], [0xfb13, 0xfb17, 'Armn'],
  [0x0590, 0x05ff, 'Hebr'], [0xfb1d, 0xfb4f, 'Hebr'],
  [0x0600, 0x06ff, 'Arab'], [0x0750, 0x077f, 'Arab'], [0x08a0, 0x08ff, 'Arab'], [0xfb50, 0xfdff, 'Arab'],
  [0xfe70, 0xfeff, 'Arab'],
  [0x0700, 0x074f, 'Syrc'], [0x0780, 0x07bf, 'Thaa'], [0x07c0, 0x07ff, 'Nkoo'],
  [0x0900, 0x097f, 'Deva'], [0xa8e0, 0xa8ff, 'Deva'], [0x0980, 0x09ff, 'Beng'], [0x0a00, 0x0a7f, 'Guru'],
  [0x0a80, 0x0aff, 'Gujr'], [0x0b00, 0x0b7f, 'Orya'], [0x0b80, 0x0bff, 'Taml'], [0x0c00, 0x0c7f, 'Telu'],
  [0x0c80, 0x0cff, 'Knda'], [0x0d00, 0x0d7f, 'Mlym'], [0x0d80, 0x0dff, 'Sinh'], [0x0e00, 0x0e7f, 'Thai'],
  [0x0e80, 0x0eff, 'Laoo'], [0x0f00, 0x0fff, 'Tibt'], [0x1000, 0x109f, 'Mymr'],
  [0x10a0, 0x10ff, 'Geor'], [0x1c90, 0x1cbf, 'Geor'], [0x2d00, 0x2d2f, 'Geor'],
  [0x1100, 0x11ff, 'Hang'], [0x3130, 0x318f, 'Hang'], [0xa960, 0xa97f, 'Hang'], [0xac00, 0xd7af, 'Hang'],
  [0xd7b0, 0xd7ff, 'Hang'], [0xffa0, 0xffdc, 'Hang'],
  [0x1200, 0x139f, 'Ethi'], [0x2d80, 0x2ddf, 'Ethi'], [0x13a0, 0x13ff, 'Cher'], [0x1780, 0x17ff, 'Khmr'],
  [0x1800, 0x18af, 'Mong'],
  [0x2e80, 0x2fdf, 'Cjk'], [0x3005, 0x3007, 'Cjk'], [0x3021, 0x3029, 'Cjk'], [0x3031, 0x3035, 'Cjk'],
  [0x3038, 0x303b, 'Cjk'], [0x3040, 0x30ff, 'Cjk'], [0x31f0, 0x31ff, 'Cjk'], [0x3400, 0x4dbf, 'Cjk'],
  [0x4e00, 0x9fff, 'Cjk'], [0xf900, 0xfaff, 'Cjk'], [0xff66, 0xff9f, 'Cjk'],
];

/** Script index of every BMP code unit: 0 not a letter, INHERIT for combining marks. */
function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const letter = /[\p{L}\p{M}]/u;
  const mark = /\p{M}/u;
  const other = SCRIPTS.indexOf('Zyyy');
  for (let cp = 0; cp < 0xd800; cp++) {
    const ch = String.fromCharCode(cp);
    if (letter.test(ch)) table[cp] = mark.test(ch) ? INHERIT : other;
  }
  for (let cp = 0xe000; cp < 0x10000; cp++) {
    const ch = String.fromCharCode(cp);
    if (letter.test(ch)) table[cp] = mark.test(ch) ? INHERIT : other;
  }
  for (const [from, to, script] of RANGES) {
    const index = SCRIPTS.indexOf(script);
    for (let cp = from; cp <= to; cp++) if (table[cp] && table[cp] !== INHERIT) table[cp] = index;
  }
  // Marks proper to a script (Indic vowel signs, Thai tone marks) belong to it, not to the letter before.
  for (const [from, to, script] of RANGES) {
    if (script === 'Latn' || script === 'Grek' || script === 'Cyrl') continue;
    const index = SCRIPTS.indexOf(script);
    for (let cp = from; cp <= to; cp++) if (table[cp] === INHERIT) table[cp] = index;
  }
  return table;
}

const TABLE = buildTable();

/**
 * Calls `visit` for every word of the text: a maximal run of letters (and their marks) of one
 * script. Han and kana form one run (`Cjk`). `visit` returning true stops the walk.
 */
export function forEachWord(text: string, visit: (word: string, script: number) => boolean | void): void {
  let start = -1;
  let script = 0;
  for (let i = 0; i < text.length; i++) {
    let s = TABLE[text.charCodeAt(i)];
    if (s === INHERIT) {
      if (start >= 0) continue;
      s = 0;
    }
    if (s !== script || s === 0) {
      if (start >= 0 && visit(text.slice(start, i), script) === true) return;
      start = s ? i : -1;
      script = s;
    }
  }
  if (start >= 0) visit(text.slice(start), script);
}

/** Letters of each script in the text (index = position in SCRIPTS). */
export function scriptCounts(text: string, limit = text.length): Uint32Array {
  const counts = new Uint32Array(SCRIPTS.length);
  const end = Math.min(limit, text.length);
  for (let i = 0; i < end; i++) {
    const s = TABLE[text.charCodeAt(i)];
    if (s && s !== INHERIT) counts[s]++;
  }
  return counts;
}

/** True when the code unit is a letter or mark (of any script). */
export function isLetter(code: number): boolean {
  return TABLE[code] !== 0;
}
