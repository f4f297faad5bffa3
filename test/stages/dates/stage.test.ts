import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { createDoc } from '../../../pipeline/doc.ts';
import type { GoldRecord } from '../../../pipeline/evaluate/contract.ts';
import { EN_RULES } from '../../../stages/dates/en.ts';
import { evaluator } from '../../../stages/dates/evaluate.ts';
import { createDatesStage, findTimexes } from '../../../stages/dates/index.ts';
import { VI_RULES } from '../../../stages/dates/vi.ts';

describe('the dates stage', () => {
  it('anchors on published, else --dct, else the text, and fills its layer', async () => {
    const stage = createDatesStage(defaultConfig({ dct: '2013-10-23' }));
    const doc = createDoc({ id: 'a', source: 't', lang: 'vi', text: 'Sáng nay, ngày 23/10, hội nghị khai mạc.' });
    await stage.process?.(doc);
    expect(doc.anchor).toEqual({ value: '2013-10-23', source: 'dct' });
    expect(doc.dates.map((t) => t.value)).toEqual(['2013-10-23', '2013-10-23']);
    expect(doc.versions.dates).toBe(stage.version);

    const dated = createDoc({ id: 'b', source: 't', lang: 'vi', published: '2016-07-14', text: 'Ngày 13/7 ...' });
    await createDatesStage(defaultConfig()).process?.(dated);
    expect(dated.anchor?.source).toBe('published');
    expect(dated.dates[0].value).toBe('2016-07-13');
  });

  it('finds the same timexes with trigger windows as when every rule reads the whole text', () => {
    const texts: [string, string][] = [
      ['vi', 'Chiều 5/11, tại Hà Nội, từ ngày 15 đến ngày 30.11.2013 và năm học 2012-2013; hàng thế kỷ qua, 3 tháng trước, thứ Hai (21/10), 19 giờ cùng ngày.'],
      ['en', 'For the quarter ended Sept. 30, net rose from a year earlier; last Tuesday at 5 p.m. EST, the past two months, every Thursday and Christmas.'],
    ];
    for (const [lang, text] of texts) {
      const rules = lang === 'vi' ? VI_RULES : EN_RULES;
      const windowed = findTimexes(text, lang, { value: '2013-11-06', source: 'dct' });
      const saved = rules.map((r) => r.trigger);
      rules.forEach((r) => (r.trigger = undefined));
      try {
        expect(findTimexes(text, lang, { value: '2013-11-06', source: 'dct' })).toEqual(windowed);
      } finally {
        rules.forEach((r, i) => (r.trigger = saved[i]));
      }
    }
  });
});

const data = (path: string) => fileURLToPath(new URL(`../../../../shared/data/${path}`, import.meta.url));
const read = (path: string): GoldRecord[] => readFileSync(data(path), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe.skipIf(!existsSync(data('seeds/dates.jsonl')))('dates evaluator on the shared gold', () => {
  it('meets the floors on the seeds and the Vietnamese news dev set', async () => {
    const options = { input: 'text' as const, config: defaultConfig() };
    for (const file of ['seeds/dates.jsonl', 'seeds/dates-dct.jsonl']) {
      const result = await evaluator.evaluate(read(file), options);
      expect(result.metrics.valueF1, file).toBeGreaterThanOrEqual(0.95);
    }
    const news = await evaluator.evaluate(read('dates/vi-news-dev.jsonl'), options);
    expect(news.metrics.valueF1).toBeGreaterThanOrEqual(0.9);
    expect(news.tables[0].columns).toContain('chrono valueF1');
    expect(news.predictions).toHaveLength(10);
  });
});
