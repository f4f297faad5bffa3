import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashString } from '../../../stages/entities/embedded/hash.ts';
import { buildWordClasses, capitalBucket, signature } from '../../../stages/entities/embedded/word-classes.ts';
import { tempDir } from '../../helpers.ts';

/** Unlabelled articles where `khiêm` is a common word and `Khiêm` a given name after titles. */
function corpus(): string {
  const file = join(tempDir(), 'bulk.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    lines.push(JSON.stringify({ text: `Hôm qua anh Khiêm nói rằng chị Lan rất khiêm tốn và ông Minh cũng khiêm tốn như vậy.` }));
    lines.push(JSON.stringify({ text: `Người dân ở đây sống khiêm nhường, còn anh Hùng và ông Khiêm thì vui vẻ.` }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('word classes from unlabelled text', () => {
  it('gives a word written with a capital inside sentences a class of its own, with its lower-case capital ratio', () => {
    const classes = buildWordClasses([corpus()]);
    const lower = classes.get(hashString('khiêm'))!;
    const form = classes.get(hashString('Khiêm'))!;
    expect(lower).toBeGreaterThan(0);
    expect(form).toBeGreaterThan(0);
    // The form's class carries the capital ratio of the lower-case word (half its inner uses).
    expect(capitalBucket(form)).toBe(capitalBucket(lower));
    // Used like the other given names (after anh/ông), unlike the common word (before tốn/nhường).
    const names = ['Lan', 'Minh', 'Hùng'].map((w) => classes.get(hashString(w))!);
    const distance = (a: number, b: number) => {
      let d = 0;
      for (let x = (signature(a, 24) - 1) ^ (signature(b, 24) - 1); x; x >>>= 1) d += x & 1;
      return d;
    };
    const toNames = (w: number) => names.reduce((sum, name) => sum + distance(w, name), 0);
    expect(toNames(form)).toBeLessThan(toNames(lower));
    // Sentence-initial capitals are not capitalised forms.
    expect(classes.has(hashString('Hôm'))).toBe(false);
  });
});
