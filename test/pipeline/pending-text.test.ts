import { describe, expect, it } from 'vitest';
import { PendingText } from '../../pipeline/sinks.ts';

describe('pending output text', () => {
  it('hands out exactly the UTF-8 of what was appended, across chunks, and never changes bytes it handed out', () => {
    const pending = new PendingText();
    const lines = ['{"a":1}\n', 'Hà Nội – 😀 \ud800 lone surrogate\n', `${'x'.repeat(1_500_000)}\n`, 'tail\n'];
    for (const line of lines.slice(0, 3)) pending.append(line);
    const expected = Buffer.from(lines.slice(0, 3).join(''));
    expect(pending.bytes).toBe(expected.length);
    const first = pending.take();
    const copy = Buffer.from(Buffer.concat(first));
    expect(copy.equals(expected)).toBe(true);
    expect(pending.bytes).toBe(0);
    pending.append(lines[3]);
    pending.append('ünïcode\n');
    expect(Buffer.concat(first).equals(copy)).toBe(true);
    expect(Buffer.concat(pending.take()).toString()).toBe('tail\nünïcode\n');
    expect(pending.take()).toEqual([]);
  });
});
