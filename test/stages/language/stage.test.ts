import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { createDoc } from '../../../pipeline/doc.ts';
import { createLanguageStage } from '../../../stages/language/index.ts';
import { paragraphSpans } from '../../../stages/language/paragraphs.ts';

const seeds = new URL('../../../seeds/', import.meta.url);

async function run(text: string, languages?: string[]) {
  const stage = createLanguageStage(defaultConfig({ languages }));
  await stage.init?.();
  const doc = createDoc({ id: 'a', source: 'test', text });
  await stage.process!(doc);
  return doc;
}

const MIXED = [
  'Hà Nội đề nghị Mỹ sớm công nhận quy chế kinh tế thị trường',
  'Trong cuộc gặp hôm qua, Bộ trưởng Công Thương cho biết Việt Nam đã đáp ứng đầy đủ các tiêu chí mà phía Hoa Kỳ đưa ra và mong muốn hai bên sớm hoàn tất quá trình xem xét.',
  '"We welcome the progress Vietnam has made and will continue to review the request in good faith," the US Commerce Department said in a statement on Tuesday.',
  'Theo các chuyên gia, việc được công nhận sẽ giúp doanh nghiệp Việt Nam giảm rủi ro bị áp thuế chống bán phá giá cao.',
].join('\n\n');

describe('language stage', () => {
  it('finds Vietnamese in every seed article', async () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = await run(readFileSync(new URL(file, seeds), 'utf8'));
      expect(doc.language?.lang, file).toBe('vi');
      expect(doc.language?.script).toBe('Latn');
      expect(doc.language!.confidence).toBeGreaterThan(0.8);
      expect(doc.versions.language).toBeDefined();
    }
  });

  it('finds both languages of a Vietnamese article quoting an English statement', async () => {
    const doc = await run(MIXED);
    expect(doc.language?.lang).toBe('vi');
    expect(doc.paragraphs.map((p) => p.lang)).toEqual(['vi', 'vi', 'en', 'vi']);
    const english = doc.paragraphs[2];
    expect(doc.text.slice(english.start, english.end)).toMatch(/^"We welcome.*Tuesday\.$/);
    expect(english.script).toBe('Latn');
    expect(english.confidence).toBeGreaterThan(0.5);
  });

  it('spans every non-empty paragraph of the text, trimmed, in order', async () => {
    const text = '  First paragraph here.\n\n\n   \nSecond one,\nwith a line break.  \n\n12:30\n';
    expect(paragraphSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'First paragraph here.',
      'Second one,\nwith a line break.',
      '12:30',
    ]);
    const doc = await run(text);
    expect(doc.paragraphs).toHaveLength(3);
    expect(doc.paragraphs[2].lang).toBe('und');
  });

  it('splits a text without blank lines at its line breaks (raw dumps: one paragraph a line)', async () => {
    const doc = await run(MIXED.replace(/\n\n/g, '\n'));
    expect(doc.paragraphs.map((p) => p.lang)).toEqual(['vi', 'vi', 'en', 'vi']);
    expect(doc.language?.lang).toBe('vi');
  });

  it('does not give short credit lines and addresses of a Vietnamese article another language', async () => {
    const doc = await run([MIXED, 'Theo Reuters', 'Theo Ifeng', 'Ảnh: AFP', 'https://www.facebook.com/Hateco.Fulfillment'].join('\n\n'));
    const tail = doc.paragraphs.slice(4);
    expect(tail).toHaveLength(4);
    for (const p of tail) expect(['vi', 'und'], doc.text.slice(p.start, p.end)).toContain(p.lang);
    expect(tail[3]).toMatchObject({ lang: 'und', confidence: 0 });
  });

  it('answers und for an empty text', async () => {
    const doc = await run('');
    expect(doc.language?.lang).toBe('und');
    expect(doc.paragraphs).toEqual([]);
  });

  it('narrows the candidates with config.languages', async () => {
    const doc = await run(MIXED, ['vi']);
    // The English paragraph may not be English now, and fits Vietnamese too badly to be called so.
    expect(doc.paragraphs.map((p) => p.lang)).toEqual(['vi', 'vi', 'und', 'vi']);
  });
});
