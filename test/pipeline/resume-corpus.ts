import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from '../helpers.ts';

/** Stages that need no trained model files, so these tests run on a fresh clone. */
export const TEST_STAGES = 'boilerplate,language,sentences,dates,dedup';

/**
 * A small dump with what makes corpus state matter: lines that recur across articles (boilerplate
 * counts), exact and near duplicates (the dedup index). Built from the seed articles, deterministic.
 */
export function writeCorpus(path: string, articles = 120): string[] {
  const paragraphs = readdirSync(SEEDS)
    .sort()
    .flatMap((name) => readFileSync(join(SEEDS, name), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const lines: string[] = [];
  const ids: string[] = [];
  for (let k = 0; k < articles; k++) {
    const id = `a${String(k).padStart(4, '0')}`;
    let text: string;
    if (k > 10 && k % 9 === 0) {
      text = JSON.parse(lines[random(lines.length)]).text; // an exact copy of an earlier article
    } else {
      const body = Array.from({ length: 2 + random(4) }, () => paragraphs[random(paragraphs.length)]);
      text = [...body, k % 3 === 0 ? 'Đọc thêm: Tin tức mới nhất trong ngày tại chuyên mục Thời sự' : 'Theo Báo Điện tử'].join('\n\n');
    }
    ids.push(id);
    lines.push(JSON.stringify({ id, lang: 'vi', published: `2016-07-${String(1 + (k % 28)).padStart(2, '0')}`, text }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return ids;
}
