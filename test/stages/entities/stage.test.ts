import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../pipeline/config.ts';
import { createDoc } from '../../../pipeline/doc.ts';
import { createEntitiesStage } from '../../../stages/entities/index.ts';
import { evaluator } from '../../../stages/entities/evaluate.ts';
import { tempDir } from '../../helpers.ts';

const SHIPPED = ['vi', 'en', 'de', 'es', 'nl', 'pl', 'ru'];
const modelsRoot = new URL('../../../models/ner/', import.meta.url);

function vietnameseDoc(text: string) {
  const doc = createDoc({ id: 't', source: 'test', text, lang: 'vi' });
  doc.language = { lang: 'vi', script: 'Latn', confidence: 1 };
  doc.sentences = [{ start: 0, end: text.length }];
  return doc;
}

describe('entities stage (embedded models)', () => {
  const stage = createEntitiesStage(defaultConfig());
  beforeAll(() => stage.init!());

  it('ships a model folder with a manifest for every promised language', () => {
    for (const lang of SHIPPED) {
      const folder = new URL(`${lang}/`, modelsRoot);
      const manifest = JSON.parse(readFileSync(new URL('manifest.json', folder), 'utf8'));
      expect(manifest.language).toBe(lang);
      expect(existsSync(new URL(manifest.model, folder))).toBe(true);
      expect(manifest.labels).toContain('PER');
      expect(manifest.command).toMatch(/^newsnlp train ner --lang /);
    }
  });

  it('tags a Vietnamese sentence with spans whose text is the slice of the cleaned text', async () => {
    const doc = vietnameseDoc('Thủ tướng Nguyễn Xuân Phúc đã tới Đà Nẵng và gặp đại diện Ngân hàng Thế giới.');
    await stage.process!(doc);
    expect(doc.entities.map((e) => [e.text, e.label])).toEqual([
      ['Nguyễn Xuân Phúc', 'PER'],
      ['Đà Nẵng', 'LOC'],
      ['Ngân hàng Thế giới', 'ORG'],
    ]);
    for (const e of doc.entities) {
      expect(doc.text.slice(e.start, e.end)).toBe(e.text);
      expect(e.score).toBeGreaterThan(0.5);
    }
    expect(doc.versions.entities).toMatch(/embedded .*vi@/);
  });

  it('says "no model for xx" instead of leaving the layer silently empty', async () => {
    const doc = createDoc({ id: 't', source: 'test', text: 'Ko lang ko model.', lang: 'xx' });
    await stage.process!(doc);
    expect(doc.entities).toEqual([]);
    expect(doc.notes).toContainEqual({ stage: 'entities', level: 'warning', message: 'no model for xx' });
  });

  it('fails at init, not on the first article, when the model folder is empty', async () => {
    const empty = tempDir('ner-models-');
    const stage = createEntitiesStage(defaultConfig({ ner: { ...defaultConfig().ner, modelDir: empty } }));
    await expect(stage.init!()).rejects.toThrow(/no embedded NER models/);
  });
});

const seeds = new URL('../../../../shared/data/seeds/ner.jsonl', import.meta.url);

describe.skipIf(!existsSync(seeds))('ner evaluator on the seed articles', () => {
  it('reports precision, recall, f1 and byLabel, with F1 at the floor of 0.90', async () => {
    const records = readFileSync(seeds, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const result = await evaluator.evaluate(records, { input: 'text', config: defaultConfig() });
    expect(Object.keys(result.metrics).sort()).toEqual(['byLabel', 'f1', 'precision', 'recall']);
    expect(result.metrics.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.predictions).toHaveLength(records.length);
  });
});
