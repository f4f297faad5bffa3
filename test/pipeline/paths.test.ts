import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputNames, safeName } from '../../pipeline/commit.ts';
import { defaultConfig } from '../../pipeline/config.ts';
import { parseStages } from '../../pipeline/options.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { readJsonl, tempDir } from '../helpers.ts';

/** Every file under a folder, relative to it. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('hostile ids and input names never write outside the output folder', () => {
  it('ids with "/", ".." and control characters stay inside the records', async () => {
    const root = tempDir();
    const ids = ['../../escape', '/etc/passwd', '..', 'a\u0000b\u001b[31mred', 'x/../../../y', 'C:\\Windows\\evil', '\u202eexe.txt'];
    const lines = ids.map((id) => JSON.stringify({ id, text: `Bài báo có mã ${JSON.stringify(id)}. Nội dung ngắn.` }));
    writeFileSync(join(root, 'dump.jsonl'), `${lines.join('\n')}\n`);
    const out = join(root, 'out', 'inner');
    await runPipeline({ inputs: [join(root, 'dump.jsonl')], outDir: out, config: defaultConfig({ stages: parseStages('boilerplate,sentences,dedup'), threads: 0 }) });
    const records = await readJsonl<{ id: string }>(join(out, 'dump.jsonl'));
    expect(records.map((r) => r.id)).toEqual(ids);
    expect(tree(join(root, 'out')).sort()).toEqual(['inner/.newsnlp/journal.jsonl', 'inner/dump.errors.jsonl', 'inner/dump.jsonl', 'inner/dump.stories.jsonl']);
    expect(tree(root).filter((f) => !f.startsWith('out/')).sort()).toEqual(['dump.jsonl']);
  });

  it('input names with control characters, leading dots or separators become safe, distinct output names', async () => {
    const root = tempDir();
    const inputs = ['\u0007bell\u001b.jsonl', '..hidden.jsonl', 'same.jsonl'];
    for (const name of inputs) writeFileSync(join(root, name), `${JSON.stringify({ id: name, text: 'Một câu ngắn. Hai câu ngắn.' })}\n`);
    mkdirSync(join(root, 'same'));
    writeFileSync(join(root, 'same', 'a.txt'), 'Một bài trong thư mục.');
    const out = join(root, 'out');
    await runPipeline({
      inputs: [...inputs.map((n) => join(root, n)), join(root, 'same')],
      outDir: out,
      config: defaultConfig({ stages: parseStages('boilerplate,sentences'), threads: 0 }),
    });
    expect(tree(out).filter((f) => f.endsWith('.jsonl') && !f.includes('errors') && !f.startsWith('.newsnlp')).sort()).toEqual([
      '_bell_.jsonl',
      '_hidden.jsonl',
      'same-2.jsonl',
      'same.jsonl',
    ]);
  });

  it('safeName and outputNames', () => {
    expect(safeName('../../etc/passwd')).toBe('__.._etc_passwd');
    expect(safeName('a\\b:c\u0000d')).toBe('a_b_c_d');
    expect(safeName('')).toBe('input');
    expect(outputNames(['x', 'x', 'X', 'x-2'])).toEqual(['x', 'x-2', 'X-3', 'x-2-2']);
  });
});
