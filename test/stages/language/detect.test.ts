import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../stages/language/detect.ts';

describe('detectLanguage', () => {
  it.each([
    ['Chính phủ yêu cầu các bộ, ngành khẩn trương triển khai các giải pháp hỗ trợ doanh nghiệp.', 'vi', 'Latn'],
    ['The government asked ministries to speed up support for businesses hit by the storm.', 'en', 'Latn'],
    ['Die Regierung hat die Ministerien aufgefordert, die Unterstützung zu beschleunigen.', 'de', 'Latn'],
    ['Правительство поручило министерствам ускорить поддержку предприятий.', 'ru', 'Cyrl'],
    ['Уряд доручив міністерствам прискорити підтримку підприємств.', 'uk', 'Cyrl'],
    ['طلبت الحكومة من الوزارات تسريع دعم الشركات المتضررة من العاصفة.', 'ar', 'Arab'],
    ['รัฐบาลขอให้กระทรวงต่างๆ เร่งให้การสนับสนุนธุรกิจ', 'th', 'Thai'],
    ['정부는 각 부처에 기업 지원을 서두르라고 요청했다.', 'ko', 'Hang'],
    ['政府は各省庁に企業支援を急ぐよう求めた。', 'ja', 'Jpan'],
    ['政府要求各部门加快对企业的支持。', 'zh', 'Hani'],
  ])('%s -> %s', (text, lang, script) => {
    const guess = detectLanguage(text);
    expect(guess.lang).toBe(lang);
    expect(guess.script).toBe(script);
    expect(guess.confidence).toBeGreaterThan(0.5);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it('reads decomposed (NFD) text as well as composed', () => {
    const text = 'Thủ tướng yêu cầu các bộ ngành khẩn trương hỗ trợ người dân'.normalize('NFD');
    expect(detectLanguage(text)).toMatchObject({ lang: 'vi', script: 'Latn' });
    expect(detectLanguage('người dân'.normalize('NFD')).lang).toBe('vi');
  });

  it('tells Vietnamese words without tone marks specific to it from short text', () => {
    expect(detectLanguage('những người dân').lang).toBe('vi');
    expect(detectLanguage('thường xuyên').lang).toBe('vi');
  });

  it('is not swayed by Vietnamese names in an English quote', () => {
    const guess = detectLanguage("Vietnam's Prime Minister Phạm Minh Chính met Nguyễn Phú Trọng and Võ Văn Thưởng in Hà Nội on Tuesday.");
    expect(guess.lang).toBe('en');
    // ... nor a Vietnamese caption by foreign names.
    expect(detectLanguage('Tổng thư ký NATO Jens Stoltenberg.').lang).toBe('vi');
    expect(detectLanguage('Ông Donald Trump và Tổng thống Emmanuel Macron.').lang).toBe('vi');
  });

  it('weighs a Hangul syllable or a Han character above a Latin letter when choosing the script', () => {
    expect(detectLanguage('르노삼성 부산공장은 사원대표위원회(ERO·Employee Representative Organization)가 역할을 대신한다.').lang).toBe('ko');
  });

  it('answers und, not a confident guess, when there is nothing or too little to tell', () => {
    expect(detectLanguage('12/7/2024 - 15:30 !!!')).toEqual({ lang: 'und', script: 'Zyyy', confidence: 0 });
    expect(detectLanguage('').lang).toBe('und');
    const one = detectLanguage('a');
    expect(one.lang).toBe('und');
    expect(one.confidence).toBe(0);
  });

  it('answers und under minConfidence', () => {
    const guess = detectLanguage('Theo', { minConfidence: 0.99 });
    expect(guess.lang).toBe('und');
    expect(guess.script).toBe('Latn');
    expect(guess.confidence).toBeLessThan(0.99);
    expect(detectLanguage('Chính phủ yêu cầu các bộ khẩn trương', { minConfidence: 0.9 }).lang).toBe('vi');
  });

  it('is less confident on a word than on a sentence', () => {
    const word = detectLanguage('station');
    const sentence = detectLanguage('The station was closed for the whole weekend because of the storm.');
    expect(sentence.lang).toBe('en');
    expect(word.confidence).toBeLessThan(sentence.confidence);
  });

  it('only answers languages of the text script', () => {
    // Serbian Cyrillic: never a Latin-script language whatever the n-grams.
    const guess = detectLanguage('Влада је затражила од министарстава да убрзају подршку привреди.');
    expect(guess.script).toBe('Cyrl');
    expect(guess.lang).toBe('sr');
  });

  it('narrows the candidates to `languages` (ISO 639-1 or 639-3)', () => {
    const text = 'Die Regierung hat die Ministerien aufgefordert.';
    const narrowed = detectLanguage(text, { languages: ['en', 'fr'] });
    expect(['en', 'fr']).toContain(narrowed.lang);
    // The confidence still says the text fits neither well.
    expect(narrowed.confidence).toBeLessThan(0.1);
    expect(detectLanguage('Dette er en test av systemet', { languages: ['nb', 'sv'] }).lang).toBe('nb');
    expect(detectLanguage('Chính phủ yêu cầu các bộ', { languages: ['eng', 'vie'] }).lang).toBe('vi');
    // No candidate for the script: und rather than a language the user excluded.
    expect(detectLanguage('Правительство поручило министерствам', { languages: ['en', 'vi'] }).lang).toBe('und');
  });

  it('falls back to franc for scripts the model has no language for', () => {
    const guess = detectLanguage('መንግሥት ለሚኒስቴሮች የንግድ ድጋፍን እንዲያፋጥኑ ጠይቋል።');
    expect(guess.script).toBe('Ethi');
    expect(guess.lang).toBe('am');
  });
});
