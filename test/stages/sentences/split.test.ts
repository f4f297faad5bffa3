import { describe, expect, it } from 'vitest';
import { createDoc } from '../../../pipeline/doc.ts';
import { defaultConfig } from '../../../pipeline/config.ts';
import { createSentencesStage, splitSentences } from '../../../stages/sentences/index.ts';

const split = (text: string, lang: string) => splitSentences(text, lang).map((s) => text.slice(s.start, s.end));

describe('splitSentences: Vietnamese news', () => {
  it('keeps abbreviations and titles inside the sentence', () => {
    expect(split('Ông đến TP.HCM hôm qua. Tp. Hồ Chí Minh mưa lớn.', 'vi')).toEqual(['Ông đến TP.HCM hôm qua.', 'Tp. Hồ Chí Minh mưa lớn.']);
    expect(split('Theo PGS.TS. Nguyễn Văn A, giá tăng. ThS. Lê B nói vậy.', 'vi')).toEqual(['Theo PGS.TS. Nguyễn Văn A, giá tăng.', 'ThS. Lê B nói vậy.']);
    expect(split('Công trình ở Q.1 (TP. HCM) đã xong. TS. Trần C cho biết thêm.', 'vi')).toEqual(['Công trình ở Q.1 (TP. HCM) đã xong.', 'TS. Trần C cho biết thêm.']);
  });

  it('does not break inside numbers, dates and decimals', () => {
    expect(split('NATO triển khai 4.000 binh sĩ vào ngày 10-11/2. Lãi suất là 3.5%.', 'vi')).toEqual(['NATO triển khai 4.000 binh sĩ vào ngày 10-11/2.', 'Lãi suất là 3.5%.']);
  });

  it('keeps a quotation with its attribution and splits a quotation at its sentence ends', () => {
    expect(split('“Chúng tôi không muốn đối đầu”, ông Ayrault nói. Sau đó ông rời đi.', 'vi')).toEqual(['“Chúng tôi không muốn đối đầu”, ông Ayrault nói.', 'Sau đó ông rời đi.']);
    expect(split('"NATO không đe dọa Nga. Chúng tôi không muốn đối đầu" - Người phát ngôn NATO cho biết.', 'vi')).toEqual([
      '"NATO không đe dọa Nga.',
      'Chúng tôi không muốn đối đầu" - Người phát ngôn NATO cho biết.',
    ]);
  });

  it('ends a sentence at an ellipsis before a capital, at a paragraph break and after a dateline', () => {
    expect(split('Họ muốn xây dựng với Nga… Cuộc hội đàm kéo dài.', 'vi')).toEqual(['Họ muốn xây dựng với Nga…', 'Cuộc hội đàm kéo dài.']);
    expect(split('Tổng thư ký NATO Jens Stoltenberg.\n\nẢnh: AP', 'vi')).toEqual(['Tổng thư ký NATO Jens Stoltenberg.', 'Ảnh: AP']);
    expect(split('Bị giật túi xách, hai vợ chồng nhập viện (TP HCM) Đang chạy trên quốc lộ thì bị cướp.', 'vi')).toEqual([
      'Bị giật túi xách, hai vợ chồng nhập viện',
      '(TP HCM) Đang chạy trên quốc lộ thì bị cướp.',
    ]);
  });
});

describe('splitSentences: English', () => {
  it('handles titles, initialisms, companies and initials', () => {
    expect(split('Mr. Smith went to Washington. He met Dr. Jones.', 'en')).toEqual(['Mr. Smith went to Washington.', 'He met Dr. Jones.']);
    expect(split('I work for the U.S. Government in Virginia.', 'en')).toEqual(['I work for the U.S. Government in Virginia.']);
    expect(split('I live in the U.S. How about you?', 'en')).toEqual(['I live in the U.S.', 'How about you?']);
    expect(split('They closed the deal with Pitt, Briggs & Co. It closed yesterday.', 'en')).toEqual([
      'They closed the deal with Pitt, Briggs & Co.',
      'It closed yesterday.',
    ]);
    expect(split('My name is Jonas E. Smith. Please turn to p. 55.', 'en')).toEqual(['My name is Jonas E. Smith.', 'Please turn to p. 55.']);
  });

  it('keeps quoted speech with its attribution and names spelt with !', () => {
    expect(split('She turned to him, "This is great." she said.', 'en')).toEqual(['She turned to him, "This is great." she said.']);
    expect(split('She turned to him, "This is great." She held the book out to show him.', 'en')).toEqual([
      'She turned to him, "This is great."',
      'She held the book out to show him.',
    ]);
    expect(split('She works at Yahoo! in the accounting department.', 'en')).toEqual(['She works at Yahoo! in the accounting department.']);
  });

  it('splits list items and ellipses', () => {
    expect(split('1. The first item 2. The second item', 'en')).toEqual(['1. The first item', '2. The second item']);
    expect(split('a) here it is b) another c) one more', 'en')).toEqual(['a) here it is', 'b) another', 'c) one more']);
    expect(split('I never meant that.... She left the store.', 'en')).toEqual(['I never meant that....', 'She left the store.']);
  });

  it('splits mail furniture: date stamps, separators, addresses and closings', () => {
    expect(split('Kay Mann 04/26/2001 07:17 AM Will you send it?', 'en')).toEqual(['Kay Mann', '04/26/2001 07:17 AM', 'Will you send it?']);
    expect(split('It came on 04/26/2001 07:17 AM from Kay.', 'en')).toEqual(['It came on 04/26/2001 07:17 AM from Kay.']);
    expect(split('He was nominated. *** Bush also spoke.', 'en')).toEqual(['He was nominated.', '***', 'Bush also spoke.']);
    expect(split('Call me soon. Best regards, Debra Perlingiere', 'en')).toEqual(['Call me soon.', 'Best regards,', 'Debra Perlingiere']);
    expect(split('"Smith, Joan" <joan@example.com> Groups: alt.animals', 'en')).toEqual(['"Smith, Joan" <joan@example.com>', 'Groups: alt.animals']);
  });

  it('splits casual text whose sentences start in lower case', () => {
    expect(split('i am going out tonight. max and jen are looking for you.', 'en')).toEqual(['i am going out tonight.', 'max and jen are looking for you.']);
    expect(split('The price is 3.5 dollars. that is cheap.', 'en')).toEqual(['The price is 3.5 dollars. that is cheap.']);
  });
});

describe('splitSentences: other scripts and languages', () => {
  it('splits Chinese and Japanese without spaces, not inside 《》 or before と', () => {
    expect(split('我们明天一起去看《摔跤吧！爸爸》好吗？好！', 'zh')).toEqual(['我们明天一起去看《摔跤吧！爸爸》好吗？', '好！']);
    expect(split('これはペンです。それはマーカーです。', 'ja')).toEqual(['これはペンです。', 'それはマーカーです。']);
    expect(split('彼は「はい。」と言った。', 'ja')).toEqual(['彼は「はい。」と言った。']);
  });

  it('ends sentences at Devanagari, Myanmar, Armenian and Arabic-script marks', () => {
    expect(split('यह एक वाक्य है।यह दूसरा है। और तीसरा?', 'hi')).toEqual(['यह एक वाक्य है।', 'यह दूसरा है।', 'और तीसरा?']);
    expect(split('Սա առաջին նախադասությունն է։ Սա երկրորդն է։', 'hy')).toEqual(['Սա առաջին նախադասությունն է։', 'Սա երկրորդն է։']);
    expect(split('یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔', 'ur')).toEqual(['یہ پہلا جملہ ہے۔', 'یہ دوسرا ہے۔']);
    expect(split('سؤال وجواب: ماذا حدث؟ لا شيء.', 'ar')).toEqual(['سؤال وجواب:', 'ماذا حدث؟', 'لا شيء.']);
  });

  it('splits Thai at the spaces between Thai words', () => {
    expect(split('วันนี้อากาศดีมาก ฉันจะไปเที่ยวทะเล', 'th')).toEqual(['วันนี้อากาศดีมาก', 'ฉันจะไปเที่ยวทะเล']);
  });

  it('uses the abbreviations of the language', () => {
    expect(split('Wir trafen Dr. med. Meyer am 3. Oktober. Er war z. B. sehr nett.', 'de')).toEqual(['Wir trafen Dr. med. Meyer am 3. Oktober.', 'Er war z. B. sehr nett.']);
    expect(split('Hola Srta. Ledesma. Buenos días.', 'spa')).toEqual(['Hola Srta. Ledesma.', 'Buenos días.']);
  });

  it('returns trimmed spans that point into the text', () => {
    const text = '  Hello world.   Bye now!  \n\n  Last one ';
    const spans = splitSentences(text, 'und');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Hello world.', 'Bye now!', 'Last one']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
  });
});

describe('splitSentences: re-flowed lines, markup and escapes', () => {
  it('runs a line on into the next when the text was re-flowed inside a sentence', () => {
    expect(split('This is a sentence\ncut off in the middle because pdf.', 'en')).toEqual(['This is a sentence\ncut off in the middle because pdf.']);
    expect(split('Es sollten Frauen während der \nersten drei Monate Folsäure nehmen. \nFolsäure ist auch im Müsli.', 'de')).toEqual([
      'Es sollten Frauen während der \nersten drei Monate Folsäure nehmen.',
      'Folsäure ist auch im Müsli.',
    ]);
    expect(split('Ich bin die Ingeniera LAURA \nSANDOVAL aus Bogotá.', 'es')).toEqual(['Ich bin die Ingeniera LAURA \nSANDOVAL aus Bogotá.']);
    expect(split('これは父の\n家です。', 'ja')).toEqual(['これは父の\n家です。']);
    expect(split('She said, "I am \ngoing home. You stay." Then she left.', 'en')).toEqual(['She said, "I am \ngoing home. You stay."', 'Then she left.']);
  });

  it('keeps line breaks that end units: after final punctuation, before indented lines and items, in lists and headlines', () => {
    expect(split('features\ncontact manager\nevents, activities\n', 'en')).toEqual(['features', 'contact manager', 'events, activities']);
    expect(split('Ngoài Galaxy S20 cũng giảm giá.\niPhone 11 (giảm giá 2 triệu đồng)', 'vi')).toEqual(['Ngoài Galaxy S20 cũng giảm giá.', 'iPhone 11 (giảm giá 2 triệu đồng)']);
    expect(split('Volume 12 \n\tAttachment A.', 'en')).toEqual(['Volume 12', 'Attachment A.']);
    expect(split('Lists to read \na) the first one.', 'en')).toEqual(['Lists to read', 'a) the first one.']);
    expect(split('Headline in Capitals\nThe story starts here.', 'en')).toEqual(['Headline in Capitals', 'The story starts here.']);
    expect(split('First paragraph has no end \n\nsecond one starts low.', 'en')).toEqual(['First paragraph has no end', 'second one starts low.']);
  });

  it('joins a line of final punctuation, and words set vertically, to what they close', () => {
    expect(split('contact us for pricing\n. Pricing Info', 'en')).toEqual(['contact us for pricing\n.', 'Pricing Info']);
    expect(split('\nW\nA\nRN\nI\nNG\n \n/\n', 'en')).toEqual(['W\nA\nRN\nI\nNG', '/']);
    expect(split('Yes\nNo\nOk', 'en')).toEqual(['Yes', 'No', 'Ok']);
  });

  it('keeps markup out of sentences and looks past it', () => {
    expect(split('<h2 class="lined">Hello</h2>\n<p>This is a test. Another test.</p>\n<div><p>\n<img src="/a.jpg">\n</p></div>', 'en')).toEqual([
      'Hello',
      'This is a test.',
      'Another test.',
    ]);
    expect(split('My friends. <em>Yes.</em> <em>It is</em>!', 'en')).toEqual(['My friends.', 'Yes.', 'It is</em>!']);
    expect(split('<bpt i="0">&lt;b&gt;</bpt>J1.txt<ept i="1">&lt;/b&gt;</ept>', 'en')).toEqual(['J1.txt']);
    expect(split('Write to <jane@example.com> today.', 'en')).toEqual(['Write to <jane@example.com> today.']);
  });

  it('reads written-out line breaks of a doubly escaped dump as line breaks', () => {
    expect(split('Hello World.\\r\\nHello.', 'en')).toEqual(['Hello World.', 'Hello.']);
    expect(split('Hello World. \\ r \\ nHello.', 'en')).toEqual(['Hello World.', 'Hello.']);
    expect(split('Saved in C:\\new\\file today.', 'en')).toEqual(['Saved in C:\\new\\file today.']);
  });

  it('protects ASCII quotations and splits at a period glued to a lone capital word', () => {
    expect(split("He recalls his mentor: `The people! Theft! The holy fire!' Then he left.", 'en')).toEqual([
      "He recalls his mentor: `The people! Theft! The holy fire!'",
      'Then he left.',
    ]);
    expect(split('Hello world.I dag is Tuesday.', 'da')).toEqual(['Hello world.', 'I dag is Tuesday.']);
    expect(split('Fischsorten (z.B. Hai) sind teuer.', 'de')).toEqual(['Fischsorten (z.B. Hai) sind teuer.']);
  });
});

describe('sentences stage', () => {
  it('fills doc.sentences by the document language and records its version', async () => {
    const stage = createSentencesStage(defaultConfig());
    const doc = createDoc({ id: 'a', source: 'test', text: 'Ông đến TP. HCM hôm qua. Trời mưa.', lang: 'vi' });
    await stage.process?.(doc);
    expect(doc.sentences).toEqual([
      { start: 0, end: 24 },
      { start: 25, end: 34 },
    ]);
    expect(doc.versions.sentences).toBe(stage.version);
  });
});
