import { describe, expect, it } from 'vitest';
import { distinctTerms, stopList, StopTable, termSlots, termString, type StopList } from '../../../stages/dedup/terms.ts';
import { isNumeric, normOf, pairOf, tokenize, withoutSpans } from '../../../stages/dedup/tokens.ts';
import { termHash, termHashOf } from '../../../stages/dedup/xxhash32.ts';

/** The definitions, written plainly with strings (what the stage computed before it read bytes). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function referenceWords(text: string) {
  const nfc = text.normalize('NFC') === text;
  return [...text.matchAll(WORD)].map((m) => ({
    norm: (nfc ? m[0] : m[0].normalize('NFC')).toLowerCase(),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

function referenceTerms(text: string, stops: StopList, kept = (_: { start: number; end: number }) => true): Map<string, number> {
  const ws = referenceWords(text).filter(kept);
  const counts = new Map<string, number>();
  const add = (t: string) => counts.set(t, (counts.get(t) ?? 0) + 1);
  const numeric = (w: string) => /^\p{N}+$/u.test(w);
  ws.forEach((w, i) => {
    if (numeric(w.norm)) return;
    const content = !stops.words.has(w.norm);
    if (content && w.norm.length > 1) add(w.norm);
    const next = ws[i + 1];
    if (next && !numeric(next.norm) && (content || !stops.words.has(next.norm)) && /^[^\S\n]*$/.test(text.slice(w.end, next.start))) {
      const phrase = `${w.norm} ${next.norm}`;
      if (!stops.phrases.has(phrase)) add(phrase);
    }
  });
  return counts;
}

/** The text's terms, then the title's added with a weight. */
function referenceArticleTerms(text: string, title: string, stops: StopList, titleWeight: number): Map<string, number> {
  const terms = referenceTerms(text, stops);
  if (title) for (const [t, n] of referenceTerms(title, stops)) terms.set(t, (terms.get(t) ?? 0) + n * titleWeight);
  return terms;
}

// Words that lower-case by context (Σ), to more units (İ), to fewer UTF-8 bytes (K, the Kelvin sign), decomposed
// ones (not NFC), astral letters, numbers of other scripts, emoji, lone surrogates, and pairs whose 32-bit hashes collide.
const VOCABULARY = [
  'Thời', 'sự', 'HÀ', 'Nội', 'và', 'của', 'the', 'of', 'The', 'New', 'York', 'ΟΔΟΣ', 'Σοφία', 'İstanbul', 'K', 'Ke\u0301', 'Tie\u0302\u0301ng',
  '𝐀𝐁', '𐐀𐐨', '2024', '٣٤', 'Ⅻ', '😀', '\ud800x', 'từ2ux', 'từ1y41', 'ba', '89zg', 'a1j0', 'bé', 'wxb', 'mẹ14b4', 'a',
];
const GAPS = [' ', ' ', ' ', '  ', '\t', '\u00a0', ', ', '. ', '\n', ' - ', "'"];

function randomText(seed: number, words: number): string {
  let state = seed;
  const next = (n: number) => Math.floor(((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * n);
  let s = '';
  for (let i = 0; i < words; i++) s += VOCABULARY[next(VOCABULARY.length)] + GAPS[next(GAPS.length)];
  return s;
}

const STOPS: StopList = { words: new Set(['và', 'của', 'the', 'of', 'ba', 'từ2ux']), phrases: new Set(['the new', 'hà nội']) };

describe('tokens', () => {
  it('lower-case every code point but U+0130 to as many UTF-16 units (so the whole text lower-cases at the same offsets)', () => {
    const changed: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (s.toLowerCase().length !== s.length) changed.push(cp);
    }
    expect(changed).toEqual([0x130]);
    expect('ΟΔΟΣ.Α'.toLowerCase().slice(0, 4)).not.toBe('ΟΔΟΣ'.toLowerCase()); // Σ: by context, hence the word-by-word path
  });

  it('read the words, normal forms and hashes of the text, then of the title', async () => {
    const texts: [string, string][] = [
      ['', ''],
      ['Một', ''],
      ['', 'Tiêu đề'],
      ['ΟΔΟΣ.ΑΘΗΝΑ ΟΔΟΣ', ''],
      ['Một', 'İstanbul'],
      ['Ke\u0301 chuyện', 'Tiêu đề'],
      ['Kể chuyện', 'Tie\u0302\u0301ng'],
      ...Array.from({ length: 60 }, (_, k): [string, string] => [randomText(k + 1, 80), k % 3 ? randomText(k + 100, 6) : '']),
    ];
    for (const [text, title] of texts) {
      const tok = tokenize(text, title);
      const expected = [...referenceWords(text), ...(title ? referenceWords(title).map((w) => ({ ...w, start: w.start + text.length + 1, end: w.end + text.length + 1 })) : [])];
      expect(tok.n).toBe(expected.length);
      expect(tok.nText).toBe(referenceWords(text).length);
      expected.forEach((w, i) => {
        expect([tok.start[i], tok.end[i], normOf(tok, i)]).toEqual([w.start, w.end, w.norm]);
        expect(tok.hash[i]).toBe(termHash(w.norm));
        expect(isNumeric(tok.norm, tok.normStart[i], tok.normEnd[i])).toBe(/^\p{N}+$/u.test(w.norm));
        if (i + 1 < tok.n) expect(pairOf(tok, i)).toBe(`${w.norm} ${expected[i + 1].norm}`);
      });
    }
  });

  it('leave out the words within given spans', async () => {
    const text = 'Một hai\nChia sẻ Facebook\nba bốn';
    const tok = withoutSpans(tokenize(text, 'Tiêu đề'), [{ start: 8, end: 24 }]);
    expect(Array.from({ length: tok.n }, (_, i) => normOf(tok, i))).toEqual(['một', 'hai', 'ba', 'bốn', 'tiêu', 'đề']);
    expect(tok.nText).toBe(4);
  });
});

describe('content terms', () => {
  it('are the unigrams and bigrams the plain definition gives, in order of first occurrence, with their counts and hashes', async () => {
    for (let k = 0; k < 60; k++) {
      const [text, title] = [randomText(k + 1, 120), k % 2 ? randomText(k + 500, 8) : ''];
      const stops = k % 3 ? STOPS : stopList(k % 2 ? 'vi' : 'en');
      const expected = referenceArticleTerms(text, title, stops, 2);
      const tok = tokenize(text, title);
      const terms = distinctTerms(tok, termSlots(tok, stops), 2);
      const got = new Map(Array.from({ length: terms.size }, (_, t) => [termString(tok, terms, t), terms.count[t]]));
      expect([...got]).toEqual([...expected]);
      expect(Array.from(terms.hash)).toEqual([...got.keys()].map(termHash));
    }
  });

  it('are those of the words left when lines are taken out', async () => {
    for (let k = 0; k < 20; k++) {
      const text = randomText(k + 1000, 150);
      const lines = [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
      const out = lines.filter((_, i) => (i + k) % 3 === 0);
      const expected = referenceTerms(text, STOPS, (w) => !out.some((p) => w.start >= p.start && w.end <= p.end));
      const tok = withoutSpans(tokenize(text, ''), out);
      const terms = distinctTerms(tok, termSlots(tok, STOPS));
      expect(new Map(Array.from({ length: terms.size }, (_, t) => [termString(tok, terms, t), terms.count[t]]))).toEqual(expected);
    }
  });

  it('keep apart terms whose 32-bit hashes collide: two words, two bigrams, a word and a bigram', async () => {
    // Colliding pairs found by hashing a million generated strings with the stage's seed.
    const pairs = [
      ['từ2ux', 'từ1y41'],
      ['ba 89zg', 'ba a1j0'],
      ['bé wxb', 'mẹ14b4'],
    ];
    for (const [a, b] of pairs) expect(termHash(a)).toBe(termHash(b));
    const noStops: StopList = { words: new Set(), phrases: new Set() };
    const tok = tokenize('từ2ux, từ1y41, từ1y41. ba 89zg; ba a1j0, ba a1j0. bé wxb; mẹ14b4, mẹ14b4', '');
    const terms = distinctTerms(tok, termSlots(tok, noStops));
    const got = new Map(Array.from({ length: terms.size }, (_, t) => [termString(tok, terms, t), terms.count[t]]));
    for (const [a, b] of pairs) expect([got.get(a), got.get(b)]).toEqual([1, 2]);
    expect([...got]).toEqual([...referenceTerms('từ2ux, từ1y41, từ1y41. ba 89zg; ba a1j0, ba a1j0. bé wxb; mẹ14b4, mẹ14b4', noStops)]);
  });

  it('tell a stop word from a word whose hash collides with it', () => {
    const table = new StopTable({ words: new Set(['từ2ux']), phrases: new Set(['bé wxb']) });
    const tok = tokenize('từ2ux từ1y41 mẹ14b4 bé wxb', '');
    const has = (i: number) => table.has(tok.bytes, tok.byteStart[i], tok.byteEnd[i], tok.hash[i]);
    expect([0, 1, 2].map(has)).toEqual([true, false, false]);
    // "bé wxb": the two words' bytes are one range, joined by a space.
    expect(table.has(tok.bytes, tok.byteStart[3], tok.byteEnd[4], termHashOf(tok.bytes, tok.byteStart[3], tok.byteEnd[4]))).toBe(true);
  });
});
