import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { MemoryCorpus } from '../../../pipeline/corpus.ts';
import { createDoc } from '../../../pipeline/doc.ts';
import { createBoilerplateStage } from '../../../stages/boilerplate/index.ts';
import { leadTag } from '../../../stages/boilerplate/metadata.ts';

const stage = createBoilerplateStage(defaultConfig());

async function clean(article: { text?: string; html?: string; title?: string; source?: string; url?: string }, corpus = new MemoryCorpus()) {
  const doc = createDoc({ id: 'a', source: article.source ?? 'test', ...article });
  await stage.observe!(doc, corpus);
  await stage.process!(doc);
  return doc;
}

const para = (topic: string) =>
  `The council said on Tuesday that the ${topic} would be reviewed by the end of the year, and that the members who had asked for it were going to be heard before any decision was taken.`;

const dump = [
  'Home',
  'World',
  'Business',
  'Sports',
  '',
  'Council to review the city budget',
  '',
  para('city budget'),
  '',
  para('transport plan'),
  '',
  'The mayor at the meeting on Tuesday.',
  '',
  para('housing scheme'),
  '',
  'Share on Facebook',
  'Related stories',
  'Mayor opens new bridge',
  'Schools close for the holidays',
  '© 2024 City News. All rights reserved.',
].join('\n');

describe('boilerplate stage on text dumps', () => {
  it('keeps the paragraphs and the caption between them, drops menus, widgets and footer', async () => {
    const doc = await clean({ text: dump });
    expect(doc.text).toBe([para('city budget'), para('transport plan'), 'The mayor at the meeting on Tuesday.', para('housing scheme')].join('\n\n'));
    expect(doc.title).toBe('Council to review the city budget');
    const removed = doc.removed.map((r) => r.text);
    expect(removed).toContain('Home');
    expect(removed).toContain('Share on Facebook');
    expect(doc.removed.find((r) => r.text.startsWith('©'))?.kind).toBe('footer');
    expect(doc.removed.find((r) => r.text === 'Council to review the city budget')?.kind).toBe('title');
    expect(doc.versions.boilerplate).toBeTruthy();
  });

  it('keeps a caption printed twice once, and moves outlet tag and byline to their fields', async () => {
    const caption = 'Ông Nguyễn Văn A phát biểu tại hội nghị (Ảnh: Reuters)';
    const text = [
      'Thời sự',
      '',
      'Hà Nội mở rộng tuyến đường vành đai',
      '',
      '(Dân trí) - Thành phố Hà Nội cho biết sẽ mở rộng tuyến đường vành đai trong năm tới để giảm ùn tắc cho khu vực phía tây của thủ đô.',
      '',
      caption,
      '',
      caption,
      '',
      'Theo kế hoạch, dự án sẽ được triển khai theo từng giai đoạn và hoàn thành trước năm 2026, với tổng mức đầu tư khoảng 10.000 tỷ đồng, theo đại diện của sở giao thông vận tải thành phố cho biết hôm qua.',
      '',
      'Minh Anh',
      '',
      'Theo VnExpress',
      '',
      'Tin liên quan',
    ].join('\n');
    const doc = await clean({ text });
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs.filter((p) => p === caption)).toHaveLength(1);
    expect(paragraphs[0].startsWith('Thành phố Hà Nội cho biết')).toBe(true);
    expect(doc.outlet).toBe('Dân trí');
    expect(doc.byline).toBe('Minh Anh\nTheo VnExpress');
    expect(doc.title).toBe('Hà Nội mở rộng tuyến đường vành đai');
    expect(doc.removed.some((r) => r.kind === 'repeat' && r.text === caption)).toBe(true);
  });

  it('keeps a name-dense standfirst before the body when the dump declares the title', async () => {
    const sapo = 'Thứ trưởng Bộ Công Thương yêu cầu các tập đoàn, tổng công ty tổ chức kiểm điểm, làm rõ trách nhiệm cá nhân/tổ chức đối với 12 dự án yếu kém, thua lỗ.';
    const body = Array.from({ length: 4 }, () => 'Ngày 6/2, Bộ Công Thương phát đi thông tin cho biết, mới đây, Thứ trưởng đã chủ trì cuộc họp với các đơn vị để bàn về việc xử lý những tồn tại của các dự án này trong thời gian tới.').join(' ');
    const doc = await clean({ text: `${sapo}\n${body}`, title: 'Làm rõ trách nhiệm cá nhân 12 dự án yếu kém của Bộ Công Thương' });
    expect(doc.text).toBe(`${sapo}\n\n${body}`);
    expect(doc.title).toBe('Làm rõ trách nhiệm cá nhân 12 dự án yếu kém của Bộ Công Thương');
  });

  it('learns lines that recur across a dump and drops them once they are common', async () => {
    const corpus = new MemoryCorpus();
    const article = (i: number) =>
      [`Breaking headline number ${i} for today`, '', para(`plan ${i}`), '', 'Hear our daily podcast', '', para(`scheme ${i}`)].join('\n');
    const docs = [];
    for (let i = 0; i < 6; i++) docs.push(await clean({ text: article(i), source: 'dump.jsonl' }, corpus));
    expect(docs[0].text).toContain('Hear our daily podcast');
    expect(docs[5].text).not.toContain('Hear our daily podcast');
    expect(docs[5].removed.find((r) => r.text === 'Hear our daily podcast')?.kind).toBe('recurring');
    // Another dump has its own counts.
    const other = await clean({ text: article(9), source: 'other.jsonl' }, corpus);
    expect(other.text).toContain('Hear our daily podcast');
  });

  it('normalises to NFC and places Vietnamese tone marks as configured', async () => {
    const text = 'Hoà bình và thuỷ lợi là hai chủ đề chính của hội nghị diễn ra hôm nay tại thủ đô, theo thông báo của ban tổ chức gửi tới báo chí.'.normalize('NFD');
    const doc = await clean({ text });
    expect(doc.text).toBe('Hòa bình và thủy lợi là hai chủ đề chính của hội nghị diễn ra hôm nay tại thủ đô, theo thông báo của ban tổ chức gửi tới báo chí.');
    const old = createBoilerplateStage(defaultConfig({ toneMarks: 'old' }));
    const d2 = createDoc({ id: 'b', source: 't', text: 'Hòa bình, quý khách, khỏe mạnh và hoàn thành.' });
    await old.process!(d2);
    expect(d2.text).toBe('Hoà bình, quý khách, khoẻ mạnh và hoàn thành.');
    const keep = createBoilerplateStage(defaultConfig({ toneMarks: 'keep' }));
    const d3 = createDoc({ id: 'c', source: 't', text: 'Hoà bình và hòa hợp.' });
    await keep.process!(d3);
    expect(d3.text).toBe('Hoà bình và hòa hợp.');
  });

  it('survives very long text quickly', async () => {
    const long = Array.from({ length: 20000 }, (_, i) => (i % 3 ? para(`item ${i}`) : 'Menu entry')).join('\n');
    const t = Date.now();
    const doc = await clean({ text: long });
    expect(Date.now() - t).toBeLessThan(5000);
    expect(doc.text.length).toBeGreaterThan(1_000_000);
  });
});

describe('lead tags', () => {
  it('splits outlet and dateline off the lead, and leaves ordinary openings alone', () => {
    expect(leadTag('WASHINGTON (Reuters) - The president said.', '')).toMatchObject({ outlet: 'Reuters', dateline: 'WASHINGTON', lead: 'The president said.' });
    expect(leadTag('HÀ NỘI - Sáng nay, thành phố đã họp.', '')).toMatchObject({ outlet: null, dateline: 'HÀ NỘI' });
    expect(leadTag('Kinhtedothi - Lãnh đạo NATO khẳng định.', 'NATO')).toMatchObject({ outlet: 'Kinhtedothi' });
    // A word or acronym the article goes on using is its subject, not a tag.
    expect(leadTag('Ukraine - Nga ký kết thỏa thuận.', 'Ukraine và Nga')).toBeNull();
    expect(leadTag('NATO - Liên minh quân sự cho biết.', 'NATO và Nga')).toBeNull();
  });
});

describe('boilerplate stage on HTML', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><title>Council to review the city budget - City News</title></head><body>${body}</body></html>`;
  const article = `<nav><a href="/">Home</a> <a href="/w">World</a></nav><article><h1>Council to review the city budget</h1>
    <p>${para('city budget')}</p><p>${para('transport plan')}</p><p>${para('housing scheme')}</p></article>
    <footer><p>© 2024 City News. All rights reserved.</p></footer>`;

  it('extracts the article with paragraph breaks, prefers HTML over text, never runs scripts', async () => {
    const html = page(`<script>globalThis.__boilerplateScriptRan = true; throw new Error('ran')</script><img src="http://127.0.0.1:9/x.png">${article}`);
    const doc = await clean({ html, text: 'ignored text dump' });
    expect(doc.text.split('\n\n')).toEqual([para('city budget'), para('transport plan'), para('housing scheme')]);
    expect(doc.title).toBe('Council to review the city budget');
    expect((globalThis as Record<string, unknown>).__boilerplateScriptRan).toBeUndefined();
  });

  it('does not hang or overflow on pathological HTML', async () => {
    const deep = '<div>'.repeat(100_000) + para('deep text') + '</div>'.repeat(100_000);
    const huge = `<p data-x="${'x'.repeat(2_000_000)}">${para('huge attribute')}</p>`;
    const t = Date.now();
    const a = await clean({ html: page(deep) });
    const b = await clean({ html: page(huge + article) });
    expect(Date.now() - t).toBeLessThan(15000);
    expect(a.text).toContain('deep text');
    expect(b.text).toContain('housing scheme');
  }, 30000);
});

const seeds = new URL('../../../../shared/data/seeds/boilerplate.jsonl', import.meta.url);
describe.skipIf(!existsSync(seeds))('boilerplate stage on the seeds', () => {
  const records = readFileSync(seeds, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  it.each(records.map((r) => [r.id, r]))('%s: body, title, byline and outlet as the guidelines say', async (_id, r) => {
    const doc = await clean({ text: r.text });
    expect(doc.text).toBe(r.body);
    expect(doc.title).toBe(r.title);
    expect(doc.byline).toBe(r.byline);
    expect(doc.outlet).toBe(r.outlet);
    expect(doc.dateline).toBe(r.dateline);
  });
});
