/**
 * Vietnamese tone-mark placement in the open syllables oa, oe, uy (no final letter after them).
 * The two conventions differ only there:
 *   'new' (this project's default, as pipeline/config.ts names it): mark on the first vowel, 'hòa', 'khỏe', 'thủy';
 *     the spelling most Vietnamese newspapers and the VLSP corpora print.
 *   'old': mark on the second vowel, 'hoà', 'khoẻ', 'thuỷ'.
 * (Vietnamese writers often call these the other way round, 'kiểu cũ' = hòa; the names follow
 * the config contract.) `keep` leaves the text as printed. Closed syllables ('hoàn', 'khuyến'),
 * triphthongs ('ngoài') and 'qu' + y ('quý', where u belongs to the consonant) are never touched.
 */

const TONED: Record<string, string[]> = {
  a: ['à', 'á', 'ả', 'ã', 'ạ'],
  e: ['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
  y: ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
  o: ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
  u: ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
};

const PAIRS: [first: string, second: string][] = [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
];

/** 'oà' -> 'òa' etc. (second-vowel mark to first), with upper-case forms. */
function buildMaps(): { toFirst: Map<string, string>; toSecond: Map<string, string> } {
  const toFirst = new Map<string, string>();
  const toSecond = new Map<string, string>();
  for (const [v1, v2] of PAIRS) {
    for (let t = 0; t < 5; t++) {
      const markedSecond = v1 + TONED[v2][t];
      const markedFirst = TONED[v1][t] + v2;
      for (const [a, b] of [
        [markedSecond, markedFirst],
        [markedSecond.toUpperCase(), markedFirst.toUpperCase()],
        [markedSecond[0].toUpperCase() + markedSecond[1], markedFirst[0].toUpperCase() + markedFirst[1]],
      ]) {
        toFirst.set(a, b);
        toSecond.set(b, a);
      }
    }
  }
  return { toFirst, toSecond };
}

const { toFirst, toSecond } = buildMaps();
const pattern = (keys: Iterable<string>) => new RegExp(`(${[...keys].join('|')})(?![\\p{L}\\p{M}])`, 'gu');
const TO_FIRST = pattern(toFirst.keys());
const TO_SECOND = pattern(toSecond.keys());

/** Letters only Vietnamese uses among Latin-script languages: the rule runs only on such texts. */
const VIETNAMESE = /[ăâđơưạặậẹệịọộợụựỵảẳẩẻểỉỏổởủửỷẫẽễĩõỗỡũữỹ]/iu;

export type ToneMarks = 'new' | 'old' | 'keep';

export function normalizeToneMarks(text: string, style: ToneMarks): string {
  if (style === 'keep' || !VIETNAMESE.test(text)) return text;
  const [re, map] = style === 'new' ? [TO_FIRST, toFirst] : [TO_SECOND, toSecond];
  return text.replace(re, (m, _g, offset: number) => {
    // u+y after q (quý) or g (guy) is not an oa/oe/uy rhyme: the u belongs to the consonant.
    const before = text[offset - 1];
    if (/^[uUùúủũụÙÚỦŨỤ]/.test(m) && before && /[qQgG]/.test(before)) return m;
    return map.get(m) ?? m;
  });
}
