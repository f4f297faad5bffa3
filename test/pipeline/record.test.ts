import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config.ts';
import { createDoc } from '../../pipeline/doc.ts';
import { codePointMapper, utf16Mapper } from '../../pipeline/offsets.ts';
import { toRecord, type ArticleRecord } from '../../pipeline/record.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { readJsonl, SEEDS, tempDir } from '../helpers.ts';

const schema = JSON.parse(readFileSync(new URL('../../pipeline/record.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('the record of the seeds', () => {
  let records: ArticleRecord[];
  beforeAll(async () => {
    const out = tempDir();
    await runPipeline({ inputs: [SEEDS], outDir: out, config: defaultConfig({ threads: 0 }) });
    records = await readJsonl<ArticleRecord>(join(out, 'seeds.jsonl'));
  }, 120_000);

  it('has one schema-valid record per seed, in input order', () => {
    expect(records.map((r) => r.id)).toEqual([
      '000_fb12d7eadcef3ee8',
      '001_1cdc3babee419195',
      '002_b28fb1315a8023cc',
      '003_00630478e2dfe282',
      '004_423c0bfe259c4c60',
    ]);
    for (const record of records) {
      const ok = validate(record);
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('has every layer present, each pointing inside the cleaned text', () => {
    for (const r of records) {
      const chars = [...r.text];
      expect(r.lang).not.toBeNull();
      expect(r.sentences.length).toBeGreaterThan(3);
      expect(r.dedup).not.toBeNull();
      expect(r.dates.anchor).not.toBeNull();
      for (const layer of [r.paragraphs, r.sentences, r.entities, r.dates.timexes]) {
        for (const span of layer) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(chars.length);
          expect(span.start).toBeLessThan(span.end);
        }
      }
      for (const e of r.entities) expect(chars.slice(e.start, e.end).join('')).toBe(e.text);
      for (const t of r.dates.timexes) expect(chars.slice(t.start, t.end).join('')).toBe(t.text);
      expect(Object.keys(r.pipeline.stages).sort()).toEqual(['boilerplate', 'dates', 'dedup', 'entities', 'language', 'sentences']);
    }
  });
});

describe('offsets in code points', () => {
  it('counts an astral character as one, both ways', () => {
    const text = 'a😀b c';
    const cp = codePointMapper(text);
    expect(cp(3)).toBe(2); // 'b' is UTF-16 index 3, code point 2
    expect(cp(text.length)).toBe(5);
    const u16 = utf16Mapper(text);
    expect(u16(2)).toBe(3);
    expect(u16(5)).toBe(text.length);
  });

  it('converts every layer of the record at the edge', () => {
    const doc = createDoc({ id: 'x', source: 's', text: '😀😀 Hà Nội' });
    doc.text = doc.article.text!;
    doc.entities.push({ start: 5, end: 11, label: 'LOC', text: 'Hà Nội', score: 1 });
    doc.sentences.push({ start: 0, end: 11 });
    const record = toRecord(doc);
    expect(record.entities[0]).toMatchObject({ start: 3, end: 9 });
    expect(record.sentences[0]).toEqual({ start: 0, end: 9 });
    expect([...record.text].slice(3, 9).join('')).toBe('Hà Nội');
  });
});
